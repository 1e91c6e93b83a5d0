import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { Icon } from '@/components/ui/icons';

export interface ModalDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  /** "alertdialog" for a confirmation that needs an answer. */
  role?: 'dialog' | 'alertdialog';
  /** What gets focus when the dialog opens (default: the close button). */
  initialFocus?: RefObject<HTMLElement | null>;
  footer?: ReactNode;
}

/**
 * A modal dialog on the native <dialog>: the rest of the page is inert while it is open, Escape
 * closes it, it is labelled by its title, and focus goes back to where it was when it closes.
 */
export function ModalDialog({ open, onClose, title, children, role = 'dialog', initialFocus, footer }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      (initialFocus?.current ?? closeRef.current)?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, initialFocus]);

  // Closing (Escape, a button, or unmounting) hands focus back to where it was.
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onDialogClose = () => {
      const target = returnTo.current;
      returnTo.current = null;
      if (target?.isConnected) target.focus({ preventScroll: true });
      onClose();
    };
    dialog.addEventListener('close', onDialogClose);
    return () => dialog.removeEventListener('close', onDialogClose);
  }, [onClose]);

  return (
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-modal="true"
      className="m-auto w-[min(34rem,calc(100vw-1.5rem))] max-w-none rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (e.target === ref.current) ref.current?.close();
      }}
    >
      {open && (
        <div className="flex max-h-[min(40rem,85vh)] flex-col">
          <div className="flex items-start justify-between gap-3 border-b border-slate-200 px-4 py-3 dark:border-slate-700">
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            <button
              ref={closeRef}
              type="button"
              onClick={() => ref.current?.close()}
              className="inline-flex items-center rounded-md p-1 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
              aria-label="Close"
            >
              <Icon name="x" className="size-5" />
            </button>
          </div>
          <div className="min-h-0 overflow-auto px-4 py-3 text-sm">{children}</div>
          {footer && <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 px-4 py-3 dark:border-slate-700">{footer}</div>}
        </div>
      )}
    </dialog>
  );
}
