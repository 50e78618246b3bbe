/**
 * Astro's incremental build reuses a page of the previous build when its cache key is unchanged.
 * One key for the whole site (src/site/input-key.ts) is never stale but re-renders every page when
 * anything changes; the most common edit — a guest's cores, memory or disk after resizing it in
 * Proxmox — shows on three kinds of page only. So the model enters the keys in two parts:
 *
 *   - the model without those resource fields, every audit finding (an audit may compare the
 *     totals with what the site states) and every drift finding (the model against the Proxmox
 *     snapshot, which names resources too): in every page's key;
 *   - the resource fields: only in the keys of the pages that show them — the guest's own page, its
 *     host's page (the guest table) and the overview (the totals).
 *
 * tests/site/build.test.ts changes all three fields of one guest and checks that the pages built
 * this way are byte for byte those of a full build. A page that starts to show a resource field
 * must get it into its key here. Pure.
 */
import { clusterNode } from '../model/schema/cluster.ts';
import { createHash } from 'node:crypto';
import type { Model } from '../model/schema/model.ts';
import type { AuditFinding } from '../analysis/types.ts';

/** Guest fields that only the pages named above show. */
export const RESOURCE_FIELDS = ['cores', 'memoryMb', 'diskGb'] as const;

export interface PageKeys {
  /** Every page that shows no resource field. */
  other: string;
  /** The overview, which shows the totals. */
  overview: string;
  /** An entity's page (`guest:id`, `host:id` …). */
  entity(key: string): string;
}

const sha = (...parts: string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part}\0`);
  return hash.digest('hex');
};

type Guest = Model['guests'][number];
const resources = (guest: Guest) => JSON.stringify(RESOURCE_FIELDS.map((field) => guest[field] ?? null));

/** `base`: the key of everything else the pages are made from (code, prose, settings). */
export function pageKeys(base: string, model: Model, derived: { audits: readonly AuditFinding[]; drift?: unknown }): PageKeys {
  const structure = {
    ...model,
    guests: model.guests.map((guest) => {
      const copy: Record<string, unknown> = { ...guest };
      for (const field of RESOURCE_FIELDS) delete copy[field];
      return copy;
    }),
  };
  const other = sha(base, JSON.stringify(structure), JSON.stringify(derived));
  const byHost = new Map<string, string[]>();
  for (const guest of [...model.guests].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    // An HA guest is shown on the page of every node it may run on, too.
    const cluster = guest.ha && model.clusters.find((c) => c.id === guest.ha!.cluster);
    const allowed = guest.ha?.group ?? cluster?.nodes.map((node) => clusterNode(node).host) ?? [];
    for (const host of new Set([guest.host, ...allowed]))
      byHost.set(host, [...(byHost.get(host) ?? []), `${guest.id}:${resources(guest)}`]);
  }
  const guests = new Map(model.guests.map((guest) => [`guest:${guest.id}`, guest]));
  return {
    other,
    overview: sha(other, 'overview', model.guests.map((guest) => `${guest.id}:${guest.status}:${resources(guest)}`).join('\n')),
    entity(key) {
      const guest = guests.get(key);
      if (guest) return sha(other, key, resources(guest));
      if (key.startsWith('host:')) return sha(other, key, (byHost.get(key.slice('host:'.length)) ?? []).join('\n'));
      return other;
    },
  };
}
