import { useState } from 'react';
import { cn } from '@/lib/cn';
import { CopyButton } from './copy-button';

export interface ClampedTextProps {
  text: string;
  /** Characters shown before "Show more". */
  limit?: number;
  /** Keep newlines (error messages, stack traces). */
  pre?: boolean;
  className?: string;
  copyLabel?: string;
}

/**
 * Long text clamped with "Show more" / "Show less" and a copy button. Never HTML: the text is a
 * React text node. Long unbroken strings wrap anywhere so they never widen the page.
 */
export function ClampedText({ text, limit = 600, pre = false, className, copyLabel = 'Copy text' }: ClampedTextProps) {
  const [open, setOpen] = useState(false);
  const long = text.length > limit;
  const shown = !long || open ? text : `${text.slice(0, limit)}…`;
  return (
    <div className={cn('min-w-0', className)}>
      <div className={cn('min-w-0 [overflow-wrap:anywhere]', pre && 'font-mono text-[0.8125rem] whitespace-pre-wrap')}>{shown}</div>
      {long && (
        <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
          <button
            type="button"
            className="font-medium text-sky-700 underline underline-offset-2 hover:text-sky-900 dark:text-sky-300"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
          >
            {open ? 'Show less' : `Show more (${(text.length - limit).toLocaleString('en-US')} more characters)`}
          </button>
          <CopyButton value={text} label={copyLabel} text="Copy" />
        </div>
      )}
    </div>
  );
}
