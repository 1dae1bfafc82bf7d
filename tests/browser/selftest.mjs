#!/usr/bin/env node
// selftest.mjs [--keep DIR] [--only links|axe|vnu]: proves that the site
// checks can fail. It writes two small sites into a temporary folder:
//
//   good/  clean pages (skip link, one h1, captioned table in a scrolling
//          wrapper, print styles, focus styles, percent-encoded and &amp;
//          links, a link hidden in a comment and in a script): every checker
//          must exit 0 with no finding;
//   bad/   one page per defect, each otherwise clean: every checker must
//          exit 1 and report exactly the expected rules on each page, and
//          nothing on the clean pages beside them.
//
// Also: links.mjs --file-url accepts the root-relative links of good/404.html.
// Prints one line per assertion and closes with "N passed, N failed".

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenize, decodeEntities, cssRefs } from './common.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const keepAt = argv.indexOf('--keep');
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? argv[onlyAt + 1] : null;
const root = keepAt >= 0 ? path.resolve(argv[keepAt + 1]) : fs.mkdtempSync(path.join(os.tmpdir(), 'clerk-checkers-'));

// ---------------------------------------------------------------------------
// Fixtures

const STYLE = `html { font-family: Arial, sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff; }
body { margin: 0 auto; padding: 0 1rem; max-width: 40rem; }
a { color: #1d4f91; }
a:focus { outline: 3px solid #b35c00; outline-offset: 2px; }
.skip { position: absolute; left: -10000px; top: 0; }
.skip:focus { position: static; display: inline-block; padding: 0.25rem; }
nav ul { list-style: none; margin: 0; padding: 0; }
nav li { display: inline-block; margin-right: 1rem; }
nav a { display: inline-block; min-height: 24px; min-width: 24px; padding: 0.25rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; }
th, td { border: 1px solid #555; padding: 0.25rem 0.5rem; text-align: left; }
.tiny { width: 14px; height: 14px; min-width: 0; min-height: 0; padding: 0; border: 1px solid #333; font-size: 10px; line-height: 1; }
@media print {
  .skip, nav { display: none; }
  a::after { content: " (" attr(href) ")"; }
}
`;
// The same without print rules.
const PLAIN = STYLE.replace(/@media print \{[\s\S]*$/, '');

function page({ title, body, rel = '', lang = 'en-GB', skip = true, head = '', css = 'style.css', abs = false }) {
  const up = abs ? '/' : rel;
  return `<!DOCTYPE html>
<html${lang ? ` lang="${lang}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - Fixture Council</title>
<link rel="stylesheet" href="${up}${css}">
${head}</head>
<body>
${skip ? '<a class="skip" href="#main">Skip to main content</a>\n' : ''}<header>
<p>Fixture Council</p>
<nav aria-label="Site">
<ul>
<li><a href="${up}index.html">Home</a></li>
<li><a href="${up}about/index.html#contact">About us</a></li>
</ul>
</nav>
</header>
<main id="main">
<h1>${title}</h1>
${body}
</main>
<footer><p>Fixture footer text.</p></footer>
</body>
</html>
`;
}

const GOOD_TABLE = `<div class="table-wrap" role="region" aria-label="Attendance" tabindex="0">
<table>
<caption>Attendance at the meeting</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Present</th></tr></thead>
<tbody>
<tr><th scope="row">Alex Example</th><td>Chair</td><td>Yes</td></tr>
<tr><th scope="row">Sam Sample</th><td>Member</td><td>Apologies</td></tr>
</tbody>
</table>
</div>`;

const goodSite = {
  'style.css': STYLE,
  'plain.css': PLAIN,
  'files/agenda pack.txt': 'The agenda pack.\n',
  'index.html': page({ title: 'Home', body: `<p>Welcome. Read <a href="about/index.html">about the council</a>,
the <a href="files/agenda%20pack.txt">agenda pack (text)</a>, the
<a href="about/index.html?view=print&amp;size=large#contact">contact details</a>,
<a href="#news">the news</a> or <a href="https://example.org/">an outside site</a>.
Write to <a href="mailto:clerk@example.org">the clerk</a>.</p>
<!-- <a href="commented-out.html">not a link</a> -->
<script>var tpl = '<a href="in-a-script.html">not a link</a>';</script>
<h2 id="news">News</h2>
<p>Nothing new.</p>` }),
  'about/index.html': page({ rel: '../', title: 'About us', body: `<p>Back to <a href="../index.html#news">the news</a>.</p>
<h2 id="contact">Contact</h2>
<p>Phone the clerk.</p>
<h3>Attendance</h3>
${GOOD_TABLE}` }),
  // A 404 page is served at any address, so its links are root-relative.
  '404.html': page({ abs: true, title: 'Page not found', body: '<p>Try <a href="/index.html">the home page</a>.</p>' }),
};

// bad/: one defect a page, with the rules each checker must report for it.
const badPages = {
  'broken-link.html': { links: ['broken-link'], body: '<p>Read <a href="missing/index.html">the missing report</a>.</p>' },
  'missing-anchor.html': { links: ['missing-anchor'], body: '<p>Read <a href="about/index.html#nowhere">the missing section</a>.</p>' },
  'javascript-link.html': { links: ['javascript-url'], body: '<p><a href="javascript:void(0)">Open the papers</a>.</p>' },
  'two-h1.html': { axe: ['one-h1'], body: '<p>Text.</p>\n<h1>A second main heading</h1>\n<p>More text.</p>' },
  'skipped-heading.html': { axe: ['heading-order'], vnu: ['vnu/html'], body: '<h2>Part one</h2>\n<h4>Detail</h4>\n<p>Text.</p>' },
  'table-no-caption.html': { axe: ['table-caption', 'th-scope'], body: GOOD_TABLE.replace(/<caption>.*<\/caption>\n/, '').replace(/ scope="(col|row)"/g, '') },
  'low-contrast.html': { axe: ['axe/color-contrast'], body: '<p style="color: #b0b0b0">This grey text is hard to read.</p>' },
  'tiny-target.html': { axe: ['axe/target-size'], body: '<p><button class="tiny" type="button" aria-label="Previous">&lt;</button><button class="tiny" type="button" aria-label="Next">&gt;</button></p>' },
  'wide.html': { axe: ['reflow-320'], body: '<div style="width: 600px; border: 1px solid #555">This box is 600 pixels wide.</div>' },
  'no-skip-link.html': { axe: ['skip-link'], skip: false, body: '<p>Text.</p>' },
  'no-focus-style.html': { axe: ['focus-indicator'], head: '<style>a:focus, a:focus-visible { outline: none; box-shadow: none; }</style>\n', body: '<p>Read <a href="index.html">the home page</a>.</p>' },
  'no-print.html': { axe: ['print-stylesheet'], css: 'plain.css', body: '<p>Text.</p>' },
  'no-lang.html': { axe: ['html-lang', 'axe/html-has-lang'], lang: '', body: '<p>Text.</p>' },
  'script-error.html': { axe: ['js-error'], body: '<p>Text.</p>\n<script>throw new Error("boom");</script>' },
  'invalid-html.html': { vnu: ['vnu/html'], body: '<p><span><div>A block inside an inline element.</div></span></p>' },
  // broken.css asks for a missing image: the browser sees the 404 too.
  'bad-css.html': { axe: ['http-error'], css: 'broken.css', body: '<p>Text.</p>' },
};
const badFiles = {
  // The style sheet itself has the errors: a misspelt property (vnu) and a
  // missing image (links).
  'broken.css': { links: ['broken-link'], vnu: ['vnu/css'], text: STYLE + 'p { colr: red; }\nmain { background-image: url("img/missing.png"); }\n' },
};

const badSite = {
  'style.css': STYLE,
  'plain.css': PLAIN,
  'index.html': goodSite['index.html'],
  'files/agenda pack.txt': goodSite['files/agenda pack.txt'],
  'about/index.html': goodSite['about/index.html'],
};
for (const [name, p] of Object.entries(badPages)) {
  badSite[name] = page({ title: name.replace('.html', '').replace(/-/g, ' '), body: p.body, skip: p.skip !== false,
    head: p.head || '', css: p.css || 'style.css', lang: p.lang === undefined ? 'en-GB' : p.lang });
}
for (const [name, f] of Object.entries(badFiles)) badSite[name] = f.text;

function writeSite(dir, files) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}
const good = path.join(root, 'good');
const bad = path.join(root, 'bad');
writeSite(good, goodSite);
writeSite(bad, badSite);

// ---------------------------------------------------------------------------
// Assertions

let passed = 0;
let failed = 0;
function ok(cond, what, detail = '') {
  if (cond) { passed++; console.log(`ok: ${what}`); } else { failed++; console.log(`FAIL: ${what}${detail ? `\n    ${detail.replace(/\n/g, '\n    ')}` : ''}`); }
}

function run(check, site, extra = []) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [path.join(here, `${check}.mjs`), ...extra, site], { encoding: 'utf8', cwd: path.resolve(here, '../..') });
  const ms = performance.now() - t;
  const findings = new Map(); // path -> Set(rule)
  for (const line of r.stdout.split('\n')) {
    const m = /^(.+?): ([\w/.-]+): (.*)$/.exec(line);
    if (!m || m[1] === check) continue;
    if (!findings.has(m[1])) findings.set(m[1], new Set());
    findings.get(m[1]).add(m[2]);
  }
  const summary = r.stdout.trim().split('\n').pop();
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, findings, summary, ms };
}

const setEq = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
const show = (s) => `{${[...s].sort().join(', ')}}`;

// The tokenizer, on its own.
{
  const { tags, styles } = tokenize('<!-- <a href="x"> --><p title=\'a>b\' data-x=1 hidden><a HREF="a?b=1&amp;c=2&#x23;d">t</a>'
    + '<script>"<a href=y>"</script><style>p{background:url(s.png)}</style><img src=i.png alt="">');
  const names = tags.map((t) => t.name).join(',');
  ok(names === 'p,a,script,style,img', 'tokenizer skips comments and raw text', names);
  ok(tags[1].attrs.get('href') === 'a?b=1&c=2#d', 'tokenizer decodes character references in attributes', tags[1].attrs.get('href'));
  ok(tags[0].attrs.get('title') === 'a>b' && tags[0].attrs.get('data-x') === '1' && tags[0].attrs.has('hidden'),
    'tokenizer reads quoted, unquoted and empty attributes');
  ok(styles.length === 1 && cssRefs(styles[0].text)[0].ref === 's.png', 'style element text is kept for url() checks');
  ok(decodeEntities('&lt;&gt;&quot;&#39;&nbsp;&unknown;') === '<>"\'\u00a0&unknown;', 'entity decoding');
}

const checks = only ? [only] : ['links', 'axe', 'vnu'];
const timings = [];
for (const check of checks) {
  const extra = check === 'axe' ? ['--jobs', '2'] : [];
  const g = run(check, good, extra);
  timings.push(`${check} good: ${Math.round(g.ms)} ms`);
  ok(g.status === 0 && g.findings.size === 0, `${check}: the clean site passes (${g.summary})`,
    `exit ${g.status}\n${g.stdout}${g.stderr}`);

  const b = run(check, bad, extra);
  timings.push(`${check} bad: ${Math.round(b.ms)} ms`);
  ok(b.status === 1, `${check}: the bad site fails with exit 1 (${b.summary})`, `exit ${b.status}\n${b.stderr}`);
  const expected = new Map();
  for (const [name, p] of Object.entries({ ...badPages, ...badFiles })) expected.set(name, new Set(p[check] || []));
  for (const name of Object.keys(badSite)) {
    const want = expected.get(name) || new Set();
    const got = b.findings.get(name) || new Set();
    ok(setEq(want, got), `${check}: ${name} ${want.size ? `reports exactly ${show(want)}` : 'reports nothing'}`,
      `got ${show(got)}\n${b.stdout.split('\n').filter((l) => l.startsWith(name + ': ')).join('\n')}`);
  }
  for (const name of b.findings.keys()) {
    if (!(name in badSite)) ok(false, `${check}: unexpected finding on ${name}`, b.stdout);
  }
  if (check === 'links') {
    const f = run('links', good, ['--file-url']);
    // 404.html is served at any address, so its root-relative links are right.
    ok(f.status === 0 && f.findings.size === 0,
      'links --file-url: accepts the root-relative links of 404.html', f.stdout);
  }
}

// A page whose renderer never answers again once loaded (a script that loops
// for ever): axe must give up on it after its deadline, try it once more,
// report it as load-error and still finish the other pages. Without the
// deadline the run hangs (page.evaluate has no timeout of its own).
if (!only || only === 'axe') {
  const hung = path.join(root, 'hung');
  writeSite(hung, {
    'style.css': STYLE,
    'index.html': goodSite['index.html'],
    'loops.html': page({ title: 'A page that loops', body: '<p>Text.</p>\n'
      + '<script>addEventListener("load", () => setTimeout(() => { for (;;) {} }, 20));</script>' }),
  });
  const h = run('axe', hung, ['--jobs', '1', '--timeout', '2500']);
  timings.push(`axe hung page: ${Math.round(h.ms)} ms`);
  const got = h.findings.get('loops.html') || new Set();
  ok(h.status === 1 && setEq(got, new Set(['load-error'])) && !h.findings.has('index.html'),
    `axe: a page that hangs its renderer is reported as load-error and the run ends (${h.summary})`,
    `exit ${h.status}\n${h.stdout}${h.stderr}`);
}

if (keepAt < 0) fs.rmSync(root, { recursive: true, force: true });
else console.log(`selftest: fixtures kept in ${root}`);
console.log(`selftest: ${timings.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
