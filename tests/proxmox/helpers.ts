/** Shared by the Proxmox tests: fixtures read as raw answers, changed in memory, then compared. */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel } from '../../src/model/load-model.ts';
import { parseAnswers, type RawAnswers } from '../../src/proxmox/answers.ts';
import { readSnapshotDir } from '../../src/proxmox/snapshot-dir.ts';
import { observe } from '../../src/proxmox/observed.ts';
import { compareModel, type DriftReport } from '../../src/proxmox/drift.ts';
import { modelPositions } from '../../src/proxmox/model-positions.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'proxmox');
export const CLUSTER = join(FIXTURES, 'cluster');
export const CLUSTER_MODEL = join(FIXTURES, 'cluster-model');
/** Only the answers Proxmox VE 9 gives differently from ../cluster: see its README.md. */
export const CLUSTER_PVE9_OVERLAY = join(FIXTURES, 'cluster-pve9');

/** The cluster as PVE 9 answers it (HA rules, no HA groups), as a snapshot folder in a temporary place. */
export function pve9Snapshot(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'driftsbok-pve9-')), 'snapshot');
  cpSync(CLUSTER, dir, { recursive: true });
  rmSync(join(dir, 'ha-groups.json'));
  for (const file of readdirSync(CLUSTER_PVE9_OVERLAY).filter((f) => f.endsWith('.json')))
    cpSync(join(CLUSTER_PVE9_OVERLAY, file), join(dir, file));
  return dir;
}
export const SAGHAUGEN = join(FIXTURES, 'saghaugen');
export const SAGHAUGEN_MODEL = join(import.meta.dirname, '..', '..', 'model');

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The fixture's raw answers, with the JSON of some of them changed. */
export function rawWith(
  dir: string,
  change: {
    resources?: (r: Json[]) => Json[];
    config?: Record<number, (c: Json) => Json | undefined>;
    drop?: ('status' | 'storage' | 'ha' | 'haGroups' | 'haRules' | 'version')[];
    /** Replace one answer's JSON. */
    answer?: { name: 'ha' | 'haGroups' | 'haRules'; json: Json };
    permissions?: Json;
  } = {},
): RawAnswers {
  const raw = readSnapshotDir(dir);
  if (change.resources) raw.resources = { ...raw.resources, text: JSON.stringify(change.resources(JSON.parse(raw.resources.text))) };
  if (change.config) {
    raw.configs = raw.configs.flatMap((c) => {
      const fn = change.config![c.vmid];
      if (!fn) return [c];
      const next = fn(JSON.parse(c.text));
      return next === undefined ? [] : [{ ...c, text: JSON.stringify(next) }];
    });
  }
  for (const name of change.drop ?? []) delete raw[name];
  if (change.answer) raw[change.answer.name] = { where: `${change.answer.name}.json`, text: JSON.stringify(change.answer.json) };
  if (change.permissions) raw.permissions = { where: 'permissions.json', text: JSON.stringify(change.permissions) };
  return raw;
}

export function compare(raw: RawAnswers, modelDir: string): DriftReport {
  const loaded = loadModel(modelDir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems, null, 2));
  return compareModel(loaded.model, observe(parseAnswers(raw)), modelPositions(modelDir));
}

/** `resources` with one guest's entry changed. */
export function guest(vmid: number, change: (g: Json) => Json | undefined) {
  return (resources: Json[]) => resources.flatMap((r) => (r.vmid === vmid ? [change({ ...r })].filter(Boolean) : [r]));
}
