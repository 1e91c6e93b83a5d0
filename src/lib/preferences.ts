/** Small user preferences (zone, theme) kept in localStorage. Never anything secret. */
import { useCallback, useState } from 'react';

const PREFIX = 'diga-inspector:pref:';

export function usePreference<T extends string>(name: string, fallback: T, allowed: readonly T[]): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = window.localStorage.getItem(PREFIX + name);
      return stored !== null && (allowed as readonly string[]).includes(stored) ? (stored as T) : fallback;
    } catch {
      return fallback;
    }
  });
  const set = useCallback(
    (v: T) => {
      setValue(v);
      try {
        window.localStorage.setItem(PREFIX + name, v);
      } catch {
        /* private mode: keep it for this page only */
      }
    },
    [name],
  );
  return [value, set];
}
