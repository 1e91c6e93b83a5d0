#!/usr/bin/env node
/**
 * `npm run bench`: issue 7's benchmark. Builds the app (production build, into
 * bench-results/dist), serves it with generated run bodies from an in-process HTTP server, opens
 * /runs/<id> in headless Chromium through the normal fetch path, and prints one table: size, the
 * JSON.parse floor, response → summary / timeline (the app's User Timing marks), the longest
 * main-thread task during load and during four interactions, and the JS heap after load; then the
 * goals' verdicts and the machine. Goal misses never fail the process; a broken harness does.
 *
 *   npm run bench [-- --quick] [-- --only run-50mb,steps-5k] [-- --profile] [-- --dist dist]
 *
 *   --only a,b     run only these payloads (names in the table)
 *   --quick        a small subset (the payloads marked quick)
 *   --repeat n     load and measure each payload n times (fresh context each); each cell is the
 *                  median of the n runs (use on a noisy machine)
 *   --wait-idle s  first wait up to s seconds for the 1-minute load average to drop below the core
 *                  count (other work on the machine inflates every number)
 *   --profile      also record CPU profiles (bench-results/profiles/*.cpuprofile) and print the
 *                  hottest functions per phase, mapped to src/ through the source maps
 *   --dist <dir>   measure an existing build instead of building into bench-results/dist
 *   --out <dir>    where results go (default bench-results/)
 *   --list         print the payload names and exit
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PAYLOADS } from './bench/payloads.mjs';
import {
  AppProblem,
  TOKEN_KEY,
  collect,
  evaluate,
  expandLargest,
  initScript,
  readMarks,
  scrollSteps,
  selectStep,
  typeSearch,
  waitForLoad,
} from './bench/page.mjs';
import {
  createResolver,
  describeFrame,
  mainThreadTasks,
  startProfile,
  stopProfile,
  summarizeProfile,
} from './bench/profile.mjs';
import {
  INTERACTIONS,
  combineRuns,
  derive,
  evaluateGoals,
  formatBytes,
  formatGoals,
  formatMachine,
  formatMs,
  formatTable,
  formatTask,
} from './bench/report.mjs';
import { startServer } from './bench/server.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
// Same as e2e/support/browser.ts, plus precise memory numbers for performance.memory.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--enable-precise-memory-info',
];
const TOKEN = 'bench-token-7f3a9c';
/** Main-thread CPU time between these marks is read from the load's trace. */
const CPU_SPANS = [
  ['inspector:response', 'inspector:summary-visible'],
  ['inspector:response', 'inspector:timeline-visible'],
];

/** Runs `fn` under a light Chrome trace; returns its value and the main thread's tasks. */
async function traceTasks(browser, page, fn, spans = []) {
  const tracing = await browser
    .startTracing(page, { categories: ['toplevel', 'blink.user_timing'] })
    .then(
      () => true,
      () => false,
    );
  let value;
  let tasks = null;
  try {
    value = await fn();
  } finally {
    if (tracing) {
      const buffer = await browser.stopTracing().catch(() => null);
      tasks = buffer ? mainThreadTasks(buffer, spans) : null;
    }
  }
  return { value, tasks };
}
const LOAD_TIMEOUT_MS = 150_000;

// ---- Arguments --------------------------------------------------------------------------------

function parseArgs(argv) {
  const args = {
    only: null,
    quick: false,
    profile: false,
    dist: null,
    out: path.join(projectRoot, 'bench-results'),
    list: false,
    repeat: 1,
    waitIdle: 0,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--only')
      args.only = value()
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (a.startsWith('--only='))
      args.only = a
        .slice(7)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (a === '--quick') args.quick = true;
    else if (a === '--profile') args.profile = true;
    else if (a === '--dist') args.dist = path.resolve(value());
    else if (a === '--out') args.out = path.resolve(value());
    else if (a === '--list') args.list = true;
    else if (a === '--repeat') args.repeat = positiveInt(a, value());
    else if (a === '--wait-idle') args.waitIdle = positiveInt(a, value());
    else if (a === '--help' || a === '-h') usage(null);
    else usage(`unknown argument ${a}`);
  }
  return args;
}

function positiveInt(name, text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) usage(`${name} needs a positive integer, got ${text}`);
  return n;
}

function usage(problem) {
  if (problem) console.error(`[bench] ${problem}`);
  console.error(
    'usage: node scripts/bench.mjs [--quick] [--only name,name] [--repeat n] [--wait-idle seconds] [--profile] [--dist dir] [--out dir] [--list]',
  );
  console.error(`payloads: ${PAYLOADS.map((p) => p.name).join(', ')}`);
  process.exit(problem ? 2 : 0);
}

// ---- Machine and build ------------------------------------------------------------------------

function git(args) {
  const r = spawnSync('git', args, { cwd: projectRoot, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function machineInfo(browserVersion, build) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() || 'unknown',
    cores: cpus.length,
    ramBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    chromium: browserVersion,
    chromiumPath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : 'playwright chromium',
    node: process.version,
    date: new Date().toISOString(),
    loadAverage: [os.loadavg()[0]],
    commit: git(['rev-parse', '--short', 'HEAD']) ?? 'unknown',
    dirty:
      (git([
        'status',
        '--porcelain',
        '--',
        'src',
        'index.html',
        'vite.config.ts',
        'package.json',
      ]) ?? '') !== '',
    build,
  };
}

function buildApp(outDir) {
  console.log(`[bench] building the app into ${path.relative(projectRoot, outDir)} …`);
  const started = Date.now();
  const env = { ...process.env };
  delete env.BASE_PATH; // served at /
  const r = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: projectRoot,
      env,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) {
    console.error(r.stdout);
    console.error(r.stderr);
    throw new Error(`vite build failed (exit ${r.status})`);
  }
  console.log(`[bench] built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// ---- One payload ------------------------------------------------------------------------------

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function isAppSide(error) {
  return (
    error instanceof AppProblem ||
    error?.name === 'TimeoutError' ||
    /Target (page|crashed)|crashed|has been closed/i.test(String(error?.message))
  );
}

async function heapAfterGc(cdp, page) {
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(200);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  const memory = await evaluate(page, () => performance.memory?.usedJSHeapSize ?? null);
  return { usedSize: usage.usedSize, totalSize: usage.totalSize, performanceMemory: memory };
}

/**
 * JSON.parse of the same body text, in the same page, after the app loaded: the floor. The text is
 * fetched once (same URL, same token); then 5 timed parses, each after a full GC (so no parse pays
 * for the previous one's garbage); the median. A small body is parsed repeatedly for ≥ 50 ms per
 * run and averaged (timer resolution).
 */
async function parseFloor(browser, page, cdp, runId) {
  const chars = await evaluate(
    page,
    async ({ url, token }) => {
      const res = await fetch(url, {
        headers: { Authorization: `Bearer ${token}` },
        cache: 'no-store',
      });
      const text = await res.text();
      Object.defineProperty(window, '__benchFloorText', { value: text, configurable: true });
      return text.length;
    },
    { url: `/v1/workflow/executions/${encodeURIComponent(runId)}`, token: TOKEN },
    120_000,
    'JSON.parse floor: fetch the body',
  );
  const runs = [];
  const cpuRuns = [];
  for (let i = 0; i < 5; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    const traced = await traceTasks(browser, page, () =>
      evaluate(
        page,
        () => {
          const text = window.__benchFloorText;
          let n = 0;
          let keep = 0;
          const t = performance.now();
          do {
            if (JSON.parse(text) !== null) keep++;
            n++;
          } while (performance.now() - t < 50 && performance.now() - t < 5 * n);
          return keep === n ? (performance.now() - t) / n : NaN;
        },
        undefined,
        120_000,
        'JSON.parse floor',
      ),
    );
    runs.push(traced.value);
    // The parse task's CPU time (a small body parsed n times: its share per parse).
    if (traced.tasks)
      cpuRuns.push(
        traced.tasks.maxCpuMs *
          (traced.value / Math.max(traced.value, traced.tasks.maxWallMs || traced.value)),
      );
  }
  await evaluate(page, () => delete window.__benchFloorText);
  await cdp.send('HeapProfiler.collectGarbage');
  return { runs, cpuRuns, chars };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

async function runPayload({ browser, server, spec, generated, args, resolver, profileDir }) {
  const result = {
    name: spec.name,
    what: spec.what,
    bytes: generated.bytes.length,
    runId: generated.runId,
    targets: generated.targets,
    marks: null,
    floorMs: null,
    load: null,
    interactions: {},
    heapBytes: null,
    heap: null,
    pageErrors: [],
    problem: null,
    harnessError: null,
    profiles: {},
  };
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
  });
  try {
    await context.addInitScript(initScript, { tokenKey: TOKEN_KEY, token: TOKEN });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on('pageerror', (e) => result.pageErrors.push(String(e?.message ?? e).slice(0, 300)));
    page.on('crash', () => result.pageErrors.push('the page crashed'));
    const cdp = await context.newCDPSession(page);

    // Every phase runs under a light Chrome trace (for each task's thread CPU time) and, with
    // --profile, the CPU profiler.
    const cpu = {};
    const profiled = async (phase, fn) => {
      const traced = await traceTasks(
        browser,
        page,
        () => profiledOnly(phase, fn),
        phase === 'load' ? CPU_SPANS : [],
      );
      cpu[phase] = traced.tasks;
      return traced.value;
    };
    const profiledOnly = async (phase, fn) => {
      if (!args.profile) return fn();
      await startProfile(cdp);
      try {
        return await fn();
      } finally {
        const profile = await stopProfile(cdp).catch(() => null);
        if (profile) {
          const file = path.join(profileDir, `${spec.name}-${phase}.cpuprofile`);
          writeFileSync(file, JSON.stringify(profile));
          result.profiles[phase] = {
            file: path.relative(projectRoot, file),
            ...summarizeProfile(profile, resolver),
          };
        }
      }
    };

    // Load.
    try {
      await profiled('load', async () => {
        await page.goto(`${server.origin}/runs/${encodeURIComponent(generated.runId)}`, {
          waitUntil: 'commit',
          timeout: 60_000,
        });
        await waitForLoad(page, { timeoutMs: LOAD_TIMEOUT_MS });
      });
      result.marks = await readMarks(page);
      result.dom = await evaluate(page, () => ({
        elements: document.getElementsByTagName('*').length,
        stepCards: document.querySelectorAll('[data-step-path]').length,
        timelineRows: document.querySelectorAll('li[data-row-key]').length,
        pageHeight: document.documentElement.scrollHeight,
      }));
      const load = await collect(page, 0);
      result.load = {
        ...load,
        cpu: cpu.load ?? null,
        worstFrame: describeFrame(load.worstFrame, resolver),
      };
      result.cpuSpans = cpu.load?.spans ?? null;
    } catch (error) {
      if (!isAppSide(error)) throw error;
      result.problem = error.message.split('\n')[0];
      result.marks = await readMarks(page).catch(() => null);
      return result;
    }

    // Heap, then the floor (its parse garbage is collected before the interactions).
    try {
      result.heap = await heapAfterGc(cdp, page);
      result.heapBytes = result.heap.usedSize;
      const floor = await parseFloor(browser, page, cdp, generated.runId);
      result.floorRuns = floor.runs.map((x) => Math.round(x * 100) / 100);
      result.floorMs = median(floor.runs);
      result.floorCpuMs = floor.cpuRuns.length > 0 ? median(floor.cpuRuns) : null;
    } catch (error) {
      if (!isAppSide(error)) throw error;
      result.problem = error.message.split('\n')[0];
      return result;
    }

    const steps = {
      select: () => selectStep(page, generated.targets.select),
      expand: () => expandLargest(page, generated.targets.largest),
      search: () => typeSearch(page, { term: generated.targets.search }),
      scroll: () => scrollSteps(page),
    };
    for (const k of INTERACTIONS) {
      try {
        const m = await profiled(k, steps[k]);
        result.interactions[k] = {
          ...m,
          cpu: cpu[k] ?? null,
          worstFrame: describeFrame(m.worstFrame, resolver),
        };
        if (m.parts)
          result.interactions[k].parts = m.parts.map((p) => ({
            ...p,
            worstFrame: describeFrame(p.worstFrame, resolver),
          }));
      } catch (error) {
        if (!isAppSide(error)) throw error;
        result.interactions[k] = { problem: error.message.split('\n')[0] };
        if (page.isClosed()) break;
      }
    }
    return result;
  } catch (error) {
    result.harnessError = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return result;
  } finally {
    await context.close().catch(() => {});
  }
}

/** The app's own heap: the run view with a run that has no steps (fixture 11, quota exceeded). */
async function measureAppHeap({ browser, server }) {
  const text = readFileSync(
    path.join(projectRoot, 'src/test/fixtures/11-quota-exceeded.json'),
    'utf8',
  );
  const runId = JSON.parse(text).id;
  server.setRun(runId, Buffer.from(text, 'utf8'));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(initScript, { tokenKey: TOKEN_KEY, token: TOKEN });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${server.origin}/runs/${encodeURIComponent(runId)}`, {
      waitUntil: 'commit',
      timeout: 60_000,
    });
    await waitForLoad(page, { timeoutMs: 60_000, graceMs: 2000 });
    return (await heapAfterGc(cdp, page)).usedSize;
  } finally {
    server.clearRuns();
    await context.close().catch(() => {});
  }
}

function progressLine(r) {
  if (r.harnessError) return `[bench] ${r.name}: HARNESS ERROR ${r.harnessError.split('\n')[0]}`;
  const d = derive(r);
  const parts = [
    `${formatBytes(r.bytes)}`,
    `floor ${formatMs(r.floorMs)}`,
    `summary ${formatMs(d.summaryMs)}`,
    `timeline ${formatMs(d.timelineMs)}`,
    `load task ${formatTask(r.load)}`,
    ...INTERACTIONS.map((k) => `${k} ${formatTask(r.interactions[k])}`),
    `heap ${formatBytes(r.heapBytes)}`,
  ];
  return `[bench] ${r.name}: ${parts.join(' · ')}${r.problem ? ` · PROBLEM: ${r.problem}` : ''}`;
}

/** Where the worst frame of each slow phase spent its time (long-animation-frame attribution). */
function attributionLines(results, args) {
  const lines = [];
  for (const r of results) {
    const phases = [['load', r.load], ...INTERACTIONS.map((k) => [k, r.interactions?.[k]])];
    for (const [phase, m] of phases) {
      if (!m || !(m.maxTask > 100)) continue;
      const f = m.worstFrame;
      const scripts = f?.scripts?.length
        ? f.scripts
            .map(
              (s) =>
                `${s.fn} @ ${s.where} (${s.invoker}) ${s.ms} ms${s.forcedLayoutMs ? `, forced layout ${s.forcedLayoutMs} ms` : ''}`,
            )
            .join('; ')
        : 'no script attribution';
      lines.push(
        `${r.name} / ${phase}: longest task ${formatMs(m.maxTask)}; worst frame ${f ? `${f.durationMs} ms (render ${f.renderMs} ms)` : '—'}: ${scripts}`,
      );
      const prof = r.profiles?.[phase];
      if (args.profile && prof) {
        lines.push(`    profile ${prof.file}: busy ${prof.busyMs} ms, GC ${prof.gcMs} ms`);
        lines.push(
          `    self:  ${prof.self
            .slice(0, 6)
            .map((s) => `${s.fn} ${s.ms} ms`)
            .join(' | ')}`,
        );
        lines.push(
          `    total: ${prof.total
            .slice(0, 10)
            .map((s) => `${s.fn} ${s.ms} ms`)
            .join(' | ')}`,
        );
      }
    }
  }
  return lines;
}

/** Waits (up to `seconds`) for the 1-minute load average to drop below the number of cores. */
async function waitForIdle(seconds) {
  const cores = os.cpus().length;
  const until = Date.now() + seconds * 1000;
  let said = false;
  while (os.loadavg()[0] >= cores && Date.now() < until) {
    if (!said)
      console.log(
        `[bench] waiting up to ${seconds} s for the machine to calm down (load ${os.loadavg()[0].toFixed(2)}, ${cores} cores) …`,
      );
    said = true;
    await sleep(5000);
  }
  if (os.loadavg()[0] >= cores)
    console.warn(`[bench] still busy (load ${os.loadavg()[0].toFixed(2)}): measuring anyway`);
}

// ---- Main -------------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.list) {
    for (const p of PAYLOADS)
      console.log(`${p.name.padEnd(14)} ${p.quick ? '(quick) ' : '        '}${p.what}`);
    return 0;
  }
  let specs = PAYLOADS;
  if (args.only) {
    const unknown = args.only.filter((n) => !PAYLOADS.some((p) => p.name === n));
    if (unknown.length > 0) usage(`unknown payload ${unknown.join(', ')}`);
    specs = PAYLOADS.filter((p) => args.only.includes(p.name));
  } else if (args.quick) {
    specs = PAYLOADS.filter((p) => p.quick);
  }

  if (args.waitIdle > 0) await waitForIdle(args.waitIdle);
  const started = Date.now();
  mkdirSync(args.out, { recursive: true });
  const profileDir = path.join(args.out, 'profiles');
  if (args.profile) mkdirSync(profileDir, { recursive: true });

  let distDir = args.dist;
  let build = `existing build ${args.dist ? path.relative(projectRoot, args.dist) || '.' : ''}`;
  if (!distDir) {
    distDir = path.join(args.out, 'dist');
    buildApp(distDir);
    build = `fresh vite build (${path.relative(projectRoot, distDir)})`;
  }
  const resolver = await createResolver(distDir);
  const server = await startServer({ distDir, token: TOKEN });
  const browser = await chromium.launch({
    headless: true,
    args: CHROMIUM_ARGS,
    ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
  });
  const machine = machineInfo(browser.version(), build);
  machine.repeat = args.repeat;
  machine.appHeapBytes = await measureAppHeap({ browser, server }).catch((error) => {
    console.warn(`[bench] the app's own heap could not be measured: ${error.message}`);
    return null;
  });
  console.log(`[bench] ${formatMachine(machine).split('\n').join('\n[bench] ')}`);

  const results = [];
  try {
    for (const spec of specs) {
      const t = Date.now();
      const built = spec.build();
      const generated = {
        bytes: Buffer.from(built.text, 'utf8'),
        runId: built.runId,
        targets: built.targets,
      };
      server.setRun(generated.runId, generated.bytes);
      const runs = [];
      for (let i = 0; i < args.repeat; i++) {
        runs.push(
          await runPayload({ browser, server, spec, generated, args, resolver, profileDir }),
        );
        if (runs.at(-1).harnessError) break;
      }
      const r = combineRuns(runs);
      server.clearRuns();
      r.wallSeconds = Math.round((Date.now() - t) / 100) / 10;
      r.appHeapBytes = machine.appHeapBytes;
      results.push(r);
      console.log(`${progressLine(r)} (${r.wallSeconds} s)`);
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }

  machine.loadAverage.push(os.loadavg()[0]);
  const table = formatTable(results);
  const goals = evaluateGoals(results);
  const attribution = attributionLines(results, args);
  const harnessErrors = results.filter((r) => r.harnessError);
  const pageErrors = results
    .filter((r) => r.pageErrors.length > 0)
    .map((r) => `${r.name}: ${[...new Set(r.pageErrors)].slice(0, 3).join(' | ')}`);

  const out = [
    '',
    table,
    '',
    'Goals (issue 7):',
    formatGoals(goals),
    ...(attribution.length
      ? [
          '',
          'Slow phases (worst long-animation-frame; with --profile, hottest functions):',
          ...attribution.map((l) => `  ${l}`),
        ]
      : []),
    ...(pageErrors.length ? ['', 'Page errors:', ...pageErrors.map((l) => `  ${l}`)] : []),
    '',
    formatMachine(machine),
    `Total ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  ].join('\n');
  console.log(out);

  const stamp = machine.date.replace(/[:.]/g, '-');
  const json = {
    machine,
    args: { only: args.only, quick: args.quick, profile: args.profile, repeat: args.repeat },
    goals,
    results,
  };
  writeFileSync(path.join(args.out, 'latest.json'), JSON.stringify(json, null, 2));
  writeFileSync(path.join(args.out, `bench-${stamp}.json`), JSON.stringify(json, null, 2));
  writeFileSync(path.join(args.out, 'latest.md'), `${out}\n`);
  console.log(
    `[bench] results: ${path.relative(projectRoot, path.join(args.out, 'latest.json'))}, latest.md`,
  );

  if (harnessErrors.length > 0) {
    for (const r of harnessErrors)
      console.error(`[bench] harness error in ${r.name}:\n${r.harnessError}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(
      `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
    );
    process.exit(1);
  },
);
