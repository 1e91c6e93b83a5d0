#!/usr/bin/env node
/**
 * Reads a .cpuprofile written by `npm run bench -- --profile` and prints where the time went,
 * mapped to src/ through the build's source maps:
 *
 *   node scripts/bench/inspect-profile.mjs bench-results/profiles/run-50mb-load.cpuprofile
 *   node scripts/bench/inspect-profile.mjs <file> --callers 'estimateSize' [--depth 10] [--dist dir]
 *
 * The source maps come from <results dir>/dist (the build the profile was taken of) or --dist.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { callersOf, createResolver, summarizeProfile } from './profile.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const flag = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? undefined : argv[i + 1];
};
const file = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
if (!file) {
  console.error(
    'usage: node scripts/bench/inspect-profile.mjs <file.cpuprofile> [--callers regex] [--depth n] [--dist dir]',
  );
  process.exit(2);
}
// The build the profile was taken of: <out>/profiles/x.cpuprofile → <out>/dist, unless --dist.
const besideIt = path.resolve(path.dirname(file), '..', 'dist');
const distDir = flag('dist')
  ? path.resolve(flag('dist'))
  : existsSync(besideIt)
    ? besideIt
    : path.join(projectRoot, 'bench-results/dist');
const resolver = await createResolver(distDir);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const callers = flag('callers');
if (callers) {
  const r = callersOf(profile, resolver, new RegExp(callers), {
    depth: Number(flag('depth') ?? 8),
    limit: Number(flag('limit') ?? 6),
  });
  console.log(`${r.matchedMs} ms in stacks matching /${callers}/`);
  for (const c of r.chains) console.log(`\n${c.ms} ms:\n  ${c.chain}`);
} else {
  const s = summarizeProfile(profile, resolver, Number(flag('limit') ?? 25));
  console.log(`busy ${s.busyMs} ms, GC ${s.gcMs} ms`);
  console.log('\nself time:');
  for (const x of s.self) console.log(`  ${String(x.ms).padStart(6)} ms  ${x.fn}`);
  console.log('\ntotal time:');
  for (const x of s.total) console.log(`  ${String(x.ms).padStart(6)} ms  ${x.fn}`);
  console.log('\nself time by file:');
  for (const x of s.files) console.log(`  ${String(x.ms).padStart(6)} ms  ${x.fn}`);
}
