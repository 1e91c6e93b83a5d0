import { useEffect, useState } from 'react';
import { countRunSecrets, type CountableStep, type SecretCount } from './secret-count';
import { isAbort } from './time-slice';

/**
 * The masked-value count for these steps, computed after the page has painted (it never delays
 * the summary), time-sliced, and cancelled when the steps change. Null until the first count;
 * a recount keeps showing the previous number.
 */
export function useSecretCount(steps: readonly CountableStep[]): SecretCount | null {
  const [count, setCount] = useState<SecretCount | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    // requestAnimationFrame, then a macrotask: after the next paint.
    const frame = window.requestAnimationFrame(() => {
      window.setTimeout(() => {
        if (controller.signal.aborted) return;
        countRunSecrets(steps, { signal: controller.signal }).then(
          (result) => {
            if (!controller.signal.aborted) setCount((prev) => (prev && prev.count === result.count && prev.capped === result.capped ? prev : result));
          },
          (error: unknown) => {
            if (!isAbort(error)) throw error;
          },
        );
      }, 0);
    });
    return () => {
      window.cancelAnimationFrame(frame);
      controller.abort();
    };
  }, [steps]);
  return count;
}
