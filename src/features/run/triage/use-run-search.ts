import { useEffect, useRef, useState } from 'react';
import { searchRun, type SearchableStep, type SearchResult } from './search';
import { isAbort } from './time-slice';

export type SearchState =
  | { readonly status: 'idle' }
  | { readonly status: 'searching'; readonly query: string; readonly progress: number }
  | { readonly status: 'done'; readonly result: SearchResult };

/** Typing pauses this long before a search starts. */
export const SEARCH_DEBOUNCE_MS = 200;
/** A repeat of the same search (new data of a live run) keeps the old results this long first. */
const QUIET_REFRESH_MS = 500;

/**
 * Runs searchRun for the query (debounced), again when the steps or the masking change, and
 * cancels the search in flight whenever a newer one starts or the view goes away. Searching the
 * same words again (a live run's next poll) keeps the previous results on screen meanwhile.
 */
export function useRunSearch(steps: readonly SearchableStep[], query: string, mask: boolean): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  });
  const trimmed = query.trim();

  useEffect(() => {
    // An empty box shows nothing (see the return below); there is nothing to search.
    if (trimmed === '') return;
    const controller = new AbortController();
    let lastPercent = -1;
    const timer = window.setTimeout(() => {
      const prev = latest.current;
      const quiet = prev.status === 'done' && prev.result.query === trimmed.toLowerCase();
      const started = performance.now();
      if (!quiet) setState({ status: 'searching', query: trimmed, progress: 0 });
      searchRun(steps, trimmed, {
        mask,
        signal: controller.signal,
        onProgress: (fraction) => {
          if (controller.signal.aborted || fraction >= 1) return;
          if (quiet && performance.now() - started < QUIET_REFRESH_MS) return;
          const percent = Math.floor(fraction * 100);
          if (percent !== lastPercent) {
            lastPercent = percent;
            setState({ status: 'searching', query: trimmed, progress: fraction });
          }
        },
      }).then(
        (result) => {
          if (!controller.signal.aborted) setState({ status: 'done', result });
        },
        (error: unknown) => {
          if (!isAbort(error)) throw error;
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [steps, trimmed, mask]);

  return trimmed === '' ? { status: 'idle' } : state;
}
