import { describe, expect, it } from 'vitest';
import { loadModel } from './load-model.ts';
import { findMissingTranslations } from './translations.ts';
import type { Model } from './schema/model.ts';

function base(): Model {
  const result = loadModel('tests/fixtures/model-base');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return structuredClone(result.model);
}

describe('findMissingTranslations', () => {
  it('finds nothing when every text has nb and en', () => {
    expect(findMissingTranslations(base())).toEqual([]);
  });

  it('names the path, the missing language, the text that is there and the entity', () => {
    const model = base();
    model.capabilities[0]!.title = { nb: 'Zigbee-scener' };
    model.guests[1]!.dependsOn = [{ ref: 'guest:emqx', why: { en: 'Publishes through MQTT.' } }];
    model.site.title = { en: 'Operations book' };
    model.scenarios[0]!.phases = [{ id: 'later', title: { nb: 'Senere' }, alsoFails: ['power:grid'] }];
    expect(findMissingTranslations(model)).toEqual([
      { path: 'site.title', segments: ['site', 'title'], missing: 'nb', present: 'Operations book' },
      {
        path: 'guests[1].dependsOn[0].why',
        segments: ['guests', 1, 'dependsOn', 0, 'why'],
        missing: 'nb',
        present: 'Publishes through MQTT.',
        subject: 'guest:zigbee2mqtt',
      },
      { path: 'capabilities[0].title', segments: ['capabilities', 0, 'title'], missing: 'en', present: 'Zigbee-scener', subject: 'capability:zigbee-scenes' },
      {
        path: 'scenarios[0].phases[0].title',
        segments: ['scenarios', 0, 'phases', 0, 'title'],
        missing: 'en',
        present: 'Senere',
        subject: 'scenario:proxmox-down',
      },
    ]);
  });

  it('is reported by the loader as an error with its position', () => {
    const result = loadModel('tests/fixtures/bad-input/missing-en-text/model');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        file: 'tests/fixtures/bad-input/missing-en-text/model/services.yaml',
        line: 13,
        column: 12,
        path: 'capabilities[0].title',
        message: 'missing English (en) text',
        hint: 'add `en: "…"` next to nb: "Zigbee-scener"',
      },
    ]);
  });
});
