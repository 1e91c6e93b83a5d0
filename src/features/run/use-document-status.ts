/**
 * The tab tells the run's status: the title reads "FAILED · Weekly report" and the favicon gets a
 * status dot, so a watched run is visible from another tab. Restored when the run view goes away.
 */
import { useEffect } from 'react';
import type { StatusInfo } from './model/types';

const DOT: Record<StatusInfo['tone'], string> = {
  success: '#059669',
  failed: '#dc2626',
  warning: '#d97706',
  live: '#0284c7',
  paused: '#7c3aed',
  neutral: '#64748b',
};

function faviconFor(tone: StatusInfo['tone']): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">` +
    `<rect width="32" height="32" rx="7" fill="#334155"/>` +
    `<path d="M9 8h7a8 8 0 0 1 0 16H9z" fill="none" stroke="#fff" stroke-width="3"/>` +
    `<circle cx="25" cy="25" r="7" fill="${DOT[tone]}" stroke="#fff" stroke-width="2"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export function useDocumentStatus(status: StatusInfo | null, title: string | null): void {
  const raw = status?.raw;
  const tone = status?.tone;
  useEffect(() => {
    if (!title || tone === undefined) return;
    const previousTitle = document.title;
    const link = document.querySelector<HTMLLinkElement>('link#favicon');
    const previousIcon = link?.getAttribute('href') ?? null;
    const label = raw && raw.length > 0 ? raw : 'UNKNOWN';
    document.title = `${label} · ${title.length > 80 ? `${title.slice(0, 80)}…` : title}`;
    if (link) link.setAttribute('href', faviconFor(tone));
    return () => {
      document.title = previousTitle;
      if (link && previousIcon !== null) link.setAttribute('href', previousIcon);
    };
  }, [raw, tone, title]);
}
