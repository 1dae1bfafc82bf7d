#!/usr/bin/env node
// phone.mjs SITE_DIR [PAGE...]: the first screen on a phone (issue 19), in
// Debian's Chromium at 375 x 812 CSS px, the size of a common phone:
//
//   header-height     the site header takes at most 25% of the screen
//   heading-visible   the page's <h1> is on the first screen, below the header
//   first-idea        easy-read meeting pages: the first idea's first
//                     sentence is on the first screen too
//   menu              with JavaScript off, the main navigation is folded
//                     behind a button named "Menu" that screen readers hear
//                     as collapsed; clicking it shows every link and says
//                     expanded, clicking again folds it; the same by
//                     keyboard (Tab to it, a visible focus, Enter, Space);
//                     at 1280 px there is no button and the links show
//   page-width        the page itself never scrolls sideways
//   table-region      a table wider than its column is inside a focusable
//                     region (tabindex="0", role="region", a name); a wide
//                     one (table-wrap--wide) shows the hint "Scroll
//                     sideways..."; a table that fits shows no hint
//   favicon           the page links an SVG and an ICO icon that exist
//                     (resolved from the page's own folder, as from file://),
//                     and the site root answers /favicon.ico
//   load-error        the page did not load or a check crashed
//
// Without PAGEs: the home page, a meeting (the first whose folder has
// easy-read and large-print copies) in each of the three renditions, and
// every page with a table (table-region and page-width only).
// Output and exit status as the other checks (tests/browser/README.md).

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs, walk, Report, plural, startStaticServer, checkPages, within, EXIT_USAGE } from './common.mjs';

const USAGE = `usage: node tests/browser/phone.mjs [--jobs N] [--chromium PATH] SITE_DIR [PAGE...]
  --jobs N         pages checked at once (default 2)
  --chromium PATH  browser to launch (default $CHROMIUM or /usr/bin/chromium)
`;
const t0 = performance.now();
const { site, pages: onlyPages, opts } = parseArgs(process.argv.slice(2), 'phone',
  { jobs: 'value', chromium: 'value' }, USAGE);
const jobs = Math.max(1, parseInt(opts.jobs || '2', 10) || 2);
const chromiumPath = opts.chromium || process.env.CHROMIUM || '/usr/bin/chromium';
export const PHONE = { width: 375, height: 812 };
const WIDE = { width: 1280, height: 800 };
const MAX_HEADER_SHARE = 0.25;

const require = createRequire(import.meta.url);
let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (e) {
  console.error(`phone: cannot load playwright-core (${e.message}); run \`npm ci\``);
  process.exit(EXIT_USAGE);
}
if (!fs.existsSync(chromiumPath)) {
  console.error(`phone: no browser at ${chromiumPath}`);
  process.exit(EXIT_USAGE);
}

// ---------------------------------------------------------------------------
// In-page checks (run by page.evaluate; no closures).

/* eslint-disable no-undef */
function firstScreen(maxShare) {
  const out = [];
  const vh = window.innerHeight;
  const header = document.querySelector('body > header, header.site-header');
  const headerBottom = header ? header.getBoundingClientRect().bottom : 0;
  if (header) {
    const h = header.getBoundingClientRect().height;
    if (h > vh * maxShare) out.push(['header-height', `the header is ${Math.round(h)}px tall, more than ${Math.round(maxShare * 100)}% of ${vh}px`]);
  }
  const h1 = document.querySelector('main h1');
  if (!h1) out.push(['heading-visible', 'no <h1> in <main>']);
  else {
    const r = h1.getBoundingClientRect();
    if (r.top < headerBottom - 1 || r.bottom > vh) out.push(['heading-visible', `the h1 "${h1.textContent.trim().slice(0, 50)}" is at ${Math.round(r.top)}-${Math.round(r.bottom)}px, not on the first screen (${Math.round(headerBottom)}-${vh}px)`]);
  }
  if (/\/easy-read\/meetings\/[^/]+\/(index\.html)?$/.test(location.pathname)) {
    const first = document.querySelector('main .easy-row p, main .easy-row');
    if (!first) out.push(['first-idea', 'no easy-read idea (.easy-row) on the page']);
    else {
      const r = first.getBoundingClientRect();
      if (r.bottom > vh) out.push(['first-idea', `the first idea "${first.textContent.trim().slice(0, 50)}" is at ${Math.round(r.top)}-${Math.round(r.bottom)}px, not all on the first screen (${vh}px)`]);
    }
  }
  return out;
}

function pageWidth() {
  const de = document.documentElement;
  return de.scrollWidth > window.innerWidth ? [['page-width', `the page is ${de.scrollWidth}px wide in a ${window.innerWidth}px window`]] : [];
}

function tableRegions() {
  const out = [];
  const describe = (t) => {
    const c = t.querySelector('caption');
    return c ? `table "${c.textContent.trim().replace(/\s+/g, ' ').slice(0, 50)}"` : 'a table without a caption';
  };
  for (const table of document.querySelectorAll('main table')) {
    if (!table.checkVisibility({ checkVisibilityCSS: true })) continue;
    const region = table.closest('[role="region"]');
    const parentWidth = (region || table.parentElement).clientWidth;
    const overflows = region ? region.scrollWidth > region.clientWidth + 1 : table.getBoundingClientRect().width > parentWidth + 1;
    const hint = region && region.querySelector(':scope > .table-wrap__hint');
    const hintShown = !!hint && hint.checkVisibility({ checkVisibilityCSS: true }) && /scroll sideways/i.test(hint.textContent);
    if (!overflows) {
      if (hintShown) out.push(['table-region', `${describe(table)} fits, but says "${hint.textContent.trim()}"`]);
      continue;
    }
    if (!region) { out.push(['table-region', `${describe(table)} is wider than its column and not in a role="region"`]); continue; }
    if (region.getAttribute('tabindex') !== '0') out.push(['table-region', `the region of ${describe(table)} has no tabindex="0", so a keyboard cannot scroll it`]);
    const name = (region.getAttribute('aria-label') || '').trim() ||
      (region.getAttribute('aria-labelledby') || '').split(/\s+/).map((id) => document.getElementById(id)?.textContent || '').join(' ').trim();
    if (!name) out.push(['table-region', `the region of ${describe(table)} has no name`]);
    if (!/(auto|scroll)/.test(getComputedStyle(region).overflowX)) out.push(['table-region', `the region of ${describe(table)} does not scroll`]);
    // The hint is static (no JavaScript): shown for tables too wide for a
    // phone by their columns, which the generator marks.
    if (region.classList.contains('table-wrap--wide') && !hintShown) out.push(['table-region', `${describe(table)} is wide and scrolls, but no "Scroll sideways" hint shows`]);
  }
  return out;
}

function iconLinks() {
  return [...document.querySelectorAll('link[rel~="icon"], link[rel="apple-touch-icon"]')]
    .map((l) => ({ rel: l.getAttribute('rel'), type: l.getAttribute('type') || '', href: l.getAttribute('href') }));
}
/* eslint-enable no-undef */

// ---------------------------------------------------------------------------
// The menu button, with JavaScript off, by mouse and by keyboard.

async function axMenu(cdp) {
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const node = nodes.find((n) => !n.ignored && n.name && n.name.value === 'Menu' &&
    ['DisclosureTriangle', 'button'].includes(n.role && n.role.value));
  if (!node) return null;
  const expanded = (node.properties || []).find((p) => p.name === 'expanded');
  return { role: node.role.value, expanded: expanded ? expanded.value.value : undefined };
}

async function navState(page) {
  return page.evaluate(() => {
    const links = [...document.querySelectorAll('nav[aria-label="Main"] a')];
    const shown = links.filter((a) => a.checkVisibility({ checkVisibilityCSS: true }) && a.getBoundingClientRect().height > 0);
    return { links: links.length, shown: shown.length };
  });
}

async function checkMenu(browser, url) {
  const out = [];
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Accessibility.enable');
    const button = page.locator('summary', { hasText: /^\s*Menu\s*$/ });
    if (await button.count() !== 1) return [['menu', 'no Menu button (<summary>Menu</summary>) in the header']];
    const closed = await navState(page);
    if (!closed.links) return [['menu', 'no main navigation (nav aria-label="Main")']];
    if (closed.shown) out.push(['menu', `before the Menu button is used, ${closed.shown} of ${closed.links} navigation links show`]);
    let ax = await axMenu(cdp);
    if (!ax || ax.expanded !== false) out.push(['menu', `screen readers do not hear a collapsed "Menu" button (${JSON.stringify(ax)})`]);
    await button.click();
    const opened = await navState(page);
    if (opened.shown !== opened.links) out.push(['menu', `after a click on Menu, ${opened.shown} of ${opened.links} navigation links show`]);
    ax = await axMenu(cdp);
    if (!ax || ax.expanded !== true) out.push(['menu', `after a click, screen readers do not hear "Menu" as expanded (${JSON.stringify(ax)})`]);
    await button.click();
    if ((await navState(page)).shown) out.push(['menu', 'a second click on Menu does not fold the navigation']);

    // Keyboard: Tab from the top of a fresh page reaches the button within a
    // few stops.
    await page.goto(url, { waitUntil: 'load' });
    let reached = false;
    for (let i = 0; i < 8 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.tagName === 'SUMMARY');
    }
    if (!reached) out.push(['menu', 'Tab from the top of the page does not reach the Menu button in 8 stops']);
    else {
      const ring = await page.evaluate(() => {
        const cs = getComputedStyle(document.activeElement);
        return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
      });
      if (!ring) out.push(['menu', 'the focused Menu button shows no outline or box-shadow']);
      await page.keyboard.press('Enter');
      if ((await navState(page)).shown !== opened.links) out.push(['menu', 'Enter on the focused Menu button does not show the navigation']);
      await page.keyboard.press('Space');
      if ((await navState(page)).shown) out.push(['menu', 'Space on the open Menu button does not fold the navigation']);
    }

    // Wide: as before, the links and no button.
    await page.setViewportSize(WIDE);
    const wide = await navState(page);
    if (wide.shown !== wide.links) out.push(['menu', `at ${WIDE.width}px only ${wide.shown} of ${wide.links} navigation links show`]);
    if (await button.isVisible()) out.push(['menu', `at ${WIDE.width}px the Menu button still shows`]);
  } finally {
    await context.close();
  }
  return out;
}

// ---------------------------------------------------------------------------

async function checkIcons(page, rel, base) {
  const out = [];
  const links = await page.evaluate(iconLinks);
  const svg = links.find((l) => l.rel.split(/\s+/).includes('icon') && (l.type === 'image/svg+xml' || /\.svg$/.test(l.href)));
  const ico = links.find((l) => l.rel.split(/\s+/).includes('icon') && /\.(ico|png)$/.test(l.href));
  if (!svg) out.push(['favicon', 'no <link rel="icon" type="image/svg+xml">']);
  if (!ico) out.push(['favicon', 'no <link rel="icon"> to an .ico or .png fallback']);
  for (const l of links) {
    // As from file://: relative to the page's own file; root-relative and
    // absolute addresses (a --base-url site) must be on this site's root.
    let file;
    if (/^[a-z]+:/i.test(l.href)) file = null;
    else if (l.href.startsWith('/')) file = path.join(site, decodeURIComponent(l.href.split(/[?#]/)[0]));
    else file = path.join(site, path.dirname(rel), decodeURIComponent(l.href.split(/[?#]/)[0]));
    if (file === null) { out.push(['favicon', `${l.rel} ${l.href} is an absolute address (not checked from disk)`]); continue; }
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) out.push(['favicon', `${l.rel} ${l.href}: no such file in the site`]);
  }
  const resp = await page.request.get(base + 'favicon.ico');
  if (resp.status() !== 200 || !/image/.test(resp.headers()['content-type'] || '')) out.push(['favicon', `/favicon.ico on the site's root answers ${resp.status()}`]);
  return out;
}

// `page` is at 375 x 812 with JavaScript on; `full`: the first-screen,
// icon and menu checks too, else only page width and tables.
async function checkPage(browser, page, base, rel, full) {
  const findings = [];
  const url = base + rel.split('/').map(encodeURIComponent).join('/');
  const resp = await page.goto(url, { waitUntil: 'load' });
  if (!resp || resp.status() >= 400) return [['load-error', `HTTP ${resp ? resp.status() : 'none'}`]];
  findings.push(...await page.evaluate(pageWidth));
  findings.push(...await page.evaluate(tableRegions));
  if (full) {
    findings.push(...await page.evaluate(firstScreen, MAX_HEADER_SHARE));
    findings.push(...await checkIcons(page, rel, base));
    findings.push(...await checkMenu(browser, url));
  }
  return findings;
}

// The home page and one meeting in each rendition.
function firstScreenPages() {
  const pages = ['index.html'];
  const meetings = path.join(site, 'meetings');
  const ids = fs.existsSync(meetings) ? fs.readdirSync(meetings).sort() : [];
  const id = ids.find((m) => ['', 'easy-read/', 'large-print/'].every((p) =>
    fs.existsSync(path.join(site, p, 'meetings', m, 'index.html'))));
  if (id) for (const p of ['', 'easy-read/', 'large-print/']) pages.push(`${p}meetings/${id}/index.html`);
  return pages;
}

async function main() {
  const full = onlyPages.length ? onlyPages : firstScreenPages();
  const tables = onlyPages.length ? [] : walk(site).filter((rel) => !full.includes(rel) &&
    fs.readFileSync(path.join(site, rel), 'utf8').includes('<table'));
  if (!full.length) { console.error('phone: no pages'); return EXIT_USAGE; }
  const server = await startStaticServer(site);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'] });
  const report = new Report('phone');
  const items = [...full.map((rel) => [rel, true]), ...tables.map((rel) => [rel, false])];
  async function openContext() {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, locale: 'en-GB' });
    return { context, page: await context.newPage() };
  }
  try {
    await checkPages({ items, jobs, openContext,
      check: (page, [rel, isFull]) => checkPage(browser, page, base, rel, isFull),
      onResult: ([rel], findings) => { for (const [rule, msg] of findings) report.add(rel, rule, msg); } });
  } finally {
    await within(browser.close(), 30000, 'closing the browser').catch(() => {});
    server.close();
  }
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  return report.finish(`${plural(full.length, 'first screen')} and ${plural(tables.length, 'page')} with tables at ${PHONE.width}x${PHONE.height}, ${plural(report.count, 'finding')} (${secs} s)`);
}

// process.exit, not exitCode: a browser that would not close, or a socket
// still open, must not keep the run (and the test suite) waiting.
main().then((code) => process.exit(code), (e) => {
  console.error(`phone: ${e.stack || e}`);
  process.exit(EXIT_USAGE);
});
