// Parses Power Query (M) expressions with Microsoft's own parser (@microsoft/powerquery-parser), for
// the Power BI model tests: reads a JSON array of { "where": ..., "text": ... } from standard input and
// writes a JSON array of { "where": ..., "error": null | message } to standard output, one per input.
import pq from "@microsoft/powerquery-parser";

const chunks = [];
for await (const chunk of process.stdin) {
    chunks.push(chunk);
}

const expressions = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const results = [];
for (const { where, text } of expressions) {
    const result = await pq.TaskUtils.tryLexParse(pq.DefaultSettings, text);
    results.push({ where, error: pq.TaskUtils.isParseStageOk(result) ? null : `${result.stage}: ${result.error.message}` });
}

process.stdout.write(JSON.stringify(results));
