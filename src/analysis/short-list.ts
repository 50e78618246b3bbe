/**
 * Lists that grow with the whole model, shown once per scenario phase: "what still works" and
 * "what was down before the scenario". For a model the size of Saghaugen they are short and worth
 * reading in full. For a large one they are noise (170 of 180 capabilities "still work", in every
 * phase of every scenario), and they make the scenario pages and the runbook grow with scenarios ×
 * entities: a model 100× Saghaugen had 163 MB runbook pages, almost all of it these lists. Past the
 * limit, only the items that matter most are listed, and the rest are counted. Pure.
 */

/**
 * Longer than this, a once-per-phase list is shortened. Saghaugen's longest: 17 capabilities that
 * still work, 44 other things down in the power cut's last phase (2 of them down before it).
 */
export const LONG_LIST_LIMIT = 40;

export interface ShortList<T> {
  /** What to list. */
  items: T[];
  /** How many are left out (0: the list is complete). */
  omitted: number;
}

/**
 * Up to `limit` items: all of them. Longer: only the `key` items (the critical capabilities), and a
 * count of the rest; when even the key items are more than `limit`, none are listed.
 * With `keyAlways` (what the scenario itself took down: the news) the key items are always listed,
 * and the limit applies to the others only.
 */
export function shortList<T>(all: T[], key: (item: T) => boolean, options: { limit?: number; keyAlways?: boolean } = {}): ShortList<T> {
  const limit = options.limit ?? LONG_LIST_LIMIT;
  if (all.length <= limit) return { items: all, omitted: 0 };
  const keyItems = all.filter(key);
  if (options.keyAlways)
    return all.length - keyItems.length <= limit ? { items: all, omitted: 0 } : { items: keyItems, omitted: all.length - keyItems.length };
  return keyItems.length <= limit ? { items: keyItems, omitted: all.length - keyItems.length } : { items: [], omitted: all.length };
}
