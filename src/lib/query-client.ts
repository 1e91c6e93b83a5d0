/**
 * Query defaults in one place (style rule 8): never retry plain 4xx, back off on 5xx and network
 * failures, honour Retry-After on 429. The retry schedule is recorded per failure so the UI can say
 * "retrying in 8 s" truthfully.
 */
import { QueryClient } from '@tanstack/react-query';
import { retryDelay, shouldRetry } from './query-policy';
import { shareUnchanged } from './structural-sharing';

const scheduled = new WeakMap<object, number>();

/** When the retry after this failure is due (ms since epoch), if one was scheduled. */
export function retryDueAt(error: unknown): number | null {
  return typeof error === 'object' && error !== null ? (scheduled.get(error) ?? null) : null;
}

export function createQueryClient(opts: { retry?: boolean } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: opts.retry === false ? false : (failureCount, error) => shouldRetry(failureCount, error),
        retryDelay: (failureCount, error) => {
          const delay = retryDelay(failureCount, error);
          if (typeof error === 'object' && error !== null) scheduled.set(error, Date.now() + delay);
          return delay;
        },
        // A run that has finished does not change: keep it until the user asks again.
        staleTime: 5_000,
        gcTime: 10 * 60_000,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // TanStack's own sharing drops "__proto__" keys from changed objects (structural-sharing.ts).
        structuralSharing: (oldData, newData) => shareUnchanged(oldData, newData),
      },
    },
  });
}
