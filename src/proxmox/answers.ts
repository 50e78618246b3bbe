/**
 * One parser for Proxmox's JSON, whichever way it arrived: a snapshot folder written by
 * scripts/proxmox-snapshot.sh (`pvesh get … --output-format json`) or the live API (`{"data": …}`).
 * Both hand over raw text per endpoint; this module checks size, JSON and shape, and says clearly
 * which answer is wrong and how. It never touches the file system or the network.
 */
import type { z } from 'zod';
import { DriftsbokError } from '../errors.ts';
import {
  ClusterResourcesSchema,
  ClusterStatusSchema,
  GuestConfigSchema,
  HaGroupsSchema,
  HaResourcesSchema,
  HaRulesSchema,
  PermissionsSchema,
  StorageConfigSchema,
  VersionSchema,
  type ClusterResource,
  type ClusterStatusItem,
  type GuestConfig,
  type HaGroup,
  type HaResource,
  type HaRule,
  type Permissions,
  type PveVersion,
  type StorageConfigItem,
} from './schemas.ts';

/** Larger answers are refused before parsing: a 200-guest cluster's resources are ~100 KB. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** An answer that could not be used. `where` names the file or URL. */
export class ProxmoxReadError extends DriftsbokError {
  readonly where: string;
  readonly problem: string;
  readonly hint: string;
  constructor(where: string, problem: string, hint: string) {
    // Four spaces: the drift and import commands print it as an item under their own line.
    super(`${where}: ${problem}`, hint, { indent: '    ' });
    this.where = where;
    this.problem = problem;
    this.hint = hint;
  }
}

/** The endpoints driftsbok reads, with the snapshot file each is saved in. */
export const ENDPOINTS = {
  resources: { path: '/cluster/resources', file: 'cluster-resources.json' },
  status: { path: '/cluster/status', file: 'cluster-status.json' },
  storage: { path: '/storage', file: 'storage.json' },
  ha: { path: '/cluster/ha/resources', file: 'ha-resources.json' },
  /** PVE 7 and 8: HA groups (PVE 9 has none once they are migrated to rules). */
  haGroups: { path: '/cluster/ha/groups', file: 'ha-groups.json' },
  /** PVE 9: HA rules (node-affinity replaces groups). */
  haRules: { path: '/cluster/ha/rules', file: 'ha-rules.json' },
  version: { path: '/version', file: 'version.json' },
  permissions: { path: '/access/permissions', file: 'permissions.json' },
} as const;
export type EndpointName = keyof typeof ENDPOINTS;

export interface RawGuestConfig {
  node: string;
  kind: 'qemu' | 'lxc';
  vmid: number;
  /** Where it came from (file or URL), for messages. */
  where: string;
  text: string;
}

/** What a snapshot or the API handed over: raw text per endpoint; only resources is required. */
export interface RawAnswers {
  resources: { where: string; text: string };
  status?: { where: string; text: string };
  storage?: { where: string; text: string };
  ha?: { where: string; text: string };
  haGroups?: { where: string; text: string };
  haRules?: { where: string; text: string };
  version?: { where: string; text: string };
  permissions?: { where: string; text: string };
  configs: RawGuestConfig[];
  /** When the answers were taken (ISO 8601), when known. */
  takenAt?: string;
  source: { kind: 'snapshot' | 'api'; where: string };
}

export interface ProxmoxAnswers {
  resources: ClusterResource[];
  status?: ClusterStatusItem[];
  storage?: StorageConfigItem[];
  ha?: HaResource[];
  haGroups?: HaGroup[];
  haRules?: HaRule[];
  version?: PveVersion;
  permissions?: Permissions;
  configs: { node: string; kind: 'qemu' | 'lxc'; vmid: number; config: GuestConfig }[];
  takenAt?: string;
  source: { kind: 'snapshot' | 'api'; where: string };
}

/** Keys that identify another endpoint's answer, so a mix-up is named rather than just refused. */
function guessEndpoint(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (!first || typeof first !== 'object') return undefined;
  const keys = new Set(Object.keys(first));
  if (keys.has('repoid') || (keys.has('version') && keys.has('release'))) return '/version';
  if (keys.has('sid')) return '/cluster/ha/resources';
  if (keys.has('rule') && keys.has('type')) return '/cluster/ha/rules';
  if (keys.has('group') && keys.has('nodes')) return '/cluster/ha/groups';
  if (keys.has('storage') && keys.has('type') && !keys.has('id')) return '/storage';
  if (keys.has('type') && keys.has('name') && (keys.has('quorate') || keys.has('nodeid') || keys.has('local'))) return '/cluster/status';
  if (keys.has('id') && keys.has('type')) return '/cluster/resources';
  if (keys.has('hostname') || keys.has('rootfs') || keys.has('ostype') || keys.has('memory')) return 'a guest config';
  return undefined;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') {
    const keys = Object.keys(value as object);
    return `an object with keys ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}`;
  }
  return `a ${typeof value}`;
}

/** JSON text → the answer's data (`{"data": …}` from the API is unwrapped). */
export function parseAnswerJson(where: string, text: string, endpoint: string): unknown {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_ANSWER_BYTES) {
    throw new ProxmoxReadError(
      where,
      `the answer is too large (${bytes} bytes; the limit is ${MAX_ANSWER_BYTES})`,
      `this is not what ${endpoint} answers for a small site; check that the file is the output of \`pvesh get ${endpoint} --output-format json\``,
    );
  }
  if (text.trim() === '')
    throw new ProxmoxReadError(
      where,
      'the answer is empty',
      `run \`pvesh get ${endpoint} --output-format json\` again and check that it printed JSON`,
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ProxmoxReadError(
      where,
      `not valid JSON (${(error as Error).message})`,
      `use \`--output-format json\` with pvesh (the default output is a text table), and check the file is complete`,
    );
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && 'data' in value && Object.keys(value).length <= 3) {
    value = (value as { data: unknown }).data;
  }
  return value;
}

function validate<S extends z.ZodType>(schema: S, where: string, endpoint: string, value: unknown, expectList: boolean): z.infer<S> {
  if (expectList !== Array.isArray(value)) {
    const other = guessEndpoint(value);
    throw new ProxmoxReadError(
      where,
      `expected ${expectList ? 'a list' : 'an object'} (the answer of ${endpoint}), got ${describe(value)}${other && other !== endpoint ? `; this looks like the answer of ${other}` : ''}`,
      `save the output of \`pvesh get ${endpoint} --output-format json\` here`,
    );
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  const got = issue.path.reduce<unknown>(
    (v, p) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p as PropertyKey] : undefined),
    value,
  );
  const other = guessEndpoint(value);
  throw new ProxmoxReadError(
    where,
    `${path || '(top)'}: ${issue.message}${got !== undefined && typeof got !== 'object' ? ` (got ${JSON.stringify(got)})` : ''}${
      result.error.issues.length > 1
        ? ` and ${result.error.issues.length - 1} more problem${result.error.issues.length === 2 ? '' : 's'}`
        : ''
    }`,
    other && other !== endpoint
      ? `this looks like the answer of ${other}, not ${endpoint}`
      : `is this the output of \`pvesh get ${endpoint} --output-format json\` from a supported Proxmox VE (7, 8 or 9)? A newer Proxmox may need a newer driftsbok`,
  );
}

/** Checks every answer; throws ProxmoxReadError on the first that cannot be used. */
export function parseAnswers(raw: RawAnswers): ProxmoxAnswers {
  const one = <S extends z.ZodType>(name: EndpointName, schema: S, list: boolean): z.infer<S> | undefined => {
    const answer = raw[name];
    if (!answer) return undefined;
    const endpoint = ENDPOINTS[name].path;
    return validate(schema, answer.where, endpoint, parseAnswerJson(answer.where, answer.text, endpoint), list);
  };
  const resources = one('resources', ClusterResourcesSchema, true)!;
  // Guests and storage need their keys; a guest without vmid/node cannot be compared.
  resources.forEach((r, i) => {
    const needs =
      r.type === 'qemu' || r.type === 'lxc'
        ? (['vmid', 'node'] as const)
        : r.type === 'storage'
          ? (['storage', 'node'] as const)
          : r.type === 'node'
            ? (['node'] as const)
            : [];
    for (const key of needs) {
      if (r[key] === undefined) {
        throw new ProxmoxReadError(
          raw.resources.where,
          `[${i}] (${r.type} ${r.id}) has no "${key}"`,
          'Proxmox always sends it; check that the file was not edited or cut',
        );
      }
    }
  });
  return {
    resources,
    status: one('status', ClusterStatusSchema, true),
    storage: one('storage', StorageConfigSchema, true),
    ha: one('ha', HaResourcesSchema, true),
    haGroups: one('haGroups', HaGroupsSchema, true),
    haRules: one('haRules', HaRulesSchema, true),
    version: one('version', VersionSchema, false),
    permissions: one('permissions', PermissionsSchema, false),
    configs: raw.configs.map((c) => {
      const endpoint = `/nodes/${c.node}/${c.kind}/${c.vmid}/config`;
      return {
        node: c.node,
        kind: c.kind,
        vmid: c.vmid,
        config: validate(GuestConfigSchema, c.where, endpoint, parseAnswerJson(c.where, c.text, endpoint), false),
      };
    }),
    ...(raw.takenAt ? { takenAt: raw.takenAt } : {}),
    source: raw.source,
  };
}
