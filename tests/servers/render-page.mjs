// Renders one local HTML page in headless Chromium (the system's, e.g. Debian's /usr/bin/chromium) and
// prints what a test needs as one JSON document on standard output:
//   console  every console message of type error or warning, and uncaught page errors
//   requests every request the page made that was not for the page itself (a self-contained page makes none)
//   text     the page's visible text (document.body.innerText)
//   cells    the summary's counts: [{ priority, rag, text }] from elements with data-priority and data-rag
// and writes a full-page screenshot and an A4 PDF where told.
// Usage: node render-page.mjs <chromium> <page.html> <screenshot.png> <print.pdf>
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [executablePath, page, screenshot, pdf] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'pmf-chromium-'));
const url = pathToFileURL(page).href;
const browser = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
  viewport: { width: 900, height: 1270 },
});
try {
  const tab = browser.pages()[0] ?? await browser.newPage();
  const console = [];
  const requests = [];
  tab.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') console.push(`${m.type()}: ${m.text()}`); });
  tab.on('pageerror', e => console.push(`pageerror: ${e.message}`));
  tab.on('request', r => { if (r.url() !== url) requests.push(r.url()); });
  const response = await tab.goto(url, { waitUntil: 'load' });
  const result = await tab.evaluate(() => ({
    title: document.title,
    text: document.body.innerText,
    cells: [...document.querySelectorAll('[data-priority][data-rag]')].map(e => ({
      priority: e.getAttribute('data-priority'), rag: e.getAttribute('data-rag'), text: e.textContent.trim() })),
    scripts: document.scripts.length,
  }));
  await tab.screenshot({ path: screenshot, fullPage: true });
  await tab.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
  process.stdout.write(JSON.stringify({ ok: response?.ok() ?? false, console, requests, ...result }));
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
