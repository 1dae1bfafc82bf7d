// Shared helpers for the whole-site checks in tests/browser/: finding the
// pages of a built site, a small tolerant HTML tokenizer (attributes only),
// and the report format every checker prints:
//
//   path: rule: message
//
// one line per finding, `path` relative to the site folder, then a one-line
// summary. Exit status: 0 clean, 1 findings, 2 usage or setup error.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

// Parses `node CHECK.mjs [OPTIONS] SITE_DIR [PAGE...]`. `flags` maps an option
// name to 'bool' or 'value'. Returns { site, pages, opts } or exits 2.
export function parseArgs(argv, name, flags = {}, usageText = '') {
  const opts = {};
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      process.stdout.write(usageText || `usage: node tests/browser/${name}.mjs SITE_DIR [PAGE...]\n`);
      process.exit(EXIT_CLEAN);
    }
    if (a.startsWith('--')) {
      const [key, inline] = a.slice(2).split(/=(.*)/s, 2);
      const kind = flags[key];
      if (!kind) usage(name, `unknown option --${key}`, usageText);
      if (kind === 'bool') opts[key] = true;
      else opts[key] = inline !== undefined ? inline : argv[++i];
      if (opts[key] === undefined) usage(name, `--${key} needs a value`, usageText);
      continue;
    }
    positional.push(a);
  }
  if (positional.length < 1) usage(name, 'missing SITE_DIR', usageText);
  const site = path.resolve(positional[0]);
  if (!fs.existsSync(site) || !fs.statSync(site).isDirectory()) {
    usage(name, `site folder not found: ${positional[0]}`, usageText);
  }
  const pages = positional.slice(1).map((p) => toSitePath(site, p));
  return { site, pages, opts };
}

function usage(name, msg, usageText) {
  process.stderr.write(`${name}: ${msg}\n`);
  process.stderr.write(usageText || `usage: node tests/browser/${name}.mjs SITE_DIR [PAGE...]\n`);
  process.exit(EXIT_USAGE);
}

// A page given on the command line, either relative to the site or a path
// that lies inside it, as a site-relative path with forward slashes.
function toSitePath(site, p) {
  const abs = path.resolve(site, p);
  const viaCwd = path.resolve(p);
  const chosen = fs.existsSync(abs) ? abs : viaCwd;
  let rel = path.relative(site, chosen).split(path.sep).join('/');
  if (fs.existsSync(chosen) && fs.statSync(chosen).isDirectory()) rel = (rel ? rel + '/' : '') + 'index.html';
  return rel;
}

// Every file under `site` whose name ends with one of `exts`, as sorted
// site-relative paths with forward slashes. Hidden folders and node_modules
// are skipped.
export function walk(site, exts = ['.html', '.htm']) {
  const out = [];
  const visit = (dir, rel) => {
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      if (ent.name.startsWith('.') || ent.name === 'node_modules') continue;
      const abs = path.join(dir, ent.name);
      const r = rel ? `${rel}/${ent.name}` : ent.name;
      if (ent.isDirectory()) visit(abs, r);
      else if (ent.isFile() && exts.some((e) => ent.name.toLowerCase().endsWith(e))) out.push(r);
    }
  };
  visit(site, '');
  return out.sort();
}

// ---------------------------------------------------------------------------
// Report

export class Report {
  constructor(name) {
    this.name = name;
    this.count = 0;
    this.byRule = new Map();
    this.pagesWithFindings = new Set();
  }
  add(page, rule, message) {
    this.count++;
    this.byRule.set(rule, (this.byRule.get(rule) || 0) + 1);
    this.pagesWithFindings.add(page);
    const oneLine = String(message).replace(/\s+/g, ' ').trim();
    process.stdout.write(`${page}: ${rule}: ${oneLine}\n`);
  }
  // The closing line, then the exit status to use.
  finish(summary) {
    if (this.count > 0) {
      const rules = [...this.byRule.entries()].sort((a, b) => b[1] - a[1])
        .map(([r, n]) => `${r} ${n}`).join(', ');
      process.stdout.write(`${this.name}: by rule: ${rules}\n`);
    }
    process.stdout.write(`${this.name}: ${summary}\n`);
    return this.count > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
  }
}

export function plural(n, word, many = word + 's') {
  return `${n} ${n === 1 ? word : many}`;
}

// ---------------------------------------------------------------------------
// HTML tokenizer: start tags with their attributes, in document order, plus
// the text of <style> elements. It follows the HTML syntax closely enough for
// generated pages: comments, doctype, CDATA, raw-text elements (script, style,
// textarea, title...), quoted and unquoted attribute values, character
// references in attribute values. It builds no tree.

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

const NAMED = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', sol: '/', num: '#',
  percnt: '%', quest: '?', equals: '=', colon: ':', period: '.', comma: ',', lpar: '(',
  rpar: ')', lsqb: '[', rsqb: ']', hyphen: '-', dash: '\u2010', ndash: '\u2013',
  mdash: '\u2014', copy: '\u00a9', excl: '!', semi: ';', plus: '+', tab: '\t', newline: '\n',
};

export function decodeEntities(s) {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?/g, (m, ref) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff) return '\ufffd';
      return String.fromCodePoint(cp);
    }
    const v = NAMED[ref];
    if (v === undefined) return m;
    // Without the semicolon only the legacy few decode; keep others literal.
    if (!m.endsWith(';') && !['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy'].includes(ref)) return m;
    return v;
  });
}

// Returns { tags: [{ name, attrs: Map(name -> value), line }], styles: [{ text, line }] }.
export function tokenize(html) {
  const tags = [];
  const styles = [];
  const lineStarts = [0];
  for (let i = 0; i < html.length; i++) if (html.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (pos) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  };
  const n = html.length;
  let i = 0;
  const isSpace = (c) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    i = lt;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', i)) {
      const end = html.indexOf(']]>', i + 9);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      const end = html.indexOf('>', i + 2);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (html[i + 1] === '/') {
      const end = html.indexOf('>', i + 2);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(html[i + 1] || '')) { i++; continue; }
    // Start tag.
    const start = i;
    let j = i + 1;
    while (j < n && !isSpace(html[j]) && html[j] !== '/' && html[j] !== '>') j++;
    const name = html.slice(i + 1, j).toLowerCase();
    const attrs = new Map();
    for (;;) {
      while (j < n && (isSpace(html[j]) || html[j] === '/')) j++;
      if (j >= n || html[j] === '>') { j++; break; }
      let k = j;
      while (k < n && !isSpace(html[k]) && html[k] !== '/' && html[k] !== '>' && (html[k] !== '=' || k === j)) k++;
      const aname = html.slice(j, k).toLowerCase();
      j = k;
      while (j < n && isSpace(html[j])) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < n && isSpace(html[j])) j++;
        const q = html[j];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, j + 1);
          value = html.slice(j + 1, end < 0 ? n : end);
          j = end < 0 ? n : end + 1;
        } else {
          let e = j;
          while (e < n && !isSpace(html[e]) && html[e] !== '>') e++;
          value = html.slice(j, e);
          j = e;
        }
      }
      if (!attrs.has(aname)) attrs.set(aname, decodeEntities(value));
    }
    tags.push({ name, attrs, line: lineOf(start) });
    i = j;
    // Raw-text elements run to their end tag even when written `<script ... />`.
    if (RAW_TEXT.has(name)) {
      const re = new RegExp(`</${name}[\\s/>]`, 'ig');
      re.lastIndex = i;
      const m = re.exec(html);
      const end = m ? m.index : n;
      if (name === 'style') styles.push({ text: html.slice(i, end), line: lineOf(i) });
      i = end;
    }
  }
  return { tags, styles };
}

// CSS references: url(...) and @import "..." in a style sheet's text.
export function cssRefs(text) {
  const out = [];
  const stripped = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  const lineAt = (pos) => stripped.slice(0, pos).split('\n').length;
  const re = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;
  let m;
  while ((m = re.exec(stripped))) {
    const ref = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    out.push({ ref, line: lineAt(m.index) });
  }
  return out;
}

// Milliseconds as "12.3 s" or "850 ms".
export function fmtMs(ms) {
  return ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

// A tiny static server: folders serve their index.html, a missing file gets
// 404.html (if the site has one) with status 404.

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
  '.webp': 'image/webp', '.avif': 'image/avif', '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2',
  '.ttf': 'font/ttf', '.otf': 'font/otf', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf', '.ics': 'text/calendar; charset=utf-8', '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json', '.brf': 'text/plain; charset=us-ascii',
};

// Serves the built site in `root` on 127.0.0.1 on a free port; resolves to
// the listening http.Server (its port: server.address().port). Used by the
// browser checks and bench/time-search.mjs.
export function startStaticServer(root) {
  const server = http.createServer((req, res) => {
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname); } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let file = path.join(root, path.normalize(rel));
    if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(403).end('forbidden'); return; }
    let status = 200;
    try {
      if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      fs.accessSync(file, fs.constants.R_OK);
    } catch {
      status = 404;
      file = path.join(root, '404.html');
      if (!fs.existsSync(file)) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    }
    const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    if (req.method === 'HEAD') { res.end(); return; }
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// Rejects with a timeout error when `promise` has not settled in `ms`.
export function within(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish in ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

// Checks every item of `items` with `check(page, item, state)`, `jobs` at a
// time, each worker in its own browser context made by
// `openContext(state)` -> { context, page }. `onResult(item, findings)` gets
// each item's [[rule, message], ...].
//
// Why a deadline: page.goto has a timeout, but page.evaluate and the input
// calls have none, so one hung renderer would hang the whole run (and CI with
// it). A check that fails or passes `deadlineMs` gets a fresh context and one
// more try (a crashed or hung renderer is the browser's fault, not the
// page's); a second failure is reported as `load-error`. If the browser
// cannot even open a context in time, the run stops with an error.
export async function checkPages({ items, jobs, openContext, check, onResult, deadlineMs = 120000 }) {
  const queue = items.slice();
  const CONTEXT_MS = 60000;
  async function fresh(state, old) {
    if (old) await within(old.context.close(), 10000, 'closing a browser context').catch(() => {});
    return within(openContext(state), CONTEXT_MS, 'opening a browser context');
  }
  async function worker() {
    const state = { errors: [], bad: [] };
    let ctx = await fresh(state, null);
    while (queue.length) {
      const item = queue.shift();
      let findings;
      for (let attempt = 1; ; attempt++) {
        state.errors = [];
        state.bad = [];
        try {
          findings = await within(check(ctx.page, item, state), deadlineMs, 'the check');
          break;
        } catch (e) {
          ctx = await fresh(state, ctx);
          if (attempt === 2) {
            findings = [['load-error', `check failed twice: ${String(e.message || e).split('\n')[0]}`]];
            break;
          }
        }
      }
      onResult(item, findings);
    }
    await within(ctx.context.close(), 10000, 'closing a browser context').catch(() => {});
  }
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
}
