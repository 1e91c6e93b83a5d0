// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  TOKEN_STORAGE_KEY,
  forgetToken,
  getToken,
  isTokenRemembered,
  resetTokenStoreForTests,
  setToken,
  subscribeToken,
} from './token-store';

const SECRET = 'sk_live_0123456789abcdef';

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  resetTokenStoreForTests();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('token store', () => {
  it('starts empty', () => {
    expect(getToken()).toBeNull();
    expect(isTokenRemembered()).toBe(false);
  });

  it('keeps a trimmed token in memory and sessionStorage only, unless remembered', () => {
    setToken(`  ${SECRET}\n`, { remember: false });
    expect(getToken()).toBe(SECRET);
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe(SECRET);
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(localStorage.length).toBe(0);
    expect(isTokenRemembered()).toBe(false);
  });

  it('writes localStorage only when remembered, and removes it when no longer remembered', () => {
    setToken(SECRET, { remember: true });
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe(SECRET);
    expect(isTokenRemembered()).toBe(true);

    setToken(SECRET, { remember: false });
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe(SECRET);
    expect(isTokenRemembered()).toBe(false);
  });

  it('forgets everywhere', () => {
    setToken(SECRET, { remember: true });
    forgetToken();
    expect(getToken()).toBeNull();
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(isTokenRemembered()).toBe(false);
  });

  it('rejects an empty token or one a header cannot carry, without echoing it', () => {
    setToken(SECRET, { remember: false });
    expect(() => setToken('   ', { remember: true })).toThrow('The API token is empty.');
    for (const bad of ['abc def', 'abc\ndef', 'tökén']) {
      let message = '';
      try {
        setToken(bad, { remember: false });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/characters a token cannot have/);
      expect(message).not.toContain(bad);
    }
    expect(getToken()).toBe(SECRET);
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('restores a token from sessionStorage first, then localStorage', () => {
    localStorage.setItem(TOKEN_STORAGE_KEY, 'remembered-token');
    expect(getToken()).toBe('remembered-token');
    expect(isTokenRemembered()).toBe(true);

    resetTokenStoreForTests();
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'session-token');
    expect(getToken()).toBe('session-token');
    expect(isTokenRemembered()).toBe(false);
  });

  it('ignores a stored value that is not a valid token', () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'bad token\n');
    expect(getToken()).toBeNull();
  });

  it('notifies subscribers on every change, and only on changes', () => {
    const listener = vi.fn();
    const unsubscribe = subscribeToken(listener);
    setToken(SECRET, { remember: false });
    setToken(SECRET, { remember: false });
    expect(listener).toHaveBeenCalledTimes(1);
    setToken(SECRET, { remember: true });
    expect(listener).toHaveBeenCalledTimes(2);
    setToken('another-token', { remember: true });
    expect(listener).toHaveBeenCalledTimes(3);
    forgetToken();
    forgetToken();
    expect(listener).toHaveBeenCalledTimes(4);
    unsubscribe();
    setToken(SECRET, { remember: false });
    expect(listener).toHaveBeenCalledTimes(4);
  });

  it('keeps working in memory when storage throws (private mode)', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(getToken()).toBeNull();
    setToken(SECRET, { remember: true });
    expect(getToken()).toBe(SECRET);
    expect(() => forgetToken()).not.toThrow();
    expect(getToken()).toBeNull();
  });

  it('keeps working when the storage objects themselves are unavailable', () => {
    vi.stubGlobal('localStorage', undefined);
    vi.stubGlobal('sessionStorage', undefined);
    setToken(SECRET, { remember: true });
    expect(getToken()).toBe(SECRET);
  });

  it('forgets here when another tab forgets the remembered token', () => {
    setToken(SECRET, { remember: true });
    const listener = vi.fn();
    subscribeToken(listener);
    localStorage.removeItem(TOKEN_STORAGE_KEY);
    window.dispatchEvent(
      new StorageEvent('storage', {
        key: TOKEN_STORAGE_KEY,
        oldValue: SECRET,
        newValue: null,
        storageArea: localStorage,
      }),
    );
    expect(getToken()).toBeNull();
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('never logs the token', () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => undefined),
    );
    subscribeToken(() => {
      throw new Error(`listener failed with ${SECRET}`);
    });
    setToken(SECRET, { remember: true });
    forgetToken();
    for (const spy of spies) {
      for (const call of spy.mock.calls) expect(JSON.stringify(call)).not.toContain(SECRET);
    }
  });
});
