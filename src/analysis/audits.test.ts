import { describe, expect, it } from 'vitest';
import { cap, guest, host, model, net, power, scenario, sys } from './test-builders.ts';
import { analyze } from './analyze.ts';
import type { AuditFinding } from './types.ts';

const base = {
  hosts: [host('h', { name: 'pve', poweredBy: ['power:grid'] }), host('pi', { kind: 'raspberry-pi', poweredBy: ['power:grid'] })],
  power: [power('grid')],
  network: [net('gw', { kind: 'gateway', poweredBy: ['power:grid'] }), net('isp', { kind: 'isp' })],
  guests: [
    guest('chirpstack', 109),
    guest('helper', 111, { status: 'stopped' }),
    guest('uses-helper', 112, { dependsOn: ['guest:helper'] }),
  ],
  systems: [
    sys('lorawan', { tier: 'critical', decentralised: true, dependsOn: ['host:pi', 'guest:chirpstack'] }),
    sys('knx', { tier: 'critical', decentralised: true }),
    sys('protect', { tier: 'critical', dependsOn: ['network:gw'] }),
    sys('frigate', { dependsOn: ['host:h', 'network:gw'] }),
  ],
  capabilities: [
    cap('readings', { title: { nb: 'LoRaWAN-avlesninger', en: 'LoRaWAN readings' }, tier: 'critical', dependsOn: ['system:lorawan'] }),
    cap('recording', { tier: 'critical', dependsOn: [{ anyOf: ['system:protect', 'system:frigate'] }] }),
    cap('internet', { dependsOn: ['network:gw', 'network:isp'] }),
    cap('docs', { dependsOn: ['capability:internet'] }),
  ],
  scenarios: [scenario('host-down', ['host:h']), scenario('isp-down', ['network:isp'])],
};

const audits = (sections: Record<string, unknown>, site: Record<string, unknown> = {}): AuditFinding[] =>
  analyze(model({ ...sections, site: { name: 'T', title: { nb: 'T', en: 'T' }, documented: '2025-01-01', ...site } })).audits;
const rule = (fs: AuditFinding[], id: string) => fs.filter((f) => f.rule === id);

describe('audits', () => {
  const all = audits(base, { docsCapability: 'capability:docs' });

  it('critical-survives names the chain to the Proxmox host, in both languages, and the scenario', () => {
    const fs = rule(all, 'critical-survives');
    expect(fs.map((f) => [f.subject, f.severity, f.scenario])).toEqual([
      ['capability:readings', 'warning', 'host-down'],
      ['capability:recording', 'info', 'host-down'],
      ['system:lorawan', 'warning', 'host-down'],
    ]);
    expect(fs[0]!.message).toEqual({
      nb: 'LoRaWAN-avlesninger hører til det kritiske, men er nede når pve feiler: LoRaWAN-avlesninger ← lorawan ← chirpstack (LXC 109) ← pve.',
      en: 'LoRaWAN readings is critical but is down when pve fails: LoRaWAN readings ← lorawan ← chirpstack (LXC 109) ← pve.',
    });
    expect(fs[0]!.hint.en).toContain('Move chirpstack (LXC 109) to a machine that does not depend on pve');
    expect(fs[0]!.hint.nb).toContain('Flytt chirpstack (LXC 109)');
    // The homeowner reads the hint; the model's own words are kept apart for whoever edits it.
    expect(fs[0]!.hint.nb).not.toContain('tier');
    expect(fs[0]!.modelHint).toBe('tier: comfort');
  });

  it('critical-survives runs for every Proxmox host even without a scenario', () => {
    const fs = rule(audits({ ...base, scenarios: [] }), 'critical-survives');
    expect(fs.map((f) => f.subject)).toContain('system:lorawan');
    expect(fs.every((f) => f.scenario === undefined)).toBe(true);
  });

  it('false-redundancy names the shared upstream single point of failure', () => {
    const fs = rule(all, 'false-redundancy');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.subject).toBe('capability:recording');
    expect(fs[0]!.message.en).toBe(
      'recording (en) has the alternatives frigate, protect, but both fail together when one of these fails: gw, grid.',
    );
    expect(fs[0]!.message.nb).toBe(
      'recording (nb) har alternativene frigate, protect, men begge faller samtidig hvis én av disse feiler: gw, grid.',
    );
    expect(fs[0]!.modelHint).toBe('anyOf');
    expect(fs[0]!.hint.en).not.toContain('anyOf');
  });

  it('every finding says where in the model it is: the group, the entity, the scenario', () => {
    expect(rule(all, 'false-redundancy')[0]!.at).toEqual(['capabilities', 1, 'dependsOn', 0]);
    expect(rule(all, 'critical-survives').find((f) => f.subject === 'system:lorawan')!.at).toEqual(['systems', 0]);
    expect(rule(all, 'runbook-reachable').map((f) => f.at)).toEqual([['scenarios', 1]]);
    expect(rule(all, 'stopped-dependency')[0]!.at).toEqual(['guests', 2]);
  });

  it('runbook-reachable: one finding per scenario in which the docs are not ok', () => {
    const fs = rule(all, 'runbook-reachable');
    expect(fs.map((f) => [f.scenario, f.severity])).toEqual([['isp-down', 'warning']]);
    expect(fs[0]!.message.en).toBe('In the scenario “isp-down en” the documentation is down: docs (en) ← internet (en) ← isp.');
    expect(fs[0]!.hint.nb).toContain('på papir');
    expect(rule(audits(base), 'runbook-reachable')).toEqual([]);
  });

  it('stopped-dependency: a running guest that hard-depends on a stopped one', () => {
    const fs = rule(all, 'stopped-dependency');
    expect(fs.map((f) => [f.subject, f.severity, f.message.en])).toEqual([
      ['guest:uses-helper', 'warning', 'uses-helper (LXC 112) depends on helper (LXC 111), which is stopped.'],
    ]);
  });

  it('translation-missing is an error naming the path and language', () => {
    const fs = rule(audits({ ...base, capabilities: [cap('one', { title: { nb: 'Bare norsk' } })] }), 'translation-missing');
    expect(fs).toEqual([
      {
        rule: 'translation-missing',
        severity: 'error',
        subject: 'capability:one',
        at: ['capabilities', 0, 'title'],
        message: { nb: 'capabilities[0].title mangler engelsk (en) tekst.', en: 'capabilities[0].title lacks the English (en) text.' },
        hint: { nb: 'Legg til `en:` ved siden av `nb:` i capabilities[0].title.', en: 'Add `en:` next to `nb:` in capabilities[0].title.' },
      },
    ]);
  });

  it('stated-summary compares the stated counts with the computed ones', () => {
    const fs = rule(audits(base, { statedSummary: { runningLxc: 2, stoppedLxc: 3, runningQemu: 0 } }), 'stated-summary');
    expect(fs.map((f) => f.message.en)).toEqual(['The documentation says 3 stopped LXC containers, but the model has 1.']);
    expect(fs[0]!.modelHint).toBe('site.statedSummary.stoppedLxc');
    expect(fs[0]!.severity).toBe('warning');
  });

  it('findings are sorted by rule, subject, scenario', () => {
    const keys = all.map((f) => `${f.rule}|${f.subject ?? ''}|${f.scenario ?? ''}`);
    expect([...keys].sort()).toEqual(keys);
  });
});

describe('false-redundancy when one alternative depends on the other', () => {
  it('says that the shared failure is itself one of the alternatives', () => {
    const fs = rule(
      audits({
        systems: [sys('protect'), sys('frigate', { dependsOn: ['system:protect'] })],
        capabilities: [cap('recording', { dependsOn: [{ anyOf: ['system:protect', 'system:frigate'] }] })],
      }),
      'false-redundancy',
    );
    expect(fs.map((f) => f.message.en)).toEqual([
      'recording (en) has the alternatives frigate, protect, but both fail together when this fails: protect (itself one of the alternatives).',
    ]);
    expect(fs[0]!.message.nb).toContain('men begge faller samtidig hvis denne feiler: protect (selv ett av alternativene)');
    expect(fs[0]!.hint.en).toBe(
      'The backup is only apparent: the other alternative depends on protect. Make it independent of it, or describe it as one plain dependency instead of alternatives.',
    );
    expect(fs[0]!.hint.nb).toContain('avhenger av protect');
  });
});

describe('false-redundancy on a k-of-n group says how many it needs, not "alternatives"', () => {
  // Power takes a host down (a network uplink does not: the host runs on, unreachable).
  const nodes = ['n1', 'n2', 'n3'].map((id) => host(id, { poweredBy: ['power:ups'] }));

  it('a cluster whose nodes share one UPS: needs 2 of 3 votes for quorum, loses it with the UPS', () => {
    const fs = rule(
      audits({ hosts: nodes, power: [power('ups', { kind: 'ups' })], clusters: [{ id: 'c', name: 'c', nodes: ['n1', 'n2', 'n3'] }] }),
      'false-redundancy',
    );
    expect(fs.map((f) => [f.subject, f.message.en])).toEqual([
      ['cluster:c', 'c needs 2 of 3 votes for quorum (n1, n2, n3), but loses quorum all the same when this fails: ups.'],
    ]);
    expect(fs[0]!.message.nb).toBe('c trenger 2 av 3 stemmer for quorum (n1, n2, n3), men mister quorum likevel hvis denne feiler: ups.');
    expect(fs[0]!.hint.en).toContain('More nodes do not help against ups');
    expect(fs[0]!.hint.nb).toContain('Flere noder hjelper ikke mot ups');
    // A person changes the cluster's nodes, not an anyOf they never wrote.
    expect(fs[0]!.modelHint).toBe('nodes');
  });

  it('an atLeast group: "needs 2 of 3"', () => {
    const fs = rule(
      audits({
        hosts: nodes,
        power: [power('ups', { kind: 'ups' })],
        capabilities: [cap('storage', { dependsOn: [{ anyOf: ['host:n1', 'host:n2', 'host:n3'], atLeast: 2 }] })],
      }),
      'false-redundancy',
    );
    expect(fs.map((f) => f.message.en)).toEqual([
      'storage (en) needs 2 of 3 (n1, n2, n3), but goes down all the same when this fails: ups.',
    ]);
    expect(fs[0]!.message.nb).toContain('trenger 2 av 3 (n1, n2, n3), men går ned likevel hvis denne feiler: ups.');
    expect(fs[0]!.modelHint).toBe('anyOf, atLeast: 2');
  });
});
