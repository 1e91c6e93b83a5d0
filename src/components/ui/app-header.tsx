import type { ZoneChoice } from '@/lib/time';
import { buttonClass } from './feedback';
import { Icon } from './icons';

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface AppHeaderProps {
  onHome: () => void;
  zone: ZoneChoice;
  onZoneChange: (z: ZoneChoice) => void;
  theme: ThemeChoice;
  onThemeChange: (t: ThemeChoice) => void;
  hasToken: boolean;
  onForgetToken: () => void;
}

const THEMES: Array<{ value: ThemeChoice; label: string; icon: 'monitor' | 'sun' | 'moon' }> = [
  { value: 'system', label: 'System', icon: 'monitor' },
  { value: 'light', label: 'Light', icon: 'sun' },
  { value: 'dark', label: 'Dark', icon: 'moon' },
];

export function AppHeader({ onHome, zone, onZoneChange, theme, onThemeChange, hasToken, onForgetToken }: AppHeaderProps) {
  return (
    <header data-app-header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex w-full max-w-7xl min-w-0 flex-wrap items-center justify-between gap-2 px-3 py-2 sm:px-6">
        <a
          href={import.meta.env.BASE_URL}
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            onHome();
          }}
          className="flex items-center gap-2 font-semibold"
        >
          <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" className="size-6" />
          Diga run inspector
        </a>
        <nav aria-label="Settings" className="flex flex-wrap items-center gap-2 text-sm">
          <fieldset className="flex items-center gap-1">
            <legend className="sr-only">Time zone</legend>
            <span aria-hidden="true" className="hidden text-slate-500 sm:inline dark:text-slate-400">
              Times:
            </span>
            {(['local', 'utc'] as const).map((z) => (
              <button
                key={z}
                type="button"
                aria-pressed={zone === z}
                onClick={() => onZoneChange(z)}
                className={`${buttonClass.ghost} ${zone === z ? 'bg-slate-200 dark:bg-slate-700' : ''}`}
              >
                {z === 'local' ? 'Local' : 'UTC'}
              </button>
            ))}
          </fieldset>
          <fieldset className="flex items-center gap-1">
            <legend className="sr-only">Theme</legend>
            {THEMES.map((t) => (
              <button
                key={t.value}
                type="button"
                aria-pressed={theme === t.value}
                aria-label={`${t.label} theme`}
                title={`${t.label} theme`}
                onClick={() => onThemeChange(t.value)}
                className={`${buttonClass.ghost} ${theme === t.value ? 'bg-slate-200 dark:bg-slate-700' : ''}`}
              >
                <Icon name={t.icon} />
              </button>
            ))}
          </fieldset>
          {hasToken && (
            <button type="button" onClick={onForgetToken} className={buttonClass.secondary}>
              <Icon name="x" />
              Forget token
            </button>
          )}
        </nav>
      </div>
    </header>
  );
}
