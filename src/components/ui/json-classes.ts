/**
 * The one set of Tailwind classes both JSON renderers use (react-json-view-lite through its `style`
 * prop, JsonTree directly), so the two look the same in light and dark mode.
 */
const focusRing =
  'rounded-sm outline-none focus-visible:ring-2 focus-visible:ring-blue-500 dark:focus-visible:ring-sky-400';

export const jsonClasses = {
  /** The tree. `overflow-wrap:anywhere` lets 6,000-character strings and 300-character keys wrap. */
  container:
    'min-w-0 max-w-full font-mono text-xs leading-5 text-slate-800 dark:text-slate-200 whitespace-pre-wrap break-words [overflow-wrap:anywhere]',
  /** One key/value line (and its children when open). Keys of leaves and of containers align: the
   * expander hangs in this padding. */
  item: 'm-0 pl-4',
  /** The list of children of an open node. */
  group: 'm-0 list-none p-0',
  label: 'mr-1 font-semibold text-slate-800 dark:text-slate-100',
  /** Array positions (JsonTree only). */
  index: 'mr-1 text-slate-500 dark:text-slate-400',
  string: 'text-emerald-700 dark:text-emerald-400',
  number: 'text-blue-700 dark:text-sky-400',
  boolean: 'text-violet-700 dark:text-violet-400',
  null: 'text-rose-700 dark:text-rose-400',
  other: 'text-slate-500 dark:text-slate-400',
  punctuation: 'text-slate-500 dark:text-slate-400',
  expander: `-ml-4 mr-1 inline-block w-3 cursor-pointer select-none text-center text-slate-500 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white ${focusRing}`,
  /** The expander's glyph, drawn by CSS so that selecting and copying the tree's text skips it. */
  expandIcon: "after:content-['▸']",
  collapseIcon: "after:content-['▾']",
  /** Placeholder of a closed node. */
  collapsed:
    'mx-1 cursor-pointer select-none text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-200',
  summary: 'after:content-[attr(data-summary)]',
  /** Small text buttons: show more, show all, copy. */
  action: `ml-2 cursor-pointer font-sans text-[11px] font-medium text-blue-700 hover:underline dark:text-sky-400 ${focusRing}`,
  /** A masked secret. */
  masked:
    'rounded bg-slate-200 px-1 font-sans italic text-slate-600 dark:bg-slate-700 dark:text-slate-300',
  /** A note about a value (e.g. "value omitted from the logs"). */
  marker:
    'ml-2 inline-flex items-baseline gap-1 rounded bg-amber-100 px-1.5 font-sans text-[11px] leading-4 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200',
  /** The line a search result points at. */
  revealed:
    'rounded-sm bg-yellow-200 ring-2 ring-yellow-400 dark:bg-yellow-700/50 dark:ring-yellow-500',
  /** "No output" and the like. */
  empty: 'text-sm italic text-slate-500 dark:text-slate-400',
} as const;
