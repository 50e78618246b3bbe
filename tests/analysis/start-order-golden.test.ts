/**
 * The start order after a host restart, as text, against golden files (one per model and language):
 * the order, the commands and the reason printed beside each guest. `UPDATE=1 npx vitest run
 * tests/analysis/start-order-golden.test.ts` rewrites them for review in the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load-model.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { displayName, indexEntities, type Lang } from '../../src/model/entities.ts';
import type { Model } from '../../src/model/schema/model.ts';
import { startReasonText } from '../../src/site/start-order-view.ts';

const UPDATE = process.env.UPDATE === '1';
const GOLDEN = 'tests/fixtures/start-order';

function startOrderText(model: Model, lang: Lang): string {
  const index = indexEntities(model);
  const name = (key: string) => {
    const e = index.get(key)?.entity;
    return e ? displayName(e, lang) : key;
  };
  const lines: string[] = [];
  for (const order of analyze(model).startOrders) {
    lines.push(`${name(order.host)}:`);
    for (const step of order.steps) {
      const why = startReasonText(step, lang, name)!;
      const waits = step.waitsFor.length ? ` (venter på / waits for: ${step.waitsFor.map(name).join(', ')})` : '';
      lines.push(
        `${String(step.position).padStart(2)}. ${step.command.padEnd(13)} ${name(step.guest)} — ${why.label}: ${why.text}${waits}`,
      );
    }
    if (order.stopped.length) lines.push(`    stopped: ${order.stopped.map(name).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

const cases: Array<[string, string]> = [
  ['saghaugen', 'model'],
  ['mini', 'tests/fixtures/models/mini/model'],
];

describe.each(cases)('start order of %s', (name, dir) => {
  const loaded = loadModel(dir);
  if (!loaded.ok) throw new Error(`${dir} does not load`);
  it.each(['nb', 'en'] as const)('%s matches its golden text', (lang) => {
    const text = startOrderText(loaded.model, lang);
    const file = join(GOLDEN, `${name}.${lang}.txt`);
    if (UPDATE || !existsSync(file)) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, text);
    }
    expect(text, `${file} (UPDATE=1 to accept)`).toBe(readFileSync(file, 'utf8'));
  });
});

describe('Saghaugen', () => {
  const loaded = loadModel('model');
  if (!loaded.ok) throw new Error('model/ does not load');
  const order = analyze(loaded.model).startOrders.find((o) => o.host === 'host:pve-core')!;
  it('starts ChirpStack (LXC 109), the one guest a critical capability needs, before every comfort guest', () => {
    expect(order.steps[0]!.command).toBe('pct start 109');
    const comfort = order.steps.filter((s) => s.reason!.rank === 'comfort');
    expect(comfort.length).toBeGreaterThan(5);
    expect(comfort.every((s) => s.position > 1)).toBe(true);
    // The rest (docker-services: nothing with a tier needs it) comes after every comfort guest.
    const rest = order.steps.filter((s) => s.reason!.rank === 'other');
    expect(Math.min(...rest.map((s) => s.position))).toBeGreaterThan(Math.max(...comfort.map((s) => s.position)));
  });
});
