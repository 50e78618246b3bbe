import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { Flowchart } from './flowchart.ts';
import { parseFlowchart, textTwin, twinText, unescapeLabel } from './text-twin.ts';
import { escapeLabel } from './escape.ts';
import { allDiagrams } from './all.ts';
import { loadModel } from '../model/load-model.ts';
import { analyze } from '../analysis/analyze.ts';
import { entityHref } from '../site/urls.ts';
import { HOSTILE_STRINGS } from './hostile-strings.ts';

const href = (k: string) => `/x/${k.replace(':', '/')}/`;

describe('parseFlowchart reads back exactly what the Flowchart builder wrote', () => {
  it('boxes, nested groups, classes, links, and every arrow style with and without labels', () => {
    const b = new Flowchart('LR', 'T', 'D', href);
    b.subgraph('Hus', () => {
      b.node('host:pve', 'pve\nProxmox', { classes: ['down'] });
      b.subgraph('Gjester på pve', () => b.node('guest:a', 'a', { shape: 'round', classes: ['ok', 'planned'] }), 'LR');
    });
    b.node('legend:x', 'Legend box', { link: false });
    b.edge('host:pve', 'guest:a', { label: 'kjører', style: 'dashed' });
    b.edge('guest:a', 'legend:x', { style: 'thick' });
    b.edge('legend:x', 'host:pve');
    expect(parseFlowchart(b.toString())).toEqual({
      nodes: [
        { id: 'n0', label: 'pve\nProxmox', parent: 's0', classes: ['down'], href: '/x/host/pve/' },
        { id: 'n1', label: 'a', parent: 's1', classes: ['ok', 'planned'], href: '/x/guest/a/' },
        { id: 'n2', label: 'Legend box', classes: [] },
      ],
      groups: [
        { id: 's0', label: 'Hus' },
        { id: 's1', label: 'Gjester på pve', parent: 's0' },
      ],
      edges: [
        { from: 'n0', to: 'n1', label: 'kjører', style: 'dashed' },
        { from: 'n1', to: 'n2', style: 'thick' },
        { from: 'n2', to: 'n0', style: 'solid' },
      ],
    });
  });

  it('reads a thick arrow drawn dashed (linkStyle) as thick and dashed, and says so', () => {
    const b = new Flowchart('LR', 'T', 'D', href);
    b.node('host:pve', 'pve');
    b.node('guest:a', 'a');
    b.node('guest:b', 'b');
    b.edge('host:pve', 'guest:a', { style: 'thick' });
    b.edge('host:pve', 'guest:b', { style: 'thickDashed' });
    const parsed = parseFlowchart(b.toString());
    expect(parsed.edges.map((e) => e.style)).toEqual(['thick', 'thickDashed']);
  });

  it('gives back every hostile string literally', () => {
    for (const hostile of HOSTILE_STRINGS) {
      expect(unescapeLabel(escapeLabel(hostile)), JSON.stringify(hostile)).toBe(hostile.replace(/\r\n?/g, '\n'));
      const b = new Flowchart('TB', 't', 'd');
      b.node('a', hostile);
      b.node('b', 'b');
      b.edge('a', 'b', { label: hostile });
      const parsed = parseFlowchart(b.toString());
      expect(parsed.nodes[0]!.label).toBe(hostile.replace(/\r\n?/g, '\n'));
      expect(parsed.edges[0]!.label).toBe(hostile.replace(/\r\n?/g, '\n'));
    }
  });

  it('refuses a line the builder does not write, rather than leave it out of the twin', () => {
    expect(() => parseFlowchart('flowchart LR\nA --> B\n')).toThrow(/does not write/);
  });

  const models = ['tests/fixtures/models/mini/model', 'tests/fixtures/models/hostile/model', 'model'].filter(existsSync);
  it.each(models)('every diagram of %s has one sentence per box and per arrow', (dir) => {
    const loaded = loadModel(dir);
    if (!loaded.ok) throw new Error(dir);
    const analysis = analyze(loaded.model);
    for (const lang of ['nb', 'en'] as const) {
      for (const spec of allDiagrams(loaded.model, analysis, lang, (k) => entityHref(k, lang))) {
        const lines = spec.mermaid.split('\n').map((l) => l.trim());
        const boxes = lines.filter((l) => /^n\d+[[(]/.test(l)).length;
        const arrows = lines.filter((l) => /^[ns]\d+ (-->|-\.->|==>)/.test(l)).length;
        const twin = textTwin(parseFlowchart(spec.mermaid), lang);
        expect(
          twin.filter((s) => s.kind === 'box'),
          spec.id,
        ).toHaveLength(boxes);
        expect(
          twin.filter((s) => s.kind === 'arrow'),
          spec.id,
        ).toHaveLength(arrows);
      }
    }
  });
});

describe('textTwin', () => {
  const b = new Flowchart('LR', 'T', 'D', href);
  b.subgraph('Hus', () => b.node('host:pve', 'pve\nProxmox', { classes: ['down'] }));
  b.node('guest:a', '✗ a', { classes: ['down'] });
  const guests = b.subgraph('Gjester', () => b.node('guest:b', 'b', { link: false }));
  b.edge('host:pve', 'guest:a', { label: 'kjører', style: 'dashed' });
  b.edgeIds(b.idOf('host:pve')!, guests);
  const structure = parseFlowchart(b.toString());

  it('says each box with where it stands and its state, in Norwegian', () => {
    const nb = textTwin(structure, 'nb').map(twinText);
    expect(nb).toEqual([
      'Boks pve, Proxmox, i Hus: nede.',
      'Boks ✗ a: nede.',
      'Boks «b», i Gjester.',
      'Pil fra pve, Proxmox til ✗ a, merket «kjører» (stiplet).',
      'Pil fra pve, Proxmox til gruppen «Gjester».',
    ]);
  });

  it('and in English, with the linked names as links', () => {
    const en = textTwin(structure, 'en');
    expect(en.map(twinText)[3]).toBe('Arrow from pve, Proxmox to ✗ a, labelled “kjører” (dashed).');
    expect(en[0]!.parts).toContainEqual({ text: 'pve, Proxmox', href: '/x/host/pve/' });
    expect(en.map(twinText)[4]).toBe('Arrow from pve, Proxmox to the group “Gjester”.');
  });
});
