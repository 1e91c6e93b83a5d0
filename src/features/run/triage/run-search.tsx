import { memo, useState, type RefObject } from 'react';
import type { SearchableStep, SearchMatch } from './search';
import { SearchPanel } from './search-panel';
import { useRunSearch } from './use-run-search';

export interface RunSearchProps {
  /** The steps to search, depth-first (every iteration's). */
  steps: readonly SearchableStep[];
  /** Search what the view shows: masked values as masked. */
  mask: boolean;
  /** Go to a match: select its step (opening its iteration) and reveal the value. */
  onJump: (match: SearchMatch) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  failedOnly: boolean;
  onFailedOnlyChange: (on: boolean) => void;
  failedCount: number;
}

/**
 * The search box with its own state (query, progress, current match), so that a search in
 * progress re-renders only this, never the steps.
 */
export const RunSearch = memo(function RunSearch({ steps, mask, onJump, inputRef, failedOnly, onFailedOnlyChange, failedCount }: RunSearchProps) {
  const [query, setQuery] = useState('');
  const search = useRunSearch(steps, query, mask);
  const matches = search.status === 'done' ? search.result.matches : null;
  const [current, setCurrent] = useState(-1);
  const [currentFor, setCurrentFor] = useState(matches);
  if (currentFor !== matches) {
    setCurrentFor(matches);
    setCurrent(-1);
  }
  const jumpTo = (index: number) => {
    const m = matches?.[index];
    if (!m) return;
    setCurrent(index);
    onJump(m);
  };
  const stepMatch = (direction: 1 | -1) => {
    if (!matches || matches.length === 0) return;
    jumpTo(current === -1 ? (direction === 1 ? 0 : matches.length - 1) : (current + direction + matches.length) % matches.length);
  };
  return (
    <SearchPanel
      query={query}
      onQueryChange={setQuery}
      state={search}
      current={current}
      onStep={stepMatch}
      onJump={jumpTo}
      inputRef={inputRef}
      failedOnly={failedOnly}
      onFailedOnlyChange={onFailedOnlyChange}
      failedCount={failedCount}
    />
  );
});
