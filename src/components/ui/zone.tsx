import { createContext, useContext, useId, type ReactNode } from 'react';
import { formatDateTime, type ZoneChoice } from '@/lib/time';

const ZoneContext = createContext<ZoneChoice>('local');

export function ZoneProvider({ zone, children }: { zone: ZoneChoice; children: ReactNode }) {
  return <ZoneContext.Provider value={zone}>{children}</ZoneContext.Provider>;
}

export function useZone(): ZoneChoice {
  return useContext(ZoneContext);
}

/** A focusable text with a small tip shown on hover and on keyboard focus. */
export function HoverTip({ children, tip, className }: { children: ReactNode; tip: ReactNode; className?: string }) {
  const id = useId();
  // display:none until hovered or focused (an invisible tip would still widen the page); screen
  // readers get it through aria-describedby either way.
  return (
    <span tabIndex={0} aria-describedby={id} className={`group relative inline-block cursor-help rounded-sm ${className ?? ''}`}>
      {children}
      <span
        id={id}
        role="tooltip"
        className="pointer-events-none absolute top-full left-0 z-30 mt-1 hidden w-max max-w-[min(20rem,60vw)] rounded-md bg-slate-900 px-2 py-1 text-xs font-normal break-words text-white shadow-lg group-hover:block group-focus:block dark:bg-slate-100 dark:text-slate-900"
      >
        {tip}
      </span>
    </span>
  );
}

/**
 * An absolute time in the chosen zone (the zone named), with UTC on hover and focus. Missing or
 * invalid values read "—" and keep the raw value available.
 */
export function DateTimeText({ ms, raw }: { ms: number | null; raw?: unknown }) {
  const zone = useZone();
  if (ms === null) {
    const rawText = raw === undefined ? 'absent' : raw === null ? 'null' : JSON.stringify(raw);
    return <HoverTip tip={`Unknown. Raw value: ${rawText.length > 200 ? `${rawText.slice(0, 200)}…` : rawText}`}>—</HoverTip>;
  }
  const utc = formatDateTime(ms, 'utc');
  return (
    <HoverTip tip={zone === 'utc' ? utc : `UTC: ${utc}`}>
      <time dateTime={new Date(ms).toISOString()} className="tabular-nums">
        {formatDateTime(ms, zone)}
      </time>
    </HoverTip>
  );
}
