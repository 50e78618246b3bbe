/**
 * The architecture view: critical (decentralised or not) and comfort systems and what each needs
 * directly; over the budget, guests folded into their hosts, then one box per group and kind. Pure.
 */
import type { Model } from '../model/schema/model.ts';
import type { EntityRecord, Lang } from '../model/entities.ts';
import { HARD_RELATIONS, type Edge } from '../model/graph.ts';
import { ENTITY_KINDS, type EntityKind } from '../model/kinds.ts';
import { Flowchart } from './flowchart.ts';
import { entityLabel, t } from '../i18n/store.ts';
import { BOX, context, edgeStyle, hostKeyOf, lifecycleClasses, relationStyle, shapeOf, uniq } from './drawing.ts';
import { countLabel, summarised, withinBudget } from './budget.ts';
import type { DiagramSpec, HrefFor } from './types.ts';

/**
 * Critical systems (decentralised or not) vs comfort systems, and what each needs directly.
 * Over DIAGRAM_BUDGET: guests are left out (each system points at the host its guests run on);
 * then one box per group of systems and one per kind of thing they need, with counts.
 */
export function architectureDiagram(model: Model, lang: Lang, hrefFor: HrefFor): DiagramSpec {
  const ctx = context(model, lang);
  const title = t(lang, 'diagram.architectureTitle');
  const base = t(lang, 'diagram.architecture.description');
  const systems = [...ctx.records.values()].filter((r) => r.kind === 'system');
  const groups: Array<[string, (r: EntityRecord) => boolean, string]> = [
    [t(lang, 'diagram.criticalDecentral'), (r) => r.entity.tier === 'critical' && r.entity.decentralised === true, 'critical'],
    [t(lang, 'diagram.criticalCentral'), (r) => r.entity.tier === 'critical' && r.entity.decentralised !== true, 'critical'],
    [t(lang, 'diagram.comfort'), (r) => r.entity.tier !== 'critical', 'comfort'],
  ];
  // One hop of hard dependencies from each system, then guests to their hosts.
  const deps: Edge[] = [];
  for (const s of systems) {
    for (const e of ctx.graph.outgoing.get(s.key) ?? []) if (HARD_RELATIONS.has(e.relation) || e.relation === 'enhancedBy') deps.push(e);
  }
  const targets = uniq(deps.map((e) => e.to))
    .map((k) => ctx.records.get(k))
    .filter((r): r is EntityRecord => !!r && r.kind !== 'system');
  const hostsOfGuests = uniq(targets.filter((r) => r.kind === 'guest').map(hostKeyOf))
    .map((k) => ctx.records.get(k))
    .filter((r): r is EntityRecord => !!r);
  const make = (level: 0 | 1 | 2) => (): DiagramSpec => {
    const description = summarised(base, level, lang);
    const b = new Flowchart('LR', title, description, hrefFor);
    const place = (r: EntityRecord, extra: string[] = []) =>
      b.node(r.key, entityLabel(r, lang, BOX), { shape: shapeOf(r), classes: [...extra, ...lifecycleClasses(r)] });
    if (level === 2) {
      const groupOf = new Map<string, string>();
      groups.forEach(([label, test, cls], i) => {
        const members = systems.filter(test);
        if (!members.length) return;
        b.node(`summary:systems:${i}`, `${label}\n${countLabel(members, 'system', lang)}`, { classes: [cls], link: false });
        for (const m of members) groupOf.set(m.key, `summary:systems:${i}`);
      });
      b.subgraph(t(lang, 'diagram.whatTheyNeed'), () => {
        // Every kind a system may need has its box: these first, then any other in registry order.
        const first: EntityKind[] = ['network', 'power', 'storage', 'capability', 'guest', 'host'];
        for (const kind of [...first, ...ENTITY_KINDS.filter((k) => k !== 'system' && !first.includes(k))]) {
          const members = [...targets, ...hostsOfGuests].filter((r) => r.kind === kind);
          if (members.length) b.node(`summary:needs:${kind}`, countLabel(uniq(members), kind, lang), { shape: 'box', link: false });
          for (const m of members) groupOf.set(m.key, `summary:needs:${kind}`);
        }
      });
      for (const e of deps) if (ctx.records.has(e.to)) b.placedEdge(groupOf.get(e.from) ?? '', groupOf.get(e.to) ?? '');
      if (targets.some((x) => x.kind === 'guest')) b.edge(`summary:needs:guest`, `summary:needs:host`);
    } else {
      for (const [label, test, cls] of groups) b.subgraph(label, () => systems.filter(test).forEach((r) => place(r, [cls])));
      b.subgraph(t(lang, 'diagram.whatTheyNeed'), () => {
        targets.filter((r) => r.kind !== 'host' && (level === 0 || r.kind !== 'guest')).forEach((r) => place(r));
        [...targets.filter((r) => r.kind === 'host'), ...hostsOfGuests].forEach((r) => place(r));
      });
      for (const e of deps) {
        const to = ctx.records.get(e.to);
        // Summarised: a system that needs a guest points at the guest's host.
        if (level === 1 && to?.kind === 'guest') b.edge(e.from, hostKeyOf(to), { style: relationStyle(ctx, e) });
        else b.edge(e.from, e.to, { style: relationStyle(ctx, e) });
      }
      if (level === 0) {
        for (const r of targets.filter((x) => x.kind === 'guest'))
          b.edge(r.key, hostKeyOf(r), { style: edgeStyle(ctx, r.key, hostKeyOf(r)) });
      }
    }
    return { id: `architecture-${lang}`, source: 'architecture (systems)', title, description, mermaid: b.toString() };
  };
  return withinBudget([make(0), make(1), make(2)]);
}
