/**
 * The run screen, whatever the run came from (the API, or a file opened on the lookup screen):
 * summary, failure, notices, timeline, search and steps, and everything a support engineer does
 * with them: select and link steps, copy a summary for a ticket, mask or reveal secrets, download
 * the run, search it, filter to failures, and drive it from the keyboard. The data source (query,
 * polling, token) stays in its container (run-view.tsx, imported-run-view.tsx).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { writeClipboard } from '@/components/ui/copy-button';
import { Callout, buttonClass } from '@/components/ui/feedback';
import { Icon } from '@/components/ui/icons';
import { getJsonViewStore } from '@/components/ui/json-view-state';
import { useZone } from '@/components/ui/zone';
import type { LoadedRun } from '@/lib/api-client';
import { formatCount } from '@/lib/json-shape';
import { getToken } from '@/lib/token-store';
import { FailurePanel } from './failure-panel';
import type { RunModel, StepNode } from './model/types';
import { NoticeList } from './notice-list';
import { RunSummary } from './run-summary';
import { StepList } from './steps/step-list';
import { StepViewProvider, stepDomId, type RevealSlot, type RevealTarget, type StepViewContextValue } from './steps/step-context';
import { isTimelineNotice } from './timeline/timeline-layout';
import { RunTimelineSection } from './timeline/run-timeline-section';
import { ActionMenu } from './triage/action-menu';
import { maskedNotices } from './triage/masked-error';
import { ModalDialog } from './triage/modal-dialog';
import { runFileName, runJsonText, saveTextFile } from './triage/run-export';
import { RunSearch } from './triage/run-search';
import type { SearchMatch } from './triage/search';
import { SecretsToggle } from './triage/secrets-toggle';
import { ShortcutHelp } from './triage/shortcut-help';
import { cycle, failedOnlyFilter, failedSteps, nextFailure, visibleSteps } from './triage/step-order';
import { buildTicketSummary } from './triage/ticket-summary';
import { Toast, type ToastMessage } from './triage/toast';
import { useSecretCount } from './triage/use-secret-count';
import { useShortcuts } from './triage/use-shortcuts';

export interface RunScreenProps {
  loaded: LoadedRun;
  model: RunModel;
  /** "Now" the model was built for (the timeline draws running steps up to it). */
  nowMs: number;
  /** The selected step's path (from the URL). */
  step: string | null;
  /** Puts the selected step into the URL. */
  onStepChange: (step: string) => void;
  /** Share link to the run (null) or one of its steps. */
  linkFor: (path: string | null) => string;
  /** Set for a run opened from a file: its name. */
  fileName?: string | null;
  /** Messages above the summary (refresh problems, a rejected token, where the data came from). */
  banners?: ReactNode;
  /** The live/finished indicator next to the status. */
  liveSlot?: ReactNode;
  /** Extra buttons in the summary (Refresh). */
  actions?: ReactNode;
}

const VIEWER_SLOTS: ReadonlySet<string> = new Set<RevealSlot>(['input', 'output', 'extras', 'raw']);

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

/** The value of `next` for as long as `key` stays the same object (e.g. the steps of one response). */
function usePerKey<K, V>(key: K, next: V): V {
  const [held, setHeld] = useState({ key, value: next });
  if (held.key !== key) {
    setHeld({ key, value: next });
    return next;
  }
  return held.value;
}

interface ScrollTarget {
  path: string;
  n: number;
  /** Scroll to the highlighted JSON value rather than the card's top. */
  toValue: boolean;
  /** Move keyboard focus to the card (j/k/f, "Go to"), or leave it where it is (search). */
  focus: boolean;
}

export function RunScreen({ loaded, model, nowMs, step, onStepChange, linkFor, fileName = null, banners, liveSlot, actions }: RunScreenProps) {
  const zone = useZone();

  // ---- selection ---------------------------------------------------------------------------
  const [explicitIterations, setExplicitIterations] = useState<ReadonlyMap<string, number>>(new Map());
  const [scrollTarget, setScrollTarget] = useState<ScrollTarget | null>(step ? { path: step, n: 0, toValue: false, focus: true } : null);
  const [reveal, setReveal] = useState<RevealTarget | null>(null);
  const selectedNode = step ? (model.byPath.get(step) ?? null) : null;

  const select = useCallback(
    (path: string, opts: { reveal?: RevealTarget | null; focus?: boolean } = {}) => {
      const node = model.byPath.get(path);
      if (node) {
        setExplicitIterations((m) => {
          if (!node.trail.some((t) => m.has(t.loopPath))) return m;
          const next = new Map(m);
          for (const t of node.trail) next.delete(t.loopPath);
          return next;
        });
      }
      setReveal(opts.reveal ?? null);
      onStepChange(path);
      setScrollTarget((t) => ({ path, n: (t?.n ?? 0) + 1, toValue: !!opts.reveal, focus: opts.focus ?? true }));
    },
    [model, onStepChange],
  );
  const onSelect = useCallback((path: string) => select(path), [select]);

  const iterationFor = useCallback(
    (loopPath: string) => {
      const explicit = explicitIterations.get(loopPath);
      if (explicit !== undefined) return explicit;
      const onTrail = selectedNode?.trail.find((t) => t.loopPath === loopPath);
      if (onTrail) return onTrail.number;
      const loop = model.byPath.get(loopPath);
      return loop ? defaultIteration(loop, model) : 1;
    },
    [explicitIterations, selectedNode, model],
  );

  const setIteration = useCallback((loopPath: string, n: number) => {
    setExplicitIterations((m) => new Map(m).set(loopPath, n));
  }, []);

  // Scroll the selected card (or the value a search revealed) into view once it is rendered.
  useEffect(() => {
    if (!scrollTarget) return;
    // In a virtualised list the card renders a frame or two after the list scrolls to it: look
    // for it for up to ~30 frames.
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const card = document.getElementById(stepDomId(scrollTarget.path));
      if (!card) {
        if (tries++ < 30) frame = window.requestAnimationFrame(attempt);
        return;
      }
      const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      const value = scrollTarget.toValue ? card.querySelector('[data-revealed]') : null;
      (value ?? card).scrollIntoView({ block: value ? 'center' : 'start', behavior: reduced ? 'auto' : 'smooth' });
      if (scrollTarget.focus) card.focus({ preventScroll: true });
    };
    frame = window.requestAnimationFrame(attempt);
    return () => window.cancelAnimationFrame(frame);
  }, [scrollTarget]);

  // ---- masking -----------------------------------------------------------------------------
  const [revealed, setRevealed] = useState(false);
  const mask = !revealed;
  // Counted and searched per response (a live run's model is rebuilt every second).
  const contentSteps = usePerKey(loaded, model.allSteps);
  const secretCount = useSecretCount(contentSteps);

  // Notices about timestamps and durations stand on the timeline, next to what they explain.
  const runNotices = useMemo(() => {
    const own = model.notices.filter((n) => !isTimelineNotice(model, n));
    return mask ? maskedNotices(own) : own;
  }, [model, mask]);

  // ---- filter ------------------------------------------------------------------------------
  const [failedOnly, setFailedOnly] = useState(false);
  const filter = useMemo(() => (failedOnly ? failedOnlyFilter(model, step) : null), [failedOnly, model, step]);
  const failedCount = useMemo(() => failedSteps(model).length, [model]);
  const onFailedOnlyChange = useCallback((on: boolean) => {
    setFailedOnly(on);
    if (!on) return;
    // Loops show a failed iteration, unless the selected step is in the one they show.
    setExplicitIterations((m) => {
      const next = new Map(m);
      for (const s of model.allSteps) {
        const failed = s.loop?.failedIterations;
        if (!failed || failed.length === 0 || selectedNode?.trail.some((t) => t.loopPath === s.path)) continue;
        if (!failed.includes(iterationFor(s.path))) next.set(s.path, failed[0]!);
      }
      return next;
    });
  }, [model, selectedNode, iterationFor]);

  const stepView: StepViewContextValue = useMemo(
    () => ({ selectedPath: step, mask, iterationFor, setIteration, linkFor, onSelect, reveal, filter }),
    [step, mask, iterationFor, setIteration, linkFor, onSelect, reveal, filter],
  );

  // ---- search ------------------------------------------------------------------------------
  const searchInput = useRef<HTMLInputElement>(null);
  const onSearchJump = useCallback(
    (m: SearchMatch) => {
      const target = m.pointer !== null && VIEWER_SLOTS.has(m.slot) ? { path: m.stepPath, slot: m.slot as RevealSlot, pointer: m.pointer } : null;
      // A value over the viewer's size limit shows a summary first: a match in it opens the tree
      // (paged, so it stays usable), like "Render anyway" would. The key is the card's stateKey.
      if (target) getJsonViewStore(`${target.path}/${target.slot}`).update('', { renderLarge: true });
      select(m.stepPath, { reveal: target, focus: false });
    },
    [select],
  );

  // ---- summary, export, messages -------------------------------------------------------------
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const say = useCallback((text: string, tone: ToastMessage['tone'] = 'ok') => setToast((t) => ({ text, tone, n: (t?.n ?? 0) + 1 })), []);
  const clearToast = useCallback(() => setToast(null), []);

  const copySummary = async (format: 'markdown' | 'text') => {
    const summary = buildTicketSummary(model, {
      link: linkFor(null),
      stepLink: (p) => linkFor(p),
      zone,
      mask,
      token: getToken(),
      source: fileName,
    });
    const ok = await writeClipboard(format === 'markdown' ? summary.markdown : summary.text);
    say(ok ? `Summary copied as ${format === 'markdown' ? 'Markdown' : 'plain text'}${mask ? '' : ', secrets included'}` : 'Could not copy the summary', ok ? 'ok' : 'error');
  };

  const [confirmUnmasked, setConfirmUnmasked] = useState(false);
  const cancelUnmasked = useRef<HTMLButtonElement>(null);
  const closeConfirm = useCallback(() => setConfirmUnmasked(false), []);
  const download = (masked: boolean) => {
    const name = runFileName(model.id);
    saveTextFile(runJsonText(loaded, { masked }), name);
    say(masked ? `Downloading ${name} (secrets masked)` : `Downloading ${name} with secrets in plain text`);
  };

  const [helpOpen, setHelpOpen] = useState(false);
  const closeHelp = useCallback(() => setHelpOpen(false), []);

  // ---- keyboard ----------------------------------------------------------------------------
  const moveBy = (direction: 1 | -1) => {
    const list = visibleSteps(model.steps, iterationFor, filter);
    const currentNode = list.find((s) => s.path === step);
    const next = cycle(list, currentNode, direction, false);
    if (next) select(next.path);
  };
  useShortcuts({
    j: () => moveBy(1),
    k: () => moveBy(-1),
    f: () => {
      const next = nextFailure(model, step);
      if (next) select(next.path);
      else say('No step failed in this run');
    },
    '/': () => {
      searchInput.current?.focus();
      searchInput.current?.select();
    },
    c: () => void copySummary('markdown'),
    '?': () => setHelpOpen(true),
  });

  // ---- render ------------------------------------------------------------------------------
  const [dismissedStepWarning, setDismissedStepWarning] = useState<string | null>(null);
  const unknownStep = step !== null && !model.byPath.has(step) && dismissedStepWarning !== step ? step : null;
  const secretsIn = secretCount && secretCount.count > 0 ? `${formatCount(secretCount.count)}${secretCount.capped ? '+' : ''}` : null;

  return (
    <StepViewProvider value={stepView}>
      <div className="flex min-w-0 flex-col gap-4">
        {banners}
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
          liveSlot={liveSlot}
          onJumpToFailure={onSelect}
          actions={
            <>
              <ActionMenu
                label="Copy summary"
                icon="copy"
                items={[
                  { label: 'Markdown', hint: 'For tickets and chat (shortcut: c)', onSelect: () => void copySummary('markdown') },
                  { label: 'Plain text', hint: 'For email and plain fields', onSelect: () => void copySummary('text') },
                ]}
              />
              <ActionMenu
                label="Download JSON"
                icon="download"
                items={[
                  { label: 'Download, secrets masked', hint: runFileName(model.id), onSelect: () => download(true) },
                  { label: 'Download unmasked…', hint: 'Asks first: the file would hold secrets', onSelect: () => setConfirmUnmasked(true) },
                ]}
              />
              <SecretsToggle count={secretCount} revealed={revealed} onToggle={() => setRevealed((r) => !r)} />
              {actions}
              <button type="button" className={buttonClass.ghost} onClick={() => setHelpOpen(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
                <Icon name="question" />
              </button>
            </>
          }
        />
        {model.failure && <FailurePanel failure={model.failure} status={model.status} mask={mask} onJump={onSelect} linkFor={linkFor} />}
        <NoticeList notices={runNotices} />
        <RunTimelineSection model={model} nowMs={nowMs} selectedPath={step} onSelectStep={onSelect} />
        <RunSearch
          steps={contentSteps}
          mask={mask}
          onJump={onSearchJump}
          inputRef={searchInput}
          failedOnly={failedOnly}
          onFailedOnlyChange={onFailedOnlyChange}
          failedCount={failedCount}
        />
        <section aria-label="Steps" className="flex min-w-0 flex-col gap-3">
          <h2 className="text-lg font-semibold">
            Steps{' '}
            <span className="text-sm font-normal text-slate-600 dark:text-slate-300">
              {model.steps.length > 0 ? `${model.steps.length.toLocaleString('en-US')} top-level, in execution order` : ''}
              {failedOnly ? ' · failed only' : ''}
            </span>
          </h2>
          {model.stepsMessage ? (
            <p className="rounded-lg border border-dashed border-slate-300 p-4 text-slate-700 dark:border-slate-600 dark:text-slate-300">{model.stepsMessage}</p>
          ) : (
            <StepList steps={model.steps} scrollRequest={scrollTarget} />
          )}
        </section>
      </div>
      <ShortcutHelp open={helpOpen} onClose={closeHelp} />
      <ModalDialog
        open={confirmUnmasked}
        onClose={closeConfirm}
        role="alertdialog"
        initialFocus={cancelUnmasked}
        title="Download with secrets in plain text?"
        footer={
          <>
            <button ref={cancelUnmasked} type="button" className={buttonClass.secondary} onClick={closeConfirm}>
              Cancel
            </button>
            <button
              type="button"
              className={buttonClass.primary}
              onClick={() => {
                closeConfirm();
                download(false);
              }}
            >
              Download unmasked
            </button>
          </>
        }
      >
        <p>
          The file <code className="font-mono">{runFileName(model.id)}</code> will hold{' '}
          {secretsIn ? `${secretsIn} secret ${secretsIn === '1' ? 'value' : 'values'}` : 'every secret value in the run'} (tokens, passwords, signatures) as
          they were received. Anyone with the file can use them. Share the masked download instead when you can.
        </p>
      </ModalDialog>
      <Toast message={toast} onDone={clearToast} />
    </StepViewProvider>
  );
}
