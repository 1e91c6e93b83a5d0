/**
 * The API token: module state + sessionStorage, and localStorage only when the user ticked
 * "Remember token on this device". Never logged, never put in a URL, a query key or a message.
 * Subscribers are told about every change (the app clears its query cache then).
 */

export const TOKEN_STORAGE_KEY = 'diga-inspector:token';

/** Visible ASCII only: a header value must not carry spaces, line breaks or other characters. */
const TOKEN_PATTERN = /^[\x21-\x7e]+$/;

export class TokenError extends Error {
  override readonly name = 'TokenError';
}

let token: string | null | undefined; // undefined: not read from storage yet
let remembered = false;
const listeners = new Set<() => void>();

function storage(kind: 'session' | 'local'): Storage | null {
  try {
    const store = kind === 'session' ? globalThis.sessionStorage : globalThis.localStorage;
    return store ?? null;
  } catch {
    return null; // storage disabled (private mode, sandboxed iframe, …)
  }
}

function read(kind: 'session' | 'local'): string | null {
  try {
    const value = storage(kind)?.getItem(TOKEN_STORAGE_KEY) ?? null;
    return value !== null && TOKEN_PATTERN.test(value) ? value : null;
  } catch {
    return null;
  }
}

function write(kind: 'session' | 'local', value: string | null): void {
  try {
    const store = storage(kind);
    if (!store) return;
    if (value === null) store.removeItem(TOKEN_STORAGE_KEY);
    else store.setItem(TOKEN_STORAGE_KEY, value);
  } catch {
    // Quota or a disabled store: the token still lives in module state for this tab.
  }
}

function load(): string | null {
  if (token === undefined) {
    const local = read('local');
    const session = read('session');
    token = session ?? local;
    remembered = local !== null && token === local;
    if (remembered && session === null) write('session', local);
  }
  return token;
}

function notify(): void {
  for (const listener of [...listeners]) {
    try {
      listener();
    } catch (error) {
      console.error('A token listener failed', error instanceof Error ? error.name : 'error');
    }
  }
}

/** The current token, or null. Stable between changes (usable as a useSyncExternalStore snapshot). */
export function getToken(): string | null {
  return load();
}

/** Whether the token is also kept in localStorage. */
export function isTokenRemembered(): boolean {
  load();
  return remembered;
}

/**
 * Store a token (trimmed). Throws TokenError, whose message never contains the token, when it is
 * empty or holds characters that cannot go into an Authorization header.
 */
export function setToken(value: string, opts: { remember: boolean }): void {
  const next = value.trim();
  if (next === '') throw new TokenError('The API token is empty.');
  if (!TOKEN_PATTERN.test(next)) {
    throw new TokenError(
      'The API token contains spaces, line breaks or other characters a token cannot have.',
    );
  }
  const previous = load();
  const wasRemembered = remembered;
  token = next;
  remembered = opts.remember;
  write('session', next);
  write('local', opts.remember ? next : null);
  if (previous !== next || wasRemembered !== remembered) notify();
}

/** Remove the token from memory, sessionStorage and localStorage. */
export function forgetToken(): void {
  const previous = load();
  const wasRemembered = remembered;
  token = null;
  remembered = false;
  write('session', null);
  write('local', null);
  if (previous !== null || wasRemembered) notify();
}

/** Subscribe to changes; returns the unsubscribe function. */
export function subscribeToken(callback: () => void): () => void {
  listeners.add(callback);
  return () => {
    listeners.delete(callback);
  };
}

/** Another tab forgot the remembered token: forget it here too. */
function onStorage(event: StorageEvent): void {
  if (event.key !== null && event.key !== TOKEN_STORAGE_KEY) return;
  if (event.storageArea !== storage('local')) return;
  if (event.newValue === null && remembered && token !== null) forgetToken();
}

if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
  window.addEventListener('storage', onStorage);
}

/** For tests: drop module state so the next read comes from storage again. */
export function resetTokenStoreForTests(): void {
  token = undefined;
  remembered = false;
  listeners.clear();
}
