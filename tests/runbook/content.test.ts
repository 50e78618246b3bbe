/**
 * The hand-written procedures in content/runbook/<lang>/<scenario-id>.md: one per scenario and
 * language, and none of the facts the model knows typed a second time (IPs, VM ids, start commands).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load-model.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { isStoppedByFailure } from '../../src/analysis/equipment.ts';

const result = loadModel('model');
if (!result.ok) throw new Error('model/ does not load');
const model = result.model;
const dir = 'content/runbook';
const langs = ['nb', 'en'] as const;

describe('runbook procedures', () => {
  it.each(langs)('exist for every scenario in %s, and only for scenarios', (lang) => {
    const files = readdirSync(join(dir, lang))
      .filter((f) => f.endsWith('.md'))
      .sort();
    expect(files).toEqual(model.scenarios.map((s) => `${s.id}.md`).sort());
  });

  const all = langs.flatMap((lang) =>
    model.scenarios.map((s) => ({ lang, id: s.id, file: join(dir, lang, `${s.id}.md`) })).filter((f) => existsSync(f.file)),
  );

  it.each(all)('$lang/$id types no fact the model knows', ({ file }) => {
    const text = readFileSync(file, 'utf8');
    expect(text, 'an IP address: use the reference table').not.toMatch(/\b\d{1,3}(\.\d{1,3}){3}\b/);
    expect(text, 'a start command: the start order is derived').not.toMatch(/\b(pct|qm)\s+(start|stop|enter)\b/);
    for (const guest of model.guests) {
      expect(text, `VM id ${guest.vmid}: derived from the model`).not.toMatch(new RegExp(`\\b(LXC|VM|CT)\\s*${guest.vmid}\\b`));
    }
  });

  it.each(all)('$lang/$id is a numbered list of steps', ({ file }) => {
    const steps = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => /^\d+\. /.test(l));
    expect(steps.length).toBeGreaterThanOrEqual(4);
  });

  it('nb is written with æ, ø and å, not ae/oe/aa stand-ins', () => {
    const nb = model.scenarios.map((s) => readFileSync(join(dir, 'nb', `${s.id}.md`), 'utf8')).join('\n');
    expect(nb).toMatch(/[æøå]/);
    expect(nb).not.toMatch(/\b(stroem|broeyt|naar|paa|foer)\b/i);
  });

  it('UDM-Pro down: the procedure says what the analysis says (the LAN and the guests keep running)', () => {
    const phase = analyze(model).scenarios.find((sc) => sc.id === 'udm-pro-down')!.phases[0]!;
    // What the procedure's first step says still works, and what it says is gone.
    expect(phase.outcomes['capability:home-automations']!.state).toBe('ok');
    expect(phase.outcomes['capability:lights-wall-switches']!.state).toBe('ok');
    expect(phase.outcomes['capability:network-garage-barn']!.state).toBe('down');
    expect(phase.outcomes['capability:internet']!.state).toBe('down');
    expect(phase.outcomes['host:pve-core']!.state).toBe('ok');
    // No guest is stopped by it: "do not restart the Proxmox guests".
    const stopped = model.guests.filter((g) => g.status === 'running' && isStoppedByFailure(phase.outcomes[`guest:${g.id}`]!));
    expect(stopped).toEqual([]);
    const nb = readFileSync(join(dir, 'nb', 'udm-pro-down.md'), 'utf8');
    const en = readFileSync(join(dir, 'en', 'udm-pro-down.md'), 'utf8');
    expect(nb).not.toMatch(/kontakt med hverandre|Home Assistant svarer ikke/);
    expect(en).not.toMatch(/cannot reach each other|Home Assistant do(es)? not answer/);
    expect(nb).toMatch(/garasjen\/låven er uten nett/);
    expect(en).toMatch(/garage\/barn has no network/);
  });
});
