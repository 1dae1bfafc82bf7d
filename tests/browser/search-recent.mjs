#!/usr/bin/env node
// search-recent.mjs CLERK SOURCE_DIR: a report edited after the site's
// search index was built is found by its new words and not by its old ones,
// once, in Debian's Chromium (playwright-core) on 127.0.0.1.
//
// The edit build indexes only the changed pages, in the part of recent
// changes; the part that held the report keeps its old result, which the
// search page must hide (pagefind/standard.json "hidden",
// generator/output/search_plan.h). Copies the example site of SOURCE_DIR
// into a temporary folder, builds it with CLERK, changes a phrase of one
// report, builds again, and searches the old phrase, the new phrase and a
// phrase the report shares with other pages.
// Exit 0 when all pass, 1 on a failure, 2 on setup errors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { startStaticServer } from './common.mjs';

const [clerk, sourceDir] = process.argv.slice(2).map((a) => path.resolve(a));
if (!clerk || !sourceDir) {
  console.error('usage: node tests/browser/search-recent.mjs CLERK SOURCE_DIR');
  process.exit(2);
}
const REPORT = 'content/meetings/2019-09-16-cyp-scrutiny/care-leavers-eia.md';
const PAGE = 'meetings/2019-09-16-cyp-scrutiny/care-leavers-eia/';
const OLD = 'polish the skills of care leavers';
const NEW = 'sharpen the skills of care leavers';
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const require = createRequire(import.meta.url);
let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (e) {
  console.error(`search-recent: cannot load playwright-core (${e.message}); run npm ci`);
  process.exit(2);
}

const failures = [];
const fail = (msg) => { failures.push(msg); console.log(`search-recent: FAIL: ${msg}`); };

// The example site, built, edited and built again.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'clerk-search-recent-'));
const site = path.join(work, 'site');
const out = path.join(work, 'public');
fs.mkdirSync(site);
for (const part of ['site.yaml', 'content', 'assets']) {
  const from = path.join(sourceDir, part);
  if (fs.existsSync(from)) fs.cpSync(from, path.join(site, part), { recursive: true });
}
const build = () => execFileSync(clerk, ['build', '--source', site, '--out', out],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const report = path.join(site, REPORT);
const text = fs.readFileSync(report, 'utf8');
if (!text.toLowerCase().includes(OLD)) {
  console.error(`search-recent: ${REPORT} no longer says "${OLD}"`);
  process.exit(2);
}
let browser;
let server;
try {
  build();
  fs.writeFileSync(report, text.replace(/polish the skills of care leavers/i, NEW));
  execFileSync(clerk, ['build', '--source', site, '--out', out], { stdio: 'pipe' });
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'pagefind', 'standard.json'), 'utf8'));
  if (!manifest.parts.includes('standard/recent/')) fail(`the edit made no part of recent changes: ${manifest.parts}`);
  if (!manifest.hidden || !manifest.hidden.length) fail('the edit hid no out-of-date result');

  server = await startStaticServer(out);
  const origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The result links for `query` on the standard search page.
  const search = async (query) => {
    await page.goto(`${origin}/search/index.html?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => /result/.test(document.querySelector('[data-search-status]')?.textContent || ''),
      null, { timeout: 15000 }).catch(() => {});
    return page.$$eval('[data-search-results] a', (as) => as.map((a) => a.getAttribute('href')));
  };
  const count = (hrefs) => hrefs.filter((h) => h.endsWith(PAGE) || h.endsWith(`${PAGE}index.html`)).length;

  const found = await search(`"${NEW}"`);
  if (count(found) !== 1) fail(`"${NEW}" found the edited report ${count(found)} times: ${found.join(', ') || 'none'}`);
  else console.log(`search-recent: the new words find ${PAGE}`);
  const old = await search(`"${OLD}"`);
  if (count(old) !== 0) fail(`"${OLD}", which the report no longer says, still finds it: ${old.join(', ')}`);
  else console.log('search-recent: the old words no longer find it');
  const shared = await search('care leavers accommodation');
  if (count(shared) !== 1) fail(`"care leavers accommodation" lists the edited report ${count(shared)} times`);
  if (shared.length < 2) fail(`"care leavers accommodation" found ${shared.length} results: the older parts are not searched`);
  for (const e of errors) fail(`script error: ${e}`);
} finally {
  if (browser) await browser.close();
  if (server) server.close();
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(`search-recent: ${failures.length} failure${failures.length === 1 ? '' : 's'}`);
process.exit(failures.length ? 1 : 0);
