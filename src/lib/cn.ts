export type ClassValue = string | false | null | undefined | 0;

/** Joins the truthy class names with single spaces: `cn('a', cond && 'b', undefined)` → "a b". */
export function cn(...classes: ClassValue[]): string {
  let out = '';
  for (const c of classes) {
    if (!c) continue;
    out = out ? `${out} ${c}` : c;
  }
  return out;
}
