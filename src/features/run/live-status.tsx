import { useEffect, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/feedback';
import { Icon } from '@/components/ui/icons';
import { formatAgo } from '@/lib/time';
import type { StatusInfo } from './model/types';

export interface LiveStatusProps {
  status: StatusInfo;
  live: boolean;
  /** A status this app doesn't know: checked again slowly for a while (it may be a live state). */
  unknownStatus?: boolean;
  paused: boolean;
  stale: boolean;
  updatedAt: number;
  nowMs: number;
  onTogglePause: () => void;
}

/** "Live · updated 3 s ago" with pause/resume, or "Finished"; announces status changes. */
export function LiveStatus({ status, live, unknownStatus = false, paused, stale, updatedAt, nowMs, onTogglePause }: LiveStatusProps) {
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef(status.raw);
  useEffect(() => {
    if (previous.current !== status.raw) {
      setAnnouncement(`Run status changed to ${status.label}.`);
      previous.current = status.raw;
    }
  }, [status.raw, status.label]);
  return (
    <span className="flex min-w-0 flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
      <span aria-live="polite" className="sr-only">
        {announcement}
      </span>
      {live ? (
        <>
          <span className="inline-flex items-center gap-1.5" data-testid="live-state">
            <span className={paused || stale ? 'size-2 rounded-full bg-slate-400' : 'size-2 animate-pulse rounded-full bg-sky-500 motion-reduce:animate-none'} aria-hidden="true" />
            {paused ? 'Paused' : stale ? 'Not refreshing' : 'Live'} · updated {formatAgo(Math.max(0, nowMs - updatedAt))}
          </span>
          <button type="button" className={buttonClass.ghost} onClick={onTogglePause} aria-pressed={paused}>
            <Icon name={paused ? 'chevron-right' : 'pause'} />
            {paused ? 'Resume' : 'Pause'} updates
          </button>
        </>
      ) : unknownStatus ? (
        <span className="inline-flex items-center gap-1.5" data-testid="live-state">
          <Icon name="question" className="size-3.5" />
          Unknown status · rechecked every 10 s for up to 10 minutes
        </span>
      ) : (
        <span className="inline-flex items-center gap-1.5" data-testid="live-state">
          <Icon name="check" className="size-3.5" />
          Finished · not refreshing
        </span>
      )}
    </span>
  );
}
