import { useEffect, useRef, useState } from 'react';
import { cn } from '@/lib/cn';
import { Icon } from './icons';

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Fallback for browsers/contexts without the async clipboard API.
    try {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      const ok = document.execCommand('copy');
      area.remove();
      return ok;
    } catch {
      return false;
    }
  }
}

export interface CopyButtonProps {
  /** The text to copy, or a function building it lazily (large values). */
  value: string | (() => string | Promise<string>);
  /** Accessible name, e.g. "Copy run ID". */
  label: string;
  /** Visible text next to the icon (omit for an icon-only button). */
  text?: string;
  className?: string;
}

/** A button that copies text and says so (visibly and to screen readers). */
export function CopyButton({ value, label, text, className }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const onClick = async () => {
    const resolved = typeof value === 'function' ? await value() : value;
    const ok = await writeClipboard(resolved);
    setState(ok ? 'copied' : 'failed');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setState('idle'), 2000);
  };
  return (
    <button
      type="button"
      onClick={() => void onClick()}
      aria-label={text ? undefined : label}
      title={label}
      className={cn(
        'inline-flex shrink-0 items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700',
        className,
      )}
    >
      <Icon name={state === 'copied' ? 'check' : 'copy'} className="size-3.5 shrink-0" />
      {text && <span>{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : text}</span>}
      <span role="status" className="sr-only">
        {state === 'copied' ? 'Copied to the clipboard' : state === 'failed' ? 'Could not copy' : ''}
      </span>
    </button>
  );
}

export { writeClipboard };
