import { describe, expect, it } from 'vitest';
import { listEntities } from '../model/entities.ts';
import { model, host, guest, net } from './test-builders.ts';
import { isReachable, reachOf } from './reach.ts';

function reachFor(key: string, sections: Record<string, unknown>) {
  const record = listEntities(model(sections)).find((r) => r.key === key);
  if (!record) throw new Error(`no ${key}`);
  return reachOf(record);
}

describe('reachOf', () => {
  it("gives a Proxmox host's web interface on port 8006 when the model names only its address", () => {
    expect(reachFor('host:h', { hosts: [host('h', { reach: { ips: ['10.0.0.2'] } })] })).toEqual({
      ips: ['10.0.0.2'],
      webUi: { url: 'https://10.0.0.2:8006', derived: true },
    });
  });

  it('keeps a web interface the model writes, and derives none for a host that is not Proxmox', () => {
    expect(reachFor('host:h', { hosts: [host('h', { reach: { ips: ['10.0.0.2'], webUi: 'https://pve.lan:9000' } })] })?.webUi).toEqual({
      url: 'https://pve.lan:9000',
      derived: false,
    });
    expect(reachFor('host:p', { hosts: [host('p', { kind: 'raspberry-pi', ip: '10.0.0.3' })] })).toEqual({ ips: ['10.0.0.3'] });
  });

  it('derives nothing from an address it does not have', () => {
    expect(reachFor('host:h', { hosts: [host('h')] })).toEqual({ ips: [] });
  });

  it('merges the ip shorthand into the list, without repeating an address', () => {
    const r = reachFor('host:h', { hosts: [host('h', { ip: '10.0.0.2', reach: { ips: ['10.0.0.9', '10.0.0.2'] } })] });
    expect(r?.ips).toEqual(['10.0.0.9', '10.0.0.2']);
  });

  it("gives an LXC container's console from its host, and the model's own words when it has them", () => {
    const sections = {
      hosts: [host('h')],
      guests: [
        guest('c', 150, { reach: { ssh: 'ssh ronny@10.0.0.5', ips: ['10.0.0.5'] } }),
        guest('v', 200, { kind: 'qemu' }),
        guest('k', 151, { reach: { console: 'screen /dev/ttyUSB0' } }),
      ],
    };
    expect(reachFor('guest:c', sections)).toEqual({
      ips: ['10.0.0.5'],
      ssh: 'ssh ronny@10.0.0.5',
      console: { text: 'pct enter 150', derived: true, on: 'host:h' },
    });
    expect(reachFor('guest:v', sections)).toEqual({ ips: [] });
    expect(reachFor('guest:k', sections)?.console).toEqual({ text: 'screen /dev/ttyUSB0', derived: false, on: 'host:h' });
  });

  it('is for hosts, guests and network devices that exist, not links, providers or planned things', () => {
    const records = listEntities(
      model({
        hosts: [host('h'), host('later', { status: 'planned' })],
        network: [net('sw'), net('mesh', { kind: 'link' }), net('isp', { kind: 'isp' }), net('cam', { kind: 'camera' })],
      }),
    );
    expect(records.filter(isReachable).map((r) => r.key)).toEqual(['host:h', 'network:sw', 'network:cam']);
  });
});
