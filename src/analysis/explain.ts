/**
 * Printing analysis results in words, in both languages. Pure; no I/O.
 *
 *   nb: "Zigbee-scener: nede ← zigbee2mqtt (LXC 110) ← pve-core"
 *   en: "Zigbee scenes: down ← zigbee2mqtt (LXC 110) ← pve-core"
 */
import type { Model } from '../model/schema/model.ts';
import { indexEntities, type EntityRecord, type Lang } from '../model/entities.ts';
import { entityLabel, t } from '../i18n/store.ts';
import { allowedNodes } from '../model/derived-edges.ts';
import type { Cause, GroupTally, State } from './types.ts';

/** Marks that make a state readable without colour: diagram labels, tables, the printed runbook. */
export const STATE_MARK = { ok: '✓', degraded: '!', down: '✗' } as const satisfies Record<State, string>;

/**
 * The word for a state: nb virker/redusert/nede, en works/degraded/down. The one vocabulary for
 * states (src/i18n/words/analysis.ts): pages, diagrams, the printed runbook and these explanations.
 */
export function stateLabel(state: State, lang: Lang): string {
  return t(lang, `state.${state}`);
}

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
 * How the entity with this key is named in explanations (src/i18n/store.ts entityLabel): its display
 * name, and for guests the Proxmox kind and id, "zigbee2mqtt (LXC 110)". Unknown keys are printed as they are.
 */
export function keyLabel(key: string, model: Model, lang: Lang): string {
  const record = indexOf(model).get(key);
  return record ? entityLabel(record, lang) : key;
}

/**
 * One cause as one line: "<entity>: <state> ← <dependency> ← … ← <root>". A stopped guest at the end
 * of a chain is marked as stopped ("zwave-js-ui-garasje (LXC 113, stoppet)"). A chain of one
 * (the entity is itself the root) says why: "pve-core: nede (feiler i scenariet)". A k-of-n group
 * says how many it needs and how many are up: "ha-vert: nede (trenger 2 av 3, 1 oppe) ← pve1".
 */
export function explainCause(cause: Cause, model: Model, lang: Lang): string {
  const state: State = cause.state ?? (cause.via === 'enhancedBy' ? 'degraded' : 'down');
  const [first, ...rest] = cause.chain;
  if (first === undefined) return t(lang, 'explain.unknown');
  // A derived group says how it stands (quorum, HA nodes, OSD nodes); a written k-of-n group how many
  // it needs and how many are up: "nede (trenger 2 av 3, 1 oppe) ← pve1".
  const count = cause.via === 'anyOf' && cause.group ? t(lang, 'explain.needsOf', cause.group) : undefined;
  const detail = cause.tally ? ` (${explainTally(cause.tally, model, lang)})` : count && rest.length > 0 ? ` (${count})` : '';
  const head = `${keyLabel(first, model, lang)}: ${stateLabel(state, lang)}${detail}`;
  if (rest.length === 0) {
    const why =
      count ??
      (cause.via === 'stopped' || cause.via === 'root' || cause.via === 'anyOf' || cause.via === 'starting'
        ? t(lang, `explain.${cause.via}`)
        : '');
    return why ? `${head} (${why})` : head;
  }
  const last = rest.length - 1;
  const links = rest.map((key, i) => {
    const label = keyLabel(key, model, lang);
    if (i === last && isStopped(key, model))
      return label.endsWith(')') ? `${label.slice(0, -1)}, ${t(lang, 'explain.stopped')})` : `${label} (${t(lang, 'explain.stopped')})`;
    return label;
  });
  return [head, ...links].join(' ← ');
}

/** Just the chain, without the entity's state: "LoRaWAN ← chirpstack (LXC 109) ← pve-core". */
export function chainText(chain: readonly string[], model: Model, lang: Lang): string {
  return chain.map((key) => keyLabel(key, model, lang)).join(' ← ');
}

function isStopped(key: string, model: Model): boolean {
  const record = indexOf(model).get(key);
  return record?.kind === 'guest' && record.entity.status === 'stopped';
}

/** A list of names as a person says it: "pve1", "pve1 og pve2", "pve1, pve2 og pve3". */
export function nameList(names: readonly string[], lang: Lang): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${t(lang, 'list.and')} ${names[names.length - 1]}`;
}

/**
 * How a derived group stands, in words (src/model/derived-edges.ts): "klyngen har quorum (2 av 3
 * stemmer), og pve2 er oppe" for an HA guest, "trenger 2 av 3 noder, 1 oppe" for Ceph's OSD nodes.
 */
export function explainTally(tally: GroupTally, model: Model, lang: Lang): string {
  const quorum = (q: GroupTally) =>
    q.up < q.needed
      ? t(lang, 'cluster.quorum.lost', { up: q.up, total: q.total, needed: q.needed })
      : q.clusterUp === false
        ? t(lang, 'cluster.down')
        : t(lang, 'cluster.quorum.has', { up: q.up, total: q.total });
  const names = (keys: readonly string[]) =>
    nameList(
      keys.map((k) => keyLabel(k, model, lang)),
      lang,
    );
  switch (tally.purpose) {
    case 'quorum':
      return quorum(tally);
    case 'ha':
      if (tally.quorum && (tally.quorum.up < tally.quorum.needed || tally.quorum.clusterUp === false)) return quorum(tally.quorum);
      if (tally.up === 0)
        return t(lang, 'cluster.ha.noNode', { nodes: names(tally.upMembers.length ? tally.upMembers : allowedOf(tally, model)) });
      return tally.quorum
        ? t(lang, 'cluster.ha.up', { quorum: quorum(tally.quorum), nodes: names(tally.upMembers), count: tally.upMembers.length })
        : names(tally.upMembers);
    case 'osd':
      return t(lang, 'cluster.osd', { needed: tally.needed, total: tally.total, up: tally.up });
    case 'monitors':
      return t(lang, 'cluster.monitors', { needed: tally.needed, total: tally.total, up: tally.up });
  }
}

/** The nodes an HA guest may run on, as the model writes them (for "none of … is up"). */
function allowedOf(tally: GroupTally, model: Model): string[] {
  const index = indexOf(model);
  const record = index.get(tally.owner);
  return record?.kind === 'guest' ? allowedNodes(record.entity, index) : [];
}
