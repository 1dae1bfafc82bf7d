// node tests/browser/upcoming.mjs SITE_DIR: the lists of upcoming meetings
// (home, committees, each committee; standard and large print) with
// themes/default/js/upcoming.js, in Debian's Chromium, the reader's clock set
// by the test. On the build's date (data-build-date) nothing is hidden; after
// every listed date, every listed meeting is hidden and the list's "no more
// meetings" note shows; without JavaScript the page is as built. The site
// must have at least one upcoming meeting (the test packs, built on
// 2022-06-01, have). Exit 0 when all hold, 1 with the failures listed.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const site = process.argv[2];
if (!site || !fs.existsSync(path.join(site, 'index.html'))) {
  console.error('usage: node tests/browser/upcoming.mjs SITE_DIR');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const pages = ['index.html', 'committees/index.html', 'large-print/index.html'];
for (const dir of fs.readdirSync(path.join(site, 'committees'))) {
  if (fs.existsSync(path.join(site, 'committees', dir, 'index.html')))
    pages.push(`committees/${dir}/index.html`);
}
const failures = [];
let listed = 0;

// The reader's clock: `day` (YYYY-MM-DD) at noon, local time.
function clockAt(day) {
  return `(() => {
    const fixed = new Date('${day}T12:00:00').getTime();
    const Real = Date;
    class Fake extends Real {
      constructor(...a) { if (a.length) super(...a); else super(fixed); }
      static now() { return fixed; }
    }
    globalThis.Date = Fake;
  })();`;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const rel of pages) {
    const url = pathToFileURL(path.join(site, rel)).href;
    const html = fs.readFileSync(path.join(site, rel), 'utf8');
    const built = (html.match(/data-build-date="([^"]*)"/) || [])[1];
    if (!built) continue;
    const dates = [...html.matchAll(/data-date="(\d{4}-\d{2}-\d{2})"/g)].map(m => m[1]).sort();
    if (!dates.length) continue;
    listed += dates.length;
    const after = new Date(`${dates[dates.length - 1]}T12:00:00Z`);
    after.setUTCDate(after.getUTCDate() + 1);
    const later = after.toISOString().slice(0, 10);
    for (const [day, expectHidden, js] of [[built, false, true], [later, true, true], [later, false, false]]) {
      const context = await browser.newContext({ javaScriptEnabled: js });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', e => errors.push(String(e)));
      await page.addInitScript(clockAt(day));
      await page.goto(url);
      await page.waitForLoadState('load');
      const state = await page.evaluate(() => ({
        items: [...document.querySelectorAll('[data-upcoming] [data-date]')].map(e => e.hidden),
        notes: [...document.querySelectorAll('[data-upcoming-none]')].map(e => e.hidden),
      }));
      const where = `${rel} (reader's date ${day}${js ? '' : ', no JavaScript'})`;
      if (errors.length) failures.push(`${where}: script error: ${errors.join('; ')}`);
      if (state.items.some(h => h !== expectHidden))
        failures.push(`${where}: items hidden ${JSON.stringify(state.items)}, expected all ${expectHidden}`);
      if (state.notes.some(h => h === expectHidden))
        failures.push(`${where}: "no more meetings" note hidden ${JSON.stringify(state.notes)}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
}
if (!listed) failures.push(`${site}: no upcoming meeting listed, nothing tested`);
for (const f of failures) console.log(`upcoming: ${f}`);
console.log(`upcoming: ${pages.length} pages, ${listed} listed meetings, ${failures.length} failures`);
process.exit(failures.length ? 1 : 0);
