import { createContext, useContext } from 'react';

export interface StepViewContextValue {
  selectedPath: string | null;
  mask: boolean;
  /** The iteration (1-based) shown for a loop. */
  iterationFor: (loopPath: string) => number;
  setIteration: (loopPath: string, n: number) => void;
  linkFor: (path: string) => string;
  onSelect: (path: string) => void;
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
  let h = 0;
  for (let i = 0; i < path.length; i++) h = (Math.imul(31, h) + path.charCodeAt(i)) | 0;
  return `step-${(h >>> 0).toString(36)}-${path.length}`;
}
