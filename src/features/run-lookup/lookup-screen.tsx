import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { buttonClass } from '@/components/ui/feedback';
import { TokenFields } from '@/components/ui/token-form';
import { getToken, isTokenRemembered, setToken } from '@/lib/token-store';
import { extractRunTarget, type Route } from '@/lib/url-state';

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
  const [tokenError, setTokenError] = useState<string | null>(null);
  const hasToken = getToken() !== null;

  /** A token typed in the form counts, however the run is then opened (form, demo or recent run). */
  const applyTypedToken = (): boolean => {
    if (token.trim() === '') return false;
    try {
      setToken(token.trim(), { remember });
      return true;
    } catch (err) {
      setTokenError(err instanceof Error ? err.message : 'This token cannot be used.');
      return false;
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const target = extractRunTarget(runText);
    if (!target) {
      setError(runText.trim() === '' ? 'Enter a run ID, or paste a link or text that contains one.' : 'No run ID found in what was pasted.');
      return;
    }
    setError(null);
    setTokenError(null);
    if (!applyTypedToken() && getToken() === null) {
      setTokenError('Enter an API token: the run is read with it.');
      return;
    }
    navigate({ name: 'run', runId: target.runId, step: target.step });
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
        <TokenFields
          value={token}
          onChange={setTokenValue}
          remember={remember}
          onRememberChange={setRemember}
          invalid={!!tokenError}
          describedBy={tokenError ? `${id}-token-err` : undefined}
        />
        {tokenError && (
          <p id={`${id}-token-err`} role="alert" className="-mt-2 text-sm text-red-800 dark:text-red-300">
            {tokenError}
          </p>
        )}
        {hasToken && token === '' && (
          <p className="-mt-2 text-xs text-slate-500 dark:text-slate-400">A token is already set for this session; leave the field empty to keep using it.</p>
        )}
        <div>
          <button type="submit" className={buttonClass.primary}>
            Open run
          </button>
        </div>
      </form>
      {/* Clicking a demo or recent run uses the token typed above too. */}
      <div className="flex min-w-0 flex-col gap-6" onClickCapture={() => void applyTypedToken()}>
        {children}
      </div>
    </div>
  );
}
