/**
 * Printing analysis results in words, in both languages. Pure; no I/O.
 *
 *   nb: "Zigbee-scener: nede ← zigbee2mqtt (LXC 110) ← pve-core"
 *   en: "Zigbee scenes: down ← zigbee2mqtt (LXC 110) ← pve-core"
 */
import type { Model } from '../model/schema/model.ts';
import { displayName, indexEntities, type EntityRecord, type Lang } from '../model/entities.ts';
import type { Cause, State } from './types.ts';

/**
 * The one vocabulary for states: the pages, the diagrams, the printed runbook and these explanations
 * all use it, so a reader meets the same word and mark for the same state on screen and on paper.
 */
export const STATE_WORDS: Record<State, Record<Lang, string>> = {
  ok: { nb: 'virker', en: 'works' },
  degraded: { nb: 'redusert', en: 'degraded' },
  down: { nb: 'nede', en: 'down' },
};

/** Marks that make a state readable without colour: diagram labels, tables, the printed runbook. */
export const STATE_MARK = { ok: '✓', degraded: '!', down: '✗' } as const satisfies Record<State, string>;

/** The word for a state: nb virker/redusert/nede, en works/degraded/down. */
export function stateLabel(state: State, lang: Lang): string {
  return STATE_WORDS[state][lang];
}

const WORDS = {
  nb: { stopped: 'stoppet', root: 'feiler i scenariet', anyOf: 'for få av alternativene virker', unknown: 'ukjent' },
  en: { stopped: 'stopped', root: 'fails in the scenario', anyOf: 'too few of the alternatives work', unknown: 'unknown' },
} as const;

// Index per model object, so explaining many causes does not re-index the model each time.
const indexCache = new WeakMap<Model, Map<string, EntityRecord>>();
function indexOf(model: Model): Map<string, EntityRecord> {
  let index = indexCache.get(model);
  if (!index) {
    index = indexEntities(model);
    indexCache.set(model, index);
  }
  return index;
}

/**
 * How an entity is named in explanations: its display name, and for guests the Proxmox kind and id,
 * "zigbee2mqtt (LXC 110)", "homeassistant (VM 103)". Unknown keys are printed as they are.
 */
export function entityLabel(key: string, model: Model, lang: Lang): string {
  const record = indexOf(model).get(key);
  if (!record) return key;
  const name = displayName(record.entity, lang);
  if (record.kind === 'guest') {
    const kind = record.entity.kind === 'qemu' ? 'VM' : 'LXC';
    return `${name} (${kind} ${String(record.entity.vmid)})`;
  }
  return name;
}

/**
 * One cause as one line: "<entity>: <state> ← <dependency> ← … ← <root>". A stopped guest at the end
 * of a chain is marked as stopped ("zwave-js-ui-garasje (LXC 113, stoppet)"). A chain of one
 * (the entity is itself the root) says why: "pve-core: nede (feiler i scenariet)".
 */
export function explainCause(cause: Cause, model: Model, lang: Lang): string {
  const words = WORDS[lang];
  const state: State = cause.state ?? (cause.via === 'enhancedBy' ? 'degraded' : 'down');
  const [first, ...rest] = cause.chain;
  if (first === undefined) return words.unknown;
  const head = `${entityLabel(first, model, lang)}: ${stateLabel(state, lang)}`;
  if (rest.length === 0) {
    const why = cause.via === 'stopped' ? words.stopped : cause.via === 'root' ? words.root : cause.via === 'anyOf' ? words.anyOf : '';
    return why ? `${head} (${why})` : head;
  }
  const last = rest.length - 1;
  const links = rest.map((key, i) => {
    const label = entityLabel(key, model, lang);
    if (i === last && isStopped(key, model)) return label.endsWith(')') ? `${label.slice(0, -1)}, ${words.stopped})` : `${label} (${words.stopped})`;
    return label;
  });
  return [head, ...links].join(' ← ');
}

/** Just the chain, without the entity's state: "LoRaWAN ← chirpstack (LXC 109) ← pve-core". */
export function chainText(chain: readonly string[], model: Model, lang: Lang): string {
  return chain.map((key) => entityLabel(key, model, lang)).join(' ← ');
}

function isStopped(key: string, model: Model): boolean {
  const record = indexOf(model).get(key);
  return record?.kind === 'guest' && record.entity.status === 'stopped';
}
