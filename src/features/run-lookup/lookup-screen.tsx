import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { buttonClass } from '@/components/ui/feedback';
import { TokenFields } from '@/components/ui/token-form';
import { getToken, isTokenRemembered, setToken } from '@/lib/token-store';
import { extractRunId, type Route } from '@/lib/url-state';

export interface LookupScreenProps {
  navigate: (route: Route) => void;
  /** Extra sections below the form (demo runs, recent runs, file import). */
  children?: ReactNode;
}

/** `/`: paste a run ID (or any text or URL containing one) and a token, then open the run. */
export function LookupScreen({ navigate, children }: LookupScreenProps) {
  const id = useId();
  const [runText, setRunText] = useState('');
  const [token, setTokenValue] = useState('');
  const [remember, setRemember] = useState(() => isTokenRemembered());
  const [error, setError] = useState<string | null>(null);
  const hasToken = getToken() !== null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const runId = extractRunId(runText);
    if (!runId) {
      setError(runText.trim() === '' ? 'Enter a run ID, or paste a link or text that contains one.' : 'No run ID found in what was pasted.');
      return;
    }
    if (token.trim() !== '') setToken(token.trim(), { remember });
    setError(null);
    navigate({ name: 'run', runId, step: null });
  };

  return (
    <div className="mx-auto flex w-full max-w-3xl min-w-0 flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold">Open a run</h1>
        <p className="text-slate-600 dark:text-slate-300">
          Paste a Diga run ID, a dashboard link or a share link, and an API token. The inspector shows what happened: the failure, the
          timeline and every step’s input and output.
        </p>
      </div>
      <form onSubmit={submit} aria-label="Open a run" className="flex min-w-0 flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-700 dark:bg-slate-900">
        <div className="flex min-w-0 flex-col gap-2">
          <label htmlFor={`${id}-run`} className="text-sm font-medium">
            Run ID
          </label>
          <input
            id={`${id}-run`}
            name="run-id"
            type="text"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={runText}
            aria-invalid={!!error || undefined}
            aria-describedby={error ? `${id}-err` : `${id}-hint`}
            onChange={(e) => setRunText(e.target.value)}
            placeholder="e.g. 2FlC5aydGaXPAQUobq5GX or https://…/runs/2FlC5aydGaXPAQUobq5GX"
            className="min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-800"
          />
          <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
            Any text or link that contains the ID works; spaces are trimmed.
          </p>
          {error && (
            <p id={`${id}-err`} role="alert" className="text-sm text-red-800 dark:text-red-300">
              {error}
            </p>
          )}
        </div>
        <TokenFields value={token} onChange={setTokenValue} remember={remember} onRememberChange={setRemember} />
        {hasToken && token === '' && (
          <p className="-mt-2 text-xs text-slate-500 dark:text-slate-400">A token is already set for this session; leave the field empty to keep using it.</p>
        )}
        <div>
          <button type="submit" className={buttonClass.primary}>
            Open run
          </button>
        </div>
      </form>
      {children}
    </div>
  );
}
