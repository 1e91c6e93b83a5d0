import { useEffect } from 'react';
import { Icon } from '@/components/ui/icons';

export interface ToastMessage {
  text: string;
  tone: 'ok' | 'error';
  /** Changes for every message, so the same text shown twice is announced twice. */
  n: number;
}

/** A short confirmation at the bottom of the screen ("Summary copied"), announced politely. */
export function Toast({ message, onDone }: { message: ToastMessage | null; onDone: () => void }) {
  useEffect(() => {
    if (!message) return;
    const t = window.setTimeout(onDone, 3500);
    return () => window.clearTimeout(t);
  }, [message, onDone]);
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center px-3">
      {message && (
        <p
          key={message.n}
          className="pointer-events-auto inline-flex max-w-full items-center gap-2 rounded-lg bg-slate-900 px-4 py-2 text-sm font-medium text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
        >
          <Icon name={message.tone === 'ok' ? 'check' : 'alert'} className="size-4 shrink-0" />
          {message.text}
        </p>
      )}
    </div>
  );
}
