import { describe, expect, it } from 'vitest';
import {
  DRAWN_KINDS,
  ENTITY_KINDS,
  EQUIPMENT_KINDS,
  FAILING_KINDS,
  IMPLIED_KIND_OF_FIELD,
  KINDS,
  KIND_PATH,
  KIND_SECTIONS,
  REF_FIELD_NAMES,
  RUNBOOK_KINDS,
  fieldOfRelation,
} from './kinds.ts';
import { SECTION_NAMES } from './schema/model.ts';

/** The lists the registry replaced, as they were written by hand before (issue 16): derived, they are the same. */
describe('lists derived from the kind registry', () => {
  it('has the kinds of the reference grammar, in its order', () => {
    expect(Object.keys(KINDS)).toEqual([...ENTITY_KINDS]);
  });

  it('gives the sections, the model file sections and the URL segments', () => {
    expect(KIND_SECTIONS.map(([kind, section]) => `${kind}:${section}`)).toEqual([
      'location:locations', 'host:hosts', 'cluster:clusters', 'guest:guests', 'network:network', 'storage:storage', 'system:systems',
      'capability:capabilities', 'power:power', 'plan:plans', 'scenario:scenarios', 'note:notes',
    ]);
    expect(SECTION_NAMES).toEqual(['site', ...KIND_SECTIONS.map(([, section]) => section)]);
    expect(Object.values(KIND_PATH)).toEqual(KIND_SECTIONS.map(([, section]) => section));
  });

  it('gives the kinds that fail, are equipment, are drawn and are in the runbook', () => {
    expect([...FAILING_KINDS]).toEqual(['location', 'host', 'cluster', 'guest', 'network', 'storage', 'system', 'capability', 'power']);
    expect([...EQUIPMENT_KINDS].sort()).toEqual(['cluster', 'guest', 'host', 'network', 'power', 'storage']);
    expect(DRAWN_KINDS).toEqual(['power', 'network', 'host', 'cluster', 'storage', 'guest', 'system', 'capability']);
    expect([...RUNBOOK_KINDS].sort()).toEqual(['capability', 'cluster', 'guest', 'host', 'network', 'power', 'storage']);
  });

  it('marks a kind sensitive exactly when its schema has the sensitive field', () => {
    for (const kind of ENTITY_KINDS) {
      const shape = (KINDS[kind].schema as unknown as { shape: Record<string, unknown> }).shape;
      expect('sensitive' in shape, kind).toBe(KINDS[kind].sensitive);
    }
  });

  it('says once which fields are references, and with which relation', () => {
    expect([...REF_FIELD_NAMES].sort()).toEqual(
      [
        'about',
        'add',
        'adds',
        'afterMinutesFrom',
        'alsoFails',
        'between',
        'cluster',
        'docsCapability',
        'fails',
        'group',
        'host',
        'monitors',
        'nodes',
        'osdNodes',
        'preferred',
        'qdevice',
        'ref',
        'remove',
        'server',
        'to',
      ].sort(),
    );
    expect([...IMPLIED_KIND_OF_FIELD]).toEqual([
      ['nodes', 'host'],
      ['host', 'host'],
      ['cluster', 'cluster'],
      ['group', 'host'],
      ['preferred', 'host'],
      ['between', 'location'],
      ['osdNodes', 'host'],
      ['monitors', 'host'],
      ['to', 'host'],
    ]);
    expect(fieldOfRelation('storage', 'dependsOn')).toBe('server');
    expect(fieldOfRelation('guest', 'runsOn')).toBe('host');
    expect(fieldOfRelation('storage', 'partOf')).toBe('host');
    expect(fieldOfRelation('host', 'partOf')).toBeUndefined();
  });
});
