/**
 * Small inline icons (no icon library: every byte counts against the initial-JS budget).
 * Icons are decorative (aria-hidden); the text next to them carries the meaning.
 */
import type { SVGProps } from 'react';
import type { StatusIcon } from '@/lib/status-vocabulary';

export type IconName =
  | StatusIcon
  | 'copy'
  | 'link'
  | 'eye'
  | 'eye-off'
  | 'chevron-right'
  | 'chevron-left'
  | 'chevron-down'
  | 'download'
  | 'search'
  | 'info'
  | 'sun'
  | 'moon'
  | 'monitor'
  | 'refresh'
  | 'x';

const PATHS: Record<IconName, string> = {
  check: 'M4 10.5l4 4 8-9',
  cross: 'M5 5l10 10M15 5L5 15',
  clock: 'M10 3a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM10 6v4.5l3 2',
  spinner: 'M10 3a7 7 0 1 0 7 7',
  pause: 'M7 5v10M13 5v10',
  ban: 'M10 3a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM5 5l10 10',
  alert: 'M10 3l8 14H2zM10 8v4M10 14.5v.5',
  question: 'M10 3a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM7.8 8a2.3 2.3 0 1 1 3.2 2.1c-.7.3-1 .8-1 1.5M10 14v.5',
  stop: 'M5 5h10v10H5z',
  interrupted: 'M10 3a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM7 10h6',
  hourglass: 'M6 3h8M6 17h8M7 3c0 4 6 4 6 7s-6 3-6 7M13 3c0 4-6 4-6 7s6 3 6 7',
  copy: 'M7 7h9v9H7zM4 13V4h9',
  link: 'M8.5 11.5l3-3M7 9.5l-2 2a2.5 2.5 0 0 0 3.5 3.5l2-2M13 10.5l2-2A2.5 2.5 0 0 0 11.5 5l-2 2',
  eye: 'M2 10s3-5.5 8-5.5S18 10 18 10s-3 5.5-8 5.5S2 10 2 10zM10 7.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
  'eye-off': 'M3 3l14 14M8 5a8 8 0 0 1 2-.5c5 0 8 5.5 8 5.5a14 14 0 0 1-2.2 2.8M5.3 6.6C3.2 8 2 10 2 10s3 5.5 8 5.5a7.6 7.6 0 0 0 3.3-.8',
  'chevron-right': 'M8 5l5 5-5 5',
  'chevron-left': 'M12 5l-5 5 5 5',
  'chevron-down': 'M5 8l5 5 5-5',
  download: 'M10 3v10M6 9l4 4 4-4M4 16h12',
  search: 'M9 4a5 5 0 1 0 0 10A5 5 0 0 0 9 4zM13 13l4 4',
  info: 'M10 3a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM10 9v5M10 6.5v.5',
  sun: 'M10 6.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7zM10 2v2M10 16v2M2 10h2M16 10h2M4.3 4.3l1.4 1.4M14.3 14.3l1.4 1.4M4.3 15.7l1.4-1.4M14.3 5.7l1.4-1.4',
  moon: 'M15.5 12.5A6.5 6.5 0 0 1 7.5 4.5a6.5 6.5 0 1 0 8 8z',
  monitor: 'M3 4h14v9H3zM7 17h6M10 13v4',
  refresh: 'M16 10a6 6 0 1 1-1.8-4.3M16 4v3.5h-3.5',
  x: 'M5 5l10 10M15 5L5 15',
};

export function Icon({ name, className, ...rest }: { name: IconName } & SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className ?? 'size-4 shrink-0'}
      {...rest}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
