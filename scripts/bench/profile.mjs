/**
 * `npm run bench -- --profile`: CPU profiles (CDP Profiler) of the load and of each interaction,
 * saved as .cpuprofile files (open them in Chrome DevTools → Performance) and summarised as the
 * functions with the most self and total time, mapped back to src/ through the build's source maps.
 * Also maps long-animation-frame script attributions (URL + character position) the same way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Loads every dist/assets/*.js(.map); resolves a generated position to an original one. */
export async function createResolver(distDir) {
  let SourceMapConsumer = null;
  try {
    ({ SourceMapConsumer } = await import('source-map-js'));
  } catch {
    // Without source-map-js (a dependency of vite/postcss) positions stay as generated.
  }
  const assetsDir = path.join(distDir, 'assets');
  const files = new Map();
  if (existsSync(assetsDir)) {
    for (const name of readdirSync(assetsDir)) {
      if (!name.endsWith('.js')) continue;
      const file = path.join(assetsDir, name);
      const mapFile = `${file}.map`;
      const text = readFileSync(file, 'utf8');
      let consumer = null;
      if (SourceMapConsumer && existsSync(mapFile)) {
        try {
          consumer = new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8')));
        } catch {
          consumer = null;
        }
      }
      // Line starts, to turn a character position into line/column.
      const lineStarts = [0];
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
      files.set(name, { consumer, lineStarts });
    }
  }
  const entry = (url) => {
    if (!url) return null;
    const name = url.split('?')[0].split('/').pop();
    return files.get(name) ?? null;
  };
  const describe = (url, line0, column0, fallbackName) => {
    const f = entry(url);
    const shortUrl = url ? url.split('/').pop() : '(native)';
    if (!f?.consumer)
      return {
        where: `${shortUrl}:${line0 + 1}:${column0 + 1}`,
        name: fallbackName || '(anonymous)',
        source: null,
      };
    const pos = f.consumer.originalPositionFor({ line: line0 + 1, column: column0 });
    if (!pos.source)
      return {
        where: `${shortUrl}:${line0 + 1}:${column0 + 1}`,
        name: fallbackName || '(anonymous)',
        source: null,
      };
    const source = pos.source
      .replace(/^(\.\.\/)+/, '')
      .replace(/^.*node_modules\//, 'node_modules/');
    return {
      where: `${source}:${pos.line}`,
      name: pos.name || fallbackName || '(anonymous)',
      source,
    };
  };
  return {
    /** A CDP callFrame (0-based line and column). */
    frame: (cf) => describe(cf.url, cf.lineNumber, cf.columnNumber, cf.functionName),
    /** A LoAF script attribution: URL + character position. */
    charPosition: (url, pos, fallbackName) => {
      const f = entry(url);
      if (!f || pos === undefined || pos < 0)
        return { where: url || '(unknown)', name: fallbackName || '(anonymous)', source: null };
      let lo = 0;
      let hi = f.lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (f.lineStarts[mid] <= pos) lo = mid;
        else hi = mid - 1;
      }
      return describe(url, lo, pos - f.lineStarts[lo], fallbackName);
    },
  };
}

/** Starts the sampling profiler on a CDP session. */
export async function startProfile(cdp, intervalUs = 250) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
}

export async function stopProfile(cdp) {
  const { profile } = await cdp.send('Profiler.stop');
  return profile;
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/**
 * Self and total time per function (by original location), top `limit` of each. Total time counts
 * a function once per sample even when it recurses. GC and idle are reported separately.
 */
export function summarizeProfile(profile, resolver, limit = 12) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const deltas = profile.timeDeltas ?? [];
  const sampleMs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    // A sample's weight is the time until the next sample.
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    sampleMs.set(id, (sampleMs.get(id) ?? 0) + dt);
  }
  const keyOf = new Map();
  const labelOf = new Map();
  const key = (node) => {
    let k = keyOf.get(node.id);
    if (k !== undefined) return k;
    const cf = node.callFrame;
    if (IDLE.has(cf.functionName) || (!cf.url && cf.functionName.startsWith('('))) {
      k = cf.functionName;
      labelOf.set(k, { name: cf.functionName, where: '' });
    } else if (!cf.url && cf.scriptId !== '0') {
      // Script without a URL: Playwright's injected code and page.evaluate (the harness itself).
      k = '(harness: evaluate/injected)';
      labelOf.set(k, { name: k, where: '' });
    } else {
      const d = resolver.frame(cf);
      k = `${d.name} @ ${d.where}`;
      labelOf.set(k, d);
    }
    keyOf.set(node.id, k);
    return k;
  };
  const self = new Map();
  const total = new Map();
  let busy = 0;
  let gc = 0;
  for (const [id, ms] of sampleMs) {
    const node = nodes.get(id);
    if (!node) continue;
    const k = key(node);
    if (k === '(idle)' || k === '(program)' || k === '(root)') continue;
    busy += ms;
    if (k === '(garbage collector)') gc += ms;
    self.set(k, (self.get(k) ?? 0) + ms);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const ck = key(nodes.get(cur));
      if (seen.has(ck) || IDLE.has(ck)) continue;
      seen.add(ck);
      total.set(ck, (total.get(ck) ?? 0) + ms);
    }
  }
  const top = (m) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([k, ms]) => ({ fn: k, ms: Math.round(ms) }));
  // Self time per original source file: which module the time goes to.
  const byFile = new Map();
  for (const [k, ms] of self) {
    const where = labelOf.get(k)?.where ?? '';
    const file = where.replace(/:\d+(:\d+)?$/, '') || k;
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  }
  return {
    busyMs: Math.round(busy),
    gcMs: Math.round(gc),
    self: top(self),
    total: top(total),
    files: top(byFile),
  };
}

/** The scripts of the worst long animation frame, mapped to src/. */
export function describeFrame(frame, resolver) {
  if (!frame) return null;
  return {
    durationMs: Math.round(frame.duration),
    blockingMs: Math.round(frame.blocking ?? 0),
    renderMs: Math.round(frame.render ?? 0),
    scripts: (frame.scripts ?? [])
      .slice()
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 4)
      .map((s) => {
        const d = resolver.charPosition(s.url, s.pos, s.fn);
        return {
          invoker: s.invoker,
          fn: d.name,
          where: d.where,
          ms: Math.round(s.duration),
          forcedLayoutMs: Math.round(s.forcedLayout ?? 0),
        };
      }),
  };
}

/**
 * Bottom-up: for samples whose stack holds a function matching `pattern` (against "name @ where"),
 * the most frequent caller chains above the innermost match, `depth` frames up, with their time.
 */
export function callersOf(profile, resolver, pattern, { depth = 8, limit = 6 } = {}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = new Map();
  const nameOf = (id) => {
    let l = label.get(id);
    if (l === undefined) {
      const cf = nodes.get(id).callFrame;
      const d = cf.url
        ? resolver.frame(cf)
        : { name: cf.functionName || '(anonymous)', where: '(no url)' };
      l = `${d.name} @ ${d.where}`;
      label.set(id, l);
    }
    return l;
  };
  const deltas = profile.timeDeltas ?? [];
  const chains = new Map();
  let matched = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (deltas[i + 1] ?? 0) / 1000;
    let hit;
    for (let cur = profile.samples[i]; cur !== undefined; cur = parent.get(cur)) {
      if (pattern.test(nameOf(cur))) {
        hit = cur;
        break;
      }
    }
    if (hit === undefined) continue;
    matched += dt;
    const chain = [];
    for (let cur = hit; cur !== undefined && chain.length <= depth; cur = parent.get(cur)) {
      const n = nameOf(cur);
      if (!/^\(root\)/.test(n)) chain.push(n);
    }
    const key = chain.join('\n  ← ');
    chains.set(key, (chains.get(key) ?? 0) + dt);
  }
  return {
    matchedMs: Math.round(matched),
    chains: [...chains.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([chain, ms]) => ({ ms: Math.round(ms), chain })),
  };
}

/**
 * From a Chrome trace (categories "toplevel" and "blink.user_timing") of one phase: the page's main
 * thread's longest task by thread CPU time (`tdur`) and by wall time (`dur`), and the main-thread
 * CPU time spent between pairs of User Timing marks. On a machine busy with other work the wall
 * time of a task includes the time its thread waited for a core; its CPU time does not.
 *
 * @param {Buffer} traceBuffer
 * @param {[string, string][]} spans pairs of mark names, e.g. [['inspector:response', 'inspector:summary-visible']]
 */
export function mainThreadTasks(traceBuffer, spans = []) {
  const trace = JSON.parse(traceBuffer.toString('utf8'));
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const mains = new Set();
  const marks = new Map();
  // The harness's measured windows ("bench:start" … "bench:end" marks); none: the whole trace.
  const windows = [];
  let markThread = null;
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      mains.add(`${e.pid}:${e.tid}`);
    if (e.cat !== 'blink.user_timing' || e.ph !== 'I' || typeof e.name !== 'string') continue;
    markThread ??= `${e.pid}:${e.tid}`;
    if (e.name === 'bench:start') windows.push({ from: e.ts, to: Infinity });
    else if (e.name === 'bench:end' && windows.length > 0) windows[windows.length - 1].to = e.ts;
    else if (!marks.has(e.name)) marks.set(e.name, e.ts);
  }
  // A task counts when it overlaps a window (the one that holds the "bench:start" mark too).
  const inWindow = (e) =>
    windows.length === 0 || windows.some((w) => e.ts + (e.dur ?? 0) >= w.from && e.ts <= w.to);
  // Tasks: the outermost "toplevel" slices of each renderer main thread. Most are
  // ThreadControllerImpl::RunTask, but some work (a microtask checkpoint after a fetch, say) shows
  // up as its own top-level slice.
  const perThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || typeof e.cat !== 'string' || !e.cat.split(',').includes('toplevel'))
      continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key)) continue;
    let t = perThread.get(key);
    if (!t) perThread.set(key, (t = { key, busy: 0, slices: [], tasks: [] }));
    t.slices.push(e);
  }
  for (const t of perThread.values()) {
    t.slices.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    let end = -Infinity;
    for (const e of t.slices) {
      if (e.ts < end) continue; // nested in the previous outermost slice
      t.tasks.push(e);
      t.busy += e.dur ?? 0;
      end = e.ts + (e.dur ?? 0);
    }
  }
  // The page's renderer: the thread that set the marks, else the busiest main thread.
  let main = markThread ? (perThread.get(markThread) ?? null) : null;
  if (!main) for (const t of perThread.values()) if (!main || t.busy > main.busy) main = t;
  if (!main) return null;
  let maxCpu = 0;
  let maxWall = 0;
  let over100Cpu = 0;
  for (const e of main.tasks) {
    if (!inWindow(e)) continue;
    const cpu = (e.tdur ?? e.dur ?? 0) / 1000;
    maxCpu = Math.max(maxCpu, cpu);
    maxWall = Math.max(maxWall, (e.dur ?? 0) / 1000);
    if (cpu > 100) over100Cpu++;
  }
  const cpuBetween = (a, b) => {
    const from = marks.get(a);
    const to = marks.get(b);
    if (from === undefined || to === undefined || to < from) return null;
    let us = 0;
    for (const e of main.tasks) {
      const start = e.ts;
      const end = e.ts + (e.dur ?? 0);
      const overlap = Math.min(end, to) - Math.max(start, from);
      if (overlap <= 0 || !(e.dur > 0)) continue;
      us += overlap * ((e.tdur ?? e.dur) / e.dur);
    }
    return us / 1000;
  };
  return {
    maxCpuMs: maxCpu,
    maxWallMs: maxWall,
    tasksOver100CpuMs: over100Cpu,
    busyMs: main.busy / 1000,
    spans: Object.fromEntries(spans.map(([a, b]) => [`${a} → ${b}`, cpuBetween(a, b)])),
  };
}
