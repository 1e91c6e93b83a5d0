/**
 * The run screen for a run opened from a file or a paste on the lookup screen: the same screen as
 * for the API, from memory, with no token, no request and no polling. The file's content lives only
 * in memory (app.tsx holds it), so a reload can't bring it back: the route says so.
 */
import { useCallback, useEffect, useMemo } from 'react';
import { Callout, buttonClass } from '@/components/ui/feedback';
import type { LoadedRun } from '@/lib/api-client';
import { shareLink, type Route } from '@/lib/url-state';
import { buildRunModel } from './model/run-model';
import { RunScreen } from './run-screen';

export interface ImportedRun {
  loaded: LoadedRun;
  /** Where it came from: a file name, or "pasted JSON". */
  source: string;
}

export interface ImportedRunViewProps {
  imported: ImportedRun | null;
  step: string | null;
  navigate: (route: Route, opts?: { replace?: boolean }) => void;
}

export function ImportedRunView({ imported, step, navigate }: ImportedRunViewProps) {
  const loaded = imported?.loaded ?? null;
  const model = useMemo(() => (loaded ? buildRunModel({ body: loaded.run, keyOrder: loaded.keyOrder, nowMs: loaded.receivedAt }) : null), [loaded]);
  const runId = model?.id ?? '';
  const linkFor = useCallback((path: string | null) => shareLink(runId, path), [runId]);
  const onStepChange = useCallback((path: string) => navigate({ name: 'imported', step: path }, { replace: true }), [navigate]);

  useEffect(() => {
    document.title = model ? `${model.title} (from a file) · Diga run inspector` : 'Imported run · Diga run inspector';
  }, [model]);

  if (!imported || !loaded || !model) {
    return (
      <Callout
        tone="info"
        role="alert"
        headingLevel={2}
        title="The imported file isn’t kept"
        actions={
          <button type="button" className={buttonClass.primary} onClick={() => navigate({ name: 'lookup' })}>
            Open a file again
          </button>
        }
      >
        <p>
          A run opened from a file or pasted JSON lives only in this tab’s memory, and reloading the page forgets it. Nothing was uploaded anywhere. Open
          it again on the start page.
        </p>
      </Callout>
    );
  }

  return (
    <RunScreen
      loaded={loaded}
      model={model}
      nowMs={loaded.receivedAt}
      step={step}
      onStepChange={onStepChange}
      linkFor={linkFor}
      fileName={imported.source}
      banners={
        <Callout tone="info" role="status" title={`Opened from ${imported.source}`}>
          This run was read from a file on this device: nothing is fetched and nothing refreshes. Links and the summary point to the run in the API (
          <code className="font-mono [overflow-wrap:anywhere]">{runId}</code>), which needs a token to open.
        </Callout>
      }
    />
  );
}
