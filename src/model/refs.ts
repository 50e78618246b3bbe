/**
 * References between entities are strings with a small grammar: `kind:id`.
 * Where a field only ever points at one kind (a guest's `host`), the kind may be left out.
 * This module is the only place that parses or prints them.
 */

export const ENTITY_KINDS = [
  'location',
  'host',
  'cluster',
  'guest',
  'network',
  'storage',
  'system',
  'capability',
  'power',
  'plan',
  'scenario',
  'note',
] as const;

export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Lower-case letters, digits and dashes, starting with a letter or digit. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export interface EntityRef {
  kind: EntityKind;
  id: string;
}

/**
 * The grammar over a list of kinds. The module's functions below are this applied to ENTITY_KINDS;
 * tests/model/kinds.test.ts applies it to a list with a throw-away kind added.
 */
export function refGrammar(kinds: readonly string[]) {
  function isEntityKind(value: string): value is EntityKind {
    return kinds.includes(value);
  }

  /**
   * Parses `kind:id`, or a bare `id` when `impliedKind` is given.
   * Returns null for anything that does not follow the grammar (the caller reports it with position).
   */
  function parseRef(text: string, impliedKind?: EntityKind): EntityRef | null {
    const colon = text.indexOf(':');
    if (colon === -1) {
      if (!impliedKind || !ID_PATTERN.test(text)) return null;
      return { kind: impliedKind, id: text };
    }
    const kind = text.slice(0, colon);
    const id = text.slice(colon + 1);
    if (!isEntityKind(kind) || !ID_PATTERN.test(id)) return null;
    if (impliedKind && kind !== impliedKind) return null;
    return { kind, id };
  }

  return { isEntityKind, parseRef };
}

export const { isEntityKind, parseRef } = refGrammar(ENTITY_KINDS);

export function formatRef(ref: EntityRef): string {
  return `${ref.kind}:${ref.id}`;
}
