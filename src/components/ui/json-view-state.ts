/**
 * Where the JSON views keep what the user opened: which nodes are expanded, how many children of a
 * long array are shown, how much of a long string. Kept outside React, keyed by the viewer's
 * `stateKey` and each node's JSON pointer, so it survives unmounting (a virtualised step list
 * scrolling, a card closing) and refetches (a new value object with the same shape).
 */
import { useCallback, useSyncExternalStore } from 'react';

export interface NodeViewState {
  /** Set once the user (or a reveal) opened or closed the node; else the default applies. */
  readonly expanded?: boolean;
  /** The window of children shown of a long array or object: [from, to). Default [0, 100). */
  readonly from?: number;
  readonly to?: number;
  /** Characters shown of a long string. */
  readonly chars?: number;
  /** Root only: the user chose "Render anyway" for a value over the size limit. */
  readonly renderLarge?: boolean;
}

export interface JsonViewStore {
  get(pointer: string): NodeViewState | undefined;
  update(pointer: string, patch: Partial<NodeViewState>): void;
  subscribe(pointer: string, listener: () => void): () => void;
  clear(): void;
}

export function createJsonViewStore(): JsonViewStore {
  const states = new Map<string, NodeViewState>();
  const listeners = new Map<string, Set<() => void>>();
  const notify = (pointer: string) => {
    const set = listeners.get(pointer);
    if (set) for (const l of [...set]) l();
  };
  return {
    get: (pointer) => states.get(pointer),
    update(pointer, patch) {
      const prev = states.get(pointer);
      let changed = prev === undefined;
      if (prev) {
        for (const k of Object.keys(patch) as (keyof NodeViewState)[]) {
          if (prev[k] !== patch[k]) changed = true;
        }
      }
      if (!changed) return;
      states.set(pointer, { ...prev, ...patch });
      notify(pointer);
    },
    subscribe(pointer, listener) {
      let set = listeners.get(pointer);
      if (!set) listeners.set(pointer, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(pointer);
      };
    },
    clear() {
      const touched = [...states.keys()];
      states.clear();
      for (const p of touched) notify(p);
    },
  };
}

const persisted = new Map<string, JsonViewStore>();

/** The shared store for one `stateKey` (e.g. "loop_rows[3].update_contact/input"). */
export function getJsonViewStore(stateKey: string): JsonViewStore {
  let store = persisted.get(stateKey);
  if (!store) persisted.set(stateKey, (store = createJsonViewStore()));
  return store;
}

/** Forget every remembered expansion, e.g. when another run is opened. */
export function clearJsonViewState(): void {
  for (const store of persisted.values()) store.clear();
  persisted.clear();
}

/** Subscribes a component to one node's state. */
export function useNodeViewState(store: JsonViewStore, pointer: string): NodeViewState | undefined {
  const subscribe = useCallback((l: () => void) => store.subscribe(pointer, l), [store, pointer]);
  const get = useCallback(() => store.get(pointer), [store, pointer]);
  return useSyncExternalStore(subscribe, get, get);
}
