#!/usr/bin/env node
// bench/time-search.mjs SITE_DIR "QUERY" [--log-requests]
//
// How long a resident waits for the search page of a built site, in Debian's
// Chromium (playwright-core from npm ci, never a downloaded browser), served
// on 127.0.0.1: the time until the search form is ready (Pagefind loaded and
// every part of the index merged), then the time from pressing Enter to the
// result count, with the requests and bytes each took. For comparing index
// layouts (docs/benchmarks.md, "Search index at council scale"); not a test.
import path from 'node:path';
import { createRequire } from 'node:module';
import { startStaticServer } from '../tests/browser/common.mjs';

const [siteArg, query] = process.argv.slice(2);
if (!siteArg || !query) {
  console.error('usage: bench/time-search.mjs SITE_DIR "QUERY" [--log-requests]');
  process.exit(2);
}
const site = path.resolve(siteArg);
const logRequests = process.argv.includes('--log-requests');
const require = createRequire(new URL('../package.json', import.meta.url));
const { chromium } = require('playwright-core');

const server = await startStaticServer(site);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});
try {
  const page = await browser.newPage();
  let requests = 0;
  const sizes = [];  // each request's body size, settled before the totals
  page.on('requestfinished', (r) => {
    requests++;
    if (logRequests) console.log(`request ${r.url().replace(origin, '')}`);
    sizes.push(r.sizes().then((s) => s.responseBodySize, () => 0));
  });
  const t0 = Date.now();
  await page.goto(`${origin}/search/index.html`);
  await page.locator('#search-input').waitFor({ state: 'visible', timeout: 60000 });
  const t1 = Date.now();
  const readyRequests = requests;
  await page.fill('#search-input', query);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => /result/.test(document.querySelector('[data-search-status]').textContent), null,
    { timeout: 60000 });
  const t2 = Date.now();
  const status = await page.locator('[data-search-status]').textContent();
  const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  console.log(`ready ${t1 - t0} ms (${readyRequests} requests); search ${t2 - t1} ms ` +
    `(${requests - readyRequests} requests); ${(bytes / 1e6).toFixed(1)} MB in all; ${status}`);
} finally {
  await browser.close();
  server.close();
}
