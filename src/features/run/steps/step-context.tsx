import { createContext, useContext } from 'react';

/** Which JSON viewer of a card shows a search match. */
export type RevealSlot = 'input' | 'output' | 'extras' | 'raw';

/** A value to open, scroll to and highlight: a search match (see triage/search.ts). */
export interface RevealTarget {
  /** The step's path. */
  readonly path: string;
  readonly slot: RevealSlot;
  /** JSON pointer inside that viewer's value. */
  readonly pointer: string;
}

export interface StepViewContextValue {
  selectedPath: string | null;
  mask: boolean;
  /** The iteration (1-based) shown for a loop. */
  iterationFor: (loopPath: string) => number;
  setIteration: (loopPath: string, n: number) => void;
  linkFor: (path: string) => string;
  onSelect: (path: string) => void;
  /** The value a search jump revealed, or null. */
  reveal: RevealTarget | null;
  /** "Failed only": the paths still shown (failed steps, their loops, the selection), or null for all. */
  filter: ReadonlySet<string> | null;
}

const StepViewContext = createContext<StepViewContextValue | null>(null);

export const StepViewProvider = StepViewContext.Provider;

export function useStepView(): StepViewContextValue {
  const v = useContext(StepViewContext);
  if (!v) throw new Error('useStepView outside StepViewProvider');
  return v;
}

/** DOM id of a step's card (paths may hold any character, so they are encoded). */
export function stepDomId(path: string): string {
  // Injective: [A-Za-z0-9_-] stay as they are, every other character (the dot included) is written
  // as ".<code point in base 36>.", so two different paths never share an id.
  let out = 'step-';
  for (const ch of path) out += /[A-Za-z0-9_-]/.test(ch) ? ch : `.${ch.codePointAt(0)!.toString(36)}.`;
  return out;
}
