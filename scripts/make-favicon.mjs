#!/usr/bin/env node
// node scripts/make-favicon.mjs [THEME_DIR]: draws the theme's favicon.svg in
// Debian's Chromium and writes the fallbacks beside it, for browsers and
// devices that do not take an SVG icon:
//   favicon.ico           16, 32 and 48 px (PNG images in an ICO file)
//   apple-touch-icon.png  180 px (a phone's home screen)
// Run it again after changing favicon.svg and commit the three files.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const theme = path.resolve(process.argv[2] || 'themes/default');
const svg = fs.readFileSync(path.join(theme, 'favicon.svg'), 'utf8');
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'] });
async function png(size) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  let sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
  // A home-screen icon is opaque (iOS fills see-through corners with black).
  if (size >= 180) sized = sized.replace(/ rx="\d+"/, '');
  await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
  const bytes = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return bytes;
}

// ICO: a 6-byte header, a 16-byte entry per image, then the PNGs.
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, bytes }, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e);
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(bytes.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += bytes.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.bytes)]);
}

try {
  const images = [];
  for (const size of [16, 32, 48]) images.push({ size, bytes: await png(size) });
  fs.writeFileSync(path.join(theme, 'favicon.ico'), ico(images));
  fs.writeFileSync(path.join(theme, 'apple-touch-icon.png'), await png(180));
  console.log(`make-favicon: wrote favicon.ico and apple-touch-icon.png in ${theme}`);
} finally {
  await browser.close();
}
