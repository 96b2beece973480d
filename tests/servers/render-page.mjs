// Renders one local HTML page in headless Chromium (the system's, e.g. Debian's /usr/bin/chromium) and
// prints what a test needs as one JSON document on standard output:
//   console  every console message of type error or warning, and uncaught page errors
//   requests every request the page made that was not for the page itself (a self-contained page makes none)
//   text     the page's visible text (document.body.innerText)
//   cells    the summary's counts: [{ priority, rag, text }] from elements with data-priority and data-rag
//   desktop  and phone: the layout at 900px and at 390px (a phone) wide:
//            overflow   how many pixels the page is wider than the window (0: no sideways scrolling)
//            overlaps   pairs of cells of one table row, or a RAG badge and its cell's edge, that overlap
//            minTextPx  the smallest font size of body text (paragraphs, table cells, list items), in CSS px
// and writes a full-page screenshot at each width (<base>.png, <base>-phone.png) and an A4 PDF as the
// browser prints it (<base>.pdf: the page's own @page rules, backgrounds on; no header or footer of
// Chromium's, so page numbers and running headers are the page's CSS).
// Usage: node render-page.mjs <chromium> <page.html> <artefact base path>
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [executablePath, page, base] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'pmf-chromium-'));
const url = pathToFileURL(page).href;
const browser = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
  viewport: { width: 900, height: 1270 },
});

// Runs in the page: what overlaps, what overflows, and the smallest body text.
const layout = () => {
  const boxes = (a, b) => {
    const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return x > 1 && y > 1;
  };
  const name = e => `${e.closest('[data-indicator]')?.getAttribute('data-indicator') ?? ''} ${e.tagName.toLowerCase()}.${e.className?.baseVal ?? e.className}`.trim();
  const overlaps = [];
  for (const row of document.querySelectorAll('tr')) {
    const cells = [...row.children].filter(c => c.getBoundingClientRect().width > 0);
    for (let i = 0; i < cells.length; i++)
      for (let j = i + 1; j < cells.length; j++)
        if (boxes(cells[i].getBoundingClientRect(), cells[j].getBoundingClientRect()))
          overlaps.push(`${name(cells[i])} / ${name(cells[j])}`);
  }
  for (const badge of document.querySelectorAll('td .rag')) {
    const b = badge.getBoundingClientRect(), c = badge.closest('td').getBoundingClientRect();
    if (b.left < c.left - 1 || b.right > c.right + 1) overlaps.push(`${name(badge)} leaves its cell`);
  }
  const sizes = [...document.querySelectorAll('p, td, li')].filter(e => e.innerText.trim().length > 0)
    .map(e => parseFloat(getComputedStyle(e).fontSize));
  return {
    overflow: Math.max(0, document.documentElement.scrollWidth - window.innerWidth),
    overlaps,
    minTextPx: sizes.length ? Math.min(...sizes) : 0,
  };
};

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
  const desktop = await tab.evaluate(layout);
  await tab.screenshot({ path: `${base}.png`, fullPage: true });
  await tab.setViewportSize({ width: 390, height: 844 });
  const phone = await tab.evaluate(layout);
  await tab.screenshot({ path: `${base}-phone.png`, fullPage: true });
  await tab.pdf({ path: `${base}.pdf`, format: 'A4', preferCSSPageSize: true, printBackground: true });
  process.stdout.write(JSON.stringify({ ok: response?.ok() ?? false, console, requests, ...result, desktop, phone }));
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
