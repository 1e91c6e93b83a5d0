/**
 * Open a run from a JSON file (pick or drop) or from pasted JSON: the same parsing, validation and
 * messages as an API answer (loadRunFromText), with no token and no request. Loaded lazily: the
 * lookup form doesn't wait for it.
 */
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { Callout, buttonClass } from '@/components/ui/feedback';
import { Icon } from '@/components/ui/icons';
import { ApiError, loadRunFromText, type LoadedRun } from '@/lib/api-client';
import { cn } from '@/lib/cn';
import { formatBytes } from '@/lib/json-shape';

/** Bigger files are refused before reading: the tab would struggle to hold them. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export interface ImportPanelProps {
  /** A run was read and validated: `source` is the file name or "pasted JSON". */
  onOpen: (loaded: LoadedRun, source: string) => void;
}

interface ImportError {
  source: string;
  error: unknown;
}

export function ImportPanel({ onOpen }: ImportPanelProps) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [pasted, setPasted] = useState('');
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<ImportError | null>(null);

  const open = async (source: string, read: () => Promise<string>) => {
    setFailure(null);
    setBusy(source);
    try {
      const text = await read();
      // Let "Reading…" paint before a large parse.
      await new Promise((resolve) => window.setTimeout(resolve, 0));
      const loaded = loadRunFromText(text);
      onOpen(loaded, source);
    } catch (error) {
      setFailure({ source, error });
    } finally {
      setBusy(null);
    }
  };

  const openFile = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setFailure({ source: file.name, error: new Error(`The file is ${formatBytes(file.size)}; files up to ${formatBytes(MAX_IMPORT_BYTES)} can be opened.`) });
      return;
    }
    void open(file.name, () => file.text());
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    openFile(e.dataTransfer.files[0]);
  };

  // A file dropped anywhere on the page opens too (instead of the browser navigating to it).
  const openFileRef = useRef(openFile);
  useEffect(() => {
    openFileRef.current = openFile;
  });
  useEffect(() => {
    const hasFiles = (e: globalThis.DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
    const over = (e: globalThis.DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: globalThis.DragEvent) => {
      if (e.defaultPrevented || !hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      openFileRef.current(e.dataTransfer?.files[0]);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <section aria-labelledby={`${id}-h`} className="flex min-w-0 flex-col gap-3">
      <div>
        <h2 id={`${id}-h`} className="text-lg font-semibold">
          Open a run from a file
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          A run downloaded from the inspector or saved from the API. It is read in this browser only: no token, no upload, nothing fetched.
        </p>
      </div>
      <div
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
        data-testid="import-drop-zone"
        className={cn(
          'flex min-w-0 flex-col items-center gap-2 rounded-xl border-2 border-dashed bg-white p-5 text-center dark:bg-slate-900',
          dragging ? 'border-sky-500 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/40' : 'border-slate-300 dark:border-slate-600',
        )}
      >
        <Icon name="download" className="size-6 rotate-180 text-slate-500 dark:text-slate-400" />
        <p className="text-sm">
          <span className="font-medium">Drop a JSON file here</span> (or anywhere on this page), or
        </p>
        <input
          ref={fileInput}
          id={`${id}-file`}
          type="file"
          accept=".json,application/json,text/json,text/plain"
          className="peer sr-only"
          onChange={(e) => {
            openFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <label htmlFor={`${id}-file`} className={cn(buttonClass.secondary, 'cursor-pointer peer-focus-visible:ring-2 peer-focus-visible:ring-sky-500')}>
          Choose a JSON file…
        </label>
        {busy && (
          <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
            Reading {busy}…
          </p>
        )}
      </div>
      <details className="min-w-0 text-sm">
        <summary className="cursor-pointer font-medium">Paste JSON instead</summary>
        <div className="mt-2 flex min-w-0 flex-col gap-2">
          <label htmlFor={`${id}-paste`} className="font-medium">
            Run JSON
          </label>
          <textarea
            id={`${id}-paste`}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            rows={6}
            spellCheck={false}
            placeholder='{"id": "…", "flowId": "…", "status": "FAILED", …}'
            className="min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
          />
          <div>
            <button type="button" className={buttonClass.primary} disabled={pasted.trim() === '' || busy !== null} onClick={() => void open('pasted JSON', async () => pasted)}>
              Open pasted JSON
            </button>
          </div>
        </div>
      </details>
      {failure && <ImportFailure failure={failure} onDismiss={() => setFailure(null)} />}
    </section>
  );
}

function ImportFailure({ failure, onDismiss }: { failure: ImportError; onDismiss: () => void }) {
  const { error, source } = failure;
  const issues = error instanceof ApiError ? error.contractIssues : [];
  return (
    <Callout
      tone="error"
      role="alert"
      headingLevel={3}
      title={`Unexpected content: ${source} can’t be opened as a run`}
      actions={
        <button type="button" className={buttonClass.secondary} onClick={onDismiss}>
          Dismiss
        </button>
      }
    >
      <p>{error instanceof Error ? error.message : 'The content could not be read.'}</p>
      {issues.length > 0 && (
        <>
          <p className="mt-1">It does not match the published contract of a run:</p>
          <ul className="list-disc pl-5">
            {issues.slice(0, 20).map((issue, i) => (
              <li key={i} className="[overflow-wrap:anywhere]">
                {issue}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-1">Open the JSON of one run: what the inspector’s “Download JSON” saves, or the body of GET /v1/workflow/executions/{'{run_id}'}.</p>
    </Callout>
  );
}
