#!/usr/bin/env node
// renditions.mjs SITE_DIR [PAGE...]: per-page browser checks that axe-core
// does not make, over every page of every rendition, in Debian's Chromium:
//
//   text-spacing        WCAG 1.4.12: with line height 1.5, paragraph spacing
//                       2em, letter spacing 0.12em and word spacing 0.16em
//                       forced on, no text is cut off by a box that clips
//   zoom-overlap        WCAG 1.4.4: at 200% zoom (a 640 CSS px wide window
//                       for a 1280 px screen) no two lines of text overlap
//   large-print-size    large-print/ pages: every visible text node is set
//                       at 24px (18pt) or more
//   easy-read-sentence  easy-read/ pages: every sentence has 15 words or
//                       fewer (blocks split after . ! ?)
//   load-error          the page did not load or a check crashed
//
// (No horizontal scroll at 320 px and the skip link are checked by axe.mjs.)
// Output and exit status as the other checks (tests/browser/README.md).

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs, walk, Report, plural, startStaticServer, checkPages, within, EXIT_USAGE } from './common.mjs';

const USAGE = `usage: node tests/browser/renditions.mjs [--jobs N] [--chromium PATH] SITE_DIR [PAGE...]
  --jobs N         pages checked at once (default 3)
  --chromium PATH  browser to launch (default $CHROMIUM or /usr/bin/chromium)
`;
const t0 = performance.now();
const { site, pages: onlyPages, opts } = parseArgs(process.argv.slice(2), 'renditions',
  { jobs: 'value', chromium: 'value' }, USAGE);
const jobs = Math.max(1, parseInt(opts.jobs || process.env.CLERK_AXE_JOBS || '3', 10) || 3);
const chromiumPath = opts.chromium || process.env.CHROMIUM || '/usr/bin/chromium';
const MAX_WORDS = 15;
const MIN_LARGE_PX = 24;

const require = createRequire(import.meta.url);
let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (e) {
  console.error(`renditions: cannot load playwright-core (${e.message}); run \`npm ci\``);
  process.exit(EXIT_USAGE);
}
if (!fs.existsSync(chromiumPath)) {
  console.error(`renditions: no browser at ${chromiumPath}`);
  process.exit(EXIT_USAGE);
}

/* eslint-disable no-undef */
// Shared in-page helpers, injected as a string.
const HELPERS = `
window.__clerk = {
  describe(el) {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    else if (el.classList.length) s += '.' + [...el.classList].slice(0, 2).join('.');
    const t = (el.textContent || '').replace(/\\s+/g, ' ').trim();
    if (t) s += ' "' + (t.length > 40 ? t.slice(0, 37) + '...' : t) + '"';
    return s;
  },
  // Visible text nodes: not hidden, not clipped to nothing (visually-hidden).
  textNodes() {
    const out = [];
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      if (!n.data.trim()) continue;
      const el = n.parentElement;
      if (!el || !el.checkVisibility({ checkVisibilityCSS: true })) continue;
      if (el.closest('[aria-hidden="true"],svg,script,style')) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) continue;
      let clipped = false;
      for (let p = el; p && p !== document.body; p = p.parentElement) {
        const cs = getComputedStyle(p);
        if (cs.clip && cs.clip !== 'auto' || cs.clipPath && cs.clipPath !== 'none') { clipped = true; break; }
      }
      if (clipped) continue;
      out.push(n);
    }
    return out;
  },
};`;

function textSpacing() {
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (!el.checkVisibility({ checkVisibilityCSS: true })) continue;
    const cs = getComputedStyle(el);
    const clipsX = /hidden|clip/.test(cs.overflowX);
    const clipsY = /hidden|clip/.test(cs.overflowY);
    if (!clipsX && !clipsY) continue;
    if (cs.clip && cs.clip !== 'auto') continue; // visually-hidden on purpose
    if (el.clientWidth <= 2 || el.clientHeight <= 2) continue;
    if (!(el.textContent || '').trim()) continue;
    if ((clipsY && el.scrollHeight > el.clientHeight + 2) || (clipsX && el.scrollWidth > el.clientWidth + 2)) {
      out.push(`${window.__clerk.describe(el)} cuts off its text (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
    }
  }
  return out;
}

function overlaps() {
  const rects = [];
  window.__clerk.textNodes().forEach((n, i) => {
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.width > 1 && r.height > 1) rects.push({ i, n, top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right });
    }
  });
  rects.sort((a, b) => a.top - b.top);
  const out = [];
  for (let a = 0; a < rects.length && out.length < 5; a++) {
    for (let b = a + 1; b < rects.length && rects[b].top < rects[a].bottom - 3; b++) {
      const A = rects[a], B = rects[b];
      if (A.i === B.i) continue;
      const h = Math.min(A.bottom, B.bottom) - Math.max(A.top, B.top);
      const w = Math.min(A.right, B.right) - Math.max(A.left, B.left);
      if (h > 3 && w > 3) {
        out.push(`${window.__clerk.describe(A.n.parentElement)} overlaps ${window.__clerk.describe(B.n.parentElement)}`);
        break;
      }
    }
  }
  return out;
}

function fontSizes(min) {
  const out = [];
  const seen = new Set();
  for (const n of window.__clerk.textNodes()) {
    const el = n.parentElement;
    if (seen.has(el)) continue;
    seen.add(el);
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (px < min - 0.05) out.push(`${window.__clerk.describe(el)} is ${px}px`);
  }
  return out;
}

function sentences(max) {
  const out = [];
  const BLOCKS = 'p,h1,h2,h3,h4,h5,h6,li,dt,dd,td,th,caption,figcaption,label,summary,legend';
  for (const el of document.body.querySelectorAll(BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue;
    if (!el.checkVisibility({ checkVisibilityCSS: true })) continue;
    const text = (el.innerText || '').replace(/\s+/g, ' ').trim();
    for (const s of text.split(/(?<=[.!?])\s+/)) {
      const words = s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
      if (words.length > max) out.push(`${words.length} words: "${s.length > 90 ? s.slice(0, 87) + '...' : s}"`);
    }
  }
  return out;
}
/* eslint-enable no-undef */

const SPACING_CSS = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

async function checkPage(page, base, rel) {
  const findings = [];
  const add = (rule, list) => { for (const m of list) findings.push([rule, m]); };
  const url = base + rel.split('/').map(encodeURIComponent).join('/');
  await page.setViewportSize({ width: 1280, height: 800 });
  const resp = await page.goto(url, { waitUntil: 'load' });
  if (!resp || resp.status() >= 400) { findings.push(['load-error', `HTTP ${resp ? resp.status() : 'none'}`]); return findings; }
  await page.evaluate(HELPERS);
  if (rel.startsWith('large-print/')) add('large-print-size', (await page.evaluate(fontSizes, MIN_LARGE_PX)).slice(0, 5));
  if (rel.startsWith('easy-read/')) add('easy-read-sentence', await page.evaluate(sentences, MAX_WORDS));
  // 200% zoom: half the CSS width of a 1280 px window.
  await page.setViewportSize({ width: 640, height: 800 });
  add('zoom-overlap', await page.evaluate(overlaps));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.addStyleTag({ content: SPACING_CSS });
  add('text-spacing', (await page.evaluate(textSpacing)).slice(0, 5));
  return findings;
}

async function main() {
  const pages = onlyPages.length ? onlyPages : walk(site);
  if (!pages.length) { console.error('renditions: no pages'); return EXIT_USAGE; }
  const server = await startStaticServer(site);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'] });
  const report = new Report('renditions');
  let done = 0;
  async function openContext() {
    const context = await browser.newContext({ deviceScaleFactor: 1, locale: 'en-GB' });
    return { context, page: await context.newPage() };
  }
  function onResult(rel, findings) {
    for (const [rule, msg] of findings) report.add(rel, rule, msg);
    if (++done % 100 === 0) console.log(`renditions: ${done}/${pages.length} pages`);
  }
  try {
    await checkPages({ items: pages, jobs, openContext, check: (page, rel) => checkPage(page, base, rel), onResult });
  } finally {
    await within(browser.close(), 30000, 'closing the browser').catch(() => {});
    server.close();
  }
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  return report.finish(`${plural(pages.length, 'page')}, ${plural(report.count, 'finding')} (${secs} s)`);
}

// process.exit, not exitCode: a browser that would not close, or a socket
// still open, must not keep the run (and the test suite) waiting.
main().then((code) => process.exit(code), (e) => {
  console.error(`renditions: ${e.stack || e}`);
  process.exit(EXIT_USAGE);
});
