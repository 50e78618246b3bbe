/**
 * How to reach a host, guest or network device: what the model says (`reach`, or the `ip`
 * shorthand), plus what follows from the kind of thing without guessing anything about the site —
 * a Proxmox host's web interface is https://<ip>:8006 unless the model says otherwise, and an LXC
 * container can always be entered from its host with `pct enter <vmid>`. Pure.
 */
import type { EntityRecord } from '../model/entities.ts';
import type { Reach } from '../model/schema/reach.ts';
import type { LocalizedProse } from '../model/schema/common.ts';

/** Proxmox VE serves its web interface on this port unless configured otherwise. */
export const PROXMOX_WEB_PORT = 8006;

/** Network elements that are devices one can address (not links, providers or SDN zones). */
const NETWORK_DEVICE_KINDS = new Set(['gateway', 'switch', 'access-point', 'camera']);

export interface ResolvedReach {
  /** Every address the model gives, the one to use first first. */
  ips: string[];
  webUi?: { url: string; /** Worked out from the kind (Proxmox: port 8006), not written in the model. */ derived: boolean };
  ssh?: string;
  /** How to get a console; `on` is the host key where the command is typed. */
  console?: { text: string; derived: boolean; on?: string };
  note?: LocalizedProse;
}

/** Whether addresses make sense for this entity: hosts, guests and network devices that exist. */
export function isReachable(record: EntityRecord): boolean {
  const { kind, entity } = record;
  if (entity.status === 'planned') return false;
  if (kind === 'host' || kind === 'guest') return true;
  return kind === 'network' && NETWORK_DEVICE_KINDS.has(String(entity.kind));
}

/** What the model says and what follows from it; undefined for entities without addresses. */
export function reachOf(record: EntityRecord): ResolvedReach | undefined {
  if (!isReachable(record)) return undefined;
  const entity = record.entity as { reach?: Reach; ip?: string; kind?: string; vmid?: number; host?: string };
  const reach = entity.reach ?? {};
  const ips = [...new Set([...(reach.ips ?? []), ...(entity.ip ? [entity.ip] : [])])];
  const out: ResolvedReach = { ips };
  if (reach.webUi) out.webUi = { url: reach.webUi, derived: false };
  else if (record.kind === 'host' && entity.kind === 'proxmox' && ips[0]) {
    out.webUi = { url: `https://${ips[0]}:${PROXMOX_WEB_PORT}`, derived: true };
  }
  if (reach.ssh) out.ssh = reach.ssh;
  if (reach.console) out.console = { text: reach.console, derived: false, ...(entity.host ? { on: `host:${entity.host}` } : {}) };
  else if (record.kind === 'guest' && entity.kind === 'lxc' && entity.vmid !== undefined) {
    out.console = { text: `pct enter ${entity.vmid}`, derived: true, ...(entity.host ? { on: `host:${entity.host}` } : {}) };
  }
  if (reach.note) out.note = reach.note;
  return out;
}
