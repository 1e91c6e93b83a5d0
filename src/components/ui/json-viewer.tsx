/**
 * The JSON viewer used for every step input, output and error object. The only module that imports
 * react-json-view-lite. It picks a renderer per value:
 * - react-json-view-lite for small, plain values (few nodes, short arrays and strings, plain keys,
 *   nothing masked or marked): it renders all children of an open node at once, which is fine there;
 * - JsonTree for everything else (paging, clipped strings, LosslessNumber, odd keys, masking, notes,
 *   reveal for search);
 * - a size-and-shape summary with "Render anyway" and "Download JSON" for values over ~1 MB.
 * Both trees keep open/closed state in the same store (by `stateKey` + JSON pointer).
 */
import { memo, useCallback, useMemo, useState } from 'react';
import { JsonView, type NodeExpandingEvent } from 'react-json-view-lite';
import { type KeyOrderIndex, orderedKeys, stringifyJson } from '@/lib/json-body';
import { isContainer, isSmallPlain, estimateSize, pointerAppend } from '@/lib/json-shape';
import { countSecrets, maskValue } from '@/lib/secrets';
import { jsonClasses as c } from './json-classes';
import { JsonLargeValue } from './json-large-value';
import { JsonTree } from './json-tree';
import {
  createJsonViewStore,
  getJsonViewStore,
  type JsonViewStore,
  useNodeViewState,
} from './json-view-state';

export { clearJsonViewState } from './json-view-state';

/** Values estimated above this many bytes of JSON show a summary first. */
export const LARGE_VALUE_BYTES = 1024 * 1024;

/** Whether a value is over LARGE_VALUE_BYTES, remembered per object (a card mounts many times). */
const largeCache = new WeakMap<object, boolean>();
function isLargeValue(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return estimateSize(value, LARGE_VALUE_BYTES) > LARGE_VALUE_BYTES;
  let large = largeCache.get(value);
  if (large === undefined) {
    large = estimateSize(value, LARGE_VALUE_BYTES) > LARGE_VALUE_BYTES;
    largeCache.set(value, large);
  }
  return large;
}

export interface JsonViewerProps {
  /** Any JSON value (may include LosslessNumber). */
  value: unknown;
  /** Accessible name of the tree, e.g. "Input of lookup_customer". */
  label: string;
  /** E.g. "loop_rows[3].update_contact/input"; keeps expansion across remounts and refetches. */
  stateKey?: string;
  /** Levels open at first (default 1: the top-level container only). */
  expandLevels?: number;
  /** Mask secrets while rendering (default true). */
  mask?: boolean;
  /** JSON pointer (relative to `value`) → note shown next to that value. */
  markers?: ReadonlyMap<string, string>;
  /** JSON pointer (relative to `value`) to open, scroll to and highlight. */
  revealPath?: string | null;
  /** Body-text key order from parseJsonBody, and the pointer of `value` in that body. */
  keyOrder?: KeyOrderIndex | null;
  keyOrderBase?: string;
  /** Writes the downloaded file (default: stringifyJson with 2-space indent and key order). */
  stringify?: (value: unknown) => string;
}

const liteStyle = {
  container: c.container,
  basicChildStyle: c.item,
  childFieldsContainer: c.group,
  label: c.label,
  clickableLabel: c.label,
  nullValue: c.null,
  undefinedValue: c.null,
  stringValue: c.string,
  numberValue: c.number,
  booleanValue: c.boolean,
  otherValue: c.other,
  punctuation: c.punctuation,
  expandIcon: `${c.expander} ${c.expandIcon}`,
  collapseIcon: `${c.expander} ${c.collapseIcon}`,
  collapsedContent: `${c.collapsed} after:content-['…']`,
  noQuotesForStringValues: false,
  quotesForFieldNames: false,
  stringifyStringValues: false,
  ariaLables: { expandJson: 'Expand', collapseJson: 'Collapse' },
};

export const JsonViewer = memo(function JsonViewer({
  value,
  label,
  stateKey,
  expandLevels = 1,
  mask = true,
  markers,
  revealPath = null,
  keyOrder = null,
  keyOrderBase = '',
  stringify,
}: JsonViewerProps) {
  const [ownStore] = useState(createJsonViewStore);
  const store = useMemo(
    () => (stateKey === undefined ? ownStore : getJsonViewStore(stateKey)),
    [stateKey, ownStore],
  );
  const renderLarge = useNodeViewState(store, '')?.renderLarge === true;
  const large = useMemo(() => isLargeValue(value), [value]);
  const summaryOnly = large && !renderLarge;

  // Cheapest checks first: isSmallPlain stops after ~1,500 nodes, and the rest only run on values
  // that passed it. Values with anything to mask go to JsonTree, which masks node by node.
  const lite = useMemo(
    () =>
      !summaryOnly &&
      !(markers && markers.size > 0) &&
      revealPath === null &&
      isContainer(value) &&
      isSmallPlain(value) &&
      (!mask || countSecrets(value, 1) === 0) &&
      !hasReorderedKeys(value, keyOrder, keyOrderBase),
    [summaryOnly, value, mask, markers, revealPath, keyOrder, keyOrderBase],
  );

  const buildText = useCallback(() => {
    const v = mask ? maskValue(value).value : value;
    return stringify ? stringify(v) : stringifyJson(v, 2, { keyOrder, pointer: keyOrderBase });
  }, [value, mask, stringify, keyOrder, keyOrderBase]);

  if (summaryOnly) {
    return (
      <JsonLargeValue
        value={value}
        label={label}
        onRenderAnyway={() => store.update('', { renderLarge: true })}
        buildText={buildText}
      />
    );
  }
  if (lite) {
    return (
      <LiteTree value={value as object} label={label} store={store} expandLevels={expandLevels} />
    );
  }
  return (
    <JsonTree
      value={value}
      label={label}
      store={store}
      expandLevels={expandLevels}
      markers={markers}
      revealPath={revealPath}
      mask={mask}
      keyOrder={keyOrder}
      keyOrderBase={keyOrderBase}
    />
  );
});

/** "No output", "No input": an absent value, styled unlike any JSON value (`null` included). */
export function EmptyValue({ label }: { label: string }) {
  return <div className={c.empty}>{label}</div>;
}

/**
 * react-json-view-lite, with its open/closed state read from and written to the shared store. Lite
 * gives shouldExpandNode no path, so a WeakMap from each container (unique in parsed JSON) to its
 * pointer stands in. shouldExpandNode changes identity only when the value or store changes, and
 * lite then re-reads every node's state from the store, which is what a refetch needs.
 */
function LiteTree({
  value,
  label,
  store,
  expandLevels,
}: {
  value: object;
  label: string;
  store: JsonViewStore;
  expandLevels: number;
}) {
  const pointers = useMemo(() => pointerMap(value), [value]);
  const shouldExpandNode = useCallback(
    (level: number, node: unknown) => {
      const p = typeof node === 'object' && node !== null ? pointers.get(node) : undefined;
      return (p === undefined ? undefined : store.get(p)?.expanded) ?? level < expandLevels;
    },
    [pointers, store, expandLevels],
  );
  const beforeExpandChange = useCallback(
    (e: NodeExpandingEvent) => {
      const p =
        typeof e.value === 'object' && e.value !== null
          ? pointers.get(e.value as object)
          : undefined;
      if (p !== undefined) store.update(p, { expanded: e.newExpandValue });
      return true;
    },
    [pointers, store],
  );
  return (
    <JsonView
      data={value}
      style={liteStyle}
      shouldExpandNode={shouldExpandNode}
      beforeExpandChange={beforeExpandChange}
      aria-label={label}
    />
  );
}

/** Container → JSON pointer, for a small value (callers checked isSmallPlain). Iterative. */
function pointerMap(root: object): WeakMap<object, string> {
  const map = new WeakMap<object, string>();
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length > 0) {
    const [v, p] = stack.pop() as [unknown, string];
    if (!isContainer(v)) continue;
    map.set(v, p);
    if (Array.isArray(v)) v.forEach((child, i) => stack.push([child, pointerAppend(p, i)]));
    else
      for (const k of Object.keys(v))
        stack.push([(v as Record<string, unknown>)[k], pointerAppend(p, k)]);
  }
  return map;
}

/**
 * True when an object's body-text key order (from the index, or recorded for the object itself at
 * parse time) differs from what Object.keys (and lite) would show.
 */
function hasReorderedKeys(root: unknown, keyOrder: KeyOrderIndex | null, base: string): boolean {
  const index = keyOrder && keyOrder.size > 0 ? keyOrder : null;
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length > 0) {
    const [v, p] = stack.pop() as [unknown, string];
    if (!isContainer(v)) continue;
    if (Array.isArray(v)) {
      v.forEach((child, i) => stack.push([child, pointerAppend(p, i)]));
      continue;
    }
    const own = Object.keys(v);
    const ordered = orderedKeys(v, base + p, index);
    if (ordered.some((k, i) => k !== own[i])) return true;
    for (const k of own) stack.push([(v as Record<string, unknown>)[k], pointerAppend(p, k)]);
  }
  return false;
}
