import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageKeys } from './page-keys.ts';
import { loadModel } from '../model/load-model.ts';
import type { Model } from '../model/schema/model.ts';

const loaded = loadModel(join(import.meta.dirname, '../../tests/fixtures/models/mini/model'));
if (!loaded.ok) throw new Error('the mini fixture does not load');
const model: Model = loaded.model;

const withGuest = (id: string, change: Record<string, unknown>): Model => ({
  ...model,
  guests: model.guests.map((g) => (g.id === id ? { ...g, ...change } : g)),
});
const keysOf = (m: Model) => pageKeys('base', m, { audits: [] });

describe('page keys', () => {
  const before = keysOf(model);
  const other = model.guests.find((g) => g.id !== 'files' && g.host === 'fs-node')!;

  it("a guest's memory changes its page, its host's page and the overview, and no other page", () => {
    const after = keysOf(withGuest('files', { memoryMb: 4096 }));
    expect(after.entity('guest:files')).not.toBe(before.entity('guest:files'));
    expect(after.entity('host:fs-node')).not.toBe(before.entity('host:fs-node'));
    expect(after.overview).not.toBe(before.overview);
    expect(after.other).toBe(before.other);
    expect(after.entity(`guest:${other.id}`)).toBe(before.entity(`guest:${other.id}`));
  });

  it('anything else about a guest changes every page', () => {
    const after = keysOf(withGuest('files', { status: 'stopped' }));
    expect(after.other).not.toBe(before.other);
    expect(after.entity(`guest:${other.id}`)).not.toBe(before.entity(`guest:${other.id}`));
  });

  it('an audit or drift finding, or the code and prose (the base), changes every page', () => {
    const finding = { rule: 'x', severity: 'warning', entities: [], message: { nb: 'a', en: 'a' } } as never;
    expect(pageKeys('base', model, { audits: [finding] }).other).not.toBe(before.other);
    expect(pageKeys('base', model, { audits: [], drift: { findings: ['memory'] } }).other).not.toBe(before.other);
    expect(pageKeys('other base', model, { audits: [] }).entity('guest:files')).not.toBe(before.entity('guest:files'));
  });
});
