import { useEffect, useState } from 'react';
import { writeClipboard } from './copy-button';
import { jsonClasses as c } from './json-classes';

/**
 * The small inline "Copy" link of a clipped string in the JSON tree (the bordered CopyButton is too
 * heavy inside a line of JSON). Says whether it worked, visibly and to screen readers.
 */
export function JsonCopyButton({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (status === 'idle') return;
    const t = setTimeout(() => setStatus('idle'), 1500);
    return () => clearTimeout(t);
  }, [status]);
  const copy = () => {
    void writeClipboard(text).then((ok) => setStatus(ok ? 'copied' : 'failed'));
  };
  return (
    <button type="button" className={c.action} aria-label={label} title={label} onClick={copy}>
      {status === 'copied' ? 'Copied' : status === 'failed' ? 'Copy failed' : 'Copy'}
      <span role="status" className="sr-only">
        {status === 'copied'
          ? 'Copied to the clipboard'
          : status === 'failed'
            ? 'Could not copy'
            : ''}
      </span>
    </button>
  );
}
