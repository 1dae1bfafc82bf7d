#!/usr/bin/env node
// phone-selftest.mjs SITE_DIR: proves that phone.mjs can fail. It copies a
// built site, breaks one thing a page on the copy (the menu button gone, a
// tall header, the first idea pushed down, a table's hint or region gone, the
// icons unlinked, /favicon.ico deleted, a page wider than the screen) and
// checks that phone.mjs reports exactly the expected rules on each page.
// Prints one line per page and "N passed, N failed"; exit 1 if any failed.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(process.argv[2] || '');
if (!process.argv[2] || !fs.existsSync(path.join(site, 'index.html'))) {
  console.error('usage: node tests/browser/phone-selftest.mjs SITE_DIR (a site built by clerk)');
  process.exit(2);
}
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'clerk-phone-selftest-'));
fs.cpSync(site, copy, { recursive: true });

const meeting = fs.readdirSync(path.join(copy, 'meetings')).sort()
  .find((m) => fs.existsSync(path.join(copy, 'easy-read/meetings', m, 'index.html')));
// A page with a table wider than a phone: one whose region is marked wide.
const widePages = [];
const visit = (dir, rel) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory() && !r.startsWith('large-print') && !r.startsWith('easy-read')) visit(path.join(dir, e.name), r);
    else if (e.name === 'index.html' && fs.readFileSync(path.join(dir, e.name), 'utf8').includes('table-wrap--wide')) widePages.push(r);
  }
};
visit(path.join(copy, 'meetings'), 'meetings');
widePages.sort();
if (widePages.length < 2) { console.error('phone-selftest: the site needs two pages with wide tables'); process.exit(2); }

function edit(rel, change) {
  const file = path.join(copy, rel);
  const before = fs.readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`phone-selftest: the edit of ${rel} changed nothing`);
  fs.writeFileSync(file, after);
}
const style = (css) => (html) => html.replace('</head>', `<style>${css}</style>\n</head>`);

// page -> the rules phone.mjs must report on it, and nothing else.
const cases = {
  'index.html': ['header-height', 'favicon', 'menu'], // no button: the links all show
  [`large-print/meetings/${meeting}/index.html`]: ['header-height', 'heading-visible', 'favicon'],
  [`easy-read/meetings/${meeting}/index.html`]: ['first-idea', 'favicon'],
  [`meetings/${meeting}/index.html`]: ['page-width', 'favicon'],
  [widePages[0]]: ['table-region', 'favicon'],
  [widePages[1]]: ['table-region', 'favicon'],
};
edit('index.html', (h) => h.replace(/<details class="site-menu">[\s\S]*?<\/details>/, '')
  .replace(/<link rel="(icon|apple-touch-icon)"[^>]*>\n/g, ''));
edit(`large-print/meetings/${meeting}/index.html`, style('.site-header { padding-bottom: 500px; }'));
edit(`easy-read/meetings/${meeting}/index.html`, style('main h1 { margin-bottom: 700px !important; }'));
edit(`meetings/${meeting}/index.html`, (h) => h.replace('</main>', '<div style="width: 900px">A box wider than a phone.</div>\n</main>'));
edit(widePages[0], (h) => h.replace(/<p class="table-wrap__hint">[^<]*<\/p>/g, ''));
edit(widePages[1], (h) => h.replace(/ tabindex="0" role="region" aria-label="[^"]*"/g, ''));
fs.rmSync(path.join(copy, 'favicon.ico'));

const run = spawnSync(process.execPath, [path.join(here, 'phone.mjs'), copy, ...Object.keys(cases)], { encoding: 'utf8' });
let passed = 0, failed = 0;
if (run.status !== 1) { console.log(`FAIL phone.mjs exited ${run.status}, not 1\n${run.stderr}`); failed++; }
for (const [rel, want] of Object.entries(cases)) {
  const got = new Set(run.stdout.split('\n').filter((l) => l.startsWith(rel + ': ')).map((l) => l.slice(rel.length + 2).split(':')[0]));
  const ok = want.length === got.size && want.every((r) => got.has(r));
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${rel}: want ${want.join(', ')}; got ${[...got].join(', ') || 'nothing'}`);
  if (ok) passed++; else failed++;
}
if (failed) console.log(run.stdout);
fs.rmSync(copy, { recursive: true, force: true });
console.log(`phone-selftest: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
