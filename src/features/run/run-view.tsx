/**
 * The run screen's container for a run from the API: owns the token, the query, polling and the
 * URL, and hands the loaded run to RunScreen (which owns the selection, search and triage tools).
 * Renders data → error → loading, and designs every branch: a failed background refresh never
 * replaces data already on screen.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Callout, buttonClass } from '@/components/ui/feedback';
import { Icon } from '@/components/ui/icons';
import { TokenPrompt } from '@/components/ui/token-form';
import { ApiError, type LoadedRun } from '@/lib/api-client';
import { retryDueAt } from '@/lib/query-client';
import { isKnownTerminalStatus, isLiveStatus, pollInterval } from '@/lib/query-policy';
import { recordRecentRun } from '@/lib/recent-runs';
import { getToken, setToken, subscribeToken } from '@/lib/token-store';
import { shareLink, type Route } from '@/lib/url-state';
import { RunErrorState } from './run-error-state';
import { LiveStatus } from './live-status';
import { buildRunModel } from './model/run-model';
import type { RunModel } from './model/types';
import { runQueries } from './run-queries';
import { RunScreen } from './run-screen';
import { RunSkeleton } from './run-skeleton';
import { useDocumentStatus } from './use-document-status';

export interface RunViewProps {
  runId: string;
  step: string | null;
  navigate: (route: Route, opts?: { replace?: boolean }) => void;
}

function useToken(): string | null {
  return useSyncExternalStore(subscribeToken, getToken, getToken);
}

function useNow(enabled: boolean, everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    const t = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(t);
  }, [enabled, everyMs]);
  return now;
}

/**
 * The run model, rebuilt when the data or "now" changes, reusing the previous build's step nodes
 * whose records are unchanged (stable identity → their cards don't re-render on a poll or tick).
 */
function useIncrementalModel(data: LoadedRun | undefined, nowMs: number): RunModel | null {
  const [state, setState] = useState<{ data: LoadedRun; nowMs: number; model: RunModel } | null>(null);
  if (!data) return null;
  if (state && state.data === data && state.nowMs === nowMs) return state.model;
  const model = buildRunModel({ body: data.run, keyOrder: data.keyOrder, nowMs, previous: state?.model ?? null });
  setState({ data, nowMs, model });
  return model;
}

const isAuthError = (e: unknown) => e instanceof ApiError && (e.kind === 'unauthorized' || e.kind === 'no-token');
const isStopError = (e: unknown) => e instanceof ApiError && (e.kind === 'unauthorized' || e.kind === 'no-token' || e.kind === 'not-found');

export function RunView({ runId, step, navigate }: RunViewProps) {
  const token = useToken();
  const queryClient = useQueryClient();
  const [pollingPaused, setPollingPaused] = useState(false);
  // The view is keyed by run ID (app.tsx), so this is when watching this run began.
  const [watchingSince] = useState(() => Date.now());

  const query = useQuery({
    ...runQueries.detail(runId),
    enabled: token !== null,
    refetchInterval: (q) => {
      if (pollingPaused || isStopError(q.state.error)) return false;
      return pollInterval(q.state.data?.run.status, { watchingSinceMs: watchingSince, nowMs: Date.now() });
    },
    refetchIntervalInBackground: false,
    // Coming back to the tab refetches a live run at once (polling pauses while hidden).
    refetchOnWindowFocus: (q) =>
      !pollingPaused && !isStopError(q.state.error) && q.state.data !== undefined && isLiveStatus(q.state.data.run.status),
    // A run that has finished doesn't change; a live one was fetched a moment ago at most.
    staleTime: (q) => (q.state.data && !isLiveStatus(q.state.data.run.status) ? Infinity : 1000),
    // An answer that failed while this view's code was loading (main.tsx prefetches) stands: no
    // second request for a 404 or a rejected token. Retry is one click away.
    retryOnMount: false,
  });

  // A new token after a rejection: ask again with it.
  const lastToken = useRef(token);
  const { refetch, error: queryError } = query;
  useEffect(() => {
    if (token !== lastToken.current) {
      lastToken.current = token;
      if (token !== null && queryError) void refetch();
    }
  }, [token, queryError, refetch]);

  const data = query.data;
  const live = data ? isLiveStatus(data.run.status) : false;
  const now = useNow(live, 1000);
  const nowMs = live ? now : (data?.receivedAt ?? 0);

  const model = useIncrementalModel(data, nowMs);
  useDocumentStatus(model?.status ?? null, model?.title ?? null);

  useEffect(() => {
    if (model && typeof performance !== 'undefined' && performance.getEntriesByName('inspector:summary-visible').length === 0) {
      performance.mark('inspector:summary-visible');
    }
  }, [model]);

  const linkFor = useCallback((path: string | null) => shareLink(runId, path), [runId]);
  const onStepChange = useCallback((path: string) => navigate({ name: 'run', runId, step: path }, { replace: true }), [navigate, runId]);

  // A run that loaded goes to the lookup screen's "recent runs" (ID, flow, status; never the token).
  // Recorded again only when what is kept changes (a live run's model is rebuilt every second).
  const recentTitle = model?.title;
  const { raw = '', label = '', tone = 'neutral', icon = 'question' } = model?.status ?? {};
  useEffect(() => {
    if (recentTitle === undefined) return;
    recordRecentRun({ id: runId, flowName: recentTitle, status: { raw, label, tone, icon } });
  }, [runId, recentTitle, raw, label, tone, icon]);

  // ---- render: data → error → loading ------------------------------------------------------
  // No token (never given, or just forgotten): nothing of the run stays on screen.
  if (token === null) {
    return (
      <TokenPrompt
        title={data ? 'The token was forgotten: enter one to see this run again' : 'Enter an API token to open this run'}
        submitLabel="Open run"
        onSubmit={(t, remember) => setToken(t, { remember })}
      >
        <p>
          This link opens run <code className="font-mono [overflow-wrap:anywhere]">{runId}</code>
          {step && (
            <>
              {' '}
              at step <code className="font-mono [overflow-wrap:anywhere]">{step}</code>
            </>
          )}
          . The token stays in this browser and is sent only to the Diga API.
        </p>
      </TokenPrompt>
    );
  }

  if (!model || !data) {
    if (query.error && !query.isFetching) {
      return <RunErrorState error={query.error} runId={runId} onRetry={() => void query.refetch()} onBack={() => navigate({ name: 'lookup' })} />;
    }
    return <RunSkeleton runId={runId} failureReason={query.failureReason} failureCount={query.failureCount} />;
  }

  const error = query.error;

  return (
    <RunScreen
      loaded={data}
      model={model}
      nowMs={nowMs}
      step={step}
      onStepChange={onStepChange}
      linkFor={linkFor}
      banners={
        <>
          {error && isAuthError(error) && (
            <TokenPrompt
              tone="error"
              title="The API rejected the token while refreshing"
              submitLabel="Resume with this token"
              onSubmit={(t, remember) => setToken(t, { remember })}
            >
              <p>
                Refreshing stopped (HTTP {error instanceof ApiError && error.status ? error.status : 401}). The data below is from the last successful refresh and may
                be out of date.
              </p>
            </TokenPrompt>
          )}
          {error && !isAuthError(error) && <RefreshBanner error={error} retrying={query.isFetching} onRetry={() => void query.refetch()} />}
          {!error && query.failureReason && query.isFetching && <RefreshBanner error={query.failureReason} retrying onRetry={() => void query.refetch()} />}
        </>
      }
      liveSlot={
        <LiveStatus
          status={model.status}
          live={live}
          unknownStatus={!live && !isKnownTerminalStatus(data.run.status)}
          paused={pollingPaused}
          stale={!!error}
          updatedAt={query.dataUpdatedAt}
          nowMs={now}
          onTogglePause={() => setPollingPaused((p) => !p)}
        />
      }
      actions={
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={() => {
            void queryClient.invalidateQueries({ queryKey: runQueries.detail(runId).queryKey });
          }}
        >
          <Icon name="refresh" />
          Refresh
        </button>
      }
    />
  );
}

function RetryCountdown({ error }: { error: unknown }) {
  const due = retryDueAt(error);
  const now = useNow(due !== null, 500);
  if (due === null) return null;
  const left = Math.ceil((due - now) / 1000);
  return <> {left > 0 ? `Retrying in ${left} s.` : 'Retrying now…'}</>;
}

function RefreshBanner({ error, retrying, onRetry }: { error: unknown; retrying: boolean; onRetry: () => void }) {
  const what =
    error instanceof ApiError ? (error.status ? `HTTP ${error.status}` : error.kind === 'network' ? 'the API could not be reached' : error.message) : 'an unexpected error';
  const notFound = error instanceof ApiError && error.kind === 'not-found';
  return (
    <Callout
      tone="warning"
      role="status"
      title={notFound ? 'The run is no longer found (HTTP 404); refreshing stopped' : `Couldn’t refresh: ${what}`}
      actions={
        !notFound && (
          <button type="button" className={buttonClass.secondary} onClick={onRetry}>
            <Icon name="refresh" />
            Retry now
          </button>
        )
      }
    >
      {notFound
        ? 'The data below is the last version that loaded.'
        : retrying
          ? 'The data below is from the last successful refresh.'
          : 'The data below is from the last successful refresh. Polling will try again.'}
      {retrying && !notFound && <RetryCountdown error={error} />}
    </Callout>
  );
}
