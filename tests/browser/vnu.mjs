#!/usr/bin/env node
// vnu.mjs SITE_DIR [FILE...]: the Nu HTML Checker (npm vnu-jar, run with the
// machine's Java) over every .html page and .css file of the built site:
//
//   java -jar vnu.jar --errors-only --skip-non-html --also-check-css SITE_DIR
//
// Errors only (warnings and info are not reported). CSS inside <style> and
// style="" is checked as part of its page. One `path: vnu/html: message
// (line L, column C): "extract"` line per error (vnu/css for .css files,
// vnu/io when a file cannot be read), then a summary. Exit 0 when clean, 1 on
// errors, 2 when Java or the jar is missing. The Java runtime is never
// downloaded: vnu-jar's own launcher would fetch one when `java` is missing.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { parseArgs, walk, Report, plural, fmtMs, EXIT_USAGE } from './common.mjs';

const USAGE = `usage: node tests/browser/vnu.mjs [--java PATH] [--svg] SITE_DIR [FILE...]
  Validates every .html page and .css file under SITE_DIR (or only the FILEs
  named, paths relative to SITE_DIR) with the Nu HTML Checker.
  --java PATH   java to run (default $JAVA or java on PATH)
  --svg         also check .svg files
`;

const t0 = performance.now();
const { site, pages: only, opts } = parseArgs(process.argv.slice(2), 'vnu', { java: 'value', svg: 'bool' }, USAGE);
const java = opts.java || process.env.JAVA || 'java';
const require = createRequire(import.meta.url);

let jar;
try {
  jar = String(require('vnu-jar'));
  if (!fs.existsSync(jar)) throw new Error(`${jar} is missing`);
} catch (e) {
  console.error(`vnu: cannot find vnu.jar from the npm package vnu-jar (${e.message}); run \`npm ci\` in the repository root`);
  process.exit(EXIT_USAGE);
}
const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) {
  console.error(`vnu: cannot run ${java} (${probe.error ? probe.error.message : probe.stderr.trim()}); install Java 17 (apt-get install default-jre-headless)`);
  process.exit(EXIT_USAGE);
}

const htmlCount = only.length ? only.filter((p) => /\.x?html?$/i.test(p)).length : walk(site).length;
const cssCount = only.length ? only.filter((p) => /\.css$/i.test(p)).length : walk(site, ['.css']).length;
const svgCount = opts.svg ? (only.length ? only.filter((p) => /\.svg$/i.test(p)).length : walk(site, ['.svg']).length) : 0;

const args = ['-Xss4m', '-jar', jar, '--errors-only', '--skip-non-html', '--also-check-css',
  ...(opts.svg ? ['--also-check-svg'] : []), '--format', 'json', '--stdout',
  ...(only.length ? only.map((p) => path.join(site, p)) : [site])];

const child = spawn(java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
let out = '';
let err = '';
child.stdout.on('data', (d) => { out += d; });
child.stderr.on('data', (d) => { err += d; });
const status = await new Promise((resolve) => child.on('close', resolve));

let messages;
try {
  messages = JSON.parse(out).messages;
} catch {
  console.error(`vnu: the checker exited ${status} without a JSON report:\n${(out + err).trim().slice(0, 4000)}`);
  process.exit(EXIT_USAGE);
}

const report = new Report('vnu');
const toRel = (url) => {
  if (!url) return '(unknown file)';
  let abs = url;
  try { abs = fileURLToPath(url.replace(/^file:(?!\/\/)/, 'file://')); } catch { /* keep the URL */ }
  const rel = path.relative(site, abs).split(path.sep).join('/');
  return rel && !rel.startsWith('..') ? rel : abs;
};
const order = (m) => `${toRel(m.url)}\u0000${String(m.firstLine ?? m.lastLine ?? 0).padStart(8, '0')}`;
messages.sort((a, b) => order(a).localeCompare(order(b)));

let errors = 0;
for (const m of messages) {
  if (m.type === 'info') continue; // warnings: --errors-only should leave none
  const rel = toRel(m.url);
  const kind = m.type === 'non-document-error' ? 'vnu/io'
    : /\.css$/i.test(rel) ? 'vnu/css' : /\.svg$/i.test(rel) ? 'vnu/svg' : 'vnu/html';
  // vnu counts a file's first line as 0 when the whole file is one line.
  const line = Math.max(1, m.firstLine ?? m.lastLine ?? 1);
  const col = m.firstColumn ?? m.lastColumn;
  const where = m.lastLine !== undefined ? ` (line ${line}${col !== undefined ? `, column ${col}` : ''})` : '';
  const extract = m.extract ? `: "${m.extract.replace(/\s+/g, ' ').trim().slice(0, 100)}"` : '';
  report.add(rel, kind, `${m.message}${where}${extract}`);
  errors++;
}
if (status !== 0 && errors === 0) {
  report.add('(vnu)', 'vnu/io', `the checker exited ${status} without reporting an error: ${err.trim().slice(0, 500)}`);
}

const files = `${plural(htmlCount, 'page')}, ${plural(cssCount, 'style sheet')}${opts.svg ? `, ${plural(svgCount, 'SVG file')}` : ''}`;
process.exitCode = report.finish(`${files}, ${plural(errors, 'error')} (${fmtMs(performance.now() - t0)})`);
