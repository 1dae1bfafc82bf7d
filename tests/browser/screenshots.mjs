#!/usr/bin/env node
// screenshots.mjs [--meeting ID] [--out DIR] SITE_DIR: the first screen of a
// phone (375 x 812 CSS px) in Debian's Chromium, for docs/screenshots/:
//
//   phone-home.png                the home page
//   phone-meeting.png             a meeting page
//   phone-meeting-easy-read.png   the same meeting, easy read
//
// and prints the height of the site header on each, in CSS px. The meeting
// is ID if given, else 2019-09-16-cyp-scrutiny of the example site, else the
// first meeting. Example:
//   ./build/clerk build --out /tmp/site && node tests/browser/screenshots.mjs /tmp/site

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs, startStaticServer, EXIT_USAGE } from './common.mjs';

const USAGE = `usage: node tests/browser/screenshots.mjs [--meeting ID] [--out DIR] [--chromium PATH] SITE_DIR
  --meeting ID     the meeting to show (default 2019-09-16-cyp-scrutiny, else the first)
  --out DIR        where the PNGs go (default docs/screenshots)
  --chromium PATH  browser to launch (default $CHROMIUM or /usr/bin/chromium)
`;
const { site, opts } = parseArgs(process.argv.slice(2), 'screenshots',
  { meeting: 'value', out: 'value', chromium: 'value' }, USAGE);
const out = path.resolve(opts.out || 'docs/screenshots');
const chromiumPath = opts.chromium || process.env.CHROMIUM || '/usr/bin/chromium';
const require = createRequire(import.meta.url);
let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (e) {
  console.error(`screenshots: cannot load playwright-core (${e.message}); run \`npm ci\``);
  process.exit(EXIT_USAGE);
}

function meetingId() {
  const ids = fs.existsSync(path.join(site, 'meetings')) ? fs.readdirSync(path.join(site, 'meetings')).sort() : [];
  if (opts.meeting) return opts.meeting;
  return ids.includes('2019-09-16-cyp-scrutiny') ? '2019-09-16-cyp-scrutiny' : ids[0];
}

async function main() {
  const id = meetingId();
  const shots = [['phone-home.png', 'index.html'], ['phone-meeting.png', `meetings/${id}/index.html`],
    ['phone-meeting-easy-read.png', `easy-read/meetings/${id}/index.html`]];
  for (const [, rel] of shots) {
    if (!fs.existsSync(path.join(site, rel))) { console.error(`screenshots: no ${rel} in ${site}`); return EXIT_USAGE; }
  }
  fs.mkdirSync(out, { recursive: true });
  const server = await startStaticServer(site);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 1, locale: 'en-GB' });
    const page = await context.newPage();
    for (const [name, rel] of shots) {
      await page.goto(base + rel, { waitUntil: 'load' });
      const header = await page.evaluate(() => document.querySelector('header')?.getBoundingClientRect().height ?? 0);
      await page.screenshot({ path: path.join(out, name) });
      console.log(`screenshots: ${name}: ${rel}, header ${Math.round(header)}px of 812px`);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return 0;
}

main().then((code) => { process.exitCode = code; }, (e) => { console.error(`screenshots: ${e.stack || e}`); process.exitCode = EXIT_USAGE; });
