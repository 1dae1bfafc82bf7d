#!/usr/bin/env node
// links.mjs SITE_DIR [PAGE...]: every internal link, image, script, style
// sheet and other reference in the built site points at a file that exists,
// and every #fragment at an id (or <a name>) in the page it names.
//
// A reference is resolved against the page's own path as a browser does for
// a file:// URL: relative to the page's folder, `..` removed, percent-encoding
// and character references decoded, query string ignored. A reference to a
// folder (`meetings/x/` or the site root) must find `index.html` in it. A
// root-relative reference (`/glossary/index.html`) is resolved against the
// site folder; with --file-url it is reported as well, since it breaks when the
// site is opened from disk, and so is a link to a folder rather than to its
// index.html. External references (http:, https:, mailto:, tel:, data:,
// protocol-relative //host/...) are not followed. `javascript:` URLs and
// `file:` URLs are findings, as is a reference that climbs out of the site.
// Style sheets are checked too: url(...) and @import in .css files and in
// <style> elements and style="" attributes.
//
// Rules: broken-link, missing-anchor, javascript-url, file-url,
// outside-site, bad-url, root-relative and directory-link (--file-url only).

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, walk, tokenize, cssRefs, Report, plural, fmtMs } from './common.mjs';

const USAGE = `usage: node tests/browser/links.mjs [--file-url] SITE_DIR [PAGE...]
  Checks the internal references of every .html page under SITE_DIR (or only
  the PAGEs named, paths relative to SITE_DIR) and of every .css file.
  --file-url   also report root-relative links and links to folders, which
               do not work when the site is opened from disk (file://)
`;

const t0 = performance.now();
const { site, pages: onlyPages, opts } = parseArgs(process.argv.slice(2), 'links', { 'file-url': 'bool' }, USAGE);
const strictFile = !!opts['file-url'];
const report = new Report('links');

// Attributes holding one URL, by element ('*' for any element).
const URL_ATTRS = {
  a: ['href'], area: ['href'], link: ['href'], base: [], img: ['src'], script: ['src'],
  iframe: ['src'], frame: ['src'], embed: ['src'], audio: ['src'], video: ['src', 'poster'],
  source: ['src'], track: ['src'], input: ['src'], object: ['data'], form: ['action'],
  button: ['formaction'], blockquote: ['cite'], q: ['cite'], ins: ['cite'], del: ['cite'],
  use: ['href', 'xlink:href'], image: ['href', 'xlink:href'], feimage: ['href', 'xlink:href'],
};
const SRCSET_ELEMENTS = new Set(['img', 'source']);

// Per target file: the set of ids it defines (null when not a document).
const idCache = new Map();
function idsOf(abs) {
  if (idCache.has(abs)) return idCache.get(abs);
  let ids = null;
  if (/\.(x?html?|svg)$/i.test(abs)) {
    ids = new Set();
    const { tags } = tokenize(fs.readFileSync(abs, 'utf8'));
    for (const t of tags) {
      const id = t.attrs.get('id');
      if (id) ids.add(id);
      if (t.name === 'a' && t.attrs.get('name')) ids.add(t.attrs.get('name'));
    }
  }
  idCache.set(abs, ids);
  return ids;
}

const statCache = new Map();
function kindOf(abs) {
  if (!statCache.has(abs)) {
    let k = 'none';
    try {
      const st = fs.statSync(abs);
      k = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
    } catch { /* missing */ }
    statCache.set(abs, k);
  }
  return statCache.get(abs);
}

function safeDecode(s) {
  try { return { ok: true, value: decodeURIComponent(s) }; } catch { return { ok: false, value: s }; }
}

let checked = 0;

// Checks one reference found in `from` (a site-relative path) at `line`.
// `baseDir` is the site-relative folder references are resolved against.
function checkRef(from, line, what, rawRef, baseDir, selfIds) {
  // Browsers strip leading and trailing spaces and remove tabs and newlines.
  const ref = rawRef.replace(/[\t\n\r]/g, '').trim();
  const show = `${what}="${rawRef.length > 120 ? rawRef.slice(0, 117) + '...' : rawRef}" (line ${line})`;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(ref);
  if (scheme) {
    const s = scheme[1].toLowerCase();
    if (s === 'javascript') report.add(from, 'javascript-url', `${show}: javascript: URLs are not allowed; use a real link or a button`);
    else if (s === 'file') report.add(from, 'file-url', `${show}: file: URL points at the machine that built the site`);
    return; // http, https, mailto, tel, data, webcal...: external
  }
  if (ref.startsWith('//')) return; // protocol-relative: external
  checked++;

  const hashAt = ref.indexOf('#');
  const beforeHash = hashAt < 0 ? ref : ref.slice(0, hashAt);
  const fragRaw = hashAt < 0 ? null : ref.slice(hashAt + 1);
  const pathRaw = beforeHash.split('?')[0];

  let targetRel;
  let targetAbs;
  if (pathRaw === '') {
    // "#x" or "?q" or "": this page.
    targetRel = from;
    targetAbs = path.join(site, from);
  } else {
    const dec = safeDecode(pathRaw);
    if (!dec.ok) { report.add(from, 'bad-url', `${show}: malformed percent-encoding`); return; }
    let p = dec.value.replace(/\\/g, '/');
    const rootRelative = p.startsWith('/');
    // 404.html is served at whatever address was asked for, so only
    // root-relative links work there; it is never opened from disk.
    if (rootRelative && strictFile && !/(^|\/)404\.html$/.test(from)) {
      report.add(from, 'root-relative', `${show}: root-relative link breaks when the site is opened from disk; make it relative`);
    }
    const joined = rootRelative ? p.slice(1) : (baseDir ? `${baseDir}/${p}` : p);
    const trailingSlash = p.endsWith('/') || /(^|\/)\.\.?$/.test(p);
    const norm = path.posix.normalize(joined || '.');
    if (norm === '..' || norm.startsWith('../')) {
      report.add(from, 'outside-site', `${show}: climbs out of the site folder`);
      return;
    }
    let rel = norm === '.' ? '' : norm.replace(/\/$/, '');
    let abs = path.join(site, rel);
    const k = kindOf(abs);
    if (k === 'dir' || (trailingSlash && k !== 'file')) {
      if (strictFile) {
        report.add(from, 'directory-link', `${show}: links to a folder, which opens a file listing from disk; link to ${rel ? rel + '/' : ''}index.html`);
      }
      rel = rel ? `${rel}/index.html` : 'index.html';
      abs = path.join(site, rel);
    }
    if (kindOf(abs) !== 'file') {
      report.add(from, 'broken-link', `${show}: ${rel} does not exist`);
      return;
    }
    targetRel = rel;
    targetAbs = abs;
  }

  if (fragRaw === null || fragRaw === '') return;
  const frag = safeDecode(fragRaw);
  if (!frag.ok) { report.add(from, 'bad-url', `${show}: malformed percent-encoding in fragment`); return; }
  // Only HTML and SVG documents have ids to check (a PDF's #page=3 is fine).
  const ids = targetAbs === path.join(site, from) && selfIds ? selfIds : idsOf(targetAbs);
  if (!ids) return;
  if (ids.has(frag.value) || ids.has(fragRaw)) return;
  if (frag.value.toLowerCase() === 'top') return; // scrolls to the top by definition
  const where = targetRel === from ? 'this page' : targetRel;
  report.add(from, 'missing-anchor', `${show}: no id="${frag.value}" in ${where}`);
}

function checkCss(from, text, lineOffset, baseDir, selfIds) {
  for (const { ref, line } of cssRefs(text)) {
    if (ref === '' || ref.startsWith('#')) continue; // SVG filter refs like url(#f)
    checkRef(from, line + lineOffset, 'url', ref, baseDir, selfIds);
  }
}

function checkPage(rel) {
  const abs = path.join(site, rel);
  let html;
  try { html = fs.readFileSync(abs, 'utf8'); } catch (e) {
    report.add(rel, 'broken-link', `cannot read page: ${e.message}`);
    return;
  }
  const { tags, styles } = tokenize(html);
  const selfIds = new Set();
  for (const t of tags) {
    if (t.attrs.get('id')) selfIds.add(t.attrs.get('id'));
    if (t.name === 'a' && t.attrs.get('name')) selfIds.add(t.attrs.get('name'));
  }
  idCache.set(abs, selfIds);
  let baseDir = path.posix.dirname(rel);
  if (baseDir === '.') baseDir = '';
  const baseTag = tags.find((t) => t.name === 'base' && t.attrs.has('href'));
  if (baseTag) {
    const b = baseTag.attrs.get('href').trim();
    if (/^[A-Za-z][A-Za-z0-9+.-]*:|^\/\//.test(b)) {
      report.add(rel, 'bad-url', `<base href="${b}"> (line ${baseTag.line}) makes every relative link point off the site`);
    } else {
      const joined = b.startsWith('/') ? b.slice(1) : path.posix.join(baseDir, b);
      const d = joined.endsWith('/') ? joined : path.posix.dirname(joined);
      baseDir = path.posix.normalize(d || '.').replace(/\/$/, '');
      if (baseDir === '.') baseDir = '';
    }
  }
  for (const t of tags) {
    const names = URL_ATTRS[t.name] || [];
    for (const a of names) {
      if (t.attrs.has(a)) checkRef(rel, t.line, `<${t.name} ${a}`, t.attrs.get(a), baseDir, selfIds);
    }
    if (SRCSET_ELEMENTS.has(t.name) && t.attrs.has('srcset')) {
      for (const cand of t.attrs.get('srcset').split(',')) {
        const url = cand.trim().split(/\s+/)[0];
        if (url) checkRef(rel, t.line, `<${t.name} srcset`, url, baseDir, selfIds);
      }
    }
    if (t.name === 'meta' && /^refresh$/i.test(t.attrs.get('http-equiv') || '')) {
      const m = /url\s*=\s*['"]?([^'"]+)/i.exec(t.attrs.get('content') || '');
      if (m) checkRef(rel, t.line, '<meta refresh', m[1], baseDir, selfIds);
    }
    if (t.attrs.has('style')) checkCss(rel, t.attrs.get('style'), t.line - 1, baseDir, selfIds);
    // Any other attribute written as a javascript: URL (e.g. on a custom element).
    for (const [a, v] of t.attrs) {
      if (!names.includes(a) && /^\s*javascript:/i.test(v) && !a.startsWith('on')) {
        report.add(rel, 'javascript-url', `<${t.name} ${a}="${v.slice(0, 80)}"> (line ${t.line}): javascript: URLs are not allowed`);
      }
    }
  }
  for (const s of styles) checkCss(rel, s.text, s.line - 1, baseDir, selfIds);
}

const pages = onlyPages.length ? onlyPages : walk(site);
for (const rel of pages) checkPage(rel);

let cssCount = 0;
if (!onlyPages.length) {
  for (const rel of walk(site, ['.css'])) {
    cssCount++;
    let dir = path.posix.dirname(rel);
    if (dir === '.') dir = '';
    checkCss(rel, fs.readFileSync(path.join(site, rel), 'utf8'), 0, dir, null);
  }
}

const ms = performance.now() - t0;
process.exitCode = report.finish(
  `${plural(pages.length, 'page')}, ${plural(cssCount, 'style sheet')}, ${plural(checked, 'internal reference')}, ` +
  `${plural(report.count, 'finding')} (${fmtMs(ms)})`);
