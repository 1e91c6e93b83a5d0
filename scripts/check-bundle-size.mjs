#!/usr/bin/env node
/**
 * `npm run size`, after `vite build`: the JavaScript a first visit downloads before the app can start
 * (the entry script of dist/index.html and every modulepreload link; lazy chunks don't count),
 * gzipped at level 9, must stay within the budget. CSS is printed for information.
 *
 *   node scripts/check-bundle-size.mjs [--dist dist] [--budget 122880]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const BUDGET_BYTES = 120 * 1024;

function flag(name) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

const distDir = path.resolve(flag('dist') ?? 'dist');
const budget = Number(flag('budget') ?? BUDGET_BYTES);
const indexFile = path.join(distDir, 'index.html');
if (!existsSync(indexFile)) {
  console.error(`[size] ${indexFile} not found: run \`npm run build\` first.`);
  process.exit(1);
}
const html = readFileSync(indexFile, 'utf8');

/** Attribute values of the tags matching `tagPattern`, e.g. every <script type="module" src>. */
function attributeValues(tagPattern, attribute) {
  const values = [];
  for (const [tag] of html.matchAll(tagPattern)) {
    const value = new RegExp(`\\s${attribute}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
    if (value) values.push(value);
  }
  return values;
}

const hasRel = (tag, rel) => new RegExp(`\\srel\\s*=\\s*["']?${rel}["'\\s>]`, 'i').test(tag);

const scripts = attributeValues(/<script\b[^>]*>/gi, 'src');
const links = [...html.matchAll(/<link\b[^>]*>/gi)].map(([tag]) => tag);
const preloads = links
  .filter((tag) => hasRel(tag, 'modulepreload'))
  .map((tag) => /\shref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1])
  .filter(Boolean);
const styles = links
  .filter((tag) => hasRel(tag, 'stylesheet'))
  .map((tag) => /\shref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1])
  .filter(Boolean);

/**
 * Maps a URL from index.html to a file in dist/: works for `/assets/x.js`, `./assets/x.js` and a
 * base path such as `/tools/inspector/assets/x.js` (BASE_PATH builds). External URLs are skipped.
 */
function fileFor(url) {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return null;
  const clean = url.split(/[?#]/)[0];
  const base = process.env.BASE_PATH ?? '/';
  let relative = clean.startsWith(base) ? clean.slice(base.length) : clean.replace(/^\.?\//, '');
  relative = decodeURIComponent(relative);
  const candidate = path.join(distDir, relative);
  if (existsSync(candidate)) return candidate;
  // Fall back to the part from the last "assets/" on (e.g. an unexpected base).
  const assets = clean.lastIndexOf('assets/');
  return assets === -1 ? candidate : path.join(distDir, clean.slice(assets));
}

function measure(urls, kind) {
  const seen = new Set();
  const rows = [];
  for (const url of urls) {
    const file = fileFor(url);
    if (!file || seen.has(file)) continue;
    seen.add(file);
    if (!existsSync(file)) {
      console.error(`[size] ${url} is referenced by index.html but ${file} does not exist.`);
      process.exit(1);
    }
    const raw = readFileSync(file);
    const gzip = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }).length;
    rows.push({ kind, file: path.relative(distDir, file), raw: raw.length, gzip });
  }
  return rows;
}

const js = measure([...scripts, ...preloads], 'js');
const css = measure(styles, 'css');
if (js.length === 0) {
  console.error('[size] no entry script found in dist/index.html.');
  process.exit(1);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const width = Math.max(...[...js, ...css].map((row) => row.file.length), 'file'.length);
const line = (kind, file, raw, gzip) =>
  `${kind.padEnd(5)} ${file.padEnd(width)}  ${raw.padStart(10)}  ${gzip.padStart(10)}`;

console.log(
  'Loaded by dist/index.html, gzip -9 (the budget counts the js rows: entry + modulepreload):\n',
);
console.log(line('kind', 'file', 'raw', 'gzip'));
for (const row of [...js, ...css]) console.log(line(row.kind, row.file, kb(row.raw), kb(row.gzip)));

const total = js.reduce((sum, row) => sum + row.gzip, 0);
const cssTotal = css.reduce((sum, row) => sum + row.gzip, 0);
console.log('');
console.log(`CSS (information only): ${kb(cssTotal)} gzip`);
console.log(
  `Initial JS: ${kb(total)} gzip (${total} bytes) of a ${kb(budget)} budget (${budget} bytes)`,
);

if (total > budget) {
  console.error(
    `[size] over budget by ${kb(total - budget)}: lazy-load something, or drop a dependency.`,
  );
  process.exit(1);
}
console.log('[size] within budget.');
