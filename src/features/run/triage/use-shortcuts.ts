import { useEffect, useRef } from 'react';

/** The keys the run screen answers to, and what they do (also listed in the help dialog). */
export const SHORTCUTS = [
  { key: 'j', what: 'Next step' },
  { key: 'k', what: 'Previous step' },
  { key: 'f', what: 'Next failed step (cycles through all of them)' },
  { key: '/', what: 'Search steps' },
  { key: 'c', what: 'Copy the summary for a ticket (Markdown)' },
  { key: '?', what: 'Show these shortcuts' },
] as const;

export type ShortcutKey = (typeof SHORTCUTS)[number]['key'];

/** True when the key press belongs to something the user is typing into. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
  }
  return false;
}

/**
 * Single-key shortcuts for the page. Ignored while typing in a field, with Ctrl, Cmd or Alt held,
 * while an IME composes, and while a modal dialog or menu is open.
 */
export function useShortcuts(handlers: Partial<Record<ShortcutKey, () => void>>, enabled = true): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || (e.repeat && e.key === 'c')) return;
      if (isTyping(e.target)) return;
      if (document.querySelector('dialog[open], [role="menu"]')) return;
      const handler = ref.current[e.key as ShortcutKey];
      if (!handler) return;
      e.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
