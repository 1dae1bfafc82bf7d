#!/usr/bin/env node
// axe.mjs SITE_DIR [PAGE...]: opens every .html page of the built site in
// Debian's Chromium (through playwright-core, never a downloaded browser),
// served from a throwaway HTTP server on 127.0.0.1, and checks it with
// axe-core against WCAG 2.0/2.1/2.2 A and AA (target-size on), plus what axe
// does not cover:
//
//   one-h1            exactly one h1
//   heading-order     no skipped heading levels (h2 then h4)
//   html-lang         <html lang> set to a language tag
//   table-caption     every table has a non-empty caption
//   th-scope          every th has scope=row|col|rowgroup|colgroup
//   skip-link         the first Tab stop is a skip link to an element that
//                     exists, visible on screen when focused
//   focus-indicator   the focused skip link, and the first link in <main>,
//                     show an outline or box-shadow
//   reflow-320        no horizontal scroll at 320 CSS px wide (WCAG 1.4.10)
//   print-stylesheet  a print style sheet (<link media=print> or @media print)
//   js-error          an uncaught script error while loading the page
//   http-error        a request of the page to the site answered 4xx/5xx
//   load-error        the page did not load or a check crashed
//   axe/<rule-id>     an axe-core violation, one line per element
//
// Output: one `path: rule: message` line per finding, progress every 50
// pages, and a summary line. Exit 0 when clean, 1 on findings, 2 on setup
// errors (no Chromium, no axe-core).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs, walk, Report, plural, fmtMs, startStaticServer, checkPages, within, EXIT_USAGE } from './common.mjs';

const USAGE = `usage: node tests/browser/axe.mjs [--jobs N] [--chromium PATH] SITE_DIR [PAGE...]
  Checks every .html page under SITE_DIR (or only the PAGEs named, paths
  relative to SITE_DIR) in headless Chromium with axe-core and extra checks.
  --jobs N         pages checked at once (default 3)
  --chromium PATH  browser to launch (default $CHROMIUM or /usr/bin/chromium)
  --timeout MS     time allowed to load one page (default 30000)
  --profile        print the time spent in each step
`;

const t0 = performance.now();
const { site, pages: onlyPages, opts } = parseArgs(process.argv.slice(2), 'axe',
  { jobs: 'value', chromium: 'value', timeout: 'value', profile: 'bool' }, USAGE);
const jobs = Math.max(1, parseInt(opts.jobs || process.env.CLERK_AXE_JOBS || '3', 10) || 3);
const chromiumPath = opts.chromium || process.env.CHROMIUM || '/usr/bin/chromium';
const pageTimeout = parseInt(opts.timeout || '30000', 10);

const require = createRequire(import.meta.url);
let chromium;
let axeSource;
try {
  ({ chromium } = require('playwright-core'));
  axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
} catch (e) {
  console.error(`axe: cannot load playwright-core or axe-core (${e.message}); run \`npm ci\` in the repository root`);
  process.exit(EXIT_USAGE);
}
if (!fs.existsSync(chromiumPath)) {
  console.error(`axe: no browser at ${chromiumPath}; install Debian's chromium (apt-get install chromium) or pass --chromium PATH`);
  process.exit(EXIT_USAGE);
}

const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  rules: { 'target-size': { enabled: true } },
  resultTypes: ['violations'],
};
const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 320, height: 640 };
const MAX_NODES = 5; // elements listed per axe rule per page

// ---------------------------------------------------------------------------
// Checks that run inside the page. Each returns [[rule, message], ...].

/* eslint-disable no-undef */
function pageChecks() {
  const out = [];
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    else if (el.classList && el.classList.length) s += `.${[...el.classList].slice(0, 2).join('.')}`;
    const text = (el.textContent || '').replace(/\s+/g, ' ').trim();
    if (text) s += ` "${text.length > 50 ? text.slice(0, 47) + '...' : text}"`;
    return s;
  };
  const shown = (el) => !el.closest('[hidden],[aria-hidden="true"]')
    && (typeof el.checkVisibility !== 'function' || el.checkVisibility({ checkVisibilityCSS: true }));

  // lang
  const lang = (document.documentElement.getAttribute('lang') || '').trim();
  if (!lang) out.push(['html-lang', '<html> has no lang attribute']);
  else if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang)) out.push(['html-lang', `lang="${lang}" is not a language tag`]);

  // headings
  const headings = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6,[role="heading"]')].filter(shown).map((el) => {
    const aria = parseInt(el.getAttribute('aria-level') || '', 10);
    const tag = /^H[1-6]$/.test(el.tagName) ? parseInt(el.tagName[1], 10) : 2;
    return { el, level: el.getAttribute('role') === 'heading' && aria > 0 ? aria : tag };
  });
  const h1s = headings.filter((h) => h.level === 1);
  if (h1s.length !== 1) {
    out.push(['one-h1', `${h1s.length} h1 elements, expected exactly one${h1s.length ? ': ' + h1s.map((h) => describe(h.el)).join(', ') : ''}`]);
  }
  let prev = null;
  for (const h of headings) {
    // The first heading may be h1 or h2 (a site header may precede the h1).
    const limit = prev ? prev.level + 1 : 2;
    if (h.level > limit) {
      out.push(['heading-order', prev
        ? `${describe(h.el)} follows ${describe(prev.el)}, skipping h${prev.level + 1}`
        : `the first heading is ${describe(h.el)}, expected h1 (or h2 in a site header)`]);
    }
    prev = h;
  }

  // tables
  document.querySelectorAll('table').forEach((t, i) => {
    const name = `table ${i + 1}${t.id ? ` #${t.id}` : ''}`;
    const cap = t.querySelector(':scope > caption');
    if (!cap || !cap.textContent.trim()) {
      const first = t.querySelector('th,td');
      out.push(['table-caption', `${name} has no caption${first ? ` (first cell: ${describe(first)})` : ''}`]);
    }
    const bad = [...t.querySelectorAll('th')].filter((th) => th.closest('table') === t
      && !/^(row|col|rowgroup|colgroup)$/i.test((th.getAttribute('scope') || '').trim()));
    if (bad.length) {
      out.push(['th-scope', `${name}: ${plural(bad.length, 'th')} without scope=row|col, first ${describe(bad[0])}`]);
    }
  });

  // print style sheet
  const printy = (media) => /(^|[\s,(])print\b/i.test(media || '');
  const rulesHavePrint = (rules, depth = 0) => {
    if (depth > 8) return false;
    for (const r of rules) {
      if (r.media && printy(r.media.mediaText)) return true;
      if (r.styleSheet) { try { if (rulesHavePrint(r.styleSheet.cssRules, depth + 1)) return true; } catch { /* cross-origin */ } }
      if (r.cssRules && rulesHavePrint(r.cssRules, depth + 1)) return true;
    }
    return false;
  };
  let print = [...document.querySelectorAll('link[rel~="stylesheet" i]')].some((l) => printy(l.media));
  for (const s of document.styleSheets) {
    if (print) break;
    if (s.media && printy(s.media.mediaText)) print = true;
    else { try { print = rulesHavePrint(s.cssRules); } catch { /* cross-origin */ } }
  }
  if (!print) out.push(['print-stylesheet', 'no print style sheet: neither <link rel=stylesheet media=print> nor an @media print rule']);

  return out;

  function plural(n, w) { return `${n} ${w}${n === 1 ? '' : 's'}`; }
}

// The focused element: is it a skip link, does its target exist, can it be
// seen, does it show a focus indicator.
function focusState() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  let s = el.tagName.toLowerCase();
  if (el.id) s += `#${el.id}`;
  const text = (el.textContent || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim();
  if (text) s += ` "${text.length > 50 ? text.slice(0, 47) + '...' : text}"`;
  const href = el.tagName === 'A' ? el.getAttribute('href') || '' : '';
  let target = null;
  let targetExists = false;
  if (href.startsWith('#') && href.length > 1) {
    try { target = decodeURIComponent(href.slice(1)); } catch { target = href.slice(1); }
    targetExists = !!(document.getElementById(target) || document.getElementsByName(target).length);
  }
  const cs = getComputedStyle(el);
  const transparent = (c) => c === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(c);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 && !transparent(cs.outlineColor);
  const shadow = !!cs.boxShadow && cs.boxShadow !== 'none';
  const r = el.getBoundingClientRect();
  const onScreen = r.width >= 1 && r.height >= 1 && r.right > 0 && r.bottom > 0
    && r.left < window.innerWidth && r.top < window.innerHeight;
  return { desc: s, href, target, targetExists, indicator: outline || shadow, onScreen,
    focusVisible: el.matches(':focus-visible') };
}

async function reflowCheck() {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const de = document.documentElement;
  const width = de.clientWidth;
  const sw = de.scrollWidth;
  if (sw <= 321) return null;
  // Name the widest culprits: elements sticking out past the viewport that
  // are not inside a scrolling box (a scrolling table wrapper is allowed).
  const scrolls = (el) => /(auto|scroll|hidden|clip)/.test(getComputedStyle(el).overflowX);
  const offenders = [];
  for (const el of document.body ? document.body.querySelectorAll('*') : []) {
    const r = el.getBoundingClientRect();
    if (r.right <= width + 1 || r.width === 0) continue;
    let p = el.parentElement;
    let inScroller = false;
    while (p && p !== document.body && p !== de) { if (scrolls(p)) { inScroller = true; break; } p = p.parentElement; }
    if (!inScroller) offenders.push({ el, right: r.right });
  }
  const innermost = offenders.filter((o) => !offenders.some((x) => x !== o && o.el.contains(x.el)));
  innermost.sort((a, b) => b.right - a.right);
  const desc = innermost.slice(0, 3).map(({ el, right }) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    else if (el.classList.length) s += `.${[...el.classList].slice(0, 2).join('.')}`;
    const t = (el.textContent || '').replace(/\s+/g, ' ').trim();
    if (t) s += ` "${t.length > 30 ? t.slice(0, 27) + '...' : t}"`;
    return `${s} reaches ${Math.round(right)}px`;
  });
  return { sw, desc };
}
/* eslint-enable no-undef */

// ---------------------------------------------------------------------------

const report = new Report('axe');
let violations = 0; // (page, axe rule) pairs
let violatingElements = 0;
let otherFindings = 0;
const phases = {}; // time spent in each step, summed over pages (--profile)

async function checkPage(page, base, rel, state) {
  const findings = [];
  const add = (rule, msg) => findings.push([rule, msg]);
  let tp = performance.now();
  const lap = (phase) => { const now = performance.now(); phases[phase] = (phases[phase] || 0) + now - tp; tp = now; };
  await page.setViewportSize(WIDE);
  const url = base + rel.split('/').map(encodeURIComponent).join('/');
  const resp = await page.goto(url, { waitUntil: 'load', timeout: pageTimeout });
  if (!resp || resp.status() >= 400) add('load-error', `HTTP ${resp ? resp.status() : 'no response'} for ${rel}`);
  lap('load');

  for (const [rule, msg] of await page.evaluate(pageChecks)) add(rule, msg);
  lap('dom');

  // Keyboard: the first Tab stop from the top of the page.
  await page.evaluate(() => { if (document.activeElement && document.activeElement.blur) document.activeElement.blur(); window.scrollTo(0, 0); });
  await page.keyboard.press('Tab');
  const f = await page.evaluate(focusState);
  if (!f) add('skip-link', 'Tab from the top of the page focuses nothing; the first focusable element should be a skip link');
  else if (!f.target) add('skip-link', `the first Tab stop is ${f.desc}, not a skip link (an <a href="#id-of-main"> before everything else)`);
  else {
    if (!f.targetExists) add('skip-link', `skip link ${f.desc} points to #${f.target}, which is not on the page`);
    if (!f.onScreen) add('skip-link', `skip link ${f.desc} stays off screen when focused`);
    if (!f.indicator) add('focus-indicator', `focused skip link ${f.desc} has no outline or box-shadow`);
  }
  // The first link in the main content, focused after a keyboard move.
  const g = await page.evaluate(() => {
    const a = document.querySelector('main a[href], [role="main"] a[href]');
    if (!a || (typeof a.checkVisibility === 'function' && !a.checkVisibility({ checkVisibilityCSS: true }))) return undefined;
    a.focus({ preventScroll: false });
    return document.activeElement === a;
  });
  if (g === true) {
    const m = await page.evaluate(focusState);
    if (m && !m.indicator) add('focus-indicator', `focused link ${m.desc} in <main> has no outline or box-shadow`);
  }

  lap('keyboard');
  // axe-core.
  await page.evaluate(axeSource);
  lap('axe-inject');
  const vs = await page.evaluate(async (o) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, o);
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary || '' })) }));
  }, AXE_OPTIONS);
  for (const v of vs) {
    violations++;
    violatingElements += v.nodes.length;
    for (const n of v.nodes.slice(0, MAX_NODES)) {
      const why = n.summary.replace(/^Fix (any|all) of the following:\s*/i, '').replace(/\s*\n\s*/g, '; ');
      add(`axe/${v.id}`, `${v.help} [${v.impact}] at ${n.target}: ${why}`);
    }
    if (v.nodes.length > MAX_NODES) add(`axe/${v.id}`, `... and ${v.nodes.length - MAX_NODES} more elements`);
  }

  lap('axe');
  // Reflow at 320 CSS px.
  await page.setViewportSize(NARROW);
  const rf = await page.evaluate(reflowCheck);
  lap('reflow');
  if (rf) add('reflow-320', `horizontal scroll at 320px wide: page is ${rf.sw}px wide${rf.desc.length ? '; ' + rf.desc.join('; ') : ''}`);

  for (const e of state.errors) add('js-error', e);
  for (const b of state.bad) add('http-error', b);
  return findings;
}

async function main() {
  const pages = onlyPages.length ? onlyPages : walk(site);
  if (!pages.length) {
    console.error(`axe: no .html pages under ${site}`);
    return EXIT_USAGE;
  }
  const server = await startStaticServer(site);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // Nothing but the local server: a page that needs the network fails here too.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  let done = 0;
  const perPage = [];
  const tStart = performance.now();

  async function openContext(state) {
    const context = await browser.newContext({ viewport: WIDE, deviceScaleFactor: 1, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(pageTimeout);
    page.on('pageerror', (err) => state.errors.push(`uncaught ${err.name || 'error'}: ${String(err.message).split('\n')[0]}`));
    page.on('response', (r) => {
      const u = r.url();
      if (u.startsWith(base) && r.status() >= 400 && !/\/favicon\.ico$/.test(u) && r.request().resourceType() !== 'document') {
        state.bad.push(`${r.status()} for ${decodeURIComponent(u.slice(base.length - 1))} (${r.request().resourceType()})`);
      }
    });
    return { context, page };
  }

  async function check(page, rel, state) {
    const t = performance.now();
    const findings = await checkPage(page, base, rel, state);
    perPage.push(performance.now() - t);
    return findings;
  }

  function onResult(rel, findings) {
    for (const [rule, msg] of findings) {
      if (!rule.startsWith('axe/')) otherFindings++;
      report.add(rel, rule, msg);
    }
    done++;
    if (done % 50 === 0 && done < pages.length) {
      const el = performance.now() - tStart;
      console.log(`axe: ${done}/${pages.length} pages, ${plural(report.count, 'finding')} so far (${fmtMs(el)}, ${fmtMs(el / done)} a page)`);
    }
  }

  try {
    await checkPages({ items: pages, jobs, openContext, check, onResult, deadlineMs: pageTimeout * 4 });
  } finally {
    await within(browser.close(), 30000, 'closing the browser').catch(() => {});
    server.close();
  }
  const wall = performance.now() - tStart;
  if (opts.profile) {
    console.log(`axe: time a page by step: ${Object.entries(phases).map(([k, v]) => `${k} ${fmtMs(v / pages.length)}`).join(', ')}`);
  }
  const mean = perPage.reduce((a, b) => a + b, 0) / perPage.length;
  return report.finish(
    `${plural(pages.length, 'page')}, ${plural(violations, 'violation')}` +
    `${violatingElements ? ` (${plural(violatingElements, 'element')})` : ''}, ` +
    `${plural(otherFindings, 'other finding')} ` +
    `(${fmtMs(performance.now() - t0)}; ${fmtMs(wall / pages.length)} a page with ${jobs} at once, ` +
    `${fmtMs(mean)} each; ${os.cpus().length} cores)`);
}

// process.exit, not exitCode: a browser that would not close, or a socket
// still open, must not keep the run (and the test suite) waiting.
main().then((code) => process.exit(code), (e) => {
  console.error(`axe: ${e.stack || e}`);
  process.exit(EXIT_USAGE);
});
