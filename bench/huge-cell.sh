#!/usr/bin/env bash
# Peak memory of `pmf ingest` on the worst file of the bad-file corpus, scaled up to the attack's size:
# an .xlsx of about 0.5 MB holding one 500 MB inline string (or shared string), measured as the child
# process's maximum resident set size (/usr/bin/time -v). Issue 16 item 5: 2,150 MB before, target < 300 MB.
# Usage: bench/huge-cell.sh [megabytes=500] [inline|shared] [work folder]
set -eu
MB=${1:-500}
KIND=${2:-inline}
W=${3:-$(mktemp -d /tmp/pmf-hugecell.XXXXXX)}
mkdir -p "$W"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PMF="dotnet $ROOT/src/Pmf.Cli/bin/Debug/net10.0/pmf.dll"
python3 - "$W/huge.xlsx" "$MB" "$KIND" <<'PY'
import sys, zipfile
path, mb, kind = sys.argv[1], int(sys.argv[2]), sys.argv[3]
ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
wb = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Return" sheetId="1" r:id="rId1"/></sheets></workbook>'
wbrels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
head = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Indicator</t></is></c><c r="B1" t="inlineStr"><is><t>Period</t></is></c><c r="C1" t="inlineStr"><is><t>Value</t></is></c><c r="D1" t="inlineStr"><is><t>Commentary</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>ASH-HOU-01</t></is></c><c r="B2" t="inlineStr"><is><t>2026/27 Q1</t></is></c><c r="C2"><v>30</v></c>')
chunk = b'x' * (1 << 20)
with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr('[Content_Types].xml', ct); z.writestr('_rels/.rels', rels); z.writestr('xl/workbook.xml', wb); z.writestr('xl/_rels/workbook.xml.rels', wbrels)
    with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as s:
        s.write(head.encode())
        if kind == 'inline':
            s.write(b'<c r="D2" t="inlineStr"><is><t>')
            for _ in range(mb): s.write(chunk)
            s.write(b'</t></is></c>')
        else:
            s.write(b'<c r="D2" t="s"><v>0</v></c>')
        s.write(b'</row></sheetData></worksheet>')
    with z.open('xl/sharedStrings.xml', 'w', force_zip64=True) as s:
        s.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>')
        if kind != 'inline':
            for _ in range(mb): s.write(chunk)
        s.write(b'</t></si></sst>')
PY
$PMF demo --out "$W/demo" > "$W/demo.log" 2>&1
export Pmf__Storage__Kind=local Pmf__Storage__LocalRoot="$W/demo/storage"
export Pmf__Warehouse__Provider=sqlite Pmf__Warehouse__ConnectionString="Data Source=$W/demo/warehouse.db"
/usr/bin/time -v $PMF ingest "$W/huge.xlsx" --service HOU > "$W/ingest.log" 2> "$W/time.log" || true
echo "huge-cell kind=$KIND string_mb=$MB file_kb=$(( $(stat -c %s "$W/huge.xlsx") / 1024 )) peak_rss_mb=$(( $(grep 'Maximum resident' "$W/time.log" | awk '{print $6}') / 1024 )) seconds=$(grep 'Elapsed (wall' "$W/time.log" | awk '{print $8}') verdict=\"$(grep -o 'Rejected\|Accepted[A-Za-z]*' "$W/ingest.log" | head -1)\""
grep -o "holds a cell or string[^;]*" "$W/ingest.log" | head -1 || true
