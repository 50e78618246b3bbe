/**
 * Comparing the model with what Proxmox reports. Keyed by VMID for guests (names change), by node
 * name for hosts and by storage id for storage. Pure: takes the model, the observed state and where
 * the model's entries are written, returns findings sorted the same way every time.
 *
 * Three severities: `drift` (the model says something Proxmox contradicts; exit 1), `unknown`
 * (the token could not see it: never reported as deleted) and `info` (Proxmox knows a value the
 * model leaves out: offered, not drift).
 */
import type { Model } from '../model/schema/model.ts';
import type { Lang } from '../model/entities.ts';
import { both, t, type WordKey, type WordParams } from '../i18n/store.ts';
import type { Observed, ObservedGuest, ObservedHa, ObservedStorage } from './observed.ts';
import type { EntryPosition, ModelPositions, PositionedSection, SourcePosition } from './model-positions.ts';

export type DriftType =
  | 'missing-from-model'
  | 'missing-from-proxmox'
  | 'not-visible'
  | 'renamed'
  | 'moved'
  | 'kind-changed'
  | 'status-changed'
  | 'changed'
  | 'not-documented';

export type DriftSeverity = 'drift' | 'unknown' | 'info';
type Text = { nb: string; en: string };

export interface DriftFinding {
  type: DriftType;
  severity: DriftSeverity;
  entity: 'guest' | 'host' | 'storage';
  /** The model's id for it, when the model has it. */
  id?: string;
  vmid?: number;
  node?: string;
  storage?: string;
  /** The model's field name (memoryMb, cores, tags, …). */
  field?: string;
  model?: unknown;
  observed?: unknown;
  /** Where to change the model: the field's line, else the entry's, else the section's file. */
  file?: string;
  line?: number;
  column?: number;
  /** What differs, and how to fix it, in both languages. */
  message: Text;
  fix: Text;
}

export interface DriftReport {
  source: Observed['source'];
  takenAt?: string;
  findings: DriftFinding[];
  counts: Record<DriftSeverity, number>;
  /** Why some things are unknown (token rights), in both languages. */
  notes: Text[];
}

const SEVERITY: Record<DriftType, DriftSeverity> = {
  'missing-from-model': 'drift',
  'missing-from-proxmox': 'drift',
  'not-visible': 'unknown',
  renamed: 'drift',
  moved: 'drift',
  'kind-changed': 'drift',
  'status-changed': 'drift',
  changed: 'drift',
  'not-documented': 'info',
};

/** Storage usage moves every day; a difference below this many percentage points is not drift. */
export const STORAGE_TOLERANCE_POINTS = 1;

/** A value as the owner would write it in YAML. */
export function yamlValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlValue).join(', ')}]`;
  if (typeof value === 'string')
    return /^[a-z0-9][a-z0-9.-]*$/i.test(value) && !/^(true|false|null|yes|no|on|off|\d[\d.]*)$/i.test(value)
      ? value
      : JSON.stringify(value);
  return String(value);
}

/** Proxmox tags may hold `_`, `+` and `.`; model tags are ids (lower-case letters, digits, dashes). */
export function tagAsId(tag: string): string {
  return (
    tag
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'tag'
  );
}

const where = (pos: SourcePosition | undefined) => (pos ? `${pos.file}:${pos.line}` : undefined);

interface Context {
  positions: ModelPositions;
  findings: DriftFinding[];
}

function push(ctx: Context, finding: Omit<DriftFinding, 'severity' | 'file' | 'line' | 'column'>, pos: SourcePosition | undefined): void {
  ctx.findings.push({
    ...finding,
    severity: SEVERITY[finding.type],
    ...(pos ? { file: pos.file, line: pos.line, column: pos.column } : {}),
  });
}

/** A sentence in both languages whose values depend on the language (a subject is "vert x" / "host x"). */
function inBoth<K extends WordKey>(key: K, params: (lang: Lang) => WordParams<K>[0]): Text {
  const say = (lang: Lang) => t(lang, key, ...([params(lang)] as WordParams<K>));
  return { nb: say('nb'), en: say('en') };
}

/** "vert pve-core" / "host pve-core", "lagring local-lvm" / "storage local-lvm". */
const subjectOf = (kind: 'host' | 'storage', name: string): Text => ({
  nb: `${t('nb', `driftFinding.${kind}`)} ${name}`,
  en: `${t('en', `driftFinding.${kind}`)} ${name}`,
});

/** A field that both sides may state: equal → nothing; model lacks it → info; differs → drift. */
function compareField(
  ctx: Context,
  base: Pick<DriftFinding, 'entity' | 'id' | 'vmid' | 'node' | 'storage'>,
  subject: Text,
  entry: EntryPosition,
  field: string,
  modelValue: unknown,
  observedValue: unknown,
  equal: (a: unknown, b: unknown) => boolean = (a, b) => JSON.stringify(a) === JSON.stringify(b),
): void {
  if (observedValue === undefined || (Array.isArray(observedValue) && observedValue.length === 0 && modelValue === undefined)) return;
  if (modelValue === undefined) {
    const at = where(entry.entry);
    push(
      ctx,
      {
        ...base,
        type: 'not-documented',
        field,
        observed: observedValue,
        message: inBoth('driftFinding.notDocumented.message', (lang) => ({
          subject: subject[lang],
          field,
          value: yamlValue(observedValue),
        })),
        fix: both('driftFinding.notDocumented.fix', { field, value: yamlValue(observedValue), at }),
      },
      entry.entry,
    );
    return;
  }
  if (equal(modelValue, observedValue)) return;
  const pos = entry.field(field) ?? entry.entry;
  push(
    ctx,
    {
      ...base,
      type: 'changed',
      field,
      model: modelValue,
      observed: observedValue,
      message: inBoth('driftFinding.changed.message', (lang) => ({
        subject: subject[lang],
        field,
        observed: yamlValue(observedValue),
        model: yamlValue(modelValue),
      })),
      fix: both('driftFinding.changed.fix', { field, value: yamlValue(observedValue), at: where(pos) }),
    },
    pos,
  );
}

/**
 * The model's addresses of a host or guest: `ip` is shorthand for `reach.ips` (src/model/schema/reach.ts),
 * so either may hold them. An observed address the model lists in either place is no drift; with none
 * documented, the first observed one is offered as `ip`; a different one is drift at the field that
 * holds the model's addresses.
 */
function compareAddresses(
  ctx: Context,
  base: Pick<DriftFinding, 'entity' | 'id' | 'vmid' | 'node' | 'storage'>,
  subject: Text,
  entry: EntryPosition,
  entity: { ip?: string; reach?: { ips?: string[] } },
  observedIps: string[],
): void {
  if (observedIps.length === 0) return;
  const listed = entity.reach?.ips ?? [];
  const documented = [...new Set([...listed, ...(entity.ip ? [entity.ip] : [])])];
  if (documented.some((ip) => observedIps.includes(ip))) return;
  if (documented.length === 0 || listed.length === 0) {
    compareField(ctx, base, subject, entry, 'ip', entity.ip, observedIps[0]);
    return;
  }
  const pos = entry.field('reach') ?? entry.entry;
  const observed = observedIps[0]!;
  push(
    ctx,
    {
      ...base,
      type: 'changed',
      field: 'ip',
      model: documented,
      observed,
      message: inBoth('driftFinding.address.message', (lang) => ({
        subject: subject[lang],
        observed: yamlValue(observed),
        model: yamlValue(documented),
      })),
      fix: both('driftFinding.address.fix', { value: yamlValue(observed), at: where(pos) }),
    },
    pos,
  );
}

function guestSubject(vmid: number, kind: 'qemu' | 'lxc', name?: string): Text {
  const k = kind === 'qemu' ? 'VM' : 'LXC';
  return { nb: `${k} ${vmid}${name ? ` (${name})` : ''}`, en: `${k} ${vmid}${name ? ` (${name})` : ''}` };
}

export function compareModel(model: Model, observed: Observed, positions: ModelPositions): DriftReport {
  const ctx: Context = { positions, findings: [] };
  const hostById = new Map(model.hosts.map((h) => [h.id, h]));
  const proxmoxHosts = model.hosts.filter((h) => h.kind === 'proxmox');
  const hostForNode = (node: string) => proxmoxHosts.find((h) => h.name === node || h.id === node);
  const nodeOfHost = (hostId: string) => hostById.get(hostId)?.name ?? hostId;
  const sectionFile = (section: PositionedSection) => {
    const file = positions.sectionFile(section);
    return file ? { file, line: 1, column: 1 } : undefined;
  };

  // ---- hosts, by node name
  const observedNodes = new Map(observed.nodes.map((n) => [n.name, n]));
  for (const node of observed.nodes) {
    const host = hostForNode(node.name);
    if (!host) {
      const file = sectionFile('hosts');
      push(
        ctx,
        {
          type: 'missing-from-model',
          entity: 'host',
          node: node.name,
          observed: { node: node.name, status: node.status },
          message: both('driftFinding.nodeMissing.message', { node: node.name }),
          fix: both('driftFinding.nodeMissing.fix', { node: node.name, file: file?.file }),
        },
        file,
      );
      continue;
    }
    const entry = positions.find('hosts', host.id);
    if (!entry) continue;
    const base = { entity: 'host' as const, id: host.id, node: node.name };
    compareAddresses(ctx, base, subjectOf('host', node.name), entry, host, node.ip ? [node.ip] : []);
    if (observed.nodes.length === 1 && observed.version) {
      compareField(ctx, base, subjectOf('host', node.name), entry, 'proxmoxVersion', host.proxmoxVersion, observed.version);
    }
  }
  for (const host of proxmoxHosts) {
    if (host.status === 'planned' || observedNodes.has(host.name) || observedNodes.has(host.id)) continue;
    const entry = positions.find('hosts', host.id);
    push(
      ctx,
      {
        type: 'missing-from-proxmox',
        entity: 'host',
        id: host.id,
        node: host.name,
        message: both('driftFinding.hostGone.message', { host: host.name }),
        fix: both('driftFinding.hostGone.fix', { at: where(entry?.entry) }),
      },
      entry?.entry,
    );
  }

  // ---- guests, by VMID
  const modelByVmid = new Map(model.guests.map((g) => [g.vmid, g]));
  const observedByVmid = new Map(observed.guests.map((g) => [g.vmid, g]));
  const haByVmid = new Map(observed.ha.filter((h) => h.vmid !== undefined).map((h) => [h.vmid!, h]));
  for (const seen of observed.guests) {
    const guest = modelByVmid.get(seen.vmid);
    const subject = guestSubject(seen.vmid, seen.kind, seen.name);
    if (!guest) {
      if (seen.template) continue; // templates are not guests anyone runs; the model has no place for them
      const file = sectionFile('guests');
      push(
        ctx,
        {
          type: 'missing-from-model',
          entity: 'guest',
          vmid: seen.vmid,
          node: seen.node,
          observed: { name: seen.name ?? null, kind: seen.kind, node: seen.node, status: seen.status },
          message: inBoth('driftFinding.guestMissing.message', (lang) => ({ subject: subject[lang], node: seen.node })),
          fix: both('driftFinding.guestMissing.fix', {
            file: file?.file,
            vmid: seen.vmid,
            kind: seen.kind,
            host: hostForNode(seen.node)?.id ?? seen.node,
          }),
        },
        file,
      );
      continue;
    }
    compareGuest(ctx, guest, seen, subject, hostForNode, nodeOfHost);
    compareHa(ctx, guest, seen, haByVmid.get(seen.vmid), subject, hostForNode, model);
  }
  for (const guest of model.guests) {
    if (observedByVmid.has(guest.vmid)) continue;
    if (guest.status === 'planned') continue;
    const entry = positions.find('guests', guest.id);
    const subject = guestSubject(guest.vmid, guest.kind, guest.name);
    const visibility = observed.guestVisible(guest.vmid);
    const base = { entity: 'guest' as const, id: guest.id, vmid: guest.vmid, node: nodeOfHost(guest.host) };
    if (visibility !== 'visible') {
      push(
        ctx,
        {
          ...base,
          type: 'not-visible',
          message: inBoth('driftFinding.guestHidden.message', (lang) => ({ subject: subject[lang] })),
          fix: both('driftFinding.guestHidden.fix'),
        },
        entry?.entry,
      );
      continue;
    }
    push(
      ctx,
      {
        ...base,
        type: 'missing-from-proxmox',
        message: inBoth('driftFinding.guestGone.message', (lang) => ({ subject: subject[lang] })),
        fix: both('driftFinding.guestGone.fix', { at: where(entry?.entry) }),
      },
      entry?.entry,
    );
  }

  // ---- storage, by id
  const observedStorage = new Map<string, ObservedStorage[]>();
  for (const s of observed.storage) observedStorage.set(s.id, [...(observedStorage.get(s.id) ?? []), s]);
  const modelStorageIds = new Set(model.storage.map((s) => s.id));
  for (const [id, entries] of observedStorage) {
    if (modelStorageIds.has(id)) continue;
    const file = sectionFile('storage');
    const nodes = entries.map((e) => e.node);
    push(
      ctx,
      {
        type: 'missing-from-model',
        entity: 'storage',
        storage: id,
        node: nodes[0]!,
        observed: { storage: id, nodes, type: entries[0]!.plugintype ?? null },
        message: both('driftFinding.storageMissing.message', { id, nodes: nodes.join(', ') }),
        fix: both('driftFinding.storageMissing.fix', { file: file?.file, id, host: hostForNode(nodes[0]!)?.id ?? nodes[0]! }),
      },
      file,
    );
  }
  for (const pool of model.storage) {
    const entry = positions.find('storage', pool.id);
    if (!entry) continue;
    const entries = observedStorage.get(pool.id) ?? [];
    // Shared storage (Ceph, NFS, iSCSI) has no host of its own: any node that lists it will do.
    const node = pool.host !== undefined ? nodeOfHost(pool.host) : (entries[0]?.node ?? '');
    const base = { entity: 'storage' as const, id: pool.id, storage: pool.id, node };
    const subject = subjectOf('storage', pool.id);
    if (entries.length === 0) {
      const hidden = observed.storageVisible(pool.id) !== 'visible';
      push(
        ctx,
        hidden
          ? {
              ...base,
              type: 'not-visible',
              message: both('driftFinding.storageHidden.message', { id: pool.id }),
              fix: both('driftFinding.storageHidden.fix'),
            }
          : {
              ...base,
              type: 'missing-from-proxmox',
              message: both('driftFinding.storageGone.message', { id: pool.id }),
              fix: both('driftFinding.storageGone.fix', { at: where(entry.entry) }),
            },
        entry.entry,
      );
      continue;
    }
    const here = entries.find((e) => e.node === node);
    if (!here) {
      const nodes = entries.map((e) => e.node);
      const pos = entry.field('host') ?? entry.entry;
      const newHost = hostForNode(nodes[0]!)?.id ?? nodes[0]!;
      push(
        ctx,
        {
          ...base,
          type: 'moved',
          field: 'host',
          model: pool.host,
          observed: newHost,
          message: both('driftFinding.storageMoved.message', { id: pool.id, observed: nodes.join(', '), model: node }),
          fix: both('driftFinding.storageMoved.fix', { host: newHost, at: where(pos) }),
        },
        pos,
      );
      continue;
    }
    compareField(
      ctx,
      base,
      subject,
      entry,
      'usedPercent',
      pool.usedPercent,
      here.usedPercent,
      (a, b) => Math.abs((a as number) - (b as number)) < STORAGE_TOLERANCE_POINTS,
    );
  }

  const order: Record<DriftSeverity, number> = { drift: 0, unknown: 1, info: 2 };
  const entityOrder = { host: 0, guest: 1, storage: 2 };
  const findings = ctx.findings.sort(
    (a, b) =>
      order[a.severity] - order[b.severity] ||
      entityOrder[a.entity] - entityOrder[b.entity] ||
      (a.vmid ?? 0) - (b.vmid ?? 0) ||
      (a.node ?? '').localeCompare(b.node ?? '') ||
      (a.storage ?? '').localeCompare(b.storage ?? '') ||
      (a.field ?? '').localeCompare(b.field ?? '') ||
      a.type.localeCompare(b.type),
  );
  const counts = { drift: 0, unknown: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    source: observed.source,
    ...(observed.takenAt ? { takenAt: observed.takenAt } : {}),
    findings,
    counts,
    notes: observed.visibilityNotes,
  };
}

function compareGuest(
  ctx: Context,
  guest: Model['guests'][number],
  seen: ObservedGuest,
  subject: Text,
  hostForNode: (node: string) => Model['hosts'][number] | undefined,
  nodeOfHost: (hostId: string) => string,
): void {
  const entry = ctx.positions.find('guests', guest.id);
  if (!entry) return;
  const base = { entity: 'guest' as const, id: guest.id, vmid: seen.vmid, node: seen.node };
  const at = (field: string) => entry.field(field) ?? entry.entry;
  const set = (type: DriftType, field: string, modelValue: unknown, observedValue: unknown, message: Text, extra?: Text) => {
    const pos = at(field);
    push(
      ctx,
      {
        ...base,
        type,
        field,
        model: modelValue,
        observed: observedValue,
        message,
        fix: inBoth('driftFinding.guestField.fix', (lang) => ({
          field,
          value: yamlValue(observedValue),
          at: where(pos),
          extra: extra?.[lang],
        })),
      },
      pos,
    );
  };
  if (seen.name && seen.name !== guest.name) {
    const renamed = { observed: seen.name, model: guest.name };
    set(
      'renamed',
      'name',
      guest.name,
      seen.name,
      inBoth('driftFinding.renamed.message', (lang) => ({ subject: subject[lang], ...renamed })),
      both('driftFinding.renamed.extra'),
    );
  }
  const modelNode = nodeOfHost(guest.host);
  if (seen.node !== modelNode) {
    const host = hostForNode(seen.node);
    set(
      'moved',
      'host',
      guest.host,
      host?.id ?? seen.node,
      inBoth('driftFinding.guestMoved.message', (lang) => ({ subject: subject[lang], observed: seen.node, model: modelNode })),
      host ? undefined : both('driftFinding.guestMoved.extra', { node: seen.node }),
    );
  }
  if (seen.kind !== guest.kind) {
    set(
      'kind-changed',
      'kind',
      guest.kind,
      seen.kind,
      both('driftFinding.kindChanged.message', { vmid: seen.vmid, observed: seen.kind, model: guest.kind }),
    );
  }
  const observedStatus = seen.status === 'running' || seen.status === 'stopped' ? seen.status : undefined;
  if (observedStatus && observedStatus !== guest.status) {
    const start = guest.status === 'running' && observedStatus === 'stopped';
    set(
      'status-changed',
      'status',
      guest.status,
      observedStatus,
      inBoth('driftFinding.statusChanged.message', (lang) => ({ subject: subject[lang], observed: observedStatus, model: guest.status })),
      start ? both('driftFinding.statusChanged.extra', { command: `${seen.kind === 'lxc' ? 'pct' : 'qm'} start ${seen.vmid}` }) : undefined,
    );
  }
  const subj = subject;
  compareField(ctx, base, subj, entry, 'cores', guest.cores, seen.cores);
  compareField(ctx, base, subj, entry, 'memoryMb', guest.memoryMb, seen.memoryMb);
  compareField(ctx, base, subj, entry, 'diskGb', guest.diskGb, seen.diskGb, (a, b) => Math.abs((a as number) - (b as number)) < 0.05);
  const tags = [...new Set(seen.tags.map(tagAsId))].sort();
  compareField(ctx, base, subj, entry, 'tags', guest.tags ? [...guest.tags].sort() : undefined, tags.length ? tags : undefined);
  if (seen.configRead) {
    compareField(ctx, base, subj, entry, 'onboot', guest.onboot, seen.onboot);
    compareField(ctx, base, subj, entry, 'startupOrder', guest.startupOrder, seen.startupOrder);
    compareAddresses(ctx, base, subj, entry, guest, seen.ips);
  }
}

/** Why Proxmox lets an HA guest run on any node, or prefers none, in both languages. */
function haWhy(ha: ObservedHa, reason: 'nodes' | 'preferred'): Text {
  const p = ha.placement;
  if (!p) return both('driftHaWhy.none');
  const params = { source: p.source, name: p.name };
  if (reason === 'preferred') return both('driftHaWhy.sharedTop', params);
  return both(p.restricted ? 'driftHaWhy.allNodes' : 'driftHaWhy.notRestricted', params);
}

/**
 * An HA guest's `ha.group` and `ha.preferred` against its HA group (PVE 7/8) or node-affinity rule
 * (PVE 9), as observe() reads them. Only for a guest the model calls HA-managed, and only when the
 * answers hold the groups or the rules: without them nothing is said.
 */
function compareHa(
  ctx: Context,
  guest: Model['guests'][number],
  seen: ObservedGuest,
  ha: ObservedHa | undefined,
  subject: Text,
  hostForNode: (node: string) => Model['hosts'][number] | undefined,
  model: Model,
): void {
  const written = guest.ha;
  if (!written || !ha || !ha.placementKnown) return;
  const entry = ctx.positions.find('guests', guest.id);
  if (!entry) return;
  const base = { entity: 'guest' as const, id: guest.id, vmid: seen.vmid, node: seen.node };
  const toHost = (node: string) => hostForNode(node)?.id ?? node;
  const haEntry: EntryPosition = { entry: entry.field('ha') ?? entry.entry, field: (name) => entry.field(name) };
  const sameSet = (a: unknown, b: unknown) => JSON.stringify([...(a as string[])].sort()) === JSON.stringify([...(b as string[])].sort());
  // A model group of every node of the cluster says what no group says: any node.
  const clusterNodes = model.clusters.find((c) => c.id === written.cluster)?.nodes.map((n) => (typeof n === 'string' ? n : n.host));
  const everyNode = clusterNodes !== undefined && clusterNodes.every((n) => written.group?.includes(n));

  const observedGroup = ha.allowedNodes?.map(toHost);
  if (written.group !== undefined && observedGroup === undefined) {
    if (!everyNode) {
      const pos = entry.field('ha.group') ?? haEntry.entry;
      const value = yamlValue(written.group);
      push(
        ctx,
        {
          ...base,
          type: 'changed',
          field: 'ha.group',
          model: written.group,
          observed: null,
          message: inBoth('driftFinding.haAnyNode.message', (lang) => ({
            subject: subject[lang],
            why: haWhy(ha, 'nodes')[lang],
            model: value,
          })),
          fix: both('driftFinding.haAnyNode.fix', { at: where(pos) }),
        },
        pos,
      );
    }
  } else compareField(ctx, base, subject, haEntry, 'ha.group', written.group, observedGroup, sameSet);

  const observedPreferred = ha.preferredNode !== undefined ? toHost(ha.preferredNode) : undefined;
  if (written.preferred !== undefined && observedPreferred === undefined) {
    const pos = entry.field('ha.preferred') ?? haEntry.entry;
    const value = written.preferred;
    push(
      ctx,
      {
        ...base,
        type: 'changed',
        field: 'ha.preferred',
        model: value,
        observed: null,
        message: inBoth('driftFinding.haNoPreferred.message', (lang) => ({
          subject: subject[lang],
          why: haWhy(ha, 'preferred')[lang],
          model: value,
        })),
        fix: both('driftFinding.haNoPreferred.fix', { at: where(pos), model: value }),
      },
      pos,
    );
  } else compareField(ctx, base, subject, haEntry, 'ha.preferred', written.preferred, observedPreferred);
}
