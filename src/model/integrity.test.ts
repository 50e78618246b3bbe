import { describe, expect, it } from 'vitest';
import { loadModel } from './load-model.ts';
import { checkIntegrity, collectRefs, findCycles } from './integrity.ts';
import { formatPath } from './yaml-source.ts';
import type { Model } from './schema/model.ts';

function base(): Model {
  const result = loadModel('tests/fixtures/model-base');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return structuredClone(result.model);
}

const brief = (model: Model) => checkIntegrity(model).map((p) => `${formatPath(p.segments)}: ${p.message}`);

describe('checkIntegrity', () => {
  it('finds nothing in a sound model', () => {
    expect(checkIntegrity(base())).toEqual([]);
  });

  it('does not change the model', () => {
    const model = base();
    const before = JSON.stringify(model);
    checkIntegrity(model);
    expect(JSON.stringify(model)).toBe(before);
  });

  it('reports duplicate ids per kind, not across kinds', () => {
    const model = base();
    model.guests[2]!.id = 'emqx';
    model.systems.push({ ...model.systems[0]!, id: 'emqx', dependsOn: [] }); // a system may share an id with a guest
    expect(brief(model)).toEqual(['guests[2].id: duplicate guest id "emqx" (first defined at guests[0])']);
    expect(checkIntegrity(model)[0]!.related).toEqual(['guests', 0, 'id']);
  });

  it('reports a dangling host with a suggestion', () => {
    const model = base();
    model.guests[1]!.host = 'pve-kore';
    const [problem] = checkIntegrity(model);
    expect(problem).toEqual({
      segments: ['guests', 1, 'host'],
      target: 'host:pve-kore',
      message: 'unknown host "pve-kore" (did you mean "pve-core"?)',
      hint: 'write "pve-core", or add a host with id "pve-kore" to hosts',
    });
  });

  it('checks every place a reference can be written', () => {
    const model = base();
    model.hosts[0]!.locatedIn = 'location:hus';
    model.hosts[0]!.poweredBy = [{ anyOf: ['power:grid', 'power:ups'] }];
    model.guests[1]!.dependsOn = [{ ref: 'guest:emqz', assumed: true }];
    model.guests[0]!.enhancedBy = ['guest:nothing-like-it'];
    model.storage.push({ id: 'local', name: 'local', host: 'pve-cor' });
    model.network.push({ id: 'mesh', name: 'mesh', kind: 'link', status: 'active', between: ['house', 'garage-barn'] });
    model.plans.push({ id: 'p', name: 'p', title: { nb: 'p', en: 'p' }, status: 'idea', adds: ['host:garage-cm5'], changes: [{ ref: 'network:udm', what: { nb: 'x', en: 'x' } }] });
    model.scenarios[0]!.fails = ['host:pve-core', 'power:grdi'];
    model.scenarios[0]!.phases = [{ id: 'later', title: { nb: 'a', en: 'b' }, alsoFails: ['guest:frigate'], afterMinutesFrom: 'power:ups' }];
    model.notes.push({ id: 'n', title: { nb: 'a', en: 'b' }, body: { nb: 'a', en: 'b' }, about: ['system:zigbe'] });
    model.site.docsCapability = 'capability:docs';
    model.systems[0]!.partOf = 'system:zigbee-net';
    expect(brief(model)).toEqual([
      'hosts[0].poweredBy[0].anyOf[1]: unknown power "power:ups"',
      'hosts[0].locatedIn: unknown location "location:hus" (did you mean "location:house"?)',
      'guests[0].enhancedBy[0]: unknown guest "guest:nothing-like-it"',
      'guests[1].dependsOn[0].ref: unknown guest "guest:emqz" (did you mean "guest:emqx"?)',
      'network[0].between[1]: unknown location "garage-barn"',
      'storage[0].host: unknown host "pve-cor" (did you mean "pve-core"?)',
      'systems[0].partOf: unknown system "system:zigbee-net" (did you mean "system:zigbee"?)',
      'plans[0].adds[0]: unknown host "host:garage-cm5" (did you mean "host:garage-cm4"?)',
      'plans[0].changes[0].ref: unknown network "network:udm"',
      'scenarios[0].fails[1]: unknown power "power:grdi" (did you mean "power:grid"?)',
      'scenarios[0].phases[0].alsoFails[0]: unknown guest "guest:frigate"',
      'scenarios[0].phases[0].afterMinutesFrom: unknown power "power:ups"',
      'notes[0].about[0]: unknown system "system:zigbe" (did you mean "system:zigbee"?)',
      'site.docsCapability: unknown capability "capability:docs" (did you mean "capability:docs-online"?)',
    ]);
  });

  it('suggests the same id under another kind', () => {
    const model = base();
    model.capabilities[0]!.dependsOn = ['guest:zigbee'];
    expect(brief(model)).toEqual(['capabilities[0].dependsOn[0]: unknown guest "guest:zigbee" (did you mean "system:zigbee"?)']);
  });

  it('requires locatedIn, host, between and docsCapability to point at the right kind', () => {
    const model = base();
    model.hosts[0]!.locatedIn = 'host:garage-cm4';
    model.site.docsCapability = 'system:zigbee';
    expect(brief(model)).toEqual([
      'hosts[0].locatedIn: locatedIn must point at a location, but "host:garage-cm4" is a host',
      'site.docsCapability: docsCapability must point at a capability, but "system:zigbee" is a system',
    ]);
  });

  it('reports a running guest on a planned host', () => {
    const model = base();
    model.guests[0]!.host = 'garage-cm4';
    expect(brief(model)).toEqual(['guests[0].status: guest "emqx" is running, but its host "garage-cm4" is planned']);
    model.guests[0]!.status = 'planned';
    expect(brief(model)).toEqual([]);
  });

  it('checks the links a plan changes: their ends exist, and what it removes is there today', () => {
    const model = base();
    model.plans.push({
      id: 'usbip',
      name: 'usbip',
      title: { nb: 'USB/IP', en: 'USB/IP' },
      status: 'planned',
      links: [
        { ref: 'guest:zigbee2mqtt', relation: 'dependsOn', remove: 'guest:emqx', add: 'host:garage-cm4' },
        { ref: 'guest:zigbee2mqtt', relation: 'poweredBy', remove: 'power:grid' },
        { ref: 'host:pve-core', relation: 'locatedIn', add: 'host:garage-cm4' },
        { ref: 'guest:zigbee2mqtt', relation: 'dependsOn', add: 'host:garage-cm5' },
      ],
    });
    expect(brief(model)).toEqual([
      'plans[0].links[2].add: locatedIn must point at a location, but "host:garage-cm4" is a host',
      'plans[0].links[3].add: unknown host "host:garage-cm5" (did you mean "host:garage-cm4"?)',
      'plans[0].links[1].remove: guest:zigbee2mqtt has no poweredBy link to power:grid to remove',
    ]);
    expect(checkIntegrity(model).at(-1)!.hint).toBe('guest:zigbee2mqtt has no poweredBy links today: leave out "remove" to only add one');
  });

  it('prints a cycle from the entity that comes first', () => {
    const model = base();
    model.guests[0]!.dependsOn = ['guest:zigbee2mqtt'];
    expect(brief(model)).toEqual(['guests[0].dependsOn: dependency cycle: guest:emqx → guest:zigbee2mqtt → guest:emqx']);
  });

  it('finds a cycle through host, poweredBy and partOf, and a self-loop', () => {
    const model = base();
    model.hosts[0]!.dependsOn = ['guest:emqx']; // guest:emqx runs on host:pve-core
    model.power[0]!.partOf = 'power:grid';
    expect(findCycles(model).map((p) => `${formatPath(p.segments)}: ${p.message}`)).toEqual([
      'hosts[0].dependsOn: dependency cycle: host:pve-core → guest:emqx → host:pve-core',
      'power[0].partOf: dependency cycle: power:grid → power:grid',
    ]);
  });

  it('does not count soft or location relations as cycles', () => {
    const model = base();
    model.guests[0]!.enhancedBy = ['guest:zigbee2mqtt'];
    model.locations[0]!.locatedIn = 'location:house';
    expect(findCycles(model)).toEqual([]);
  });

  it('handles a long chain without overflowing the stack', () => {
    const model = base();
    for (let i = 0; i < 5_000; i++) {
      model.systems.push({ id: `s${i}`, name: `s${i}`, category: 'radio', tier: 'comfort', decentralised: false, status: 'active', dependsOn: i ? [`system:s${i - 1}`] : [] });
    }
    (model.systems.find((s) => s.id === 's1')!.dependsOn as string[]).push('system:s4999');
    const problems = findCycles(model);
    expect(problems).toHaveLength(1);
    const chain = problems[0]!.message.replace('dependency cycle: ', '').split(' → ');
    expect(chain.slice(0, 2)).toEqual(['system:s1', 'system:s4999']);
    expect(chain.slice(-2)).toEqual(['system:s2', 'system:s1']);
    expect(chain).toHaveLength(5_000);
  });
});

describe('fields one kind has (issue 17)', () => {
  it('a start delay is for a generator, a field protocol for a PLC', () => {
    const model = base();
    model.power[0] = { ...model.power[0]!, startDelayMinutes: 1 };
    model.hosts[0] = { ...model.hosts[0]!, fieldProtocol: 'modbus-tcp' };
    expect(brief(model)).toEqual([
      'power[0].startDelayMinutes: startDelayMinutes is for a generator, but power "grid" is a grid',
      'hosts[0].fieldProtocol: fieldProtocol is for a PLC, but host "pve-core" is a proxmox',
    ]);
    model.power[0] = { ...model.power[0]!, kind: 'generator' };
    model.hosts[0] = { ...model.hosts[0]!, kind: 'plc' };
    expect(brief(model)).toEqual([]);
  });

  it('a scenario that fails something real is not called empty, even beside a planned thing', () => {
    const model = base();
    model.scenarios[0] = { ...model.scenarios[0]!, fails: ['host:garage-cm4', 'host:pve-core'] };
    expect(brief(model)).toEqual([]);
    model.scenarios[0] = { ...model.scenarios[0]!, fails: ['host:garage-cm4'] };
    expect(checkIntegrity(model).map((p) => [p.severity, p.message])).toEqual([
      ['warning', 'scenario "proxmox-down" changes nothing: host:garage-cm4 is planned'],
    ]);
  });
});

describe('collectRefs', () => {
  it('lists references in model order with their paths', () => {
    expect(collectRefs(base()).map((r) => `${formatPath(r.segments)}=${r.text}`)).toEqual([
      'hosts[0].poweredBy[0]=power:grid',
      'hosts[0].locatedIn=location:house',
      'guests[0].host=pve-core',
      'guests[1].dependsOn[0].ref=guest:emqx',
      'guests[1].host=pve-core',
      'guests[2].host=pve-core',
      'systems[0].dependsOn[0]=guest:zigbee2mqtt',
      'capabilities[0].dependsOn[0]=system:zigbee',
      'capabilities[1].dependsOn[0]=host:pve-core',
      'scenarios[0].fails[0]=host:pve-core',
      'site.docsCapability=capability:docs-online',
    ]);
  });
});
