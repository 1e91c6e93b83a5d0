import { cn } from '@/lib/cn';
import { Icon, type IconName } from './icons';

export type BadgeTone = 'success' | 'failed' | 'warning' | 'live' | 'paused' | 'neutral';

/** The one tone → class map. Status is always icon + text, never colour alone. */
export const TONE_CLASSES: Record<BadgeTone, string> = {
  success: 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950/50 dark:text-emerald-200',
  failed: 'border-red-300 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950/50 dark:text-red-200',
  warning: 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-600 dark:bg-amber-950/50 dark:text-amber-200',
  live: 'border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-700 dark:bg-sky-950/50 dark:text-sky-200',
  paused: 'border-violet-300 bg-violet-50 text-violet-900 dark:border-violet-700 dark:bg-violet-950/50 dark:text-violet-200',
  neutral: 'border-slate-300 bg-slate-100 text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200',
};

export interface StatusBadgeProps {
  tone: BadgeTone;
  icon: IconName;
  label: string;
  /** Raw status value, shown on hover when it differs from the label. */
  raw?: string;
  size?: 'sm' | 'md';
  className?: string;
}

export function StatusBadge({ tone, icon, label, raw, size = 'sm', className }: StatusBadgeProps) {
  return (
    <span
      title={raw && raw !== label ? `Status: ${raw}` : undefined}
      className={cn(
        'inline-flex max-w-full min-w-0 items-center gap-1 rounded-full border font-medium whitespace-nowrap',
        size === 'md' ? 'px-3 py-1 text-sm' : 'px-2 py-0.5 text-xs',
        TONE_CLASSES[tone],
        className,
      )}
    >
      <Icon
        name={icon}
        className={cn(size === 'md' ? 'size-4' : 'size-3.5', 'shrink-0', icon === 'spinner' && 'animate-spin motion-reduce:animate-none')}
      />
      <span className="truncate">{label}</span>
    </span>
  );
}
