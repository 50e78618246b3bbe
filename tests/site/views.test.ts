import { describe, expect, it } from 'vitest';
import { placeholderWords } from '../../src/i18n/store.ts';
import { loadModel } from '../../src/model/load-model.ts';
import type { Model } from '../../src/model/schema/model.ts';
import { buildGraph } from '../../src/model/graph.ts';
import { indexEntities } from '../../src/model/entities.ts';
import { buildSidebar, MAX_SIDEBAR_ENTRIES_PER_KIND, type SidebarGroup, type SidebarLink } from '../../src/site/sidebar.ts';
import { reachRows, dependedOnByRows, dependsOnRows, fieldRows, guestRows, isSafeUrl, toValue } from '../../src/site/views.ts';
import { FIELD_LABEL, WORDS } from '../../src/i18n/ui.ts';
import { sitePaths } from '../../src/site/env.ts';
import { profileModel } from '../../src/model/profile.ts';
import { docsDirFor } from '../../src/site/content-dirs.ts';

function mini(): Model {
  const result = loadModel('tests/fixtures/models/mini/model');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.model;
}

describe('sidebar', () => {
  const model = mini();
  const sidebar = buildSidebar(model);
  const groups = sidebar.filter((i): i is SidebarGroup => 'items' in i);

  it('starts with the overview and architecture, then analysis, then one group per kind that has entities', () => {
    expect((sidebar[0] as SidebarLink).link).toBe('/');
    expect(groups.map((g) => g.translations.en)).toEqual(
      expect.arrayContaining(['Analysis', 'Hosts', 'Guests (VMs and LXCs)', 'Network', 'Power']),
    );
  });

  it('puts the runbook and the scenarios right under the overview, the scenarios open', () => {
    const runbook = { label: 'Driftshåndbok', translations: { en: 'Outage runbook' }, link: '/runbook/' };
    const withRunbook = buildSidebar(model, [], [runbook]);
    expect(withRunbook[0]).toMatchObject({ link: '/' });
    expect(withRunbook[1]).toEqual(runbook);
    const scenarios = withRunbook[2] as SidebarGroup;
    expect(scenarios.translations.en).toBe('Scenarios');
    expect(scenarios.collapsed).toBe(false);
    expect(scenarios.items.length).toBe(model.scenarios.length + 1);
    // Nothing is lost on the way: the same entries as without the runbook, plus it.
    expect(withRunbook.length).toBe(sidebar.length + 1);
  });

  it('lists a kind with very many entities by its index page only, so pages do not grow with the model', () => {
    const many = mini();
    const [first] = many.guests;
    many.guests = Array.from({ length: MAX_SIDEBAR_ENTRIES_PER_KIND + 1 }, (_, i) => ({ ...first!, id: `g${i}`, vmid: 1000 + i }));
    const guests = buildSidebar(many)
      .filter((i): i is SidebarGroup => 'items' in i)
      .find((g) => g.translations.en === 'Guests (VMs and LXCs)')!;
    expect(guests.items.map((i) => ('link' in i ? i.link : ''))).toEqual(['/guests/']);
    const few = groups.find((g) => g.translations.en === 'Guests (VMs and LXCs)')!;
    expect(few.items.length).toBe(model.guests.length + 1);
  });

  it("in the public profile, leaves a placeholder for a sensitive entity out (its kind's full list has it)", () => {
    const m = mini();
    m.guests.find((g) => g.id === 'dns')!.sensitive = true; // files and a capability need it: a placeholder
    const pub = profileModel(m, 'public', placeholderWords).model;
    const guests = buildSidebar(pub)
      .filter((i): i is SidebarGroup => 'items' in i)
      .find((g) => g.translations.en === 'Guests (VMs and LXCs)')!;
    const links = guests.items.map((i) => ('link' in i ? i.link : ''));
    expect(links).toContain('/guests/');
    expect(links).toContain('/guests/files/');
    expect(links.filter((l) => /dns|withheld/.test(l))).toEqual([]);
  });

  it('links each entity by its nb URL (Starlight adds /en/) with the English name as translation', () => {
    const hosts = groups.find((g) => g.translations.en === 'Hosts')!;
    const planned = hosts.items.find((i) => 'link' in i && i.link === '/hosts/nas-2/') as SidebarLink;
    expect(planned.badge).toEqual({ text: { nb: 'planlagt', en: 'planned' }, variant: 'note' });
    const network = groups.find((g) => g.translations.en === 'Network')!;
    expect(network.items).toContainEqual({ label: 'Ruter', translations: { en: 'Router' }, link: '/network/gw/' });
  });
});

describe('entity views', () => {
  const model = mini();
  const index = indexEntities(model);
  const graph = buildGraph(model);
  const ctx = { lang: 'en' as const, index };

  it('shows every field except relations and prose shown elsewhere, with localized labels', () => {
    const rows = fieldRows(index.get('host:fs-node')!, ctx);
    // Id and name repeat the address bar and the heading; addresses have a section of their own.
    expect(rows.map((r) => r.field)).toEqual(['kind', 'status', 'os', 'kernel', 'proxmoxVersion', 'access']);
  });

  it("shows a text item with an id (a scenario's symptoms) as its text alone", () => {
    expect(toValue('symptoms', [{ id: 'no-web', text: { nb: 'Ingen nettside', en: 'No web page' } }], ctx)).toEqual({
      t: 'list',
      items: [{ t: 'text', text: 'No web page' }],
    });
    // An object with more than a text keeps its rows (an SDN zone's id is its name).
    expect(toValue('zones', { id: 'lan', description: 'x' }, ctx).t).toBe('rows');
  });

  it('shows addresses and access with what is not documented, and nothing of them in the public profile', () => {
    const rows = reachRows(index.get('host:fs-node')!, ctx)!;
    expect(rows.map((r) => [r.field, r.value, r.aside])).toEqual([
      ['ips', { t: 'list', items: [{ t: 'code', text: '192.168.40.10' }] }, undefined],
      [
        'webUi',
        { t: 'link', href: 'https://192.168.40.10:8006', text: 'https://192.168.40.10:8006', external: true },
        'Proxmox uses port 8006 unless set up otherwise',
      ],
      ['ssh', undefined, undefined],
      ['console', undefined, undefined],
    ]);
    expect(reachRows(index.get('host:fs-node')!, ctx, 'public')).toBeUndefined();
    expect(reachRows(index.get('capability:internet')!, ctx)).toBeUndefined();
  });

  it('derives the inverse relations with localized names and marks assumed ones with the why', () => {
    const users = dependedOnByRows(graph, 'guest:dns', { lang: 'nb', index });
    expect(users).toContainEqual(
      expect.objectContaining({
        relation: 'dependencyOf',
        label: 'er avhengighet for',
        targetKey: 'guest:files',
        assumed: true,
        why: 'Klientene finner filserveren ved navn.',
      }),
    );
    const needs = dependsOnRows(graph, 'guest:files', ctx);
    expect(needs[0]).toMatchObject({ relation: 'runsOn', label: 'runs on', targetKey: 'host:fs-node' });
  });

  it('lists a host’s guests by vmid', () => {
    const rows = guestRows(model, 'fs-node', ctx);
    expect(rows.map((r) => r.vmid)).toEqual([...rows.map((r) => r.vmid)].sort((a, b) => a - b));
    expect(rows[0]).toMatchObject({ vmid: 100, kind: 'LXC container', status: 'running', cores: '1', memory: '512 MB' });
  });

  it("marks a sensitive point or installed entry (full profile) and keeps the entity's own mark out of its facts", () => {
    const points = toValue(
      'points',
      [
        { nb: 'Åpent', en: 'Open' },
        { nb: 'Passordløs SSH', en: 'Passwordless SSH', sensitive: true },
      ],
      ctx,
    );
    expect(points).toEqual({
      t: 'list',
      items: [
        { t: 'text', text: 'Open' },
        {
          t: 'sensitive',
          value: { t: 'text', text: 'Passwordless SSH' },
          marker: 'Sensitive',
          explain: 'Sensitive: left out of the public edition of the site.',
        },
      ],
    });
    const installed = toValue(
      'installed',
      [
        { name: 'Git', sensitive: false },
        { name: 'key@example.org', sensitive: true },
      ],
      { ...ctx, lang: 'nb' },
    );
    expect(installed).toMatchObject({
      t: 'list',
      items: [
        { t: 'rows', rows: [{ field: 'name' }] },
        {
          t: 'sensitive',
          marker: 'Sensitivt',
          value: { t: 'rows', rows: [{ field: 'name', value: { t: 'text', text: 'key@example.org' } }] },
        },
      ],
    });
    const dns = index.get('guest:dns')!;
    const record = { ...dns, entity: { ...dns.entity, sensitive: true, withheld: true } } as typeof dns;
    expect(fieldRows(record, ctx).map((r) => r.field)).not.toContain('sensitive');
    expect(fieldRows(record, ctx).map((r) => r.field)).not.toContain('withheld');
  });

  it('links only http(s), mailto and site paths', () => {
    expect(isSafeUrl('https://example.org/x')).toBe(true);
    expect(isSafeUrl('mailto:a@b.no')).toBe(true);
    expect(isSafeUrl('/guests/x/')).toBe(true);
    expect(isSafeUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeUrl('//evil.example')).toBe(false);
    expect(isSafeUrl('data:text/html,<script>')).toBe(false);
    expect(toValue('note', 'javascript:alert(1)', ctx)).toEqual({ t: 'text', text: 'javascript:alert(1)' });
    expect(toValue('note', 'https://example.org', ctx)).toMatchObject({ t: 'link', external: true });
  });
});

describe('i18n', () => {
  it('has both languages for every word and field label', () => {
    for (const dict of [WORDS, FIELD_LABEL] as Array<Record<string, { nb: unknown; en: unknown }>>) {
      for (const [key, value] of Object.entries(dict)) {
        expect(value.nb, key).toBeTruthy();
        expect(value.en, key).toBeTruthy();
        expect(typeof value.nb, key).toBe(typeof value.en);
      }
    }
  });
});

describe('content dirs', () => {
  it('reads docs through the src/content/docs symlink only for the default content dir', () => {
    expect(docsDirFor(sitePaths({}, '/p'))).toEqual({ dir: '/p/content/docs', usesSymlink: true });
    expect(docsDirFor(sitePaths({ DRIFTSBOK_CONTENT_DIR: 'tests/fixtures/models/mini/content' }, '/p'))).toEqual({
      dir: '/p/tests/fixtures/models/mini/content/docs',
      usesSymlink: false,
    });
  });
});

describe('field labels', () => {
  it('name every field an entity page can show, in both languages (walks the generated JSON Schema)', async () => {
    const { readFileSync } = await import('node:fs');
    const schema = JSON.parse(readFileSync('model/schema/model.schema.json', 'utf8')) as { $defs: Record<string, unknown> };
    const kinds = ['Location', 'Host', 'Guest', 'Network', 'Storage', 'System', 'Capability', 'Power', 'Plan', 'Scenario', 'Note'];
    const names = new Set<string>();
    const walk = (node: unknown) => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(walk);
      const record = node as Record<string, unknown>;
      if (record.properties && typeof record.properties === 'object') {
        for (const [name, sub] of Object.entries(record.properties as Record<string, unknown>)) {
          if (name !== 'nb' && name !== 'en') names.add(name);
          walk(sub);
        }
      }
      for (const key of ['items', 'anyOf', 'oneOf', 'allOf']) walk(record[key]);
    };
    for (const kind of kinds) walk(schema.$defs[kind]);
    const missing = [...names].filter((name) => !FIELD_LABEL[name]);
    expect(missing).toEqual([]);
  });
});
