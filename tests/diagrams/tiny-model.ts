/**
 * A tiny model built in code, used until tests/fixtures/models/mini/model exists, and for
 * hostile-label cases (names that try to break out of Mermaid).
 */
import { ModelSchema, type Model } from '../../src/model/schema/model.ts';

export function tinyModel(name = (s: string) => s): Model {
  return ModelSchema.parse({
    site: { name: name('Tiny'), title: { nb: 'Liten', en: 'Tiny' }, documented: '2025-01-01' },
    locations: [
      { id: 'house', name: name('Hus'), kind: 'building' },
      { id: 'barn', name: name('Låve'), kind: 'building' },
    ],
    network: [
      { id: 'isp', name: name('Starlink'), kind: 'isp', poweredBy: ['power:grid'] },
      { id: 'gw', name: name('UDM'), kind: 'gateway', locatedIn: 'location:house', connectsVia: ['network:isp'], poweredBy: ['power:ups'] },
      { id: 'mesh', name: name('Mesh'), kind: 'link', between: ['location:house', 'location:barn'], connectsVia: ['network:gw'] },
      { id: 'fibre', name: name('Fibre'), kind: 'link', status: 'planned', connectsVia: ['network:gw'] },
      {
        id: 'ap',
        name: name('AP barn'),
        kind: 'access-point',
        locatedIn: 'location:barn',
        connectsVia: [{ anyOf: ['network:mesh', 'network:fibre'] }],
      },
    ],
    hosts: [
      {
        id: 'pve',
        name: name('pve'),
        kind: 'proxmox',
        locatedIn: 'location:house',
        connectsVia: ['network:gw'],
        poweredBy: ['power:grid'],
      },
      { id: 'pi', name: name('pi'), kind: 'raspberry-pi', status: 'planned', locatedIn: 'location:barn', connectsVia: ['network:ap'] },
    ],
    guests: [
      { id: 'mqtt', name: name('mqtt'), vmid: 106, kind: 'lxc', host: 'pve', status: 'running' },
      { id: 'z2m', name: name('z2m'), vmid: 110, kind: 'lxc', host: 'pve', status: 'running', dependsOn: ['guest:mqtt'] },
      {
        id: 'z2m-barn',
        name: name('z2m-barn'),
        vmid: 111,
        kind: 'lxc',
        host: 'pve',
        status: 'stopped',
        dependsOn: ['guest:mqtt', 'host:pi'],
      },
      {
        id: 'ha',
        name: name('ha'),
        vmid: 103,
        kind: 'qemu',
        host: 'pve',
        status: 'running',
        dependsOn: ['guest:mqtt'],
        enhancedBy: ['guest:z2m'],
      },
    ],
    storage: [{ id: 'local', name: name('local'), host: 'pve', kind: 'local', usedPercent: 15 }],
    systems: [
      { id: 'knx', name: name('KNX'), category: 'building-automation', tier: 'critical', decentralised: true },
      { id: 'zigbee', name: name('Zigbee'), category: 'radio', tier: 'comfort', decentralised: false, dependsOn: ['guest:z2m'] },
    ],
    capabilities: [
      { id: 'lights', name: 'lights', title: { nb: name('Lys'), en: name('Lights') }, tier: 'critical', dependsOn: ['system:knx'] },
      {
        id: 'scenes',
        name: 'scenes',
        title: { nb: name('Scener'), en: name('Scenes') },
        tier: 'comfort',
        dependsOn: ['system:zigbee', 'guest:ha'],
      },
      {
        id: 'internet',
        name: 'internet',
        title: { nb: name('Internett'), en: name('Internet') },
        tier: 'comfort',
        dependsOn: ['network:gw'],
      },
    ],
    power: [
      { id: 'grid', name: name('Grid'), kind: 'grid' },
      { id: 'ups-battery', name: name('UPS battery'), kind: 'battery' },
      { id: 'ups', name: name('UPS'), kind: 'ups', poweredBy: [{ anyOf: ['power:grid', 'power:ups-battery'] }] },
      { id: 'solar', name: name('Solar'), kind: 'solar', status: 'planned' },
      {
        id: 'inverter',
        name: name('Inverter'),
        kind: 'inverter',
        status: 'planned',
        poweredBy: [{ anyOf: ['power:solar', 'power:grid'] }],
      },
    ],
    plans: [
      {
        id: 'barn-pi',
        name: 'barn-pi',
        title: { nb: name('Pi i låven'), en: name('Pi in the barn') },
        status: 'planned',
        adds: ['host:pi'],
        changes: [{ ref: 'guest:z2m-barn', what: { nb: 'starter', en: 'starts' } }],
      },
    ],
    scenarios: [{ id: 'pve-down', title: { nb: name('Proxmox nede'), en: name('Proxmox down') }, fails: ['host:pve'] }],
  });
}
