/**
 * In-page measurement for `npm run bench`: long-task and long-animation-frame observers installed
 * before the app runs, "settle" (wait until a condition holds and the main thread has been quiet),
 * and the four interactions of issue 7 (select a step, expand the largest node, type a search,
 * scroll the step list). Everything the app is asked is asked the way a user would: clicks and
 * keystrokes through Playwright, scrolling through window.scrollBy.
 */

export const TOKEN_KEY = 'diga-inspector:token';

/** A problem in the app under test (it never got there in time): reported, not a harness crash. */
export class AppProblem extends Error {
  constructor(message) {
    super(message);
    this.name = 'AppProblem';
  }
}

/** Runs in the page before any of its scripts (page.addInitScript). */
export function initScript({ tokenKey, token }) {
  try {
    sessionStorage.setItem(tokenKey, token);
  } catch {
    // No storage: the app will show its token prompt and the load will time out with a message.
  }
  const bench = { longtasks: [], frames: [], errors: [] };
  // Finders for markTarget (the page's CSP forbids eval, so they live here).
  const viewer = (path) =>
    document.querySelector(`[aria-label=${JSON.stringify(`Output of ${path}`)}]`);
  const byText = (root, re) =>
    root
      ? ([...root.querySelectorAll('button')].find((b) => re.test(b.textContent.trim())) ?? null)
      : null;
  Object.defineProperty(window, '__benchFind', {
    value: {
      timelineBar: (path) =>
        document.querySelector(`li[data-row-key=${JSON.stringify(path)}] button[data-bar]`),
      renderAnyway: (path) => byText(viewer(path), /^render anyway$/i),
      showMore: (path) => byText(viewer(path), /^show (all \(|[\d,]+ more characters)/i),
      searchBox: () => {
        const direct = document.querySelector(
          'input[aria-label="Search steps" i], input[type="search"][placeholder*="search steps" i]',
        );
        if (direct) return direct;
        for (const label of document.querySelectorAll('label')) {
          if (/search steps/i.test(label.textContent ?? ''))
            return label.control ?? label.querySelector('input');
        }
        return null;
      },
    },
  });
  Object.defineProperty(window, '__bench', { value: bench, enumerable: false });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    bench.errors.push('longtask observer unavailable');
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        bench.frames.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
          scripts: (e.scripts ?? []).map((s) => ({
            invoker: s.invoker,
            fn: s.sourceFunctionName,
            url: s.sourceURL,
            pos: s.sourceCharPosition,
            duration: s.duration,
            forcedLayout: s.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    bench.errors.push('long-animation-frame observer unavailable');
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** page.evaluate with a time limit (a page stuck in one long task would otherwise hang us). */
export async function evaluate(page, fn, arg, timeoutMs = 60_000, what = 'page.evaluate') {
  let timer;
  try {
    return await Promise.race([
      page.evaluate(fn, arg),
      new Promise((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new AppProblem(
                `${what}: the page did not answer within ${Math.round(timeoutMs / 1000)} s`,
              ),
            ),
          timeoutMs,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits until `condition` (a page function returning a boolean, or null) holds and no long task
 * ended in the last `quietMs` (counting from `since`, page time, at the earliest). Throws
 * AppProblem after `timeoutMs`.
 */
export async function settle(
  page,
  { what, condition = null, arg, quietMs = 600, timeoutMs = 60_000, since = 0 },
) {
  const started = Date.now();
  for (;;) {
    const left = timeoutMs - (Date.now() - started);
    if (left <= 0)
      throw new AppProblem(`${what}: not done after ${Math.round(timeoutMs / 1000)} s`);
    // The page's CSP forbids eval: the condition is its own evaluate call.
    const ok = condition
      ? Boolean(
          await evaluate(page, condition, arg, Math.max(1000, left), what).catch(
            rethrowProblem(false),
          ),
        )
      : true;
    const state = await evaluate(
      page,
      () => {
        let lastEnd = 0;
        for (const t of window.__bench.longtasks) lastEnd = Math.max(lastEnd, t.start + t.duration);
        return { now: performance.now(), lastEnd };
      },
      undefined,
      Math.max(1000, left),
      what,
    );
    if (ok && state.now - Math.max(state.lastEnd, since) >= quietMs) return;
    await sleep(100);
  }
}

/** A condition that throws in the page counts as "not yet"; our own timeouts still propagate. */
function rethrowProblem(fallback) {
  return (error) => {
    if (error instanceof AppProblem) throw error;
    return fallback;
  };
}

/** Long tasks and long animation frames that started at or after `t0` (page time). */
export async function collect(page, t0) {
  return evaluate(
    page,
    (from) => {
      const b = window.__bench;
      const tasks = b.longtasks.filter((t) => t.start >= from - 1);
      const frames = b.frames.filter((f) => f.start >= from - 1);
      let max = 0;
      let blocking = 0;
      for (const t of tasks) {
        max = Math.max(max, t.duration);
        blocking += Math.max(0, t.duration - 50);
      }
      const worst = frames.reduce((w, f) => (w === null || f.duration > w.duration ? f : w), null);
      return { maxTask: max, taskCount: tasks.length, blockingMs: blocking, worstFrame: worst };
    },
    t0,
    60_000,
    'collect long tasks',
  );
}

/** Measures one interaction: `action` runs between t0 and a settle on `until`. */
export async function interaction(page, { what, action, until = null, arg, timeoutMs = 60_000 }) {
  const t0 = await windowStart(page);
  const startedAt = Date.now();
  await action();
  await settle(page, { what, condition: until, arg, timeoutMs, since: t0 });
  await windowEnd(page);
  const result = await collect(page, t0);
  return { ...result, wallMs: Date.now() - startedAt };
}

/**
 * Opens a measured window: page time now, and a "bench:start" User Timing mark, which the phase's
 * Chrome trace carries too (its CPU-time numbers are read between these marks).
 */
export const windowStart = (page) =>
  evaluate(
    page,
    () => {
      performance.mark('bench:start');
      return performance.now();
    },
    undefined,
    60_000,
    'open the measured window',
  );

export const windowEnd = (page) =>
  evaluate(
    page,
    () => void performance.mark('bench:end'),
    undefined,
    60_000,
    'close the measured window',
  );

// ---- Load -------------------------------------------------------------------------------------

const MARKS = [
  'inspector:response',
  'inspector:parsed',
  'inspector:summary-visible',
  'inspector:timeline-visible',
];

export async function readMarks(page) {
  return evaluate(
    page,
    (names) => {
      const out = {};
      for (const n of names) {
        const e = performance.getEntriesByName(n, 'mark')[0];
        out[n] = e ? e.startTime : null;
      }
      const nav = performance.getEntriesByType('navigation')[0];
      out.navigationStart = 0;
      out.responseEnd = nav ? nav.responseEnd : null;
      return out;
    },
    MARKS,
    60_000,
    'read User Timing marks',
  );
}

/** What the page shows instead of the run, if anything (error state, token prompt). */
export async function describeScreen(page) {
  return evaluate(
    page,
    () => {
      const alert = document.querySelector('[role="alert"]');
      const h = document.querySelector('main h1, main h2');
      return (alert?.textContent || h?.textContent || document.body.innerText.slice(0, 200) || '')
        .trim()
        .slice(0, 200);
    },
    undefined,
    30_000,
    'describe the screen',
  );
}

/**
 * Waits for the summary mark (the run is on screen), then gives the timeline mark a grace period:
 * a mark that never comes is reported as missing, never invented.
 */
export async function waitForLoad(page, { timeoutMs, graceMs = 15_000 }) {
  const started = Date.now();
  for (;;) {
    const marks = await readMarks(page);
    if (marks['inspector:summary-visible'] !== null) break;
    if (Date.now() - started > timeoutMs) {
      const screen = await describeScreen(page).catch(() => 'unknown');
      throw new AppProblem(
        `load: no "inspector:summary-visible" mark after ${Math.round(timeoutMs / 1000)} s (screen: "${screen}")`,
      );
    }
    await sleep(100);
  }
  const graceStart = Date.now();
  while (Date.now() - graceStart < graceMs) {
    const marks = await readMarks(page);
    if (marks['inspector:timeline-visible'] !== null) break;
    await sleep(100);
  }
  await settle(page, { what: 'load (settling after the marks)', quietMs: 1000, timeoutMs });
}

// ---- Interactions ----------------------------------------------------------------------------
//
// Nothing of the harness may run in the page inside a measured window: Playwright locators resolve
// in the page (role queries over a big DOM take hundreds of ms) and its click checks hit targets
// there. So targets are found and marked (data-bench-target) before t0 with plain DOM calls, and
// clicked by coordinates with page.mouse (CDP input events, as a real mouse would send).

/** Marks the element `find` returns (a page function) as data-bench-target=`name`; scrolls it into view. */
async function markTarget(page, name, find, arg) {
  const found = await evaluate(
    page,
    ({ name: n, source, arg: a }) => {
      for (const el of document.querySelectorAll(`[data-bench-target=${JSON.stringify(n)}]`))
        el.removeAttribute('data-bench-target');
      const el = window.__benchFind?.[source]?.(a);
      if (!el) return null;
      el.setAttribute('data-bench-target', n);
      const r = el.getBoundingClientRect();
      if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth)
        el.scrollIntoView({ block: 'center', inline: 'nearest' });
      return { label: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 80) ?? '' };
    },
    { name, source: find, arg },
  );
  return found;
}

/** Center of the marked element, after it has been scrolled into view and the page is quiet. */
async function targetPoint(page, name) {
  return evaluate(
    page,
    (n) => {
      const el = document.querySelector(`[data-bench-target=${JSON.stringify(n)}]`);
      if (!el) return null;
      let r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return null;
      if (r.top < 0 || r.bottom > innerHeight) {
        el.scrollIntoView({ block: 'center' });
        r = el.getBoundingClientRect();
      }
      const x = r.left + Math.min(r.width / 2, 40);
      const y = r.top + r.height / 2;
      const at = document.elementFromPoint(x, y);
      return { x, y, hit: at !== null && (at === el || el.contains(at)) };
    },
    name,
  );
}

/**
 * Clicks the marked element by coordinates inside a measured window. First makes sure the point
 * really hits the element (a virtualised list may still be settling its rows' heights and move
 * it): up to 5 tries, each after the page has been quiet.
 */
async function measuredClick(page, { name, what, until = null, arg, timeoutMs = 60_000 }) {
  let point = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    await settle(page, { what: `${what} (before)`, quietMs: 400 });
    point = await targetPoint(page, name);
    if (!point) throw new AppProblem(`${what}: the target has no box to click`);
    if (point.hit) break;
  }
  if (!point?.hit)
    throw new AppProblem(`${what}: something else covers the target at its position`);
  return interaction(page, {
    what,
    action: () => page.mouse.click(point.x, point.y),
    until,
    arg,
    timeoutMs,
  });
}

/**
 * (a) Select a step by clicking its timeline row's bar. The timeline scrolls itself (virtualised
 * rows), so the row is first brought into the DOM by scrolling the row list's own scroller.
 */
export async function selectStep(page, { path, index }) {
  const found = await evaluate(
    page,
    async ({ path: p, index: i }) => {
      const sel = `li[data-row-key=${JSON.stringify(p)}] button[data-bar]`;
      const list = document.querySelector('ul[aria-label="Steps on the timeline"]');
      if (!list) return 'no-timeline';
      if (!document.querySelector(sel)) {
        let scroller = list.parentElement;
        while (scroller && scroller !== document.body) {
          const style = getComputedStyle(scroller);
          if (
            /(auto|scroll)/.test(style.overflowY) &&
            scroller.scrollHeight > scroller.clientHeight
          )
            break;
          scroller = scroller.parentElement;
        }
        if (scroller && scroller !== document.body) {
          const row = list.querySelector('li[data-index]');
          const rowHeight = row ? row.getBoundingClientRect().height || 32 : 32;
          scroller.scrollTop = Math.max(0, i * rowHeight - scroller.clientHeight / 2);
        }
        for (let k = 0; k < 50 && !document.querySelector(sel); k++)
          await new Promise((r) => setTimeout(r, 50));
      }
      return document.querySelector(sel) ? 'ok' : 'no-row';
    },
    { path, index },
    60_000,
    'select: find the timeline row',
  );
  if (found !== 'ok')
    return {
      skipped:
        found === 'no-timeline' ? 'n/a (no timeline rows)' : `n/a (no timeline row for ${path})`,
    };
  await markTarget(page, 'select', 'timelineBar', path);
  const inView = (p) => {
    const el = document.querySelector(`[data-step-path=${JSON.stringify(p)}]`);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  };
  // The app scrolls the card into view (smoothly): done when it is on screen and all is quiet.
  try {
    const r = await measuredClick(page, {
      name: 'select',
      what: `select: click the timeline row of ${path}`,
      until: inView,
      arg: path,
      timeoutMs: 30_000,
    });
    return { ...r, note: null };
  } catch (error) {
    if (!(error instanceof AppProblem) || !/not done after/.test(error.message)) throw error;
    await settle(page, { what: 'select: settle' });
    // The click was measured from its own t0 inside measuredClick; report the window since then.
    const r = await collect(page, 0);
    return {
      ...r,
      note: `select: the card of ${path} did not come into view within 30 s of the click (longest task counted since page load)`,
    };
  }
}

/** The output viewer of a step card: JsonTree / lite tree / large-value summary, by accessible name. */
function viewerSelector(path) {
  return `[aria-label=${JSON.stringify(`Output of ${path}`)}]`;
}

/**
 * (b) Expand the largest node of the step's output: "Render anyway" first when the value is shown
 * as a size summary, then each node on `pointer` (the path to the largest container, computed from
 * the payload), then (long strings) one "show more". The result is the worst of these clicks.
 */
export async function expandLargest(page, { path, pointer = [] }) {
  const viewer = viewerSelector(path);
  const present = await evaluate(page, (sel) => document.querySelector(sel) !== null, viewer);
  if (!present) {
    // The card may be virtualised away: bring it in by its DOM id first.
    await evaluate(
      page,
      (p) =>
        document
          .querySelector(`[data-step-path=${JSON.stringify(p)}]`)
          ?.scrollIntoView({ block: 'start' }),
      path,
    );
    await settle(page, { what: 'expand: settle after scrolling to the card', quietMs: 400 });
    if (!(await evaluate(page, (sel) => document.querySelector(sel) !== null, viewer)))
      return { skipped: `n/a (no output viewer for ${path})` };
  }
  const parts = [];

  if (await markTarget(page, 'render-anyway', 'renderAnyway', path)) {
    const r = await measuredClick(page, {
      name: 'render-anyway',
      what: 'expand: click "Render anyway"',
      until: () => document.querySelector('[data-bench-target="render-anyway"]') === null,
    });
    parts.push({ step: 'render anyway', ...r });
  }

  // Open the path to the largest node, one click per level (JsonTree names its expanders
  // "Expand <key> (N keys)"; react-json-view-lite's are all "Expand": there the first one).
  await evaluate(page, () => {
    for (const el of document.querySelectorAll('[data-bench-scope]'))
      el.removeAttribute('data-bench-scope');
  });
  for (const key of pointer) {
    const name = typeof key === 'number' ? `item ${key}` : key;
    const found = await evaluate(
      page,
      ({ sel, name: n }) => {
        const scope = document.querySelector('[data-bench-scope]') ?? document.querySelector(sel);
        if (!scope) return null;
        for (const el of document.querySelectorAll('[data-bench-target="expand"]'))
          el.removeAttribute('data-bench-target');
        const all = [
          ...scope.querySelectorAll(
            '[aria-label^="Expand"], [aria-label^="Collapse"], [role="button"][aria-label="expand JSON"]',
          ),
        ];
        const named = (prefix) =>
          all.find((b) => (b.getAttribute('aria-label') ?? '').startsWith(`${prefix} ${n} (`));
        const rescope = (el) => {
          for (const old of document.querySelectorAll('[data-bench-scope]'))
            old.removeAttribute('data-bench-scope');
          el.closest('[role="treeitem"]')?.setAttribute('data-bench-scope', '');
        };
        const open = named('Collapse');
        if (open) {
          rescope(open);
          return { label: open.getAttribute('aria-label'), already: true };
        }
        let target = named('Expand');
        const anonymous = !all.some((b) => /\(/.test(b.getAttribute('aria-label') ?? ''));
        if (!target && anonymous)
          target = all.find((b) => b.getAttribute('aria-expanded') === 'false');
        if (!target) return null;
        target.setAttribute('data-bench-target', 'expand');
        const r = target.getBoundingClientRect();
        if (r.top < 0 || r.bottom > innerHeight) target.scrollIntoView({ block: 'center' });
        return { label: target.getAttribute('aria-label'), already: false, anonymous };
      },
      { sel: viewer, name },
    );
    if (found === null) {
      parts.push({ step: `expand ${name}`, skipped: `no expander for "${name}"`, maxTask: 0 });
      break;
    }
    if (found.already) continue;
    const r = await measuredClick(page, {
      name: 'expand',
      what: `expand: click "${found.label}"`,
      until: () =>
        document.querySelector('[data-bench-target="expand"]')?.getAttribute('aria-expanded') !==
        'false',
    });
    parts.push({ step: `expand "${found.label}"`, ...r });
    await evaluate(page, () => {
      const el = document.querySelector('[data-bench-target="expand"]');
      if (!el) return;
      for (const old of document.querySelectorAll('[data-bench-scope]'))
        old.removeAttribute('data-bench-scope');
      el.closest('[role="treeitem"]')?.setAttribute('data-bench-scope', '');
    });
    if (found.anonymous) break;
  }

  if (await markTarget(page, 'show-more', 'showMore', path)) {
    const r = await measuredClick(page, {
      name: 'show-more',
      what: 'expand: show more of the long string',
    });
    parts.push({ step: 'show more of the string', ...r });
  }

  const measured = parts.filter((p) => !p.skipped);
  if (measured.length === 0)
    return {
      skipped: `n/a (nothing to expand${parts[0]?.skipped ? `: ${parts[0].skipped}` : ''})`,
    };
  const worst = measured.reduce((w, p) => (p.maxTask > w.maxTask ? p : w), measured[0]);
  return { ...worst, parts };
}

/** (c) Type a search into the "Search steps" box, if the app has one. */
export async function typeSearch(page, { term }) {
  if (!(await markTarget(page, 'search', 'searchBox'))) return { skipped: 'n/a (no search box)' };
  await settle(page, { what: 'search: settle', quietMs: 400 });
  const point = await targetPoint(page, 'search');
  if (!point) return { skipped: 'n/a (search box not visible)' };
  await page.mouse.click(point.x, point.y);
  await settle(page, { what: 'search: settle after focusing the box', quietMs: 400 });
  const r = await interaction(page, {
    what: `search: type "${term}"`,
    action: () => page.keyboard.type(term, { delay: 90 }),
    timeoutMs: 90_000,
  });
  // Leave the page as it was for the next interaction.
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await settle(page, {
    what: 'search: settle after clearing',
    quietMs: 400,
    timeoutMs: 90_000,
  }).catch(() => {});
  return r;
}

/**
 * (d) Scroll the step list down in wheel-sized steps, jump to its end, and back up: the page, or
 * the list's own scroller if it has one (a virtualised list in a fixed-height box).
 */
export async function scrollSteps(page) {
  const scroller = await evaluate(page, () => {
    document.activeElement?.blur?.();
    const card =
      document.querySelector('section[aria-label="Steps"] [data-step-path]') ??
      document.querySelector('[data-step-path]');
    for (
      let el = card?.parentElement;
      el && el !== document.body && el !== document.documentElement;
      el = el.parentElement
    ) {
      const style = getComputedStyle(el);
      if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 10) {
        el.setAttribute('data-bench-scroller', '');
        el.scrollTop = 0;
        return 'list';
      }
    }
    window.scrollTo(0, 0);
    return 'page';
  });
  await settle(page, { what: 'scroll: settle at the top', quietMs: 400 });
  const r = await interaction(page, {
    what: 'scroll the step list',
    action: () =>
      evaluate(
        page,
        async () => {
          const el =
            document.querySelector('[data-bench-scroller]') ??
            document.scrollingElement ??
            document.documentElement;
          const wait = (ms) => new Promise((res) => setTimeout(res, ms));
          const start = performance.now();
          for (let i = 0; i < 60 && performance.now() - start < 20_000; i++) {
            el.scrollBy(0, 700);
            await wait(32);
          }
          el.scrollTo(0, el.scrollHeight);
          await wait(300);
          for (let i = 0; i < 15; i++) {
            el.scrollBy(0, -700);
            await wait(32);
          }
          el.scrollTo(0, 0);
        },
        undefined,
        120_000,
        'scroll',
      ),
    timeoutMs: 120_000,
  });
  const height = await evaluate(
    page,
    () =>
      (document.querySelector('[data-bench-scroller]') ?? document.documentElement).scrollHeight,
  );
  return { ...r, scroller, scrollHeight: height };
}
