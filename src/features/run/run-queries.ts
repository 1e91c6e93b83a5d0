/**
 * The run query factory. The token is deliberately NOT in the query key: keys show up in devtools
 * and caches, and the token must never be stored where the user didn't opt in. This breaks the
 * letter of exhaustive-deps (the API client's middleware reads the token), so the app clears the
 * cached runs whenever the token changes or is forgotten (see app.tsx).
 */
import { queryOptions } from '@tanstack/react-query';
import { fetchRun } from '@/lib/api-client';

export const runQueries = {
  all: () => ['runs'] as const,
  details: () => [...runQueries.all(), 'detail'] as const,
  detail: (runId: string) =>
    queryOptions({
      queryKey: [...runQueries.details(), runId] as const,
      queryFn: ({ signal }) => fetchRun(runId, { signal }),
    }),
};
