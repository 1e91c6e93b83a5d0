import { ModalDialog } from './modal-dialog';
import { SHORTCUTS } from './use-shortcuts';

/** "?": the keyboard shortcuts of the run screen. */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <ModalDialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] items-baseline gap-x-4 gap-y-2">
        {SHORTCUTS.map((s) => (
          <div key={s.key} className="contents">
            <dt>
              <kbd className="inline-flex min-w-7 justify-center rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-sm shadow-sm dark:border-slate-600 dark:bg-slate-800">
                {s.key}
              </kbd>
            </dt>
            <dd>{s.what}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-slate-600 dark:text-slate-300">
        Shortcuts don’t apply while you type in a field, or with Ctrl, Cmd or Alt held. Escape closes this dialog.
      </p>
    </ModalDialog>
  );
}
