/**
 * The start order as a reader needs it: which guests of a scenario's failed hosts to start, and in
 * words why each one is where it is ("Kritisk. Trengs for: Avlesninger fra LoRaWAN-sensorene.").
 * Pure; names are passed in, so the site and the runbook word it the same way.
 */
import type { Analysis, StartOrder, StartReason, StartStep } from '../analysis/types.ts';
import type { Lang } from '../model/entities.ts';
import { t } from '../i18n/ui.ts';

/**
 * The sentence above one host's start order. A host that is up but whose HA guests the cluster
 * stopped, a host whose guests are all HA-managed (the cluster starts them itself once it has
 * quorum; the command works from any node), or the plain case (start them from the host's shell).
 */
export function startOrderIntro(lang: Lang, host: string, how: { hostUp?: boolean; ha: HaShare }): string {
  if (how.hostUp) return t(lang, 'cluster.startOrderIntroUp', { host });
  if (how.ha === 'all') return t(lang, 'cluster.startOrderIntroHa', { host });
  if (how.ha === 'some') return t(lang, 'cluster.startOrderIntroMixed', { host });
  return t(lang, 'scenario.startOrderIntro', { host });
}

/** How many guests of a start order its cluster starts (HA): all, some (the others by hand on the node), or none. */
export type HaShare = 'all' | 'some' | 'none';

export function haShare(steps: ReadonlyArray<Pick<StartStep, 'ha'>>): HaShare {
  const ha = steps.filter((step) => step.ha !== undefined).length;
  return ha === 0 ? 'none' : ha === steps.length ? 'all' : 'some';
}

/** How many names a reason lists before "and N more". */
const REASON_NAMES = 3;

/** "A", "A og B", "A, B og C", "A, B, C og 2 til". */
export function joinNames(names: string[], lang: Lang, max = REASON_NAMES): string {
  const shown = names.length > max ? [...names.slice(0, max), t(lang, 'list.more', { n: names.length - max })] : names;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} ${t(lang, 'list.and')} ${shown.at(-1)}`;
}

export interface StartReasonText {
  rank: StartReason['rank'];
  /** "Kritisk", "Komfort", "Resten". */
  label: string;
  /** The sentence after the label. */
  text: string;
}

/** A step's reason in words; `name` gives an entity's display name from its key. */
export function startReasonText(step: StartStep, lang: Lang, name: (key: string) => string): StartReasonText | undefined {
  const reason = step.reason;
  if (!reason) return undefined;
  const label = t(lang, `startOrder.rank.${reason.rank}`);
  const text = reason.neededBy.length
    ? t(lang, 'startOrder.reason.neededBy', { guests: joinNames(reason.neededBy.map(name), lang) })
    : reason.serves.length
      ? t(lang, 'startOrder.reason.serves', { what: joinNames(reason.serves.map(name), lang) })
      : t(lang, 'startOrder.reason.nothing');
  // An HA guest: its cluster starts it, on any allowed node.
  const ha = step.ha ? `${t(lang, 'cluster.startByHa', { cluster: name(step.ha) })}. ` : '';
  return { rank: reason.rank, label, text: `${ha}${text}` };
}

/**
 * What a scenario takes down that must be started again: the start orders of the hosts that are
 * down in any of its phases (those with guests to start), and the hosts that go down with no
 * guest to start (a Raspberry Pi, a Proxmox host with no running guest).
 */
export function scenarioStartOrders(
  analysis: Analysis,
  scenarioId: string,
): { orders: StartOrder[]; hostsWithoutGuests: string[]; hostsUp?: string[] } {
  const result = analysis.scenarios.find((s) => s.id === scenarioId);
  const hostsDown = new Set<string>();
  for (const phase of result?.phases ?? [])
    for (const [key, outcome] of Object.entries(phase.outcomes))
      if (key.startsWith('host:') && outcome.state === 'down' && analysis.baseline.outcomes[key]?.state !== 'down') hostsDown.add(key);
  // HA guests the cluster stopped (no quorum) while their node stayed up: that node's order says how to start them.
  const hostsUp = new Set<string>();
  for (const order of analysis.startOrders)
    for (const step of order.steps)
      if (step.ha && !hostsDown.has(order.host) && result?.phases.some((phase) => phase.outcomes[step.guest]?.state === 'down'))
        hostsUp.add(order.host);
  const wentDown = (guest: string) => result?.phases.some((phase) => phase.outcomes[guest]?.state === 'down') ?? false;
  const orders = analysis.startOrders
    // A node that stayed up: only the guests the cluster stopped there are to be started (a pinned
    // guest on it ran on), numbered anew.
    .map((o) =>
      hostsUp.has(o.host) && !hostsDown.has(o.host)
        ? { ...o, steps: o.steps.filter((step) => wentDown(step.guest)).map((step, i) => ({ ...step, position: i + 1 })) }
        : o,
    )
    .filter((o) => (hostsDown.has(o.host) || hostsUp.has(o.host)) && o.steps.length > 0);
  const withOrder = new Set(orders.map((o) => o.host));
  return {
    orders,
    hostsWithoutGuests: [...hostsDown].filter((h) => !withOrder.has(h)).sort(),
    ...(hostsUp.size ? { hostsUp: [...hostsUp].sort() } : {}),
  };
}
