import { ClampedText } from '@/components/ui/clamped-text';
import { CopyButton } from '@/components/ui/copy-button';
import { JsonViewer } from '@/components/ui/json-viewer';
import { stringifyJson } from '@/lib/json-body';
import type { ParsedError } from './model/types';

function rawText(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  try {
    return stringifyJson(raw, 2);
  } catch {
    return String(raw);
  }
}

/**
 * A parsed error message: the headline first, everything else on demand. All text, never HTML.
 */
export function ErrorView({ error, stateKey, mask }: { error: ParsedError; stateKey: string; mask: boolean }) {
  const lines = error.stack ? error.stack.split('\n').length : 0;
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <div className="flex min-w-0 items-start gap-2">
        <ClampedText
          text={error.headline}
          limit={400}
          pre={error.kind === 'text'}
          className="min-w-0 flex-1 font-medium"
          copyLabel="Copy error message"
        />
        {error.kind !== 'none' && <CopyButton value={() => rawText(error.raw)} label="Copy the full error" />}
      </div>
      {error.facts.length > 0 && (
        <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-sm">
          {error.facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-600 dark:text-slate-400">{k}</dt>
              <dd className="min-w-0 font-mono text-[0.8125rem] [overflow-wrap:anywhere]">{v.length > 300 ? `${v.slice(0, 300)}…` : v}</dd>
            </div>
          ))}
        </dl>
      )}
      {error.list && error.list.length > 0 && (
        <ul className="list-disc pl-5 text-sm">
          {error.list.slice(0, 50).map((item, i) => (
            <li key={i} className="[overflow-wrap:anywhere]">
              {item.length > 500 ? `${item.slice(0, 500)}…` : item}
            </li>
          ))}
          {error.list.length > 50 && <li>… {error.list.length - 50} more</li>}
        </ul>
      )}
      {error.body && (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-slate-700 dark:text-slate-300">More of the message</summary>
          <ClampedText text={error.body} pre limit={2000} className="mt-1" />
        </details>
      )}
      {error.stack && (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-slate-700 dark:text-slate-300">
            Stack trace ({lines} {lines === 1 ? 'line' : 'lines'})
          </summary>
          <ClampedText text={error.stack} pre limit={3000} className="mt-1" />
        </details>
      )}
      {error.sections.map((section) => (
        <details key={section.label} className="text-sm">
          <summary className="cursor-pointer font-medium text-slate-700 dark:text-slate-300">{section.label}</summary>
          <div className="mt-1">
            {section.text ? (
              <ClampedText text={typeof section.value === 'string' ? section.value : rawText(section.value)} pre limit={3000} />
            ) : (
              <JsonViewer value={section.value} label={`${section.label} of the error`} stateKey={`${stateKey}/error/${section.label}`} mask={mask} />
            )}
          </div>
        </details>
      ))}
    </div>
  );
}
