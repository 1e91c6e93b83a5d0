/**
 * JsonTree: the JSON renderer for values react-json-view-lite can't show well. It looks the same,
 * and adds paging of long arrays and objects, clipped long strings with "show all" and copy, exact
 * LosslessNumbers, quoted odd keys, masked-value styling, notes on values (markers), and revealing
 * a path for search. Children mount only when their parent is open, so rendering depth follows what
 * the user expands. Open/closed state lives in a JsonViewStore, so it survives remounts and
 * refetches.
 */
import {
  createContext,
  memo,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { cn } from '@/lib/cn';
import { type KeyOrderIndex, orderedKeys } from '@/lib/json-body';
import {
  formatCount,
  isContainer,
  isLosslessNumber,
  isOddKey,
  parsePointer,
  pointerAppend,
} from '@/lib/json-shape';
import { isSecretKey, MASK, maskString, masksUnderSecretKey } from '@/lib/secrets';
import { jsonClasses as c } from './json-classes';
import { JsonCopyButton } from './json-copy-button';
import { type JsonViewStore, useNodeViewState } from './json-view-state';

/** Children shown per page of a long array or object. */
export const PAGE_SIZE = 100;
/** Strings longer than this are clipped… */
export const STRING_CLIP_OVER = 400;
/** …to this many characters. */
export const STRING_CLIP = 300;
/** "Show all" reveals at most this many more characters per click (a 10 MB string stays usable). */
const STRING_STEP = 100_000;

interface TreeContextValue {
  store: JsonViewStore;
  expandLevels: number;
  markers: ReadonlyMap<string, string> | undefined;
  revealPath: string | null;
  mask: boolean;
  keyOrder: KeyOrderIndex | null;
  keyOrderBase: string;
}

const TreeContext = createContext<TreeContextValue | null>(null);

function useTree(): TreeContextValue {
  const ctx = useContext(TreeContext);
  if (!ctx) throw new Error('JsonTree context missing');
  return ctx;
}

export interface JsonTreeProps {
  /** The value, unmasked: masking happens node by node as values are shown. */
  value: unknown;
  /** Accessible name of the tree. */
  label: string;
  store: JsonViewStore;
  expandLevels: number;
  /** JSON pointer (relative to `value`) → note shown next to that value. */
  markers?: ReadonlyMap<string, string> | undefined;
  /** JSON pointer (relative to `value`) to open, scroll to and highlight. */
  revealPath?: string | null | undefined;
  /** Mask secrets (secret keys' values, credential strings) as they are shown. */
  mask?: boolean | undefined;
  /** Body-text key order (from parseJsonBody) and the pointer of `value` inside that body. */
  keyOrder?: KeyOrderIndex | null | undefined;
  keyOrderBase?: string | undefined;
}

export function JsonTree({
  value,
  label,
  store,
  expandLevels,
  markers,
  revealPath = null,
  mask = false,
  keyOrder = null,
  keyOrderBase = '',
}: JsonTreeProps) {
  const ctx = useMemo<TreeContextValue>(
    () => ({ store, expandLevels, markers, revealPath, mask, keyOrder, keyOrderBase }),
    [store, expandLevels, markers, revealPath, mask, keyOrder, keyOrderBase],
  );

  // Open the ancestors of the revealed value (and page to it) before the browser paints.
  useLayoutEffect(() => {
    if (revealPath !== null) openPath(store, value, revealPath, keyOrder, keyOrderBase);
  }, [store, value, revealPath, keyOrder, keyOrderBase]);

  return (
    <TreeContext.Provider value={ctx}>
      <div role="tree" aria-label={label} className={c.container} onKeyDown={onTreeKeyDown}>
        <JsonNode value={value} pointer="" depth={0} field={undefined} secret={false} last />
      </div>
    </TreeContext.Provider>
  );
}

/** Marks every ancestor of `path` open and pages far enough to show it. Iterative. */
function openPath(
  store: JsonViewStore,
  root: unknown,
  path: string,
  keyOrder: KeyOrderIndex | null,
  keyOrderBase: string,
): void {
  const tokens = parsePointer(path);
  if (!tokens) return;
  let cur: unknown = root;
  let ptr = '';
  for (const token of tokens) {
    if (!isContainer(cur)) return;
    let pos: number;
    let next: unknown;
    if (Array.isArray(cur)) {
      pos = /^(?:0|[1-9]\d*)$/.test(token) ? Number(token) : -1;
      if (pos < 0 || pos >= cur.length) return;
      next = cur[pos];
    } else {
      pos = orderedKeys(cur, keyOrderBase + ptr, keyOrder).indexOf(token);
      if (pos < 0) return;
      next = (cur as Record<string, unknown>)[token];
    }
    const st = store.get(ptr);
    const from = st?.from ?? 0;
    const to = st?.to ?? PAGE_SIZE;
    if (pos >= from && pos < to) {
      store.update(ptr, { expanded: true });
    } else {
      // Jump to the page holding it rather than rendering everything before it.
      const start = Math.floor(pos / PAGE_SIZE) * PAGE_SIZE;
      store.update(ptr, { expanded: true, from: start, to: start + PAGE_SIZE });
    }
    cur = next;
    ptr = pointerAppend(ptr, token);
  }
}

/** Up/Down/Home/End move between the expand buttons of the tree. */
function onTreeKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
  const target = e.target as HTMLElement;
  if (!target.hasAttribute('data-json-expander')) return;
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(e.key)) return;
  e.preventDefault();
  const all = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('[data-json-expander]'));
  const i = all.indexOf(target);
  const next =
    e.key === 'Home'
      ? all[0]
      : e.key === 'End'
        ? all[all.length - 1]
        : all[i + (e.key === 'ArrowDown' ? 1 : -1)];
  next?.focus();
}

interface NodeProps {
  value: unknown;
  pointer: string;
  depth: number;
  /** Object key, array index, or undefined for the root. */
  field: string | number | undefined;
  /** The key looks secret: its value is masked (when masking is on) whatever its type. */
  secret: boolean;
  last: boolean;
}

const JsonNode = memo(function JsonNode(props: NodeProps) {
  const { mask } = useTree();
  if (mask && props.secret && masksUnderSecretKey(props.value))
    return <JsonLeaf {...props} value={MASK} />;
  return isContainer(props.value) ? (
    <JsonContainer {...props} value={props.value} />
  ) : (
    <JsonLeaf {...props} />
  );
});

function Item({
  depth,
  children,
  expanded,
}: {
  depth: number;
  children: ReactNode;
  expanded?: boolean;
}) {
  const Tag = depth === 0 ? 'div' : 'li';
  return (
    <Tag role="treeitem" aria-expanded={expanded} className={c.item}>
      {children}
    </Tag>
  );
}

function FieldLabel({ field }: { field: string | number | undefined }) {
  if (field === undefined) return null;
  if (typeof field === 'number') return <span className={c.index}>{field}:</span>;
  return <span className={c.label}>{isOddKey(field) ? JSON.stringify(field) : field}:</span>;
}

function MarkerBadge({ pointer }: { pointer: string }) {
  const { markers } = useTree();
  const note = markers?.get(pointer);
  if (note === undefined) return null;
  return (
    <span className={c.marker}>
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        className="h-3 w-3 shrink-0 self-center fill-current"
      >
        <path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm0 3a1 1 0 1 1 0 2 1 1 0 0 1 0-2Zm1.25 8h-2.5v-1h.75V8h-.75V7h1.75v4h.75v1Z" />
      </svg>
      {note}
    </span>
  );
}

/** The first line of a node: highlighted and scrolled into view when it is the revealed path. */
function Row({ pointer, children }: { pointer: string; children: ReactNode }) {
  const { revealPath } = useTree();
  const revealed = revealPath === pointer;
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (revealed) ref.current?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
  }, [revealed]);
  return (
    <span
      ref={ref}
      className={revealed ? c.revealed : undefined}
      data-revealed={revealed || undefined}
    >
      {children}
    </span>
  );
}

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

function nodeName(field: string | number | undefined): string {
  if (field === undefined) return 'value';
  if (typeof field === 'number') return `item ${field}`;
  if (isOddKey(field)) return JSON.stringify(field);
  return field.length > 60 ? `${field.slice(0, 57)}…` : field;
}

function JsonContainer({ value, pointer, depth, field, last }: NodeProps & { value: object }) {
  const { store, expandLevels, keyOrder, keyOrderBase } = useTree();
  const state = useNodeViewState(store, pointer);
  const isArray = Array.isArray(value);
  const keys = useMemo(
    () => (isArray ? null : orderedKeys(value, keyOrderBase + pointer, keyOrder)),
    [value, isArray, keyOrder, keyOrderBase, pointer],
  );
  const count = keys === null ? (value as unknown[]).length : keys.length;
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  const comma = last ? null : <span className={c.punctuation}>,</span>;

  if (count === 0) {
    return (
      <Item depth={depth}>
        <Row pointer={pointer}>
          <FieldLabel field={field} />
          <span className={c.punctuation}>
            {open}
            {close}
          </span>
        </Row>
        {comma}
        <MarkerBadge pointer={pointer} />
      </Item>
    );
  }

  const expanded = state?.expanded ?? depth < expandLevels;
  const from = Math.min(Math.max(0, state?.from ?? 0), Math.max(0, count - 1));
  const to = Math.min(count, Math.max(from + 1, state?.to ?? PAGE_SIZE));
  const items = (n: number) => (isArray ? plural(n, 'item', 'items') : plural(n, 'key', 'keys'));
  const countText = items(count);
  const toggle = () => store.update(pointer, { expanded: !expanded });

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowRight') {
      e.preventDefault();
      if (!expanded) toggle();
      else focusFirstChild(e.currentTarget);
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      if (expanded) toggle();
      else focusParent(e.currentTarget);
    }
  };

  const children: ReactNode[] = [];
  if (expanded) {
    for (let i = from; i < to; i++) {
      const key = keys === null ? i : (keys[i] as string);
      children.push(
        <JsonNode
          key={key}
          value={(value as Record<string | number, unknown>)[key]}
          pointer={pointerAppend(pointer, key)}
          depth={depth + 1}
          field={key}
          secret={typeof key === 'string' && isSecretKey(key)}
          last={i === count - 1}
        />,
      );
    }
  }
  const left = count - to;

  return (
    <Item depth={depth} expanded={expanded}>
      <Row pointer={pointer}>
        <button
          type="button"
          className={cn(c.expander, expanded ? c.collapseIcon : c.expandIcon)}
          aria-expanded={expanded}
          aria-label={`${expanded ? 'Collapse' : 'Expand'} ${nodeName(field)} (${countText})`}
          onClick={toggle}
          onKeyDown={onKeyDown}
          data-json-expander=""
        />
        <FieldLabel field={field} />
        <span className={c.punctuation}>{open}</span>
      </Row>
      {expanded ? (
        <ul role="group" className={c.group}>
          {from > 0 && (
            <li role="none" className={c.item}>
              <button
                type="button"
                className={cn(c.action, 'ml-0')}
                onClick={() => store.update(pointer, { from: Math.max(0, from - PAGE_SIZE) })}
              >
                {from > PAGE_SIZE
                  ? `Show ${formatCount(PAGE_SIZE)} earlier (${formatCount(from)} before)`
                  : `Show the first ${items(from)}`}
              </button>
            </li>
          )}
          {children}
          {left > 0 && (
            <li role="none" className={c.item}>
              <button
                type="button"
                className={cn(c.action, 'ml-0')}
                onClick={() => store.update(pointer, { to: to + PAGE_SIZE })}
              >
                {left > PAGE_SIZE
                  ? `Show ${formatCount(PAGE_SIZE)} more (${formatCount(left)} left)`
                  : `Show the last ${items(left)}`}
              </button>
            </li>
          )}
        </ul>
      ) : (
        // The placeholder text is drawn by CSS from data-summary, so copying the tree's text skips it.
        <span
          className={cn(c.collapsed, c.summary)}
          data-summary={`… ${countText}`}
          onClick={toggle}
          aria-hidden="true"
        />
      )}
      <span className={c.punctuation}>{close}</span>
      {comma}
      <MarkerBadge pointer={pointer} />
    </Item>
  );
}

function focusFirstChild(button: HTMLElement): void {
  const item = button.closest('[role="treeitem"]');
  item?.querySelector<HTMLElement>('[role="group"] [data-json-expander]')?.focus();
}

function focusParent(button: HTMLElement): void {
  const parent = button.closest('[role="treeitem"]')?.parentElement?.closest('[role="treeitem"]');
  parent?.querySelector<HTMLElement>('[data-json-expander]')?.focus();
}

function JsonLeaf({ value, pointer, depth, field, last }: NodeProps) {
  return (
    <Item depth={depth}>
      <Row pointer={pointer}>
        <FieldLabel field={field} />
        <LeafValue value={value} pointer={pointer} />
      </Row>
      {!last && <span className={c.punctuation}>,</span>}
      <MarkerBadge pointer={pointer} />
    </Item>
  );
}

function LeafValue({ value, pointer }: { value: unknown; pointer: string }) {
  const { mask } = useTree();
  if (typeof value === 'string') return <StringValue value={value} pointer={pointer} mask={mask} />;
  if (isLosslessNumber(value)) {
    return (
      <span
        className={c.number}
        title="Exact integer, beyond the range JavaScript numbers hold exactly"
      >
        {value.source}
      </span>
    );
  }
  if (typeof value === 'number') {
    // JSON has no NaN or Infinity; JSON.stringify writes them as null, and so do we.
    return Number.isFinite(value) ? (
      <span className={c.number}>{String(value)}</span>
    ) : (
      <span className={c.null}>null</span>
    );
  }
  if (typeof value === 'bigint') return <span className={c.number}>{value.toString()}</span>;
  if (typeof value === 'boolean')
    return <span className={c.boolean}>{value ? 'true' : 'false'}</span>;
  return <span className={c.null}>null</span>;
}

function StringValue({ value, pointer, mask }: { value: string; pointer: string; mask: boolean }) {
  // Masking a multi-MB string scans it: once per value, not on every render.
  const shown = useMemo(() => (mask ? maskString(value) : value), [mask, value]);
  if (mask && shown === MASK) {
    return (
      <span className={c.masked} title="Hidden because it looks like a secret">
        {MASK}
      </span>
    );
  }
  return shown.length > STRING_CLIP_OVER ? (
    <LongString value={shown} pointer={pointer} />
  ) : (
    <span className={c.string}>&quot;{shown}&quot;</span>
  );
}

/** Cuts at `n` characters without splitting a surrogate pair. */
function clip(s: string, n: number): string {
  if (n >= s.length) return s;
  const code = s.charCodeAt(n - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

function LongString({ value, pointer }: { value: string; pointer: string }) {
  const { store } = useTree();
  const state = useNodeViewState(store, pointer);
  const shown = Math.min(value.length, state?.chars ?? STRING_CLIP);
  const left = value.length - shown;
  const total = plural(value.length, 'character', 'characters');
  return (
    <>
      <span className={c.string}>
        &quot;{clip(value, shown)}
        {left > 0 ? '…' : '"'}
      </span>
      {left > 0 && (
        <button
          type="button"
          className={c.action}
          onClick={() => store.update(pointer, { chars: shown + STRING_STEP })}
        >
          {left <= STRING_STEP
            ? `Show all (${total})`
            : `Show ${formatCount(STRING_STEP)} more characters (${formatCount(left)} left)`}
        </button>
      )}
      {shown > STRING_CLIP && (
        <button
          type="button"
          className={c.action}
          onClick={() => store.update(pointer, { chars: STRING_CLIP })}
        >
          Show less
        </button>
      )}
      <JsonCopyButton text={value} label={`Copy string (${total})`} />
    </>
  );
}
