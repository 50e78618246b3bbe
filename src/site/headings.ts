/**
 * The "On this page" list of an entity page: the same h2 ids EntityPage.astro writes. Pure.
 */
import type { EntityRecord, Lang } from '../model/entities.ts';
import { localized } from '../model/entities.ts';
import type { ScenarioResult } from '../analysis/types.ts';
import type { Model } from '../model/schema/model.ts';
import { t } from '../i18n/ui.ts';
import { isReachable } from '../analysis/reach.ts';

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export function entityHeadings(
  record: EntityRecord,
  lang: Lang,
  options: { scenario?: ScenarioResult; hasProse?: boolean; hasDiagram?: boolean; hasNotes?: boolean; hasGuests?: boolean } = {},
): Heading[] {
  const h = (slug: string, text: string): Heading => ({ depth: 2, slug, text });
  const out: Heading[] = [];
  if (isReachable(record)) out.push(h('reach', t(lang, 'reach.title')));
  if (record.kind === 'host' && options.hasGuests !== false) out.push(h('guests', t(lang, 'entity.guests')));
  // A scenario: what to do first, then what works and what does not (ScenarioBody.astro).
  if (record.kind === 'scenario' && options.scenario) {
    out.push(h('what-to-do', t(lang, 'scenario.whatToDo')), { depth: 3, slug: 'start-order', text: t(lang, 'scenario.startOrder') });
    out.push(h('status', t(lang, 'scenario.status')));
    for (const phase of options.scenario.phases) {
      const title = localized(phase.title, lang) || (phase.id === 'start' ? t(lang, 'scenario.start') : phase.id);
      out.push({ depth: 3, slug: `phase-${phase.id}`, text: `${t(lang, 'scenario.phase')}: ${title}` });
    }
  }
  out.push(
    h('facts', t(lang, 'entity.fields')),
    h('depends-on', t(lang, 'entity.dependsOn')),
    h('depended-on-by', t(lang, 'entity.dependedOnBy')),
  );
  if (options.hasNotes) out.push(h('notes', t(lang, 'entity.notes')));
  if (options.hasDiagram !== false) out.push(h('neighbourhood', t(lang, 'entity.neighbourhood')));
  if (options.hasProse) out.push(h('prose', t(lang, 'entity.prose')));
  // Its failure diagrams last (ScenarioDiagrams.astro).
  if (record.kind === 'scenario' && options.scenario?.phases.length) out.push(h('scenario-diagram', t(lang, 'scenario.diagram')));
  return out;
}

/** The overview's h2s (Overview.astro). */
export function overviewHeadings(model: Model, lang: Lang): Heading[] {
  return [
    ...(model.scenarios.length ? [{ depth: 2, slug: 'something-down', text: t(lang, 'outage.title') }] : []),
    { depth: 2, slug: 'runs', text: t(lang, 'overview.runs') },
    ...model.site.principles.map((p) => ({ depth: 2, slug: `principle-${p.id}`, text: localized(p.title, lang) })),
    { depth: 2, slug: 'contents', text: t(lang, 'overview.sections') },
    { depth: 2, slug: 'analysis', text: t(lang, 'overview.analysis') },
  ];
}

/** The architecture page's h2s (Architecture.astro). */
export function architectureHeadings(model: Model, lang: Lang): Heading[] {
  const tiers = (['critical', 'comfort'] as const).filter((tier) => model.systems.some((s) => s.tier === tier));
  return [
    ...model.site.principles.map((p) => ({ depth: 2, slug: `principle-${p.id}`, text: localized(p.title, lang) })),
    ...tiers.map((tier) => ({
      depth: 2,
      slug: `tier-${tier}`,
      text: t(lang, tier === 'critical' ? 'architecture.critical' : 'architecture.comfort'),
    })),
    { depth: 2, slug: 'topology', text: t(lang, 'architecture.topology') },
    { depth: 2, slug: 'audits', text: t(lang, 'audits.title') },
  ];
}
