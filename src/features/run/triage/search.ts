/**
 * Search over a run: step names, display names and payload text (inputs, outputs, errors, other
 * data) of every step in every iteration. Browser find can't see collapsed JSON or iterations that
 * aren't shown; this can, and each match says where it is (step path, which viewer, JSON pointer)
 * so the view can jump there.
 *
 * It sees what the view shows: with masking on, a secret reads as its mask, so searching for a
 * secret finds nothing until it is revealed. The walk is iterative (a value nested 100,000 levels
 * deep is fine) and time-sliced (see time-slice.ts), and can be cancelled.
 */
import { pointerAppend, isLosslessNumber } from '@/lib/json-shape';
import { isSecretKey, MASK, maskString, masksUnderSecretKey } from '@/lib/secrets';
import type { StepNode } from '../model/types';
import { createSlicer, type SliceOptions } from './time-slice';

/** Which part of a step card a match is in (input/output/extras/raw have a JSON viewer). */
export type SearchSlot = 'name' | 'displayName' | 'input' | 'output' | 'error' | 'extras' | 'raw';

export interface SearchMatch {
  readonly stepPath: string;
  readonly slot: SearchSlot;
  /** JSON pointer inside the slot's viewer value; null for names and errors. */
  readonly pointer: string | null;
  /** Whether an object key or a value matched. */
  readonly on: 'key' | 'value';
  /** The text around the match, as shown (masked when masking is on). */
  readonly before: string;
  readonly match: string;
  readonly after: string;
}

export interface SearchResult {
  readonly query: string;
  /** Matches in DFS step order, at most `maxMatches`. */
  readonly matches: readonly SearchMatch[];
  /** All matches, also beyond `maxMatches`. */
  readonly total: number;
  /** Steps with at least one match. */
  readonly stepCount: number;
}

export interface SearchOptions extends SliceOptions {
  /** See masked values as masked (the view's state). */
  mask: boolean;
  /** Matches kept for jumping to (all are counted). Default 1,000. */
  maxMatches?: number;
  /** Called between slices with the share of steps searched (0..1). */
  onProgress?: (fraction: number) => void;
}

/** What search needs of a step (a StepNode has it all). */
export type SearchableStep = Pick<StepNode, 'path' | 'name' | 'displayName' | 'kind' | 'input' | 'output' | 'error' | 'extras' | 'raw' | 'loop'>;

const BEFORE = 30;
const AFTER = 60;

interface Frame {
  value: unknown;
  pointer: string;
  /** Skip this object key (a loop's iterations: searched through its nested steps). */
  skipKey?: string;
}

/**
 * Searches the steps (in the order given, which should be depth-first) for `query`, ignoring case.
 * Resolves with every match; rejects with an AbortError when `signal` fires.
 */
export async function searchRun(steps: readonly SearchableStep[], query: string, opts: SearchOptions): Promise<SearchResult> {
  const needle = query.trim().toLowerCase();
  const maxMatches = opts.maxMatches ?? 1000;
  const matches: SearchMatch[] = [];
  let total = 0;
  let stepCount = 0;
  if (needle === '') return { query: needle, matches, total, stepCount };
  const slicer = createSlicer(opts);
  const { mask } = opts;

  let stepHits = 0;
  const hitText = (step: SearchableStep, slot: SearchSlot, pointer: string | null, on: 'key' | 'value', text: string): void => {
    const lower = text.toLowerCase();
    let at = lower.indexOf(needle);
    while (at !== -1) {
      total++;
      stepHits++;
      if (matches.length < maxMatches) {
        matches.push({
          stepPath: step.path,
          slot,
          pointer,
          on,
          before: clipStart(text.slice(Math.max(0, at - BEFORE), at), at > BEFORE),
          match: text.slice(at, at + needle.length),
          after: clipEnd(text.slice(at + needle.length, at + needle.length + AFTER), text.length > at + needle.length + AFTER),
        });
      }
      // One match per string is enough to jump to; count further ones cheaply.
      at = lower.indexOf(needle, at + Math.max(needle.length, 1));
    }
  };

  const walkValue = async (step: SearchableStep, slot: SearchSlot, root: unknown, skipRootKey?: string): Promise<void> => {
    const stack: Frame[] = [{ value: root, pointer: '', skipKey: skipRootKey }];
    while (stack.length > 0) {
      if (slicer.due()) await slicer.pause();
      const { value, pointer, skipKey } = stack.pop() as Frame;
      if (value === null || typeof value !== 'object' || isLosslessNumber(value)) {
        hitText(step, slot, pointer, 'value', leafText(value, mask));
        continue;
      }
      if (Array.isArray(value)) {
        // Pushed in reverse, so that matches come out in document order.
        for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], pointer: pointerAppend(pointer, i) });
        continue;
      }
      const keys = Object.keys(value);
      const children: Frame[] = [];
      for (const key of keys) {
        if (key === skipKey) continue;
        const childPointer = pointerAppend(pointer, key);
        hitText(step, slot, childPointer, 'key', key);
        const child = (value as Record<string, unknown>)[key];
        if (mask && isSecretKey(key) && masksUnderSecretKey(child)) {
          hitText(step, slot, childPointer, 'value', MASK);
          continue;
        }
        children.push({ value: child, pointer: childPointer });
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  };

  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    stepHits = 0;
    hitText(step, 'name', null, 'value', step.name);
    if (step.displayName && step.displayName !== step.name) hitText(step, 'displayName', null, 'value', step.displayName);
    if (step.kind === 'placeholder') {
      await walkValue(step, 'raw', step.raw);
    } else {
      if (step.input.present) await walkValue(step, 'input', step.input.value);
      // A loop's output holds its iterations' records: those are searched as the nested steps.
      if (step.output.present) await walkValue(step, 'output', step.output.value, step.loop && step.loop.iterations.length > 0 ? 'iterations' : undefined);
    }
    if (step.error) await walkValue(step, 'error', step.error.raw);
    if (step.extras.length > 0) await walkValue(step, 'extras', Object.fromEntries(step.extras));
    if (stepHits > 0) stepCount++;
    if (slicer.due()) {
      opts.onProgress?.((i + 1) / steps.length);
      await slicer.pause();
    }
  }
  // Errors are shown by the error view, not a JSON viewer: no pointer to reveal.
  const fixed = matches.map((m) => (m.slot === 'error' && m.pointer !== null ? { ...m, pointer: null } : m));
  opts.onProgress?.(1);
  return { query: needle, matches: fixed, total, stepCount };
}

function leafText(v: unknown, mask: boolean): string {
  if (typeof v === 'string') return mask ? maskString(v) : v;
  if (v === null) return 'null';
  if (isLosslessNumber(v)) return v.source;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return '';
}

function clipStart(s: string, cut: boolean): string {
  const flat = s.replace(/\s+/g, ' ');
  return cut ? `…${flat}` : flat;
}

function clipEnd(s: string, cut: boolean): string {
  const flat = s.replace(/\s+/g, ' ');
  return cut ? `${flat}…` : flat;
}
