import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { isTokenRemembered } from '@/lib/token-store';
import { buttonClass } from './feedback';
import { Icon } from './icons';

export interface TokenFieldProps {
  value: string;
  onChange: (v: string) => void;
  remember: boolean;
  onRememberChange: (v: boolean) => void;
  autoFocus?: boolean;
  invalid?: boolean;
  describedBy?: string;
}

/** "API token" (password input with show/hide) + "Remember token on this device". */
export function TokenFields({ value, onChange, remember, onRememberChange, autoFocus, invalid, describedBy }: TokenFieldProps) {
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <label htmlFor={`${id}-token`} className="text-sm font-medium">
        API token
      </label>
      <div className="flex min-w-0 gap-2">
        <input
          id={`${id}-token`}
          name="diga-api-token"
          type={shown ? 'text' : 'password'}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          autoFocus={autoFocus}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-600 dark:bg-slate-800"
        />
        <button
          type="button"
          onClick={() => setShown((s) => !s)}
          aria-pressed={shown}
          aria-label={shown ? 'Hide token' : 'Show token'}
          className={buttonClass.secondary}
        >
          <Icon name={shown ? 'eye-off' : 'eye'} />
          <span className="hidden sm:inline">{shown ? 'Hide' : 'Show'}</span>
        </button>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={remember} onChange={(e) => onRememberChange(e.target.checked)} className="size-4" />
        Remember token on this device
      </label>
    </div>
  );
}

export interface TokenPromptProps {
  title: string;
  children?: ReactNode;
  submitLabel: string;
  onSubmit: (token: string, remember: boolean) => void;
  tone?: 'neutral' | 'error';
}

/** Asks for a token in place (a share link with no token, or a token the API rejected). */
export function TokenPrompt({ title, children, submitLabel, onSubmit, tone = 'neutral' }: TokenPromptProps) {
  const [token, setTokenValue] = useState('');
  const [remember, setRemember] = useState(() => isTokenRemembered());
  const [error, setError] = useState<string | null>(null);
  const errId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (token.trim() === '') {
      setError('Enter an API token.');
      return;
    }
    setError(null);
    onSubmit(token.trim(), remember);
    setTokenValue('');
  };
  return (
    <form
      onSubmit={submit}
      aria-label={title}
      className={cn(
        'flex max-w-xl min-w-0 flex-col gap-3 rounded-xl border p-4 sm:p-5',
        tone === 'error'
          ? 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40'
          : 'border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900',
      )}
    >
      <h2 className="text-lg font-semibold">{title}</h2>
      {children && <div className="text-sm">{children}</div>}
      <TokenFields value={token} onChange={setTokenValue} remember={remember} onRememberChange={setRemember} autoFocus invalid={!!error} describedBy={error ? errId : undefined} />
      {error && (
        <p id={errId} className="text-sm text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
      <div>
        <button type="submit" className={buttonClass.primary}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
