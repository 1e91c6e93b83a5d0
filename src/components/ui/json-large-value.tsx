import { useEffect, useState } from 'react';
import { describeShape, estimateSize, formatBytes } from '@/lib/json-shape';
import { jsonClasses as c } from './json-classes';

export interface JsonLargeValueProps {
  value: unknown;
  label: string;
  onRenderAnyway: () => void;
  /** Builds the file's text, with masking applied if it is on; called only on "Download JSON". */
  buildText: () => string;
}

const buttonClass =
  'cursor-pointer rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

function fileName(label: string): string {
  const base = label
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'value'}.json`;
}

/** Instead of a tree: a value too large to render at once, its size and shape, and two ways on. */
export function JsonLargeValue({ value, label, onRenderAnyway, buildText }: JsonLargeValueProps) {
  // The exact size of a huge value takes a full walk: do it after this paints, not during render.
  const [measured, setMeasured] = useState<{ value: unknown; size: number } | null>(null);
  useEffect(() => {
    const t = window.setTimeout(() => setMeasured({ value, size: estimateSize(value) }), 50);
    return () => window.clearTimeout(t);
  }, [value]);
  const size = measured && measured.value === value ? measured.size : null;
  const [error, setError] = useState<string | null>(null);

  const download = () => {
    setError(null);
    let url: string | null = null;
    try {
      url = URL.createObjectURL(new Blob([buildText()], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName(label);
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
    } catch {
      setError('The file could not be built.');
    } finally {
      if (url !== null) {
        const u = url;
        setTimeout(() => URL.revokeObjectURL(u), 1000);
      }
    }
  };

  return (
    <div
      role="group"
      aria-label={label}
      className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded border border-dashed border-slate-300 px-3 py-2 text-sm text-slate-700 dark:border-slate-600 dark:text-slate-300"
    >
      <p className="m-0 min-w-0 [overflow-wrap:anywhere]">
        Large value: {size === null ? 'over 1 MB' : `≈ ${formatBytes(size)}`}, {describeShape(value)}. Not shown yet, to keep the page
        responsive.
      </p>
      <div className="flex gap-2">
        <button type="button" className={buttonClass} onClick={onRenderAnyway}>
          Render anyway
        </button>
        <button type="button" className={buttonClass} onClick={download}>
          Download JSON
        </button>
      </div>
      {error !== null && (
        <p role="alert" className={`m-0 w-full ${c.empty}`}>
          {error}
        </p>
      )}
    </div>
  );
}
