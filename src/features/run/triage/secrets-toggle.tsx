import { buttonClass } from '@/components/ui/feedback';
import { Icon } from '@/components/ui/icons';
import { formatCount } from '@/lib/json-shape';
import type { SecretCount } from './secret-count';

export interface SecretsToggleProps {
  /** Null while counting. */
  count: SecretCount | null;
  revealed: boolean;
  onToggle: () => void;
}

/** "7 values masked" and the reveal (for as long as this run stays open) next to it. */
export function SecretsToggle({ count, revealed, onToggle }: SecretsToggleProps) {
  const n = count ? `${formatCount(count.count)}${count.capped ? '+' : ''}` : null;
  const one = count?.count === 1 && !count.capped;
  const text =
    count === null
      ? 'Counting secrets…'
      : count.count === 0
        ? 'No secrets found'
        : revealed
          ? `${n} ${one ? 'value' : 'values'} revealed`
          : `${n} ${one ? 'value' : 'values'} masked`;
  return (
    <div role="group" aria-label="Secrets" className="flex items-center gap-2">
      <span className="inline-flex items-center gap-1 text-sm text-slate-700 tabular-nums dark:text-slate-300" aria-live="polite">
        <Icon name={revealed ? 'eye' : 'eye-off'} className="size-4 shrink-0" />
        {text}
      </span>
      {(revealed || count === null || count.count > 0) && (
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={onToggle}
          aria-pressed={revealed}
          title={revealed ? 'Mask the secret values again' : 'Show secret values on this page until you leave this run (copies and downloads follow)'}
        >
          {revealed ? 'Mask' : 'Reveal'}
        </button>
      )}
    </div>
  );
}
