/**
 * The URL says what is being viewed: `/` (lookup) and `/runs/<runId>?step=<path>` (a run, maybe a
 * step in it). Parsing, serialising and link building are pure functions; `useUrlState` wires them
 * to the History API. Links carry the run ID and the step path, never a token: token-like
 * parameters in a pasted link are stripped from the address bar and ignored.
 */
import { useCallback, useSyncExternalStore } from 'react';

export type Route =
  | { readonly name: 'lookup' }
  | { readonly name: 'run'; readonly runId: string; readonly step: string | null }
  /** A run opened from a file or a paste: kept in memory only, so a reload can't bring it back. */
  | { readonly name: 'imported'; readonly step: string | null };

/** The app's base path ("/" or "/tools/inspector/"), always ending with "/". */
export function basePath(): string {
  const base = import.meta.env.BASE_URL || '/';
  return base.endsWith('/') ? base : `${base}/`;
}

const TOKEN_PARAM = /^(?:token|access[_-]?token|id[_-]?token|refresh[_-]?token|auth|authorization|api[_-]?key|x[_-]?api[_-]?key|apikey|bearer|key|secret|client[_-]?secret|password|pwd|session|jwt|sig|signature)$/i;

/** Whether a query/hash parameter name looks like it carries a credential. */
export function isTokenLikeParam(name: string): boolean {
  return TOKEN_PARAM.test(name.trim());
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

export function parseRoute(pathname: string, search: string, base = basePath()): Route {
  let rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\/+/, '');
  rest = rest.replace(/\/+$/, '');
  if (rest === 'imported') return { name: 'imported', step: stepParam(search) };
  const m = /^runs\/([^/]+)$/.exec(rest);
  if (!m) return { name: 'lookup' };
  const runId = safeDecode(m[1]!)?.trim();
  if (!runId) return { name: 'lookup' };
  return { name: 'run', runId, step: stepParam(search) };
}

function stepParam(search: string): string | null {
  const step = new URLSearchParams(search).get('step');
  return step && step.length <= 2000 ? step : null;
}

export function routeHref(route: Route, base = basePath()): string {
  if (route.name === 'lookup') return base;
  const path = route.name === 'imported' ? `${base}imported` : `${base}runs/${encodeURIComponent(route.runId)}`;
  return route.step ? `${path}?step=${encodeURIComponent(route.step)}` : path;
}

/** An absolute share link for a run (and step). */
export function shareLink(runId: string, step: string | null = null): string {
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  return `${origin}${routeHref({ name: 'run', runId, step })}`;
}

/**
 * Removes token-like parameters from a URL's query and hash. Returns the cleaned URL and whether
 * anything was removed.
 */
export function stripTokenParams(href: string): { href: string; stripped: string[] } {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { href, stripped: [] };
  }
  const stripped: string[] = [];
  for (const name of [...url.searchParams.keys()]) {
    if (isTokenLikeParam(name)) {
      url.searchParams.delete(name);
      stripped.push(name);
    }
  }
  if (url.hash.length > 1) {
    const hashParams = new URLSearchParams(url.hash.slice(1));
    let hashHasToken = false;
    for (const name of hashParams.keys()) if (isTokenLikeParam(name)) hashHasToken = true;
    if (hashHasToken) {
      stripped.push('#fragment');
      url.hash = '';
    }
  }
  return { href: url.href, stripped };
}

const ID_SEGMENT_KEYS = new Set(['runs', 'run', 'executions', 'execution', 'flow-runs', 'flowruns', 'flow-run']);
const ID_PARAM_KEYS = ['runId', 'run_id', 'run', 'executionId', 'execution_id', 'id'];
const ID_TOKEN = /^[A-Za-z0-9][A-Za-z0-9_-]{2,127}$/;

function idFromUrl(url: URL): string | null {
  const segments = url.pathname.split('/').filter(Boolean).map((s) => safeDecode(s) ?? s);
  for (let i = segments.length - 2; i >= 0; i--) {
    if (ID_SEGMENT_KEYS.has(segments[i]!.toLowerCase())) {
      const candidate = segments[i + 1]!;
      if (ID_TOKEN.test(candidate)) return candidate;
    }
  }
  for (const key of ID_PARAM_KEYS) {
    const v = url.searchParams.get(key);
    if (v && ID_TOKEN.test(v.trim())) return v.trim();
  }
  const last = segments[segments.length - 1];
  return last && ID_TOKEN.test(last) && /\d/.test(last) ? last : null;
}

/**
 * Finds a run ID in whatever was pasted: a bare ID, a dashboard URL, one of our share links, or a
 * sentence from a ticket ("run 2FlC5aydGaXPAQUobq5GX failed"). Whitespace is trimmed.
 */
export function extractRunId(input: string): string | null {
  return extractRunTarget(input)?.runId ?? null;
}

const STEP_PARAM_MAX = 2000;

/** The step a pasted share link points at (`?step=`), if any. */
function stepFromUrl(url: URL): string | null {
  const step = url.searchParams.get('step');
  return step && step.length <= STEP_PARAM_MAX ? step : null;
}

/** "run 2Fl…", "run_id=2Fl…", "runId: 2Fl…", "execution 2Fl…": an ID someone labelled as the run. */
const LABELLED_RUN_ID = /\b(?:run|execution|flow[\s_-]?run)(?:[\s_-]?id)?\s*[:=#]?\s*["'`]?([A-Za-z0-9][A-Za-z0-9_-]{7,127})/i;
/** "flow Ynh2…", "flowId=Ynh2…": an ID labelled as something else, never taken for the run. */
const LABELLED_OTHER_ID = /\b(?:flow|project|workflow|piece|connection|step)(?:[\s_-]?id)?\s*[:=#]?\s*["'`]?([A-Za-z0-9][A-Za-z0-9_-]{7,127})/gi;

/**
 * Finds a run (and, from a share link, the step) in whatever was pasted: a bare ID, a dashboard
 * URL, one of our share links, or a sentence from a ticket ("run 2FlC5aydGaXPAQUobq5GX failed",
 * "flow Ynh2…, run 2FlC… failed": an ID labelled "run" wins, one labelled "flow" never does).
 */
export function extractRunTarget(input: string): { runId: string; step: string | null } | null {
  const text = input.trim().replace(/^["'`<([]+|["'`>)\].,;:!?]+$/g, '');
  if (text === '') return null;
  // A URL anywhere in the text.
  const urlMatch = /\bhttps?:\/\/[^\s"'<>]+/i.exec(text);
  if (urlMatch) {
    try {
      const url = new URL(urlMatch[0]);
      const id = idFromUrl(url);
      if (id) return { runId: id, step: stepFromUrl(url) };
    } catch {
      /* not a URL after all */
    }
  }
  if (text.startsWith('/')) {
    try {
      const url = new URL(text, 'http://x.invalid');
      const id = idFromUrl(url);
      if (id) return { runId: id, step: stepFromUrl(url) };
    } catch {
      /* ignore */
    }
  }
  if (!/\s/.test(text) && ID_TOKEN.test(text) && !/[=:]/.test(text)) return { runId: text, step: null };
  const labelled = LABELLED_RUN_ID.exec(text);
  if (labelled) return { runId: labelled[1]!, step: null };
  // A sentence: skip IDs labelled as something else; prefer a 21-character nanoid-like token,
  // else the longest ID-like token with a digit.
  const others = new Set(Array.from(text.matchAll(LABELLED_OTHER_ID), (m) => m[1]!));
  const tokens = text
    .split(/[\s,;:=()[\]{}"'`<>|]+/)
    .filter((t) => ID_TOKEN.test(t) && t.length >= 8 && !others.has(t));
  const nanoid = tokens.find((t) => t.length === 21);
  if (nanoid) return { runId: nanoid, step: null };
  const withDigit = tokens.filter((t) => /\d/.test(t) && /[A-Za-z]/.test(t));
  withDigit.sort((a, b) => b.length - a.length);
  return withDigit[0] ? { runId: withDigit[0], step: null } : null;
}

// ---- React binding -------------------------------------------------------------------------

const listeners = new Set<() => void>();
let snapshot: { href: string; route: Route } | null = null;

function currentRoute(): Route {
  const href = window.location.href;
  if (!snapshot || snapshot.href !== href) {
    snapshot = { href, route: parseRoute(window.location.pathname, window.location.search) };
  }
  return snapshot.route;
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  const onPop = () => cb();
  window.addEventListener('popstate', onPop);
  return () => {
    listeners.delete(cb);
    window.removeEventListener('popstate', onPop);
  };
}

export function navigate(route: Route, opts: { replace?: boolean } = {}): void {
  const href = routeHref(route);
  if (opts.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  for (const l of listeners) l();
}

/**
 * Cleans the address bar once at start: token-like parameters are removed (and ignored). Returns
 * the names removed so the UI can say so.
 */
export function cleanAddressBar(): string[] {
  const { href, stripped } = stripTokenParams(window.location.href);
  if (stripped.length > 0) window.history.replaceState(null, '', href);
  return stripped;
}

export function useRoute(): [Route, (route: Route, opts?: { replace?: boolean }) => void] {
  const route = useSyncExternalStore(subscribe, currentRoute, currentRoute);
  const go = useCallback((r: Route, opts?: { replace?: boolean }) => navigate(r, opts), []);
  return [route, go];
}
