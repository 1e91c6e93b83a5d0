/**
 * The run screen's container: owns the query, polling, the selection and the URL sync, and hands
 * view-model slices to presentational pieces. Renders data → error → loading, and designs every
 * branch: a failed background refresh never replaces data already on screen.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Callout, buttonClass } from '@/components/ui/feedback';
import { Icon } from '@/components/ui/icons';
import { TokenPrompt } from '@/components/ui/token-form';
import { ApiError, type LoadedRun } from '@/lib/api-client';
import { retryDueAt } from '@/lib/query-client';
import { isLiveStatus, pollInterval } from '@/lib/query-policy';
import { getToken, setToken, subscribeToken } from '@/lib/token-store';
import { shareLink, type Route } from '@/lib/url-state';
import { RunErrorState } from './run-error-state';
import { FailurePanel } from './failure-panel';
import { LiveStatus } from './live-status';
import { buildRunModel } from './model/run-model';
import type { RunModel, StepNode } from './model/types';
import { NoticeList } from './notice-list';
import { runQueries } from './run-queries';
import { RunSkeleton } from './run-skeleton';
import { RunSummary } from './run-summary';
import { StepList } from './steps/step-list';
import { StepViewProvider, stepDomId, type StepViewContextValue } from './steps/step-context';
import { RunTimelineSection } from './timeline/run-timeline-section';

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

function defaultIteration(loop: StepNode, model: RunModel): number {
  const info = loop.loop;
  if (!info || info.iterations.length === 0) return 1;
  const onTrail = model.failure?.step?.trail.find((t) => t.loopPath === loop.path);
  if (onTrail) return onTrail.number;
  if (info.failedIterations.length > 0) return info.failedIterations[0]!;
  const live = [...info.iterations].reverse().find((it) => it.status.tone === 'live' || it.status.tone === 'paused');
  if (live) return live.number;
  return 1;
}

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

  useEffect(() => {
    if (model && typeof performance !== 'undefined' && performance.getEntriesByName('inspector:summary-visible').length === 0) {
      performance.mark('inspector:summary-visible');
    }
  }, [model]);

  // ---- selection ---------------------------------------------------------------------------
  const [explicitIterations, setExplicitIterations] = useState<ReadonlyMap<string, number>>(new Map());
  const [scrollTarget, setScrollTarget] = useState<{ path: string; n: number } | null>(step ? { path: step, n: 0 } : null);
  const selectedNode = model && step ? (model.byPath.get(step) ?? null) : null;

  const onSelect = useCallback(
    (path: string) => {
      const node = model?.byPath.get(path);
      if (node) {
        setExplicitIterations((m) => {
          const next = new Map(m);
          for (const t of node.trail) next.delete(t.loopPath);
          return next;
        });
      }
      navigate({ name: 'run', runId, step: path }, { replace: true });
      setScrollTarget((t) => ({ path, n: (t?.n ?? 0) + 1 }));
    },
    [model, navigate, runId],
  );

  const iterationFor = useCallback(
    (loopPath: string) => {
      const explicit = explicitIterations.get(loopPath);
      if (explicit !== undefined) return explicit;
      const onTrail = selectedNode?.trail.find((t) => t.loopPath === loopPath);
      if (onTrail) return onTrail.number;
      const loop = model?.byPath.get(loopPath);
      return loop && model ? defaultIteration(loop, model) : 1;
    },
    [explicitIterations, selectedNode, model],
  );

  const setIteration = useCallback((loopPath: string, n: number) => {
    setExplicitIterations((m) => new Map(m).set(loopPath, n));
  }, []);

  const [reveal, setReveal] = useState(false);
  const linkFor = useCallback((path: string) => shareLink(runId, path), [runId]);
  const stepView: StepViewContextValue = useMemo(
    () => ({ selectedPath: step, mask: !reveal, iterationFor, setIteration, linkFor, onSelect }),
    [step, reveal, iterationFor, setIteration, linkFor, onSelect],
  );

  // Scroll the selected card into view once it is rendered.
  useEffect(() => {
    if (!scrollTarget || !model) return;
    const id = stepDomId(scrollTarget.path);
    const frame = window.requestAnimationFrame(() => {
      const el = document.getElementById(id);
      if (!el) return;
      const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
      el.focus({ preventScroll: true });
    });
    return () => window.cancelAnimationFrame(frame);
  }, [scrollTarget, model]);

  const [dismissedStepWarning, setDismissedStepWarning] = useState<string | null>(null);

  // ---- render: data → error → loading ------------------------------------------------------
  if (token === null && !data) {
    return (
      <TokenPrompt
        title="Enter an API token to open this run"
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
  const unknownStep = step !== null && !model.byPath.has(step) && dismissedStepWarning !== step ? step : null;

  return (
    <StepViewProvider value={stepView}>
      <div className="flex min-w-0 flex-col gap-4">
        {error && isAuthError(error) && (
          <TokenPrompt
            tone="error"
            title="The API rejected the token while refreshing"
            submitLabel="Resume with this token"
            onSubmit={(t, remember) => setToken(t, { remember })}
          >
            <p>
              Refreshing stopped (HTTP {error instanceof ApiError && error.status ? error.status : 401}). The data below is from the last successful refresh and may be
              out of date.
            </p>
          </TokenPrompt>
        )}
        {error && !isAuthError(error) && (
          <RefreshBanner error={error} retrying={query.isFetching} onRetry={() => void query.refetch()} />
        )}
        {!error && query.failureReason && query.isFetching && <RefreshBanner error={query.failureReason} retrying onRetry={() => void query.refetch()} />}
        {unknownStep && (
          <Callout
            tone="warning"
            title="This link points to a step this run doesn’t have"
            actions={
              <button type="button" className={buttonClass.secondary} onClick={() => setDismissedStepWarning(unknownStep)}>
                Dismiss
              </button>
            }
          >
            No step at <code className="font-mono [overflow-wrap:anywhere]">{unknownStep}</code>. The whole run is shown instead.
          </Callout>
        )}
        <RunSummary
          model={model}
          liveSlot={
            <LiveStatus
              status={model.status}
              live={live}
              paused={pollingPaused}
              stale={!!error}
              updatedAt={query.dataUpdatedAt}
              nowMs={now}
              onTogglePause={() => setPollingPaused((p) => !p)}
            />
          }
          actions={
            <>
              <button type="button" className={buttonClass.secondary} onClick={() => setReveal((r) => !r)} aria-pressed={reveal}>
                <Icon name={reveal ? 'eye-off' : 'eye'} />
                {reveal ? 'Mask secrets' : 'Reveal secrets'}
              </button>
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
            </>
          }
        />
        {model.failure && (
          <FailurePanel failure={model.failure} status={model.status} mask={!reveal} onJump={onSelect} linkFor={linkFor} />
        )}
        <NoticeList notices={model.notices} />
        <RunTimelineSection model={model} nowMs={nowMs} selectedPath={step} onSelectStep={onSelect} />
        <section aria-label="Steps" className="flex min-w-0 flex-col gap-3">
          <h2 className="text-lg font-semibold">
            Steps{' '}
            <span className="text-sm font-normal text-slate-600 dark:text-slate-300">
              {model.steps.length > 0 ? `${model.steps.length.toLocaleString('en-US')} top-level, in execution order` : ''}
            </span>
          </h2>
          {model.stepsMessage ? (
            <p className="rounded-lg border border-dashed border-slate-300 p-4 text-slate-700 dark:border-slate-600 dark:text-slate-300">{model.stepsMessage}</p>
          ) : (
            <StepList steps={model.steps} scrollToPath={scrollTarget?.path ?? null} />
          )}
        </section>
      </div>
    </StepViewProvider>
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
