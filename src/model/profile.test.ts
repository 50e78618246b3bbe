import { describe, expect, it } from 'vitest';
import { loadModel } from './load-model.ts';
import { applyProfile, profileFromEnv, SENSITIVE_FIELDS } from './profile.ts';
import type { Model } from './schema/model.ts';

function model(): Model {
  const result = loadModel('tests/fixtures/model-base');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const m = structuredClone(result.model);
  Object.assign(m.guests[0]!, {
    ip: '10.12.0.50',
    user: 'ronny',
    access: { nb: 'SSH som ronny', en: 'SSH as ronny' },
    commands: [{ title: { nb: 'Start', en: 'Start' }, run: 'pct start 106' }],
    repos: [{ path: '/home/ronny/src' }],
    reach: { ips: ['10.12.0.51'], webUi: 'https://10.12.0.51:18083', ssh: 'ssh ronny@10.12.0.51', console: 'pct enter 106' },
  });
  Object.assign(m.hosts[0]!, { mac: 'aa:bb:cc:dd:ee:ff', access: { nb: 'Konsoll', en: 'Console' } });
  return m;
}

describe('applyProfile', () => {
  it('full is the model as written', () => {
    const m = model();
    expect(applyProfile(m, 'full')).toBe(m);
  });

  it('public leaves out every sensitive field of every entity', () => {
    const m = model();
    const pub = applyProfile(m, 'public');
    const text = JSON.stringify(pub);
    for (const secret of ['10.12.0.50', '10.12.0.51', ':18083', 'pct enter', '10.12.0.205', 'ronny', 'aa:bb:cc:dd:ee:ff', 'pct start', 'Konsoll']) {
      expect(text).not.toContain(secret);
    }
    for (const section of ['hosts', 'guests'] as const) {
      for (const entity of pub[section]) for (const field of SENSITIVE_FIELDS) expect(entity).not.toHaveProperty(field);
    }
    // Everything else stays.
    expect(pub.guests[0]).toMatchObject({ id: 'emqx', vmid: 106, host: 'pve-core', cores: 2 });
    expect(pub.hosts[0]).toMatchObject({ id: 'pve-core', proxmoxVersion: '8.3.0' });
    expect(pub.site).toEqual(m.site);
  });

  it('does not change its input', () => {
    const m = model();
    const before = JSON.stringify(m);
    applyProfile(m, 'public');
    expect(JSON.stringify(m)).toBe(before);
  });

  it('reads DRIFTSBOK_PROFILE, refusing anything but full and public', () => {
    expect(profileFromEnv({})).toBe('full');
    expect(profileFromEnv({ DRIFTSBOK_PROFILE: 'public' })).toBe('public');
    expect(() => profileFromEnv({ DRIFTSBOK_PROFILE: 'pub' })).toThrow('DRIFTSBOK_PROFILE must be "full" or "public", not "pub"');
  });
});
