/**
 * The runbook assembled from the Saghaugen model and its analysis, and from the small second
 * model (tests/fixtures/models/mini) to show nothing about Saghaugen is built in.
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load-model.ts';
import { analyze, explainCause } from '../../src/analysis/analyze.ts';
import { localized, type Lang } from '../../src/model/entities.ts';
import type { Model } from '../../src/model/schema/model.ts';
import { entityHref } from '../../src/site/urls.ts';
import { syntheticModel } from '../../src/bench/synthetic-model.ts';
import { assembleRunbook, REFERENCE_SECTION_ID, scenarioSectionId, withoutSubject } from '../../src/runbook/assemble.ts';

function load(dir: string): Model {
  const result = loadModel(dir);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.model;
}

function runbook(model: Model, lang: Lang) {
  const analysis = analyze(model);
  return assembleRunbook(model, analysis, {
    lang,
    explain: (cause) => explainCause(cause, model, lang),
    hrefFor: (key) => entityHref(key, lang),
  });
}

const saghaugen = load('model');

describe.each(['nb', 'en'] as const)('the Saghaugen runbook (%s)', (lang) => {
  const data = runbook(saghaugen, lang);

  it('has one section per scenario, in model order, titled in the language, then the reference', () => {
    expect(data.sections.map((s) => s.scenarioId)).toEqual(saghaugen.scenarios.map((s) => s.id));
    expect(data.sections.map((s) => s.title)).toEqual(saghaugen.scenarios.map((s) => localized(s.title, lang)));
    expect(data.contents.map((c) => c.sectionId)).toEqual([
      ...saghaugen.scenarios.map((s) => scenarioSectionId(s.id)),
      REFERENCE_SECTION_ID,
    ]);
  });

  it('indexes every symptom of every scenario, pointing at its section', () => {
    for (const scenario of saghaugen.scenarios) {
      for (const symptom of scenario.symptoms ?? []) {
        const row = data.symptoms.find((r) => r.text === localized(symptom.text, lang));
        expect(row, localized(symptom.text, lang)).toBeDefined();
        expect(row!.targets.map((t) => t.sectionId)).toContain(scenarioSectionId(scenario.id));
      }
    }
    // The same words from several scenarios are one row.
    expect(new Set(data.symptoms.map((r) => r.text)).size).toBe(data.symptoms.length);
  });

  it('lists every existing capability once per phase: works, degraded or lost', () => {
    const capabilities = saghaugen.capabilities.filter((c) => c.status !== 'planned').map((c) => `capability:${c.id}`);
    for (const section of data.sections) {
      for (const phase of section.phases) {
        expect(phase.worksOmitted).toBe(0);
        const listed = [...phase.works, ...phase.degraded, ...phase.lost].map((i) => i.key).sort();
        expect(listed, `${section.scenarioId}/${phase.id}`).toEqual([...capabilities].sort());
        for (const item of [...phase.degraded, ...phase.lost]) expect(item.why.length, item.key).toBeGreaterThan(0);
      }
    }
  });

  it('when the Proxmox host is down, says why Zigbee scenes are lost and how to start the guests again', () => {
    const section = data.sections.find((s) => s.scenarioId === 'proxmox-down')!;
    const lost = section.phases[0]!.lost.find((i) => i.key === 'capability:zigbee-scenes');
    expect(lost?.why.join(' ')).toMatch(/pve-core/);
    expect(section.startOrders.map((o) => o.host.key)).toEqual(['host:pve-core']);
    const commands = section.startOrders[0]!.steps.map((s) => s.command);
    expect(commands).toContain('pct start 106');
    expect(commands).toContain('qm start 103');
    expect(commands.indexOf('pct start 106')).toBeLessThan(commands.indexOf('pct start 110'));
    // Stopped guests are named, not started.
    expect(section.startOrders[0]!.stopped.map((i) => i.key)).toEqual(['guest:zigbee2mqtt-garasje', 'guest:zwave-js-ui-garasje']);
    expect(commands).not.toContain('pct start 111');
  });

  it('has the power cut in two phases, and no start order where no host goes down', () => {
    const power = data.sections.find((s) => s.scenarioId === 'power-outage')!;
    expect(power.phases.map((p) => p.id)).toEqual(['start', 'ups-empty']);
    expect(power.phases[0]!.when).toBeUndefined();
    expect(power.phases[1]!.when).toBeTruthy();
    expect(power.startOrders).toHaveLength(1);
    expect(data.sections.find((s) => s.scenarioId === 'mesh-down')!.startOrders).toEqual([]);
  });

  it('lists equipment down because of the scenario, not what is stopped anyway', () => {
    const mesh = data.sections.find((s) => s.scenarioId === 'mesh-down')!.phases[0]!;
    expect(mesh.equipmentDown.map((i) => i.key)).toContain('network:mesh-link');
    expect(mesh.equipmentDown.map((i) => i.key)).not.toContain('guest:zigbee2mqtt-garasje');
    const proxmox = data.sections.find((s) => s.scenarioId === 'proxmox-down')!.phases[0]!;
    expect(proxmox.equipmentDown.map((i) => i.key)).toContain('guest:emqx');
  });

  it("keeps Frigate's running LXC out of the equipment that is down when only the UDM-Pro fails", () => {
    const udm = data.sections.find((s) => s.scenarioId === 'udm-pro-down')!.phases[0]!;
    expect(udm.equipmentDown.map((i) => i.key)).toEqual(['network:udm-pro']);
    expect(udm.equipmentIdle.map((i) => i.key)).toEqual(['guest:frigate']);
    expect(udm.equipmentIdle[0]!.why.join(' ')).toMatch(/UniFi Protect/);
    const proxmox = data.sections.find((s) => s.scenarioId === 'proxmox-down')!.phases[0]!;
    expect(proxmox.equipmentDown.map((i) => i.key)).toContain('guest:frigate');
    expect(proxmox.equipmentIdle).toEqual([]);
  });

  it('lists equipment that runs degraded, with why (the UPS on its battery in a power cut)', () => {
    const power = data.sections.find((s) => s.scenarioId === 'power-outage')!;
    expect(power.phases[0]!.equipmentDegraded.map((i) => i.key)).toEqual(['power:unifi-ups']);
    expect(power.phases[0]!.equipmentDegraded[0]!.why.length).toBeGreaterThan(0);
    // Once the battery is empty the UPS is down, not degraded.
    expect(power.phases[1]!.equipmentDegraded).toEqual([]);
    expect(power.phases[1]!.equipmentDown.map((i) => i.key)).toContain('power:unifi-ups');
  });

  it('names a failed host with no guests to start, and starts ChirpStack first with the reason why', () => {
    const power = data.sections.find((s) => s.scenarioId === 'power-outage')!;
    expect(power.hostsWithoutGuests.map((h) => h.key)).toEqual(['host:lorawan-gateway']);
    expect(power.href).toBe(entityHref('scenario:power-outage', lang));
    const first = power.startOrders[0]!.steps[0]!;
    expect(first.guest.key).toBe('guest:chirpstack');
    expect(first.reason?.rank).toBe('critical');
    expect(first.reason?.text).toContain(lang === 'nb' ? 'Avlesninger fra LoRaWAN-sensorene' : 'LoRaWAN sensor readings');
    for (const step of power.startOrders[0]!.steps) expect(step.reason?.text, step.guest.key).toBeTruthy();
  });

  it('has reference tables of what exists, guests by VMID with their IP when known', () => {
    expect(data.reference.guests.map((g) => g.vmid)).toEqual([...data.reference.guests.map((g) => g.vmid)].sort((a, b) => a - b));
    expect(data.reference.guests.find((g) => g.name === 'claude-agents')?.ip).toBe('10.12.0.145');
    expect(data.reference.hosts.map((h) => h.key)).not.toContain('host:garage-cm4');
    expect(data.reference.network.map((n) => n.key)).not.toContain('network:fibre-link');
    expect(data.reference.hosts.find((h) => h.key === 'host:pve-core')?.href).toBe(entityHref('host:pve-core', lang));
    // One Proxmox host, no HA: the guest table needs no "runs on" column.
    expect(data.reference.guestHosts).toBe(false);
  });

  it("gives addresses where the model has them: Proxmox's web interface on 8006, the start order's guests", () => {
    const pve = data.reference.hosts.find((h) => h.key === 'host:pve-core')!;
    expect(pve).toMatchObject({ ips: ['10.12.0.205'], webUi: 'https://10.12.0.205:8006' });
    // Not documented: no address, so the printed copy leaves a line to write it in.
    expect(data.reference.guests.find((g) => g.name === 'chirpstack')).toMatchObject({ ips: [] });
    expect(data.reference.guests.find((g) => g.name === 'chirpstack')?.webUi).toBeUndefined();
    const steps = data.sections.find((s) => s.scenarioId === 'proxmox-down')!.startOrders[0]!.steps;
    expect(steps.find((st) => st.guest.key === 'guest:claude-agents')?.ips).toEqual(['10.12.0.145']);
    expect(steps.find((st) => st.guest.key === 'guest:chirpstack')?.ips).toEqual([]);
    // Links and providers have no address to write in; devices do.
    expect(data.reference.network.find((n) => n.key === 'network:mesh-link')?.addressable).toBe(false);
    expect(data.reference.network.find((n) => n.key === 'network:udm-pro')?.addressable).toBe(true);
  });

  it('has a power table: what exists, how long it holds, what feeds it and what it feeds', () => {
    const power = data.reference.power;
    expect(power.map((p) => p.key)).toEqual(['power:grid', 'power:unifi-ups', 'power:ups-battery']);
    const ups = power.find((p) => p.key === 'power:unifi-ups')!;
    // The runtime is not documented: no time is printed, the grid or the battery feeds it.
    expect(ups.runtime).toBeUndefined();
    expect(ups.fedBy.map((f) => [f.key, f.anyOf])).toEqual([
      ['power:grid', true],
      ['power:ups-battery', true],
    ]);
    expect(ups.feeds.map((f) => f.key)).toContain('network:udm-pro');
    expect(power[0]!.feeds.map((f) => f.key)).toContain('power:unifi-ups');
  });

  it('is deterministic', () => {
    const again = runbook(saghaugen, lang);
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
  });
});

describe('another infrastructure', () => {
  it('builds a runbook from the mini fixture model too', () => {
    const mini = load('tests/fixtures/models/mini/model');
    const data = runbook(mini, 'en');
    expect(data.reference.power.find((p) => p.key === 'power:ups')?.runtime).toBe('40 min');
    expect(data.sections.map((s) => s.scenarioId)).toEqual(mini.scenarios.map((s) => s.id));
    expect(data.siteName).toBe(mini.site.name);
  });
});

describe('a large infrastructure', () => {
  it('lists only the critical capabilities that still work, and counts the others', () => {
    const big = syntheticModel(3);
    const existing = big.capabilities.filter((c) => c.status !== 'planned').map((c) => `capability:${c.id}`);
    expect(existing.length).toBeGreaterThan(40);
    const data = runbook(big, 'nb');
    let shortened = 0;
    for (const section of data.sections) {
      for (const phase of section.phases) {
        const working = phase.works.length + phase.worksOmitted;
        expect(working + phase.degraded.length + phase.lost.length).toBe(existing.length);
        expect(phase.worksOmitted > 0, `${section.scenarioId}/${phase.id}`).toBe(working > 40);
        if (phase.worksOmitted > 0) {
          shortened++;
          for (const item of phase.works) expect(item.tier, item.key).toBe('critical');
        }
      }
    }
    expect(shortened).toBeGreaterThan(0);
  });
});

describe('withoutSubject', () => {
  it('drops the name the row already shows', () => {
    expect(withoutSubject('Zigbee scenes: down ← zigbee2mqtt (LXC 110) ← pve-core', 'Zigbee scenes')).toBe(
      'down ← zigbee2mqtt (LXC 110) ← pve-core',
    );
    expect(withoutSubject('something else', 'Zigbee scenes')).toBe('something else');
  });
});

describe.each(['nb', 'en'] as const)('the cluster fixture runbook (%s): where each guest runs', (lang) => {
  const farm = load('tests/fixtures/models/farm/model');
  const data = runbook(farm, lang);
  const row = (name: string) => data.reference.guests.find((g) => g.name === name)!;

  it('says the node each guest runs on today, and for HA guests the nodes HA may move it to', () => {
    expect(data.reference.guestHosts).toBe(true);
    expect(row('backup').host?.key).toBe('host:pve3');
    expect(row('backup').ha).toBeUndefined();
    // stall: any node of the cluster, preferring pve1; mqtt: only pve2 or pve3.
    expect(row('stall')).toMatchObject({
      host: { key: 'host:pve1' },
      ha: { cluster: { key: 'cluster:lia' }, allNodes: true, preferred: { key: 'host:pve1' } },
    });
    expect(row('mqtt').ha).toMatchObject({ allNodes: false });
    expect(row('mqtt').ha!.nodes.map((n) => n.key)).toEqual(['host:pve2', 'host:pve3']);
    expect(row('cameras').ha).toMatchObject({ allNodes: true });
    expect(row('cameras').ha!.preferred).toBeUndefined();
  });
});
