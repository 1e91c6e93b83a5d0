import { queryOptions, useQuery } from '@tanstack/react-query';
import { StatusBadge } from '@/components/ui/status-badge';
import { fetchDemoRuns } from '@/lib/demo-runs';
import { routeHref, type Route } from '@/lib/url-state';

const TONE: Record<string, 'success' | 'failed' | 'neutral' | 'live' | 'paused'> = {
  SUCCEEDED: 'success',
  FAILED: 'failed',
  TIMEOUT: 'failed',
  INTERNAL_ERROR: 'failed',
  QUOTA_EXCEEDED: 'failed',
  MEMORY_LIMIT_EXCEEDED: 'failed',
  LOG_SIZE_EXCEEDED: 'failed',
  RUNNING: 'live',
  QUEUED: 'neutral',
  PAUSED: 'paused',
};

const demoRunsQuery = queryOptions({ queryKey: ['demo', 'runs'], queryFn: ({ signal }) => fetchDemoRuns(signal), staleTime: Infinity });

/** With the built-in demo API, lists its runs so a newcomer can click straight into one. */
export function DemoRuns({ navigate }: { navigate: (route: Route) => void }) {
  const { data, error, isPending } = useQuery(demoRunsQuery);
  return (
    <section aria-label="Demo runs" className="flex min-w-0 flex-col gap-3">
      <div>
        <h2 className="text-lg font-semibold">Demo runs</h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          This build talks to the built-in demo API, which accepts any non-empty token. Pick a run to see the inspector at work.
        </p>
      </div>
      {isPending && <p className="text-sm">Loading the demo runs…</p>}
      {error && <p className="text-sm text-red-800 dark:text-red-300">The demo run list could not be loaded.</p>}
      {data && (
        <ul className="grid min-w-0 grid-cols-1 gap-2 sm:grid-cols-2">
          {data
            .filter((r) => r.group !== 'hostile')
            .map((r) => (
              <li key={r.id} className="min-w-0">
                <a
                  href={routeHref({ name: 'run', runId: r.id, step: null })}
                  onClick={(e) => {
                    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                    e.preventDefault();
                    navigate({ name: 'run', runId: r.id, step: null });
                  }}
                  className="flex h-full min-w-0 flex-col gap-1 rounded-lg border border-slate-200 bg-white p-3 hover:border-sky-400 hover:bg-sky-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:border-sky-600 dark:hover:bg-slate-800"
                >
                  <span className="flex min-w-0 items-center justify-between gap-2">
                    <span className="min-w-0 truncate font-medium">{r.flowDisplayName ?? r.id}</span>
                    <StatusBadge
                      className="shrink-0"
                      tone={TONE[r.status] ?? 'neutral'}
                      icon={TONE[r.status] === 'failed' ? 'cross' : TONE[r.status] === 'success' ? 'check' : 'info'}
                      label={r.id.startsWith('demoLive') ? 'LIVE' : r.status}
                    />
                  </span>
                  <span className="text-xs text-slate-600 dark:text-slate-400">{r.scenario}</span>
                </a>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
