import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelJsonSchema, SCHEMA_FILE } from '../../src/model/json-schema.ts';

describe('model/schema/model.schema.json', () => {
  it('is up to date with the zod schemas (run `npm run schema` when this fails)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(modelJsonSchema());
  });

  it('describes every section and carries the field descriptions', () => {
    const schema = JSON.parse(modelJsonSchema());
    expect(Object.keys(schema.properties)).toEqual([
      'site', 'locations', 'hosts', 'clusters', 'guests', 'network', 'storage', 'systems', 'capabilities', 'power', 'plans', 'scenarios', 'notes',
    ]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.$defs.Guest.properties.memoryMb.description).toBe('Memory in MB as Proxmox shows it.');
    expect(schema.$defs.Guest.required).toEqual(expect.arrayContaining(['id', 'name', 'vmid', 'kind', 'host', 'status']));
    // Input types: defaulted fields are optional in a file.
    expect(schema.$defs.Host.required).not.toContain('status');
    expect(schema.$defs.Version.type).toBe('string');
  });
});
