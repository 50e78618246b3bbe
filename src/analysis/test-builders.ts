/** Small synthetic models for analysis tests: every entity built from an id and only the fields a rule needs. */
import { ModelSchema, type Model } from '../model/schema/model.ts';
import { compileFailureGraph, propagate } from './propagate.ts';
import type { Outcome, State } from './types.ts';

type Obj = Record<string, unknown>;

export function model(sections: Obj): Model {
  return ModelSchema.parse({
    site: { name: 'Test', title: { nb: 'Test', en: 'Test' }, documented: '2025-01-01' },
    ...sections,
  });
}

export const host = (id: string, extra: Obj = {}) => ({ id, name: id, kind: 'proxmox', ...extra });
export const guest = (id: string, vmid: number, extra: Obj = {}) => ({
  id,
  name: id,
  vmid,
  kind: 'lxc',
  host: 'h',
  status: 'running',
  ...extra,
});
export const sys = (id: string, extra: Obj = {}) => ({
  id,
  name: id,
  category: 'automation',
  tier: 'comfort',
  decentralised: false,
  ...extra,
});
export const cap = (id: string, extra: Obj = {}) => ({
  id,
  name: id,
  title: { nb: `${id} (nb)`, en: `${id} (en)` },
  tier: 'comfort',
  ...extra,
});
export const power = (id: string, extra: Obj = {}) => ({ id, name: id, kind: 'grid', ...extra });
export const net = (id: string, extra: Obj = {}) => ({ id, name: id, kind: 'switch', ...extra });
export const scenario = (id: string, fails: string[], extra: Obj = {}) => ({
  id,
  title: { nb: `${id} nb`, en: `${id} en` },
  fails,
  ...extra,
});

export function run(m: Model, roots: string[] = []): Record<string, Outcome> {
  return propagate(compileFailureGraph(m), roots);
}

export function states(outcomes: Record<string, Outcome>): Record<string, State> {
  return Object.fromEntries(Object.entries(outcomes).map(([k, o]) => [k, o.state]));
}
