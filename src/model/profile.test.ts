import { describe, expect, it } from 'vitest';
import { placeholderWords } from '../i18n/store.ts';
import { loadModel } from './load-model.ts';
import { applyProfile, isWithheld, profileFromEnv, profileModel, SENSITIVE_FIELDS } from './profile.ts';
import type { Model } from './schema/model.ts';
import { ModelSchema } from './schema/model.ts';
import { checkIntegrity } from './integrity.ts';
import { analyze } from '../analysis/analyze.ts';

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
    expect(applyProfile(m, 'full', placeholderWords)).toBe(m);
  });

  it('public leaves out every sensitive field of every entity', () => {
    const m = model();
    const pub = applyProfile(m, 'public', placeholderWords);
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
    applyProfile(m, 'public', placeholderWords);
    expect(JSON.stringify(m)).toBe(before);
  });

  it('reads DRIFTSBOK_PROFILE, refusing anything but full and public', () => {
    expect(profileFromEnv({})).toBe('full');
    expect(profileFromEnv({ DRIFTSBOK_PROFILE: 'public' })).toBe('public');
    expect(() => profileFromEnv({ DRIFTSBOK_PROFILE: 'pub' })).toThrow('DRIFTSBOK_PROFILE must be "full" or "public", not "pub"');
  });
});

/** The base model with everything that can be marked sensitive marked, each with a string of its own. */
function marked(): Model {
  const m = model();
  // A sensitive guest nothing needs: left out entirely.
  m.guests.push({
    id: 'secret-box', name: 'SECRET-NAME', vmid: 150, kind: 'lxc', host: 'pve-core', status: 'running', sensitive: true,
    description: { nb: 'SECRET-DESC nb', en: 'SECRET-DESC en' },
    dependsOn: [{ ref: 'guest:emqx', why: { nb: 'SECRET-WHY', en: 'SECRET-WHY' } }],
  });
  // A sensitive guest a public capability needs: a placeholder.
  m.guests.push({
    id: 'vpn', name: 'SECRET-VPN', vmid: 160, kind: 'lxc', host: 'pve-core', status: 'running', sensitive: true, cores: 1,
    purpose: { nb: 'SECRET-PURPOSE', en: 'SECRET-PURPOSE' },
    dependsOn: [{ ref: 'guest:emqx', assumed: true, why: { nb: 'SECRET-VPN-WHY', en: 'SECRET-VPN-WHY' } }],
    installed: [{ name: 'wireguard' }],
  });
  m.capabilities.push({ id: 'remote', name: 'remote', title: { nb: 'Fjerntilgang', en: 'Remote access' }, tier: 'comfort', status: 'active', dependsOn: ['guest:vpn'] });
  // Installed entries and note points, one of each marked.
  Object.assign(m.guests[0]!, { installed: [{ name: 'Mosquitto' }, { name: 'SECRET-KEY key@example.org', sensitive: true }] });
  m.notes.push(
    {
      id: 'access', title: { nb: 'Tilgang', en: 'Access' }, body: { nb: 'Om tilgang.', en: 'About access.' },
      points: [{ nb: 'Åpent punkt', en: 'Open point' }, { nb: 'SECRET-POINT', en: 'SECRET-POINT', sensitive: true }],
      about: ['guest:emqx', 'guest:secret-box', 'guest:vpn'],
    },
    { id: 'keys', title: { nb: 'SECRET-NOTE', en: 'SECRET-NOTE' }, body: { nb: 'SECRET-BODY', en: 'SECRET-BODY' }, sensitive: true, about: ['guest:emqx'] },
  );
  return m;
}

describe('the public profile and what is marked sensitive', () => {
  it('leaves every marked thing out: no string of it survives', () => {
    const { model: pub } = profileModel(marked(), 'public', placeholderWords);
    const text = JSON.stringify(pub);
    for (const secret of ['SECRET-', 'secret-box', '"vpn"', 'guest:vpn', 'key@example.org', 'wireguard']) expect(text, secret).not.toContain(secret);
    // The unmarked neighbours stay.
    expect(pub.guests.find((g) => g.id === 'emqx')?.installed).toEqual([{ name: 'Mosquitto' }]);
    expect(pub.notes.find((n) => n.id === 'access')?.points).toEqual([{ nb: 'Åpent punkt', en: 'Open point' }]);
    expect(pub.notes.map((n) => n.id)).toEqual(['access']);
  });

  it('drops a sensitive entity nothing needs, and forgets it in notes\' about', () => {
    const { model: pub, withheld } = profileModel(marked(), 'public', placeholderWords);
    expect(withheld.dropped).toEqual(new Set(['guest:secret-box', 'note:keys']));
    expect(pub.guests.map((g) => g.id)).toEqual(['emqx', 'zigbee2mqtt', 'homeassistant', 'withheld-1']);
    expect(pub.notes.find((n) => n.id === 'access')?.about).toEqual(['guest:emqx']);
  });

  it('keeps a sensitive entity something needs as a neutral placeholder, and points every reference at it', () => {
    const { model: pub, withheld } = profileModel(marked(), 'public', placeholderWords);
    expect(withheld.placeholders).toEqual(new Map([['guest:vpn', 'guest:withheld-1']]));
    const placeholder = pub.guests.find((g) => g.id === 'withheld-1')!;
    expect(placeholder).toEqual({
      id: 'withheld-1', name: 'withheld-1', title: { nb: 'Skjult gjest 1', en: 'Withheld guest 1' },
      vmid: 160, kind: 'lxc', host: 'pve-core', status: 'running',
      dependsOn: [{ ref: 'guest:emqx', assumed: true }],
      withheld: true,
    });
    expect(isWithheld(placeholder)).toBe(true);
    expect(pub.capabilities.find((c) => c.id === 'remote')?.dependsOn).toEqual(['guest:withheld-1']);
  });

  it('gives a public model that passes the integrity check and keeps the analysis sound', () => {
    const full = marked();
    expect(checkIntegrity(full)).toEqual([]);
    const { model: pub } = profileModel(full, 'public', placeholderWords);
    expect(checkIntegrity(pub)).toEqual([]);
    // The capability behind the placeholder still fails with the host, in public as in full.
    const downIn = (m: Model) => analyze(m).scenarios.find((s) => s.id === 'proxmox-down')!.phases[0]!.outcomes['capability:remote']?.state;
    expect(downIn(full)).toBe('down');
    expect(downIn(pub)).toBe('down');
  });

  it('makes another sensitive entity a placeholder when a placeholder needs it, and never reuses an existing id', () => {
    const m = marked();
    m.guests[0]!.sensitive = true; // emqx: the placeholder vpn and zigbee2mqtt need it
    m.guests.push({ id: 'withheld-1', name: 'withheld-1', vmid: 170, kind: 'lxc', host: 'pve-core', status: 'stopped' });
    const { model: pub, withheld } = profileModel(m, 'public', placeholderWords);
    expect(withheld.placeholders).toEqual(new Map([['guest:emqx', 'guest:withheld-2'], ['guest:vpn', 'guest:withheld-3']]));
    expect(pub.guests.find((g) => g.id === 'zigbee2mqtt')?.dependsOn).toEqual([{ ref: 'guest:withheld-2', assumed: true, why: { nb: 'Zigbee2MQTT sender meldinger via MQTT.', en: 'Zigbee2MQTT publishes through MQTT.' } }]);
    expect(pub.guests.find((g) => g.id === 'withheld-3')?.dependsOn).toEqual([{ ref: 'guest:withheld-2', assumed: true }]);
    expect(checkIntegrity(pub)).toEqual([]);
  });

  it('rewrites a bare host id and the site\'s own references to a placeholder', () => {
    const m = marked();
    m.hosts[0]!.sensitive = true;
    m.capabilities.find((c) => c.id === 'docs-online')!.sensitive = true;
    const { model: pub } = profileModel(m, 'public', placeholderWords);
    expect(pub.hosts.map((h) => h.id)).toEqual(['withheld-1', 'garage-cm4']);
    expect(new Set(pub.guests.map((g) => g.host))).toEqual(new Set(['withheld-1']));
    expect(pub.site.docsCapability).toBe('capability:withheld-1');
    expect(pub.scenarios[0]!.fails).toEqual(['host:withheld-1']);
    expect(JSON.stringify(pub)).not.toContain('pve-core');
    expect(checkIntegrity(pub)).toEqual([]);
  });

  it('forgets the stated guest counts when a guest was left out (they would no longer add up)', () => {
    const m = marked();
    m.site.statedSummary = { runningLxc: 4 };
    expect(profileModel(m, 'public', placeholderWords).model.site.statedSummary).toBeUndefined();
    m.guests = m.guests.filter((g) => g.id !== 'secret-box');
    expect(profileModel(m, 'public', placeholderWords).model.site.statedSummary).toEqual({ runningLxc: 4 });
  });

  it('the full profile shows everything, marks and all', () => {
    const m = marked();
    const { model: full, withheld } = profileModel(m, 'full', placeholderWords);
    expect(full).toBe(m);
    expect(withheld.dropped.size + withheld.placeholders.size).toBe(0);
  });

  it('the schema accepts sensitive on entities, notes, points and installed entries', () => {
    expect(ModelSchema.safeParse(marked()).success).toBe(true);
  });
});
