import { Icon } from '@/components/ui/icons';
import { cn } from '@/lib/cn';
import type { Notice } from './model/types';

const LEVEL = {
  info: { icon: 'info', cls: 'border-sky-200 bg-sky-50 text-sky-950 dark:border-sky-900 dark:bg-sky-950/40 dark:text-sky-100', label: 'Note' },
  warning: { icon: 'alert', cls: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100', label: 'Warning' },
  error: { icon: 'alert', cls: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100', label: 'Problem' },
} as const;

/** Notices about the data itself: each an icon, a level word, the message, raw values on demand. */
export function NoticeList({ notices, className }: { notices: readonly Notice[]; className?: string }) {
  if (notices.length === 0) return null;
  return (
    <ul className={cn('flex flex-col gap-1.5', className)}>
      {notices.map((n, i) => {
        const level = LEVEL[n.level];
        return (
          <li key={`${n.code}-${i}`} className={cn('flex min-w-0 gap-2 rounded-md border px-3 py-2 text-sm', level.cls)}>
            <Icon name={level.icon} className="mt-0.5 size-4 shrink-0" />
            <div className="min-w-0 flex-1 [overflow-wrap:anywhere]">
              <span className="sr-only">{level.label}: </span>
              {n.message}
              {n.href && (
                <>
                  {' '}
                  <a href={n.href} target="_blank" rel="noopener noreferrer" className="font-medium underline underline-offset-2 [overflow-wrap:anywhere]">
                    {n.href}
                  </a>
                </>
              )}
              {n.details && n.details.length > 0 && (
                <details className="mt-1">
                  <summary className="cursor-pointer text-xs font-medium">Raw values</summary>
                  <dl className="mt-1 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 font-mono text-xs">
                    {n.details.map(([k, v]) => (
                      <div key={k} className="contents">
                        <dt>{k}</dt>
                        <dd className="[overflow-wrap:anywhere]">{v}</dd>
                      </div>
                    ))}
                  </dl>
                </details>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
