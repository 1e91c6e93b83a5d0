/**
 * "7 values masked": how many values the view, copies and exports mask in a run, counted with
 * the same rules (countSecrets) over every step's input, output, other data and error. Computed
 * after the page is shown, time-sliced, and bounded; per-step counts are cached by step node, so a
 * live run's rebuilds (which keep unchanged nodes) cost next to nothing.
 */
import { isContainer } from '@/lib/json-shape';
import { countSecrets, isSecretKey, masksUnderSecretKey } from '@/lib/secrets';
import type { StepNode } from '../model/types';
import { createSlicer, type SliceOptions } from './time-slice';

/** Counting stops here: "10,000+ values masked". */
export const SECRET_COUNT_LIMIT = 10_000;
/** Containers with more children than this are split up, so one slice never walks a huge value. */
const SPLIT_OVER = 200;

export type CountableStep = Pick<StepNode, 'kind' | 'input' | 'output' | 'error' | 'extras' | 'raw' | 'loop'>;

export interface SecretCount {
  count: number;
  /** True when counting stopped at the limit. */
  capped: boolean;
}

const cache = new WeakMap<object, number>();

/** The values of a step that are shown (and masked) in its card, nested steps excluded. */
function stepValues(step: CountableStep): unknown[] {
  if (step.kind === 'placeholder') return [step.raw];
  const values: unknown[] = [];
  if (step.input.present) values.push(step.input.value);
  if (step.output.present) {
    const out = step.output.value;
    // A loop's iterations are counted as the nested steps they hold.
    if (step.loop && step.loop.iterations.length > 0 && isContainer(out) && !Array.isArray(out)) {
      for (const [k, v] of Object.entries(out)) {
        if (k === 'iterations') continue;
        values.push(isSecretKey(k) ? { [k]: v } : v);
      }
    } else values.push(out);
  }
  if (step.extras.length > 0) values.push(Object.fromEntries(step.extras));
  if (step.error) values.push(step.error.raw);
  return values;
}

/** Counts one step, splitting large containers so that the slicer gets a say in between. */
async function countStep(step: CountableStep, limit: number, slicer: ReturnType<typeof createSlicer>): Promise<number> {
  let count = 0;
  const work = stepValues(step);
  while (work.length > 0 && count < limit) {
    if (slicer.due()) await slicer.pause();
    const value = work.pop();
    if (isContainer(value)) {
      const size = Array.isArray(value) ? value.length : Object.keys(value).length;
      if (size > SPLIT_OVER) {
        if (Array.isArray(value)) for (const item of value) work.push(item);
        else
          for (const [k, v] of Object.entries(value)) {
            if (isSecretKey(k)) count += masksUnderSecretKey(v) ? 1 : 0;
            else work.push(v);
          }
        continue;
      }
    }
    count += countSecrets(value, limit - count);
  }
  return Math.min(count, limit);
}

/** Counts the values masked in these steps (every step, nested ones included, once each). */
export async function countRunSecrets(steps: readonly CountableStep[], opts: SliceOptions & { limit?: number } = {}): Promise<SecretCount> {
  const limit = opts.limit ?? SECRET_COUNT_LIMIT;
  const slicer = createSlicer(opts);
  let count = 0;
  for (const step of steps) {
    let n = cache.get(step);
    if (n === undefined) {
      n = await countStep(step, limit, slicer);
      // A count cut short by the limit isn't the step's real count: don't keep it.
      if (n < limit) cache.set(step, n);
    }
    count += n;
    if (count >= limit) return { count: limit, capped: true };
    if (slicer.due()) await slicer.pause();
  }
  return { count, capped: false };
}
