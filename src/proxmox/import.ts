/**
 * A starting model from what Proxmox reports, or new entries merged into an existing model.
 * Pure: takes the existing files' text and the observed state, returns the new text of each file
 * that changes. Merging never overwrites: an entry already in the model (guest by VMID, host by
 * node name, storage by id) only gains fields it does not have; everything a person wrote — values,
 * texts, comments, order — stays. Running it twice changes nothing the second time.
 *
 * What Proxmox cannot know (what a guest is for, where a host stands) is written as a TODO text in
 * both languages, which the `todo-text` audit reports as a warning until a person replaces it.
 * The cluster (from /cluster/status) is written as a `clusters:` entry whose nodes are the node
 * hosts; a single node without a cluster entry writes none. Each HA-managed guest (from
 * /cluster/ha/resources) gets an `ha:` block naming that cluster; `host` stays where it runs today.
 * Its HA group (PVE 7/8, /cluster/ha/groups) or node-affinity rule (PVE 9, /cluster/ha/rules) gives
 * `group` (the nodes it may run on) only when it is restricted/strict and names fewer nodes than the
 * cluster has, since a non-restricted one lets the guest run on any node when none of its nodes is
 * up; and `preferred` when one node's priority is above all others'. A comment says what was left out.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq, type Node } from 'yaml';
import type { Observed, ObservedGuest, ObservedHa, ObservedNode, ObservedStorage } from './observed.ts';
import { tagAsId } from './drift.ts';
import { TODO_MARK } from '../analysis/audits.ts';
import { both, t } from '../i18n/store.ts';

/** Every TODO text starts with this; the `todo-text` audit looks for it. */
export const TODO_PREFIX = TODO_MARK;

/** A TODO text in both languages: the mark, then what to write (src/i18n/words/import.ts). */
const todo = (what: 'host' | 'guest' | 'purpose' | 'storage' | 'cluster' | 'site') => ({
  nb: `${TODO_PREFIX} ${t('nb', `import.todo.${what}`)}`,
  en: `${TODO_PREFIX} ${t('en', `import.todo.${what}`)}`,
});

export const TODO_TEXT = {
  host: todo('host'),
  guest: todo('guest'),
  purpose: todo('purpose'),
  storage: todo('storage'),
  cluster: todo('cluster'),
  site: todo('site'),
} as const;

export interface ImportResult {
  /** File name (in the model folder) → new text, only for files that change. */
  files: Map<string, string>;
  /** What was added, one line each, in English (the command prints them). */
  added: string[];
  /** What Proxmox reports that the model has no place for yet. */
  leftOut: string[];
}

type Plain = Record<string, unknown>;

const ID_OK = /^[a-z0-9][a-z0-9-]*$/;
export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return ID_OK.test(s) ? s : '';
}

const STORAGE_KIND: Record<string, 'local' | 'lvm-thin' | 'external'> = {
  dir: 'local',
  lvmthin: 'lvm-thin',
  nfs: 'external',
  cifs: 'external',
  pbs: 'external',
  cephfs: 'external',
  rbd: 'external',
  iscsi: 'external',
  iscsidirect: 'external',
  glusterfs: 'external',
  esxi: 'external',
};

interface FileDoc {
  name: string;
  doc: Document;
  original: string;
  changed: boolean;
}

/** The fields Proxmox knows about a guest, in the order a person would write them. */
function guestFields(g: ObservedGuest, hostId: string, ha: Plain | undefined): Plain {
  const tags = [...new Set(g.tags.map(tagAsId))].sort();
  return {
    name: g.name ?? `guest-${g.vmid}`,
    vmid: g.vmid,
    kind: g.kind,
    host: hostId,
    ...(ha ? { ha } : {}),
    status: g.status === 'running' || g.status === 'stopped' ? g.status : 'stopped',
    ...(g.cores !== undefined ? { cores: g.cores } : {}),
    ...(g.memoryMb !== undefined ? { memoryMb: g.memoryMb } : {}),
    ...(g.diskGb !== undefined ? { diskGb: g.diskGb } : {}),
    ...(tags.length ? { tags } : {}),
    ...(g.onboot !== undefined ? { onboot: g.onboot } : {}),
    ...(g.startupOrder !== undefined ? { startupOrder: g.startupOrder } : {}),
    ...(g.ips[0] ? { ip: g.ips[0] } : {}),
  };
}

function hostFields(n: ObservedNode, observed: Observed, version: string | undefined): Plain {
  const zones = [
    ...new Set(
      observed.sdnZones
        .filter((z) => z.node === n.name)
        .map((z) => z.id)
        .filter((id) => ID_OK.test(id)),
    ),
  ].sort();
  return {
    name: n.name,
    kind: 'proxmox',
    ...(n.ip ? { ip: n.ip } : {}),
    ...(version ? { proxmoxVersion: version } : {}),
    ...(zones.length ? { sdnZones: zones.map((id) => ({ id })) } : {}),
  };
}

function storageFields(entries: ObservedStorage[], hostId: string): Plain {
  const first = entries[0]!;
  const kind = first.plugintype ? (STORAGE_KIND[first.plugintype] ?? 'other') : undefined;
  return {
    name: first.id,
    host: hostId,
    ...(kind ? { kind } : {}),
    ...(first.usedPercent !== undefined ? { usedPercent: first.usedPercent } : {}),
  };
}

/** A line without the spaces just inside `{ }` and `[ ]`, which YAML does not care about. */
const unpadded = (line: string) => line.replace(/([{[]) +/g, '$1').replace(/ +([}\]])/g, '$1');

/**
 * A changed file is written again whole, with flow collections unpadded (`[a, b]`, `{a: 1}`); a line
 * that is the same as one a person wrote but for that spacing (`{ host: pve2, votes: 2 }`) is put
 * back as they wrote it. Only when the result still means the same as the written text.
 */
function keepFlowSpacing(text: string, original: string): string {
  if (!original) return text;
  const written = new Map<string, string>();
  for (const line of original.split('\n')) if (/[{[]/.test(line)) written.set(unpadded(line), line);
  const kept = text
    .split('\n')
    .map((line) => (/[{[]/.test(line) ? (written.get(unpadded(line)) ?? line) : line))
    .join('\n');
  if (kept === text) return text;
  const same =
    JSON.stringify(parseDocument(kept, { schema: 'core' }).toJS()) === JSON.stringify(parseDocument(text, { schema: 'core' }).toJS());
  return same ? kept : text;
}

export function importModel(existing: Map<string, string>, observed: Observed, options: { today: string }): ImportResult {
  const docs: FileDoc[] = [...existing.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, text]) => ({ name, doc: parseDocument(text, { schema: 'core', uniqueKeys: true }), original: text, changed: false }));
  for (const d of docs) {
    if (d.doc.errors.length) throw new Error(`${d.name}: ${d.doc.errors[0]!.message} (fix the YAML first; nothing was written)`);
  }
  const added: string[] = [];
  const leftOut: string[] = [];

  const sectionIn = (section: string) => {
    for (const d of docs) {
      const node = d.doc.get(section, true);
      if (isSeq(node)) return { file: d, seq: node as YAMLSeq };
    }
    return undefined;
  };
  const ensureSection = (section: string): { file: FileDoc; seq: YAMLSeq } => {
    const found = sectionIn(section);
    if (found) return found;
    const name = `${section}.yaml`;
    let file = docs.find((d) => d.name === name);
    if (!file) {
      const doc = new Document({}, { schema: 'core' }) as Document;
      doc.commentBefore = ` Written by \`npm run import\` from Proxmox; edit freely: a later import only adds what is new.`;
      file = { name, doc, original: '', changed: true };
      docs.push(file);
    }
    const seq = new YAMLSeq();
    file.doc.set(section, seq);
    file.changed = true;
    return { file, seq };
  };
  const items = (section: string): YAMLMap[] =>
    docs.flatMap((d) => {
      const node = d.doc.get(section, true);
      return isSeq(node) ? (node.items.filter((i) => isMap(i)) as YAMLMap[]) : [];
    });
  const scalar = (map: YAMLMap, key: string): unknown => {
    const v = map.get(key, true);
    return isScalar(v) ? v.value : undefined;
  };
  const fileOf = (map: YAMLMap) =>
    docs.find((d) => {
      let found = false;
      for (const section of ['hosts', 'clusters', 'guests', 'storage']) {
        const node = d.doc.get(section, true);
        if (isSeq(node) && node.items.includes(map)) found = true;
      }
      return found;
    })!;
  const takenIds = (section: string) => new Set(items(section).map((m) => String(scalar(m, 'id'))));
  const freshId = (section: string, wanted: string, fallback: string) => {
    const ids = takenIds(section);
    const base = slug(wanted) || fallback;
    if (!ids.has(base)) return base;
    let n = 2;
    while (ids.has(`${base}-${n}`)) n++;
    return `${base}-${n}`;
  };
  const toNode = (doc: Document, value: unknown): Node => {
    const node = doc.createNode(value) as Node;
    if (isSeq(node) && node.items.every((i) => isScalar(i))) (node as YAMLSeq).flow = true;
    if (isMap(node))
      for (const pair of (node as YAMLMap).items) {
        if (isSeq(pair.value) && (pair.value as YAMLSeq).items.every((i) => isScalar(i))) (pair.value as YAMLSeq).flow = true;
        // `ha: { cluster: lia, group: [pve1, pve2] }`, as the README writes it.
        if (isScalar(pair.key) && pair.key.value === 'ha' && isMap(pair.value)) (pair.value as YAMLMap).flow = true;
      }
    return node;
  };
  /** Adds the fields a hand-written entry lacks; never changes one it has. */
  const fillIn = (map: YAMLMap, fields: Plain, label: string) => {
    const file = fileOf(map);
    // `ip` is shorthand for `reach.ips`: an entry that lists its addresses there has them already.
    const missing = Object.entries(fields).filter(([k]) => !map.has(k) && !(k === 'ip' && map.hasIn(['reach', 'ips'])));
    for (const [key, value] of missing) {
      const node = toNode(file.doc, value);
      if (key === 'ha' && isMap(node)) (node as YAMLMap).flow = true;
      map.set(key, node);
    }
    if (missing.length) {
      file.changed = true;
      added.push(`${label}: added ${missing.map(([k]) => k).join(', ')} (${file.name})`);
    }
  };
  const append = (section: string, entry: Plain, label: string, comment?: string) => {
    const { file, seq } = ensureSection(section);
    const node = toNode(file.doc, entry);
    if (seq.items.length) node.spaceBefore = true;
    if (comment) node.commentBefore = comment;
    seq.items.push(node);
    file.changed = true;
    added.push(`${label} (${file.name})`);
  };

  // ---- site, when no file has one
  if (!docs.some((d) => d.doc.has('site'))) {
    const name = observed.cluster?.name ?? observed.nodes[0]?.name ?? 'Proxmox';
    const file = {
      name: 'site.yaml',
      doc: new Document({}, { schema: 'core' }) as Document,
      original: existing.get('site.yaml') ?? '',
      changed: true,
    };
    file.doc.commentBefore = ' Written by `npm run import`. Replace the TODO texts; `npm run check` lists them.';
    file.doc.set(
      'site',
      file.doc.createNode({
        name,
        title: both('import.siteTitle', { name }),
        description: TODO_TEXT.site,
        documented: (observed.takenAt ?? options.today).slice(0, 10),
        locales: ['nb', 'en'],
      }),
    );
    const locales = (file.doc.get('site', true) as YAMLMap).get('locales', true) as unknown;
    if (isSeq(locales)) locales.flow = true;
    docs.push(file);
    added.push(`site ${name} (site.yaml)`);
  }

  // ---- hosts, by node name
  const hostFor = (node: string) => items('hosts').find((m) => scalar(m, 'name') === node || scalar(m, 'id') === node);
  const localNode = observed.localNode ?? (observed.nodes.length === 1 ? observed.nodes[0]!.name : undefined);
  for (const n of observed.nodes) {
    const fields = hostFields(n, observed, n.name === localNode ? observed.version : undefined);
    const existingHost = hostFor(n.name);
    if (existingHost) fillIn(existingHost, fields, `host ${n.name}`);
    else {
      const id = freshId('hosts', n.name, `node-${observed.nodes.indexOf(n) + 1}`);
      append('hosts', { id, ...fields, description: TODO_TEXT.host }, `host ${id}`);
    }
  }
  const hostIdFor = (node: string) => String(scalar(hostFor(node)!, 'id'));

  // ---- the cluster, by name (or by a node it shares); a single node without a cluster entry has none
  const nodeHostIds = observed.nodes.map((n) => hostIdFor(n.name));
  const nodesOf = (cluster: YAMLMap): string[] => {
    const seq = cluster.get('nodes', true);
    if (!isSeq(seq)) return [];
    return seq.items.flatMap((i) => (isScalar(i) ? [String(i.value)] : isMap(i) ? [String(scalar(i, 'host'))] : []));
  };
  const clusterOfHost = (hostId: string) => {
    const found = items('clusters').find((c) => nodesOf(c).includes(hostId));
    return found ? String(scalar(found, 'id')) : undefined;
  };
  if (observed.cluster) {
    const { name } = observed.cluster;
    const existingCluster =
      items('clusters').find((c) => scalar(c, 'name') === name || scalar(c, 'id') === slug(name)) ??
      items('clusters').find((c) => nodesOf(c).some((h) => nodeHostIds.includes(h)));
    if (existingCluster) {
      const id = String(scalar(existingCluster, 'id'));
      // A node that joined since is added at the end; every node a person wrote stays as written.
      const seq = existingCluster.get('nodes', true);
      const have = new Set(nodesOf(existingCluster));
      const fresh = nodeHostIds.filter((h) => !have.has(h) && clusterOfHost(h) === undefined);
      if (isSeq(seq) && fresh.length) {
        const file = fileOf(existingCluster);
        for (const h of fresh) seq.items.push(file.doc.createNode(h));
        file.changed = true;
        added.push(`cluster ${id}: added nodes ${fresh.join(', ')} (${file.name})`);
      }
      fillIn(existingCluster, { name }, `cluster ${id}`);
    } else {
      const id = freshId('clusters', name, 'cluster');
      append('clusters', { id, name, nodes: nodeHostIds, description: TODO_TEXT.cluster }, `cluster ${id}`);
    }
  }

  // ---- guests, by VMID
  const haByVmid = new Map(observed.ha.filter((h) => h.vmid !== undefined).map((h) => [h.vmid!, h]));
  /** The `ha` block of an HA-managed guest: its cluster, and its group's nodes when the answers hold them. */
  const haFields = (g: ObservedGuest, hostId: string): Plain | undefined => {
    const ha = haByVmid.get(g.vmid);
    if (!ha || ha.state === 'ignored') return undefined;
    const cluster = clusterOfHost(hostId);
    if (cluster === undefined) {
      leftOut.push(
        `HA resource ${ha.sid}: neither the answers (cluster-status.json) nor a cluster of the model has node ${hostId}; ha is left out`,
      );
      return undefined;
    }
    const group = ha.allowedNodes?.map(hostIdFor);
    // A group that does not hold the node it runs on today would not pass the check: leave it to a person.
    const groupOk = group !== undefined && group.includes(hostId);
    const preferred = ha.preferredNode !== undefined ? hostIdFor(ha.preferredNode) : undefined;
    return { cluster, ...(groupOk ? { group } : {}), ...(preferred !== undefined ? { preferred } : {}) };
  };
  /** Why a new HA guest's block says less than Proxmox's group or rule, as a comment above it. */
  const haNote = (g: ObservedGuest, ha: ObservedHa, block: Plain): string | undefined => {
    const p = ha.placement;
    if (!ha.placementKnown)
      return ha.group
        ? ` HA group ${ha.group} in Proxmox: its nodes were not in the answers, so ha.group is left out (any node of the cluster).`
        : undefined;
    // A group or rule that names every node of the cluster leaves the guest on any node either way.
    if (!p || observed.nodes.every((n) => p.nodes.some((m) => m.node === n.name))) return undefined;
    const what = `HA ${p.source === 'group' ? 'group' : 'rule'} ${p.name} in Proxmox (${p.nodes.map((n) => (n.priority ? `${n.node}:${n.priority}` : n.node)).join(', ')})`;
    if (!p.restricted)
      return ` ${what} is not ${p.source === 'group' ? 'restricted' : 'strict'}: the guest may run on any node when none of them is up, so ha.group is left out (any node of the cluster)${'preferred' in block ? '; preferred is its highest-priority node' : ''}.`;
    if (ha.allowedNodes && !('group' in block))
      return ` ${what} does not hold ${g.node}, where the guest runs today, so ha.group is left out; write it once the guest runs on one of its nodes.`;
    return undefined;
  };
  for (const g of observed.guests) {
    const ha = haByVmid.get(g.vmid);
    if (g.template) {
      leftOut.push(`template ${g.vmid}${g.name ? ` (${g.name})` : ''}: templates are not guests the model documents`);
      continue;
    }
    const hostId = hostIdFor(g.node);
    const haBlock = haFields(g, hostId);
    const fields = guestFields(g, hostId, haBlock);
    const existingGuest = items('guests').find((m) => Number(scalar(m, 'vmid')) === g.vmid);
    if (existingGuest) {
      const { name: _name, vmid: _vmid, kind: _kind, host: _host, status: _status, ...rest } = fields;
      fillIn(existingGuest, rest, `guest ${scalar(existingGuest, 'id')} (${g.vmid})`);
      continue;
    }
    const id = freshId('guests', g.name ?? '', `guest-${g.vmid}`);
    const notes = [
      ...(g.status !== 'running' && g.status !== 'stopped'
        ? [` Proxmox reported status "${g.status}"; check whether it should be running or stopped.`]
        : []),
      ...(ha && haBlock ? [haNote(g, ha, haBlock)].filter((n): n is string => n !== undefined) : []),
      ...(ha && !haBlock ? [` HA resource ${ha.sid} in Proxmox${ha.state ? ` (state ${ha.state})` : ''}; ha is left out.`] : []),
      ...(g.tags.some((t) => tagAsId(t) !== t) ? [` Proxmox tags ${g.tags.join(';')} were made into ids.`] : []),
    ];
    append(
      'guests',
      { id, ...fields, description: TODO_TEXT.guest, purpose: TODO_TEXT.purpose },
      `guest ${id} (${g.vmid})`,
      notes.length ? notes.join('\n') : undefined,
    );
  }

  // ---- storage, by id (one entry per id; shared storage is listed once per node by Proxmox)
  const byId = new Map<string, ObservedStorage[]>();
  for (const s of observed.storage) byId.set(s.id, [...(byId.get(s.id) ?? []), s]);
  for (const [id, entries] of byId) {
    const existingPool = items('storage').find((m) => scalar(m, 'id') === id);
    const ownerNode = existingPool
      ? (observed.nodes.find((n) => hostIdFor(n.name) === scalar(existingPool, 'host'))?.name ?? entries[0]!.node)
      : entries[0]!.node;
    const mine = entries.filter((e) => e.node === ownerNode);
    const fields = storageFields(mine.length ? mine : entries, hostIdFor(ownerNode));
    if (existingPool) {
      const { name: _name, host: _host, ...rest } = fields;
      fillIn(existingPool, rest, `storage ${id}`);
      continue;
    }
    if (!ID_OK.test(id)) {
      leftOut.push(`storage ${id}: its id is not a valid model id; add it by hand with an id of lower-case letters, digits and dashes`);
      continue;
    }
    const nodes = entries.map((e) => e.node);
    const comment =
      nodes.length > 1
        ? ` Proxmox lists it on ${nodes.join(', ')}${entries[0]!.shared ? ' (shared)' : ''}; the model gives storage one host.`
        : undefined;
    append('storage', { id, ...fields, description: TODO_TEXT.storage }, `storage ${id}`, comment);
  }

  const files = new Map<string, string>();
  for (const d of docs) {
    if (!d.changed) continue;
    const text = keepFlowSpacing(d.doc.toString({ lineWidth: 0, flowCollectionPadding: false }), d.original);
    if (text !== d.original) files.set(d.name, text);
  }
  return { files, added, leftOut };
}
