import { useState } from 'react';
import { buttonClass } from '@/components/ui/feedback';
import { StatusBadge } from '@/components/ui/status-badge';
import { useZone } from '@/components/ui/zone';
import { clearRecentRuns, useRecentRuns } from '@/lib/recent-runs';
import { formatAgo, formatDateTime } from '@/lib/time';
import { routeHref, type Route } from '@/lib/url-state';

/** Runs opened recently on this device (ID, flow, status, when; never the token), clearable. */
export function RecentRuns({ navigate }: { navigate: (route: Route) => void }) {
  const runs = useRecentRuns();
  const zone = useZone();
  // "3 min ago" as of when the list was shown.
  const [now] = useState(() => Date.now());
  if (runs.length === 0) return null;
  return (
    <section aria-labelledby="recent-runs-h" className="flex min-w-0 flex-col gap-3">
      <div className="flex min-w-0 flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id="recent-runs-h" className="text-lg font-semibold">
            Recent runs
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">Opened on this device; kept in this browser without the token.</p>
        </div>
        <button type="button" className={buttonClass.secondary} onClick={() => clearRecentRuns()}>
          Clear
          <span className="sr-only"> the recent runs</span>
        </button>
      </div>
      <ul className="flex min-w-0 flex-col divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white dark:divide-slate-700 dark:border-slate-700 dark:bg-slate-900">
        {runs.map((r) => (
          <li key={r.id} className="min-w-0">
            <a
              href={routeHref({ name: 'run', runId: r.id, step: null })}
              onClick={(e) => {
                if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                e.preventDefault();
                navigate({ name: 'run', runId: r.id, step: null });
              }}
              className="flex min-w-0 flex-col gap-1 px-3 py-2.5 hover:bg-sky-50 focus-visible:bg-sky-50 sm:flex-row sm:items-center sm:gap-3 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800"
            >
              <span className="flex min-w-0 flex-1 flex-col">
                <span className="min-w-0 truncate font-medium" title={r.flowName}>
                  {r.flowName || r.id}
                </span>
                <code className="min-w-0 truncate font-mono text-xs text-slate-600 dark:text-slate-400" title={r.id}>
                  {r.id}
                </code>
              </span>
              <span className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
                <StatusBadge tone={r.status.tone} icon={r.status.icon} label={r.status.label || r.status.raw || 'Unknown'} raw={r.status.raw} />
                <span className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
                  <span className="sr-only">Opened </span>
                  <time dateTime={new Date(r.openedAt).toISOString()} title={zone === 'utc' ? undefined : `UTC: ${formatDateTime(r.openedAt, 'utc')}`}>
                    {formatDateTime(r.openedAt, zone).replace(/\.\d{3} /, ' ')}
                  </time>{' '}
                  · {formatAgo(now - r.openedAt)}
                </span>
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
