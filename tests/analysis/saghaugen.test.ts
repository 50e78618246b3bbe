/**
 * Hand-computed expectations for the Saghaugen model, from the seed and the team brief, written
 * before looking at model/*.yaml. If one fails, either the data or the expectation is wrong: say which.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load-model.ts';
import type { Model } from '../../src/model/schema/model.ts';
import { analyze, explainCause } from '../../src/analysis/analyze.ts';
import type { Analysis, PhaseResult, State } from '../../src/analysis/types.ts';

const dir = process.env.DRIFTSBOK_MODEL_DIR ?? 'model';

describe.skipIf(!existsSync(dir))('Saghaugen', () => {
  let model: Model;
  let analysis: Analysis;
  beforeAll(() => {
    const loaded = loadModel(dir);
    if (!loaded.ok) throw new Error(`model does not load: ${JSON.stringify(loaded.problems.slice(0, 5), null, 2)}`);
    model = loaded.model;
    analysis = analyze(model);
  });

  const phase = (scenario: string, id = 'start'): PhaseResult => {
    const s = analysis.scenarios.find((x) => x.id === scenario);
    if (!s) throw new Error(`no scenario ${scenario}`);
    const p = s.phases.find((x) => x.id === id);
    if (!p) throw new Error(`no phase ${id} in ${scenario}: ${s.phases.map((x) => x.id).join(', ')}`);
    return p;
  };
  const state = (p: PhaseResult, key: string): State => {
    const o = p.outcomes[key];
    if (!o) throw new Error(`${key} not in outcomes`);
    return o.state;
  };
  const expectStates = (p: PhaseResult, expected: Record<string, State>) => {
    const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, state(p, k)]));
    expect(actual).toEqual(expected);
  };

  it('baseline: every capability works; only the stopped garage guests are down', () => {
    const b = analysis.baseline;
    const notOkCaps = Object.entries(b.outcomes).filter(([k, o]) => k.startsWith('capability:') && o.state !== 'ok');
    expect(notOkCaps.map(([k, o]) => `${k}: ${o.causes.map((c) => explainCause(c, model, 'en')).join('; ')}`)).toEqual([]);
    const down = Object.entries(b.outcomes)
      .filter(([k, o]) => k.startsWith('guest:') && o.state === 'down')
      .map(([k]) => k);
    expect(down).toEqual(['guest:zigbee2mqtt-garasje', 'guest:zwave-js-ui-garasje']);
  });

  it('planned entities are absent from outcomes', () => {
    for (const key of ['host:garage-cm4', 'network:fibre-link', 'network:fibre-isp', 'power:solar', 'power:diesel-generator']) {
      expect(analysis.baseline.outcomes[key], key).toBeUndefined();
    }
  });

  it('proxmox-down: KNX switches ok, Zigbee down, cameras degraded, detection and LoRaWAN down', () => {
    const p = phase('proxmox-down');
    expectStates(p, {
      'capability:lights-wall-switches': 'ok',
      'capability:zigbee-scenes': 'down',
      'capability:camera-recording': 'degraded',
      'capability:object-detection': 'down',
      'capability:lorawan-sensor-readings': 'down',
      'system:unifi-protect': 'ok',
      'system:knx': 'ok',
    });
    const zigbee = p.outcomes['capability:zigbee-scenes']!.causes.map((c) => c.chain);
    expect(zigbee.some((c) => c.includes('guest:zigbee2mqtt') && c.at(-1) === 'host:pve-core')).toBe(true);
  });

  it('proxmox-down: critical-survives fires for LoRaWAN and names ChirpStack (LXC 109) on pve-core', () => {
    const findings = analysis.audits.filter((f) => f.rule === 'critical-survives' && f.severity === 'warning');
    const lorawan = findings.find((f) => f.subject === 'capability:lorawan-sensor-readings');
    expect(lorawan, JSON.stringify(findings.map((f) => f.message.en))).toBeDefined();
    expect(lorawan!.message.en).toContain('chirpstack (LXC 109)');
    expect(lorawan!.message.en).toContain('pve-core');
    expect(lorawan!.message.nb).toContain('chirpstack (LXC 109)');
    // Nothing else critical goes down without the Proxmox host.
    const others = findings.filter((f) => !/lorawan/.test(f.subject ?? ''));
    expect(others.map((f) => f.message.en)).toEqual([]);
  });

  it('power-outage t=0: the UPS holds network, internet and Protect; everything on pve-core is down', () => {
    const p = phase('power-outage');
    expectStates(p, {
      'capability:internet': 'ok',
      'network:udm-pro': 'ok',
      'system:unifi-protect': 'ok',
      'capability:camera-recording': 'degraded',
      'host:pve-core': 'down',
      // KNX itself runs on mains power: without the grid the wall switches do nothing.
      'capability:lights-wall-switches': 'down',
    });
    for (const g of model.guests.filter((x) => x.host === 'pve-core' && x.status !== 'planned')) {
      expect(state(p, `guest:${g.id}`), g.id).toBe('down');
    }
  });

  it('power-outage ups-empty: the UDM-Pro and camera recording are down', () => {
    const p = phase('power-outage', 'ups-empty');
    expectStates(p, { 'network:udm-pro': 'down', 'capability:camera-recording': 'down', 'capability:internet': 'down' });
    expect(p.failed).toEqual(expect.arrayContaining(['power:grid', 'power:ups-battery']));
  });

  it('starlink-down: internet and remote access lost, everything local works', () => {
    const p = phase('starlink-down');
    expectStates(p, {
      'capability:internet': 'down',
      'capability:remote-access': 'down',
      'capability:lights-wall-switches': 'ok',
      'capability:zigbee-scenes': 'ok',
      'capability:camera-recording': 'ok',
      'capability:home-automations': 'ok',
      'capability:lorawan-sensor-readings': 'ok',
    });
  });

  it('mesh-down: the garage/barn network is down, the house is fine', () => {
    const p = phase('mesh-down');
    expectStates(p, { 'capability:network-garage-barn': 'down', 'capability:lights-wall-switches': 'ok', 'capability:internet': 'ok' });
  });

  it('udm-pro-down: internet and camera recording down, KNX switches ok', () => {
    const p = phase('udm-pro-down');
    expectStates(p, { 'capability:internet': 'down', 'capability:camera-recording': 'down', 'capability:lights-wall-switches': 'ok' });
  });

  it('start order on pve-core: emqx before zigbee2mqtt before homeassistant; 111 and 113 stopped', () => {
    const order = analysis.startOrders.find((o) => o.host === 'host:pve-core')!;
    const pos = (id: string) => order.steps.findIndex((s) => s.guest === `guest:${id}`);
    expect(pos('emqx')).toBeGreaterThanOrEqual(0);
    expect(pos('emqx')).toBeLessThan(pos('zigbee2mqtt'));
    expect(pos('zigbee2mqtt')).toBeLessThan(pos('homeassistant'));
    expect(order.steps).toHaveLength(14);
    expect(order.steps.find((s) => s.vmid === 103)!.command).toBe('qm start 103');
    expect(order.steps.find((s) => s.vmid === 106)!.command).toBe('pct start 106');
    expect(order.stopped).toEqual(['guest:zigbee2mqtt-garasje', 'guest:zwave-js-ui-garasje']);
  });

  it('pve-core is the top single point of failure', () => {
    expect(analysis.singlePointsOfFailure[0]?.key).toMatch(/^(host:pve-core|power:grid)$/);
    const pve = analysis.singlePointsOfFailure.find((s) => s.key === 'host:pve-core')!;
    expect(pve.down).toEqual(expect.arrayContaining(['capability:zigbee-scenes', 'capability:lorawan-sensor-readings']));
  });

  it('no translation is missing and the stated counts agree', () => {
    const bad = analysis.audits.filter((f) => f.rule === 'translation-missing' || f.rule === 'stated-summary');
    expect(bad.map((f) => f.message.en)).toEqual([]);
  });

  it('false redundancy: camera recording shares the cameras/network between Protect and Frigate', () => {
    const f = analysis.audits.find((x) => x.rule === 'false-redundancy' && x.subject === 'capability:camera-recording');
    expect(f, JSON.stringify(analysis.audits.filter((x) => x.rule === 'false-redundancy').map((x) => x.message.en))).toBeDefined();
  });

  it('is deterministic', () => {
    expect(JSON.stringify(analyze(model))).toBe(JSON.stringify(analysis));
  });
});
