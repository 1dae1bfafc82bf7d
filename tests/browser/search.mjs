#!/usr/bin/env node
// search.mjs SITE_DIR: the search page in Debian's Chromium (playwright-core,
// never a downloaded browser), served on 127.0.0.1. With the keyboard only,
// types a phrase from a report into the search box, presses Enter, and
// expects that report among the results, the result count announced in the
// role=status region, results from several parts of the index (it is built
// in parts, merged by the page), and the results reachable by Tab. A phrase
// from a resolution finds its minutes and no decision register (they are
// left out of the index). Then the report's phrase with a
// committee filter that excludes it (no result), the large-print and
// easy-read search pages (the standard index, each result sent to the
// rendition's own page, which exists and opens when followed), and the page with
// JavaScript off (it must say so and link to the committees and decisions).
// Needs the site built with its Pagefind index (clerk build without
// --no-search). Exit 0 when all pass, 1 on a failure, 2 on setup errors.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startStaticServer } from './common.mjs';

const site = path.resolve(process.argv[2] || '');
const PHRASE = process.env.CLERK_SEARCH_PHRASE || 'act as corporate parents';
const EXPECT = process.env.CLERK_SEARCH_EXPECT ||
  'meetings/2019-09-16-cyp-scrutiny/care-leavers-accommodation/';
const DECISION_PHRASE = process.env.CLERK_SEARCH_DECISION || 'young representatives be invited back';
const DECISION_EXPECT = process.env.CLERK_SEARCH_DECISION_EXPECT || 'meetings/2024-06-18-cyp-osc/minutes/';
const OTHER_COMMITTEE = 'Children & Young People Overview and Scrutiny Committee';
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

if (!process.argv[2] || !fs.existsSync(path.join(site, 'search', 'index.html'))) {
  console.error('usage: node tests/browser/search.mjs SITE_DIR (a built site with search/index.html)');
  process.exit(2);
}
if (!fs.existsSync(path.join(site, 'pagefind', 'standard.json'))) {
  console.error(`search: no ${site}/pagefind/: build without --no-search, with pagefind installed (npm ci)`);
  process.exit(2);
}
const require = createRequire(import.meta.url);
let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (e) {
  console.error(`search: cannot load playwright-core (${e.message}); run npm ci`);
  process.exit(2);
}

const server = await startStaticServer(site);
const origin = `http://127.0.0.1:${server.address().port}`;

const failures = [];
const fail = (msg) => { failures.push(msg); console.log(`search: FAIL: ${msg}`); };
// Types `query` into the search box in place of what is there, presses
// Enter, and waits for the status region to count its results.
async function searchFor(page, query) {
  await page.fill('#search-input', query);
  await page.focus('#search-input');
  await page.keyboard.press('Enter');
  await page.waitForFunction((q) => {
    const t = document.querySelector('[data-search-status]').textContent;
    return /result/.test(t) && t.includes(q);
  }, query, { timeout: 15000 }).catch(() => {});
}
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/search/index.html`);
  await page.locator('#search-input').waitFor({ state: 'visible', timeout: 15000 });
  // Keyboard only: Tab from the top until the search box has focus.
  let focused = false;
  for (let i = 0; i < 40 && !focused; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.id === 'search-input');
  }
  if (!focused) fail('the search box cannot be reached with the Tab key');
  await page.focus('#search-input');
  await page.keyboard.type(PHRASE);
  await page.keyboard.press('Enter');
  const status = page.locator('[data-search-status]');
  await page.waitForFunction(() => /result/.test(document.querySelector('[data-search-status]').textContent),
    null, { timeout: 15000 }).catch(() => {});
  const statusText = (await status.textContent()) || '';
  if (!/\d+ results? for/.test(statusText)) fail(`status region says "${statusText}", not a result count`);
  const hrefs = await page.$$eval('[data-search-results] a', (as) => as.map((a) => a.getAttribute('href')));
  if (!hrefs.some((h) => h.includes(EXPECT))) {
    fail(`"${PHRASE}" did not find ${EXPECT}; results: ${hrefs.join(', ') || 'none'}`);
  } else {
    console.log(`search: "${PHRASE}" found ${EXPECT} (${hrefs.length} results shown)`);
  }
  if (hrefs.some((h) => /large-print|easy-read/.test(h))) fail('standard search shows other renditions');
  // The index comes in parts (the meetings of 2010 to 2019, of 2020 to 2029,
  // and the rest of the site), merged by the page: results come from each.
  if (!hrefs.some((h) => /\/meetings\/201\d-/.test(h)) || !hrefs.some((h) => /\/meetings\/202\d-/.test(h)) ||
      !hrefs.some((h) => !/\/meetings\/\d{4}-/.test(h))) {
    fail(`results do not come from every part of the index: ${hrefs.join(', ')}`);
  }
  // The first result is the next Tab stop after the form.
  await page.focus('.form-button');
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement?.closest('[data-search-results]') !== null);
  if (hrefs.length && !next) fail('Tab from the Search button does not reach the first result');
  // A decision is found on the minutes page it comes from, not on the
  // decision registers, which repeat it (decisions.mustache leaves them out
  // of the index).
  await searchFor(page, DECISION_PHRASE);
  const decided = await page.$$eval('[data-search-results] a', (as) => as.map((a) => a.getAttribute('href')));
  if (!decided.some((h) => h.includes(DECISION_EXPECT))) {
    fail(`"${DECISION_PHRASE}" did not find ${DECISION_EXPECT}; results: ${decided.join(', ') || 'none'}`);
  } else {
    console.log(`search: "${DECISION_PHRASE}" found ${DECISION_EXPECT} (${decided.length} results shown)`);
  }
  if (decided.some((h) => /(^|\/)decisions\//.test(h))) {
    fail(`"${DECISION_PHRASE}" found a decision register: ${decided.filter((h) => /decisions\//.test(h)).join(', ')}`);
  }
  await searchFor(page, PHRASE);
  // A committee filter that excludes the report.
  await page.selectOption('#search-committee', { label: OTHER_COMMITTEE });
  await page.focus('#search-input');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !/Searching/.test(document.querySelector('[data-search-status]').textContent),
    null, { timeout: 15000 }).catch(() => {});
  const filtered = await page.$$eval('[data-search-results] a', (as) => as.map((a) => a.getAttribute('href')));
  if (filtered.some((h) => h.includes(EXPECT))) fail('the committee filter did not exclude the report');
  if (!new URL(page.url()).searchParams.get('q')) fail('the query is not kept in the address');

  // Large print and easy read: the standard index (only it is built), each
  // result sent to the rendition's own page, which exists; following one
  // opens that page.
  for (const rendition of ['large-print', 'easy-read']) {
    await page.goto(`${origin}/${rendition}/search/index.html?q=${encodeURIComponent(PHRASE)}`);
    await page.waitForFunction(() => /result/.test(document.querySelector('[data-search-status]')?.textContent || ''),
      null, { timeout: 15000 }).catch(() => {});
    const found = await page.$$eval('[data-search-results] a', (as) => as.map((a) => a.getAttribute('href')));
    if (!found.some((h) => h.includes(`${rendition}/${EXPECT}`))) {
      fail(`${rendition}: "${PHRASE}" did not find ${rendition}/${EXPECT}; results: ${found.join(', ') || 'none'}`);
      continue;
    }
    if (found.some((h) => !h.includes(`/${rendition}/`))) fail(`${rendition} search shows other renditions`);
    const missing = found.filter((h) => !fs.existsSync(path.join(site, new URL(h, origin).pathname)));
    if (missing.length) fail(`${rendition}: results lead to pages that do not exist: ${missing.join(', ')}`);
    const link = page.locator(`[data-search-results] a[href*="${rendition}/${EXPECT}"]`).first();
    const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
    const opened = new URL(page.url()).pathname;
    if (!response || response.status() !== 200 || !opened.includes(`/${rendition}/${EXPECT}`)) {
      fail(`${rendition}: following the result opened ${opened} (${response ? response.status() : 'no response'})`);
    } else {
      console.log(`search: ${rendition} search found and opened ${opened}`);
    }
  }
  for (const e of errors) fail(`script error: ${e}`);

  // JavaScript off: the page says so and links to the lists.
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const plain = await ctx.newPage();
  await plain.goto(`${origin}/search/index.html`);
  const text = await plain.locator('main').innerText();
  if (!/JavaScript is switched off/.test(text)) fail('without JavaScript the page does not say search needs it');
  const links = await plain.$$eval('main a', (as) => as.map((a) => a.getAttribute('href')));
  for (const want of ['committees/index.html', 'decisions/index.html']) {
    if (!links.some((h) => h.endsWith(want))) fail(`without JavaScript there is no link to ${want}`);
  }
  if (await plain.locator('#search-input').isVisible()) fail('without JavaScript a search box that cannot work is shown');
  await ctx.close();
} finally {
  await browser.close();
  server.close();
}
console.log(`search: ${failures.length} failure${failures.length === 1 ? '' : 's'}`);
process.exit(failures.length ? 1 : 0);
