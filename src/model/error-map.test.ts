import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedKeysAt, describeValue, dropImpliedMissing, mapIssue, type MappedIssue } from './error-map.ts';
import { ModelSchema } from './schema/model.ts';
import type { PathSegment } from './yaml-source.ts';

function mapAll(value: unknown): MappedIssue[] {
  const result = ModelSchema.safeParse(value);
  if (result.success) return [];
  const valueAt = (segments: readonly PathSegment[]) =>
    segments.reduce<unknown>((v, s) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined), value);
  return dropImpliedMissing(result.error.issues.flatMap((issue) => mapIssue(issue, ModelSchema, { valueAt, sourceAt: () => undefined })));
}

describe('mapIssue', () => {
  it('knows the keys allowed at a path, through lists, defaults and unions', () => {
    expect(allowedKeysAt(ModelSchema, ['guests', 0])).toContain('memoryMb');
    expect(allowedKeysAt(ModelSchema, ['guests', 0, 'dependsOn', 2]).sort()).toEqual(['anyOf', 'assumed', 'atLeast', 'ref', 'why']);
    expect(allowedKeysAt(ModelSchema, ['site', 'title'])).toEqual(['nb', 'en']);
  });

  it('describes values', () => {
    expect([8.1, false, 'x', null, [], {}].map(describeValue)).toEqual([
      'the number 8.1',
      'the boolean false',
      'the text "x"',
      'nothing',
      'a list',
      'a mapping',
    ]);
  });

  it('names the missing site fields in one go', () => {
    expect(mapAll({ site: {} }).map((m) => m.message)).toEqual([
      'missing required field "name"',
      'missing required field "title"',
      'missing required field "documented"',
    ]);
  });

  it('never throws and always says something, whatever the data', () => {
    const entity = fc.dictionary(
      fc.constantFrom('id', 'name', 'kind', 'host', 'status', 'vmid', 'dependsOn', 'title', 'ip', 'x', 'anyOf', 'ref', 'nb', 'en'),
      fc.oneof(fc.anything({ maxDepth: 2 }), fc.constantFrom('guest:a', 'lxc', 'running', 106, { nb: 'a' }, [{ anyOf: ['a'] }], [{ rfe: 'x' }])),
    );
    const model = fc.record(
      { site: fc.oneof(entity, fc.anything({ maxDepth: 1 })), guests: fc.array(entity, { maxLength: 3 }), capabilities: fc.array(entity, { maxLength: 2 }) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(model, (value) => {
        for (const m of mapAll(value)) {
          expect(m.message.length).toBeGreaterThan(0);
          expect(Array.isArray(m.segments)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
