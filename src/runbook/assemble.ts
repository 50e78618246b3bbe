/**
 * The runbook as data: what the runbook page and its print version show, in the order someone
 * under stress needs it. A pure function of the model and its analysis; explanations and links are
 * passed in, so this module needs neither the analysis internals nor the site's config.
 *
 * Order: the symptom index (symptoms → section), then one section per scenario in the order a
 * person in trouble needs it (what happened; what to do: the written procedure, then the start
 * order when a host comes back; what still works, what is degraded or lost and why, per phase,
 * with the equipment that is down; the failure diagrams last), then reference tables (hosts,
 * guests, network and where they are, and the power: what feeds what and for how long).
 */
import type { Analysis, Cause, Outcome, PhaseResult, StartOrder } from '../analysis/types.ts';
import { displayName, indexEntities, localized, type AnyEntity, type EntityRecord, type Lang } from '../model/entities.ts';
import type { Model } from '../model/schema/model.ts';
import { spokenDuration, t } from '../i18n/ui.ts';
import { shortList } from '../analysis/short-list.ts';
import { haShare, scenarioStartOrders, startReasonText, type HaShare, type StartReasonText } from '../site/start-order-view.ts';
import { classifyPhase } from '../analysis/phase-classes.ts';
import { DRAWN_KINDS, EQUIPMENT_KINDS, RUNBOOK_KINDS, type EntityKind } from '../model/kinds.ts';
import { reachOf } from '../analysis/reach.ts';
import { allowedNodes } from '../model/derived-edges.ts';
import type { Cluster } from '../model/schema/cluster.ts';
import type { Guest } from '../model/schema/guest.ts';

export interface RunbookItem {
  key: string;
  name: string;
  href: string;
  /** critical / comfort when the entity has a tier. */
  tier?: 'critical' | 'comfort';
}

export interface RunbookAffected extends RunbookItem {
  /** Why, one line per cause (explainCause). */
  why: string[];
}

export interface RunbookPhase {
  id: string;
  /** The phase's title from the model (t = 0 has the scenario's own wording, or "At once"). */
  title: string;
  /** When the phase begins, in words; absent for t = 0. */
  when?: string;
  /** The roots that have failed by this phase (cumulative). */
  failed: RunbookItem[];
  /** What still works; for a large model only the critical capabilities (src/analysis/short-list.ts). */
  works: RunbookItem[];
  /** Capabilities that still work and are not in `works` (0: it is complete). */
  worksOmitted: number;
  degraded: RunbookAffected[];
  lost: RunbookAffected[];
  /**
   * Hosts, guests, network, power and storage that are down in this phase but not in normal
   * operation (so stopped guests are not listed again and again).
   */
  equipmentDown: RunbookItem[];
  /**
   * Equipment that is down only because something it uses is gone, and keeps running (Frigate's LXC
   * without UniFi Protect): not restarted, so not in `equipmentDown` (src/analysis/equipment.ts).
   */
  equipmentIdle: RunbookAffected[];
  /** Equipment that still runs, but degraded (a UPS on its battery), and why. */
  equipmentDegraded: RunbookAffected[];
  /** The analysis phase, for the failure diagram. */
  result: PhaseResult;
}

export interface RunbookStartStep {
  position: number;
  guest: RunbookItem;
  vmid: number;
  kind: 'lxc' | 'qemu';
  command: string;
  waitsFor: RunbookItem[];
  /** Why it is at this place ("Kritisk. Trengs for: …"). */
  reason?: StartReasonText;
  /** The guest's addresses (src/analysis/reach.ts); empty when not documented. */
  ips: string[];
}

export interface RunbookStartOrder {
  host: RunbookItem;
  /** The host is up: its HA guests were stopped by the cluster (no quorum), not by the host going down. */
  hostUp?: boolean;
  /** How many of its guests are HA-managed (the cluster starts them itself once it has quorum): all, some or none. */
  ha: HaShare;
  steps: RunbookStartStep[];
  stopped: RunbookItem[];
}

export interface RunbookSection {
  /** The section id: the anchor and the key for page numbers ("scenario-proxmox-down"). */
  sectionId: string;
  scenarioId: string;
  number: number;
  title: string;
  description?: string;
  phases: RunbookPhase[];
  /** Start orders of the hosts that go down in any phase of this scenario. */
  startOrders: RunbookStartOrder[];
  /** Hosts that go down in this scenario and have no guest to start (a Raspberry Pi). */
  hostsWithoutGuests: RunbookItem[];
  /** The scenario's page on the site. */
  href: string;
}

/** A symptom and every section it can point to (the same words may belong to several scenarios). */
export interface RunbookSymptom {
  text: string;
  targets: { sectionId: string; scenarioTitle: string; number: number }[];
}

export interface HostRow {
  key: string;
  name: string;
  href: string;
  kind: string;
  hardware?: string;
  /** The first address (ips[0]). */
  ip?: string;
  ips: string[];
  /** The web interface; for a Proxmox host https://<ip>:8006 unless the model says otherwise. */
  webUi?: string;
  location?: RunbookItem;
}

/** A guest in the runbook's reference tables (the site's guest tables use src/site/views.ts GuestRow). */
export interface ReferenceGuestRow {
  key: string;
  name: string;
  href: string;
  vmid: number;
  kind: 'lxc' | 'qemu';
  host?: RunbookItem;
  /** Managed by a cluster's HA: the nodes it may run on (`allNodes` when it is every node of the cluster). */
  ha?: { cluster: RunbookItem; nodes: RunbookItem[]; allNodes: boolean; preferred?: RunbookItem };
  /** The first address (ips[0]). */
  ip?: string;
  ips: string[];
  webUi?: string;
  status: string;
  description?: string;
}

export interface NetworkRow {
  key: string;
  name: string;
  href: string;
  kind: string;
  model?: string;
  /** The first address (ips[0]). */
  ip?: string;
  ips: string[];
  webUi?: string;
  /** A device one can address (not a link, provider or SDN zone): unknown addresses get a line to write on. */
  addressable: boolean;
  count?: number;
  /** locatedIn, or for links the places it joins. */
  where: RunbookItem[];
}

/** A power source or store: what it is, how long it holds, what feeds it and what it feeds. */
export interface PowerRow {
  key: string;
  name: string;
  href: string;
  kind: string;
  /** How long it holds on its own ("4 t", "20 min"), when the model knows it. */
  runtime?: string;
  /** For a generator: how long it takes to start. */
  startDelay?: string;
  /** What powers it: one item each, or the members of an anyOf group with `anyOf` set. */
  fedBy: Array<RunbookItem & { anyOf?: boolean }>;
  /** What it powers directly. */
  feeds: RunbookItem[];
  location?: RunbookItem;
}

export interface RunbookReference {
  sectionId: string;
  hosts: HostRow[];
  guests: ReferenceGuestRow[];
  /** Whether the guest table says where each guest runs: more than one node, or HA (one host says it in its heading). */
  guestHosts: boolean;
  network: NetworkRow[];
  power: PowerRow[];
}

export interface RunbookData {
  lang: Lang;
  siteName: string;
  symptoms: RunbookSymptom[];
  sections: RunbookSection[];
  reference: RunbookReference;
  /** Every section in document order, for the table of contents: id and title. */
  contents: { sectionId: string; title: string; number?: number }[];
}

export interface AssembleOptions {
  lang: Lang;
  /** One line explaining a cause, e.g. explainCause(cause, model, lang) from the analysis. */
  explain: (cause: Cause) => string;
  /** The site URL of an entity page. */
  hrefFor: (key: string) => string;
  /** Past this many, "still works" lists only the critical capabilities (src/analysis/short-list.ts). */
  listLimit?: number;
}

export const REFERENCE_SECTION_ID = 'reference';

export function scenarioSectionId(scenarioId: string): string {
  return `scenario-${scenarioId}`;
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, 'nb');
}

export function assembleRunbook(model: Model, analysis: Analysis, options: AssembleOptions): RunbookData {
  const { lang, explain, hrefFor } = options;
  const index = indexEntities(model);

  const item = (key: string): RunbookItem => {
    const record = index.get(key);
    const entity = record?.entity as (AnyEntity & { tier?: 'critical' | 'comfort' }) | undefined;
    return {
      key,
      name: entity ? displayName(entity, lang) : key,
      href: hrefFor(key),
      ...(entity?.tier ? { tier: entity.tier } : {}),
    };
  };
  const reachAt = (key: string) => {
    const record = index.get(key);
    return record ? reachOf(record) : undefined;
  };
  const runbookPhase = (result: PhaseResult, fallbackTitle: string): RunbookPhase => {
    const works: RunbookItem[] = [];
    const degraded: RunbookAffected[] = [];
    const lost: RunbookAffected[] = [];
    const equipmentDown: RunbookItem[] = [];
    const equipmentIdle: RunbookAffected[] = [];
    const equipmentDegraded: RunbookAffected[] = [];
    const affected = (key: string, outcome: Outcome): RunbookAffected => {
      const it = item(key);
      return { ...it, why: [...new Set(outcome.causes.map((cause) => withoutSubject(explain(cause), it.name)).filter(Boolean))] };
    };
    for (const { key, outcome, capability, downBefore, idle } of classifyPhase(result, analysis.baseline)) {
      // The runbook names capabilities and equipment (`runbook` in src/model/kinds.ts), not systems or places.
      if (!RUNBOOK_KINDS.has(key.slice(0, key.indexOf(':')) as EntityKind)) continue;
      if (capability) {
        if (outcome.state === 'ok') works.push(item(key));
        else (outcome.state === 'down' ? lost : degraded).push(affected(key, outcome));
      } else if (downBefore) {
        // What is down in normal operation too (stopped guests) is not news in an outage.
        continue;
      } else if (outcome.state === 'degraded') {
        equipmentDegraded.push(affected(key, outcome));
      } else if (outcome.state === 'down') {
        if (idle) equipmentIdle.push(affected(key, outcome));
        else equipmentDown.push(item(key));
      }
    }
    // Critical first, then by name: under stress the critical things are what matter.
    const tierFirst = (a: RunbookItem, b: RunbookItem) => (a.tier === 'critical' ? 0 : 1) - (b.tier === 'critical' ? 0 : 1) || byName(a, b);
    // A large model's list would name nearly every capability, in every phase: the critical ones only.
    const stillWorks = shortList(works.sort(tierFirst), (it) => it.tier === 'critical', { limit: options.listLimit });
    // t = 0 says so in its title already; later phases say when they begin.
    const when =
      result.id === 'start' || result.afterMinutes === 0
        ? undefined
        : result.afterMinutes !== undefined
          ? t(lang, 'runbook.phaseAfterMinutes', { minutes: result.afterMinutes })
          : result.after
            ? localized(result.after, lang)
            : t(lang, 'runbook.phaseAfterUnknown');
    return {
      id: result.id,
      title: localized(result.title, lang) || fallbackTitle,
      ...(when ? { when } : {}),
      failed: result.failed.map(item),
      works: stillWorks.items,
      worksOmitted: stillWorks.omitted,
      degraded: degraded.sort(tierFirst),
      lost: lost.sort(tierFirst),
      equipmentDown: equipmentDown.sort(byKindThenName),
      equipmentIdle: equipmentIdle.sort(byKindThenName),
      equipmentDegraded: equipmentDegraded.sort(byKindThenName),
      result,
    };
  };

  const nameOf = (key: string) => item(key).name;
  const startOrderView = (order: StartOrder): RunbookStartOrder => ({
    host: item(order.host),
    ha: haShare(order.steps),
    steps: order.steps.map((step) => {
      const reason = startReasonText(step, lang, nameOf);
      return {
        position: step.position,
        guest: item(step.guest),
        vmid: step.vmid,
        kind: step.kind,
        command: step.command,
        waitsFor: step.waitsFor.map(item),
        ips: reachAt(step.guest)?.ips ?? [],
        ...(reason ? { reason } : {}),
      };
    }),
    stopped: order.stopped.map(item),
  });

  const results = new Map(analysis.scenarios.map((r) => [r.id, r]));
  const sections: RunbookSection[] = [];
  model.scenarios.forEach((scenario) => {
    const result = results.get(scenario.id);
    if (!result) return;
    const number = sections.length + 1;
    const title = localized(scenario.title, lang);
    const phases = result.phases.map((p) => runbookPhase(p, title));
    const restart = scenarioStartOrders(analysis, scenario.id);
    sections.push({
      sectionId: scenarioSectionId(scenario.id),
      scenarioId: scenario.id,
      number,
      title,
      ...(scenario.description ? { description: localized(scenario.description, lang) } : {}),
      phases,
      startOrders: restart.orders.map((order) => ({
        ...startOrderView(order),
        ...(restart.hostsUp?.includes(order.host) ? { hostUp: true } : {}),
      })),
      hostsWithoutGuests: restart.hostsWithoutGuests.map(item),
      href: hrefFor(`scenario:${scenario.id}`),
    });
  });

  // One row per symptom text, in the order first met; the same words ("no internet") from several
  // scenarios become one row pointing at each of them.
  const symptoms: RunbookSymptom[] = [];
  const byText = new Map<string, RunbookSymptom>();
  for (const section of sections) {
    const scenario = model.scenarios.find((sc) => sc.id === section.scenarioId)!;
    for (const symptom of scenario.symptoms ?? []) {
      const text = localized(symptom.text, lang);
      const norm = text.trim().toLocaleLowerCase(lang);
      let row = byText.get(norm);
      if (!row) {
        row = { text, targets: [] };
        byText.set(norm, row);
        symptoms.push(row);
      }
      if (!row.targets.some((t) => t.sectionId === section.sectionId)) {
        row.targets.push({ sectionId: section.sectionId, scenarioTitle: section.title, number: section.number });
      }
    }
  }

  const exists = (e: { status?: string }) => e.status !== 'planned';
  const addresses = (key: string): { ip?: string; ips: string[]; webUi?: string } => {
    const reach = reachAt(key);
    const ips = reach?.ips ?? [];
    return { ...(ips[0] ? { ip: ips[0] } : {}), ips, ...(reach?.webUi ? { webUi: reach.webUi.url } : {}) };
  };
  const locationOf = (entity: AnyEntity): RunbookItem | undefined => {
    const at = entity.locatedIn;
    if (!at) return undefined;
    const ref = typeof at === 'string' ? at : at.ref;
    return item(ref.includes(':') ? ref : `location:${ref}`);
  };

  const hosts: HostRow[] = model.hosts.filter(exists).map((h) => ({
    key: `host:${h.id}`,
    name: displayName(h, lang),
    href: hrefFor(`host:${h.id}`),
    kind: h.kind,
    ...(h.hardware ? { hardware: h.hardware } : {}),
    ...addresses(`host:${h.id}`),
    ...(locationOf(h) ? { location: locationOf(h)! } : {}),
  }));
  const haOf = (g: Guest): NonNullable<ReferenceGuestRow['ha']> => {
    const cluster = index.get(`cluster:${g.ha!.cluster}`)?.entity as Cluster | undefined;
    return {
      cluster: item(`cluster:${g.ha!.cluster}`),
      nodes: allowedNodes(g, index).map(item),
      allNodes: g.ha!.group === undefined || (cluster !== undefined && g.ha!.group.length >= cluster.nodes.length),
      ...(g.ha!.preferred ? { preferred: item(`host:${g.ha!.preferred}`) } : {}),
    };
  };
  const guests: ReferenceGuestRow[] = model.guests
    .filter(exists)
    .map((g) => ({
      key: `guest:${g.id}`,
      name: g.name,
      href: hrefFor(`guest:${g.id}`),
      vmid: g.vmid,
      kind: g.kind,
      host: item(`host:${g.host}`),
      ...(g.ha ? { ha: haOf(g) } : {}),
      ...addresses(`guest:${g.id}`),
      status: t(lang, `runbook.status.${g.status}`),
      ...(g.description ? { description: localized(g.description, lang) } : {}),
    }))
    .sort((a, b) => a.vmid - b.vmid);
  const network: NetworkRow[] = model.network.filter(exists).map((n) => {
    const where: RunbookItem[] = [];
    const at = locationOf(n);
    if (at) where.push(at);
    for (const ref of n.between ?? []) where.push(item(ref.includes(':') ? ref : `location:${ref}`));
    const modelText = [n.vendor, n.model].filter(Boolean).join(' ');
    return {
      key: `network:${n.id}`,
      name: displayName(n, lang),
      href: hrefFor(`network:${n.id}`),
      kind: n.kind,
      ...(modelText ? { model: modelText } : {}),
      ...addresses(`network:${n.id}`),
      addressable: reachAt(`network:${n.id}`) !== undefined,
      ...(n.count ? { count: n.count } : {}),
      where,
    };
  });

  // What each entity's poweredBy names: the power table's "feeds" column, read backwards.
  const feeds = new Map<string, RunbookItem[]>();
  for (const record of index.values()) {
    if (!exists(record.entity)) continue;
    for (const entry of record.entity.poweredBy ?? []) {
      const refs = typeof entry === 'string' ? [entry] : 'anyOf' in entry ? entry.anyOf : [entry.ref];
      for (const ref of refs) feeds.set(ref, [...(feeds.get(ref) ?? []), item(record.key)]);
    }
  }
  const power: PowerRow[] = model.power.filter(exists).map((p) => {
    const key = `power:${p.id}`;
    const fedBy = (p.poweredBy ?? []).flatMap((entry) =>
      typeof entry === 'string'
        ? [item(entry)]
        : 'anyOf' in entry
          ? entry.anyOf.filter((ref) => exists(index.get(ref)?.entity ?? {})).map((ref) => ({ ...item(ref), anyOf: true }))
          : [item(entry.ref)],
    );
    return {
      key,
      name: displayName(p, lang),
      href: hrefFor(key),
      kind: p.kind,
      ...(p.runtimeMinutes !== undefined ? { runtime: spokenDuration(p.runtimeMinutes, lang) } : {}),
      ...(p.startDelayMinutes !== undefined ? { startDelay: spokenDuration(p.startDelayMinutes, lang) } : {}),
      fedBy,
      feeds: feeds.get(key) ?? [],
      ...(locationOf(p) ? { location: locationOf(p)! } : {}),
    };
  });

  const guestHosts = guests.some((g) => g.ha) || new Set(guests.map((g) => g.host?.key)).size > 1;
  const reference: RunbookReference = { sectionId: REFERENCE_SECTION_ID, hosts, guests, guestHosts, network, power };
  return {
    lang,
    siteName: model.site.name,
    symptoms,
    sections,
    reference,
    contents: [
      ...sections.map((sec) => ({ sectionId: sec.sectionId, title: sec.title, number: sec.number })),
      { sectionId: REFERENCE_SECTION_ID, title: t(lang, 'runbook.reference') },
    ],
  };
}

/** "Zigbee scenes: down ← zigbee2mqtt" → "down ← zigbee2mqtt" beside the name it repeats. */
export function withoutSubject(line: string, name: string): string {
  return line.startsWith(`${name}: `) ? line.slice(name.length + 2) : line;
}

/** Equipment in the order of the failure diagrams' layers: power, network, hosts, storage, guests (src/model/kinds.ts). */
const KIND_ORDER: readonly string[] = DRAWN_KINDS.filter((kind) => EQUIPMENT_KINDS.has(kind));
function byKindThenName(a: RunbookItem, b: RunbookItem): number {
  return kindOrder(a.key) - kindOrder(b.key) || byName(a, b);
}
function kindOrder(key: string): number {
  const i = KIND_ORDER.indexOf(key.split(':')[0]!);
  return i < 0 ? KIND_ORDER.length : i;
}

export type { EntityRecord };
