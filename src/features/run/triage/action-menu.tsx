import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { buttonClass } from '@/components/ui/feedback';
import { Icon, type IconName } from '@/components/ui/icons';
import { cn } from '@/lib/cn';

export interface ActionMenuItem {
  label: string;
  /** A second line: what the item does. */
  hint?: string;
  onSelect: () => void;
}

export interface ActionMenuProps {
  /** The button's text. */
  label: ReactNode;
  /** Accessible name when the text alone isn't enough. */
  ariaLabel?: string;
  icon: IconName;
  items: readonly ActionMenuItem[];
}

/**
 * A button that opens a small menu (WAI-ARIA menu button): arrow keys move between items, Enter
 * or a click runs one, Escape or a click elsewhere closes the menu and focus returns to the button.
 */
export function ActionMenu({ label, ariaLabel, icon, items }: ActionMenuProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const [active, setActive] = useState(0);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    itemRefs.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!menuRef.current?.contains(t) && !buttonRef.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onMenuKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      setActive(e.key === 'Home' ? 0 : items.length - 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        className={buttonClass.secondary}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={ariaLabel}
        onClick={() => {
          setActive(0);
          setOpen((o) => !o);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setActive(e.key === 'ArrowDown' ? 0 : items.length - 1);
            setOpen(true);
          }
        }}
      >
        <Icon name={icon} />
        {label}
        <Icon name="chevron-down" className="size-3.5" />
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={typeof label === 'string' ? label : ariaLabel}
          onKeyDown={onMenuKeyDown}
          className="absolute left-0 z-30 mt-1 flex w-max max-w-[min(20rem,calc(100vw-1.5rem))] min-w-full flex-col rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-800"
        >
          {items.map((item, i) => (
            <button
              key={item.label}
              ref={(el) => {
                itemRefs.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={i === active ? 0 : -1}
              onClick={() => {
                close(true);
                item.onSelect();
              }}
              className={cn(
                'flex flex-col items-start rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none dark:hover:bg-slate-700 dark:focus:bg-slate-700',
              )}
            >
              <span className="font-medium">{item.label}</span>
              {item.hint && <span className="text-xs text-slate-600 dark:text-slate-300">{item.hint}</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
