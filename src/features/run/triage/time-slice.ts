/**
 * Cooperative time slicing for long walks over run data (search, the masked-value count): work
 * for about `sliceMs`, then give the browser a turn (input, paint), then go on, unless the caller
 * cancelled. A 50 MB run stays responsive while it is searched.
 */

export interface SliceOptions {
  /** Work this long before yielding (ms). Default 8. */
  sliceMs?: number;
  /** Cancels the walk: the promise rejects with an AbortError at the next yield. */
  signal?: AbortSignal;
  /** How to give the browser a turn. Default: a MessageChannel round trip (no 4 ms clamp). */
  yieldToBrowser?: () => Promise<void>;
  /** Clock (ms). Default performance.now. */
  now?: () => number;
}

export class AbortedError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('The work was cancelled.');
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Gives the event loop a turn: a macrotask, without setTimeout's nesting clamp. */
export function yieldMacrotask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface Slicer {
  /** Cheap: true when the current slice is used up (checks the clock every few calls). */
  due(): boolean;
  /** Yields to the browser, then throws AbortedError if the signal fired meanwhile. */
  pause(): Promise<void>;
  /** How many times the walk yielded so far. */
  readonly yields: number;
}

const CHECK_EVERY = 32;

export function createSlicer(opts: SliceOptions = {}): Slicer {
  const sliceMs = opts.sliceMs ?? 8;
  const now = opts.now ?? (() => performance.now());
  const yieldToBrowser = opts.yieldToBrowser ?? yieldMacrotask;
  const signal = opts.signal;
  let start = now();
  let calls = 0;
  let yields = 0;
  if (signal?.aborted) throw new AbortedError();
  return {
    due() {
      if (++calls % CHECK_EVERY !== 0) return false;
      return now() - start >= sliceMs;
    },
    async pause() {
      yields++;
      await yieldToBrowser();
      if (signal?.aborted) throw new AbortedError();
      start = now();
    },
    get yields() {
      return yields;
    },
  };
}
