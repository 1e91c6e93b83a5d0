/**
 * The composition root: the only file that imports features. Reads the URL and shows the lookup
 * screen or the run view; owns app-wide preferences (time zone, theme) and the token's lifecycle.
 */
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { AppHeader } from '@/components/ui/app-header';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { ZoneProvider } from '@/components/ui/zone';
import { getConfig } from '@/lib/config';
import { usePreference } from '@/lib/preferences';
import { forgetToken, getToken, subscribeToken } from '@/lib/token-store';
import { useRoute } from '@/lib/url-state';
import type { LoadedRun } from '@/lib/api-client';
import { DemoRuns } from '@/features/run-lookup/demo-runs';
import { LookupScreen } from '@/features/run-lookup/lookup-screen';
import { RecentRuns } from '@/features/run-lookup/recent-runs';
import type { ImportedRun } from '@/features/run/imported-run-view';
import { RunSkeleton } from '@/features/run/run-skeleton';
import type { RunView as RunViewType } from '@/features/run/run-view';

// The run view is its own chunk: the lookup screen doesn't need it, and for a run link it loads
// while the run's data is already being fetched (main.tsx prefetches it).
const LazyRunView = lazy(() => import('@/features/run/run-view').then((m) => ({ default: m.RunView })));
type RunViewComponent = typeof RunViewType;
let preloadedRunView: RunViewComponent | null = null;

/**
 * main.tsx loads the run view's chunk before the first render when the page is a run link, so
 * the view renders at once (no Suspense fallback, whose reveal React throttles by up to 300 ms).
 */
export async function preloadRunView(): Promise<void> {
  preloadedRunView = (await import('@/features/run/run-view')).RunView;
}
// A run opened from a file: the same run screen, from memory. The import panel loads on its own too.
const ImportedRunView = lazy(() => import('@/features/run/imported-run-view').then((m) => ({ default: m.ImportedRunView })));
const ImportPanel = lazy(() => import('@/features/run-lookup/import-panel').then((m) => ({ default: m.ImportPanel })));

export function App({ strippedParams }: { strippedParams: readonly string[] }) {
  const [route, navigate] = useRoute();
  const [zone, setZone] = usePreference('zone', 'local', ['local', 'utc'] as const);
  const [theme, setTheme] = usePreference('theme', 'system', ['system', 'light', 'dark'] as const);
  const token = useSyncExternalStore(subscribeToken, getToken, getToken);
  const queryClient = useQueryClient();
  const [stripNotice, setStripNotice] = useState(strippedParams.length > 0);
  // A run opened from a file or a paste: in memory only (a reload forgets it, on purpose).
  const [imported, setImported] = useState<ImportedRun | null>(null);
  const openImported = (loaded: LoadedRun, source: string) => {
    setImported({ loaded, source });
    navigate({ name: 'imported', step: null });
  };

  // Changing or forgetting the token clears the cached runs (the token is not in query keys):
  // every other run is dropped, the one on screen is asked for again with the new token.
  const previousToken = useRef(token);
  const currentRunId = route.name === 'run' ? route.runId : null;
  useEffect(() => {
    if (previousToken.current === token) return;
    previousToken.current = token;
    queryClient.removeQueries({
      predicate: (q) => q.queryKey[0] === 'runs' && (token === null || q.queryKey[2] !== currentRunId),
    });
  }, [token, currentRunId, queryClient]);

  useEffect(() => {
    const dark = theme === 'dark' || (theme === 'system' && window.matchMedia?.('(prefers-color-scheme: dark)').matches);
    document.documentElement.classList.toggle('dark', !!dark);
    if (theme !== 'system') return;
    const mq = window.matchMedia?.('(prefers-color-scheme: dark)');
    const onChange = () => document.documentElement.classList.toggle('dark', mq.matches);
    mq?.addEventListener('change', onChange);
    return () => mq?.removeEventListener('change', onChange);
  }, [theme]);

  useEffect(() => {
    if (route.name === 'lookup') document.title = 'Diga run inspector';
  }, [route.name]);

  const PreloadedRunView = preloadedRunView;
  return (
    <ZoneProvider zone={zone}>
      <div className="flex min-h-screen min-w-0 flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900">
          Skip to content
        </a>
        <AppHeader
          onHome={() => navigate({ name: 'lookup' })}
          zone={zone}
          onZoneChange={setZone}
          theme={theme}
          onThemeChange={setTheme}
          hasToken={token !== null}
          onForgetToken={() => forgetToken()}
        />
        <main id="main" className="mx-auto flex w-full max-w-7xl min-w-0 flex-1 flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6">
          {stripNotice && (
            <div role="status" className="flex items-start justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
              <span>The link carried a credential ({strippedParams.join(', ')}). It was removed from the address bar and ignored: tokens never travel in links.</span>
              <button type="button" className="font-medium underline" onClick={() => setStripNotice(false)}>
                Dismiss
              </button>
            </div>
          )}
          <ErrorBoundary resetKey={route.name === 'run' ? route.runId : route.name}>
            {route.name === 'run' ? (
              PreloadedRunView ? (
                <PreloadedRunView key={route.runId} runId={route.runId} step={route.step} navigate={navigate} />
              ) : (
                <Suspense fallback={<RunSkeleton runId={route.runId} failureReason={null} failureCount={0} />}>
                  <LazyRunView key={route.runId} runId={route.runId} step={route.step} navigate={navigate} />
                </Suspense>
              )
            ) : route.name === 'imported' ? (
              <Suspense fallback={<RunSkeleton runId={imported?.loaded.run.id ?? ''} failureReason={null} failureCount={0} />}>
                <ImportedRunView key={imported?.loaded.receivedAt ?? 0} imported={imported} step={route.step} navigate={navigate} />
              </Suspense>
            ) : (
              <LookupScreen navigate={navigate}>
                <RecentRuns navigate={navigate} />
                <Suspense fallback={null}>
                  <ImportPanel onOpen={openImported} />
                </Suspense>
                {getConfig().demo && <DemoRuns navigate={navigate} />}
              </LookupScreen>
            )}
          </ErrorBoundary>
        </main>
      </div>
    </ZoneProvider>
  );
}
