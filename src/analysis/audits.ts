/**
 * Audits: lint rules over the model and its analysis. Each finding has a stable rule id, a severity,
 * and a message and hint in both languages. Findings are sorted (rule, subject, scenario, text) so
 * the output is deterministic.
 *
 * - critical-survives (warning): every critical system and capability stays ok when a Proxmox host
 *   fails (run for every Proxmox host, scenario or not). A critical entity that is down is a warning;
 *   one that still works but is degraded is reported as info (it survives, reduced).
 * - false-redundancy (warning): the members of an anyOf group share an upstream single point of
 *   failure (one entity whose failure alone takes the whole group down).
 * - runbook-reachable (warning when the docs are down, info when degraded): in this scenario the
 *   docs (`site.docsCapability`) are not ok, so its runbook must be on paper.
 * - stopped-dependency (warning): a running guest or active entity hard-depends on a stopped guest.
 * - translation-missing (error): a bilingual text lacks a language.
 * - stated-summary (warning): the counts the source states disagree with the computed ones.
 * - todo-text (warning): a text still starts with "TODO:" (as `npm run import` writes what Proxmox
 *   cannot know), so a person has yet to write it.
 */
import type { Model } from '../model/schema/model.ts';
import { localized, type Lang } from '../model/entities.ts';
import { findMissingTranslations } from '../model/translations.ts';
import { chainText, entityLabel, stateLabel } from './explain.ts';
import { cmp, type FailureGraph } from './propagate.ts';
import type { AuditFinding, Outcome, PhaseResult, ScenarioResult } from './types.ts';
import type { Summary } from './summary.ts';
import { KIND_SECTIONS } from '../model/entities.ts';

type Text = { nb: string; en: string };
const both = (f: (lang: Lang) => string): Text => ({ nb: f('nb'), en: f('en') });
const list = (items: string[], lang: Lang, max = 5): string => {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  const joined = shown.join(', ');
  if (more <= 0) return joined;
  return lang === 'nb' ? `${joined} og ${more} til` : `${joined} and ${more} more`;
};

export interface AuditInput {
  model: Model;
  fg: FailureGraph;
  baseline: PhaseResult;
  scenarios: ScenarioResult[];
  /** Outcomes when each Proxmox host fails alone (key → outcomes). */
  hostFailures: Map<string, Record<string, Outcome>>;
  /** From the single-failure sweep: group id → entities whose failure alone takes the group down. */
  sharedFailures: Map<string, string[]>;
  summary: Summary;
}

export function runAudits(input: AuditInput): AuditFinding[] {
  const findings = [
    ...criticalSurvives(input),
    ...falseRedundancy(input),
    ...runbookReachable(input),
    ...stoppedDependency(input),
    ...translationMissing(input),
    ...statedSummary(input),
    ...todoText(input),
  ];
  return findings.sort(
    (a, b) =>
      cmp(a.rule, b.rule) || cmp(a.subject ?? '', b.subject ?? '') || cmp(a.scenario ?? '', b.scenario ?? '') || cmp(a.message.en, b.message.en),
  );
}

export function criticalSurvives({ model, fg, scenarios, hostFailures }: AuditInput): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const critical = fg.records.filter((r) => (r.kind === 'system' || r.kind === 'capability') && r.entity.tier === 'critical');
  for (const [host, outcomes] of hostFailures) {
    // The scenario that fails exactly this host at t = 0, when the model has one.
    const scenario = scenarios.find((s) => s.phases[0]?.failed.length === 1 && s.phases[0].failed[0] === host)?.id;
    const hostName = (lang: Lang) => entityLabel(host, model, lang);
    for (const record of critical) {
      const outcome = outcomes[record.key];
      if (!outcome || outcome.state === 'ok') continue;
      const chain = outcome.causes[0]?.chain ?? [record.key];
      const name = (lang: Lang) => entityLabel(record.key, model, lang);
      // The entity just before the root in the chain: what to move off the host.
      const culprit = chain.length >= 2 ? chain[chain.length - 2]! : undefined;
      const down = outcome.state === 'down';
      findings.push({
        rule: 'critical-survives',
        severity: down ? 'warning' : 'info',
        subject: record.key,
        ...(scenario ? { scenario } : {}),
        message: both((lang) =>
          lang === 'nb'
            ? `${name(lang)} hører til det kritiske, men er ${stateLabel(outcome.state, lang)} når ${hostName(lang)} feiler: ${chainText(chain, model, lang)}.`
            : `${name(lang)} is critical but is ${stateLabel(outcome.state, lang)} when ${hostName(lang)} fails: ${chainText(chain, model, lang)}.`,
        ),
        hint: both((lang) => {
          if (!down) {
            return lang === 'nb'
              ? `Det virker fortsatt, men redusert. Sjekk at det som blir borte (${culprit ? entityLabel(culprit, model, lang) : hostName(lang)}) bare er komfort.`
              : `It still works, reduced. Check that what is lost (${culprit ? entityLabel(culprit, model, lang) : hostName(lang)}) is only comfort.`;
          }
          const what = culprit ? entityLabel(culprit, model, lang) : name(lang);
          return lang === 'nb'
            ? `Designprinsippet sier at alt kritisk skal virke uten ${hostName(lang)}. Flytt ${what} til en maskin som ikke avhenger av ${hostName(lang)}, eller merk ${name(lang)} som komfort hvis det ikke er kritisk.`
            : `The design principle says everything critical works without ${hostName(lang)}. Move ${what} to a machine that does not depend on ${hostName(lang)}, or mark ${name(lang)} as comfort if it is not critical.`;
        }),
        ...(down ? { modelHint: 'tier: comfort' } : {}),
      });
    }
  }
  return findings;
}

export function falseRedundancy({ model, fg, sharedFailures }: AuditInput): AuditFinding[] {
  const findings: AuditFinding[] = [];
  for (const group of fg.groups) {
    const shared = sharedFailures.get(group.id);
    if (!shared || shared.length === 0) continue;
    const owner = fg.keys[group.owner]!;
    const members = (lang: Lang) => group.members.map((m) => entityLabel(fg.keys[m]!, model, lang));
    const memberKeys = new Set(group.members.map((m) => fg.keys[m]!));
    const itself = { nb: 'selv ett av alternativene', en: 'itself one of the alternatives' };
    const names = (lang: Lang) =>
      shared.map((k) => (memberKeys.has(k) ? `${entityLabel(k, model, lang)} (${itself[lang]})` : entityLabel(k, model, lang)));
    const ownerName = (lang: Lang) => entityLabel(owner, model, lang);
    const first = shared[0]!;
    const firstName = (lang: Lang) => entityLabel(first, model, lang);
    findings.push({
      rule: 'false-redundancy',
      severity: 'warning',
      subject: owner,
      message: both((lang) =>
        lang === 'nb'
          ? `${ownerName(lang)} har alternativene ${list(members(lang), lang)}, men ${group.members.length === 2 ? 'begge' : 'alle'} faller samtidig hvis ${shared.length === 1 ? 'denne feiler' : 'én av disse feiler'}: ${list(names(lang), lang)}.`
          : `${ownerName(lang)} has the alternatives ${list(members(lang), lang)}, but ${group.members.length === 2 ? 'both' : 'all of them'} fail together when ${shared.length === 1 ? 'this fails' : 'one of these fails'}: ${list(names(lang), lang)}.`,
      ),
      hint: both((lang) => {
        if (memberKeys.has(first)) {
          return lang === 'nb'
            ? `Reserven er bare tilsynelatende: ${group.members.length === 2 ? 'det andre alternativet' : 'de andre alternativene'} avhenger av ${firstName(lang)}. Gjør ${group.members.length === 2 ? 'det' : 'dem'} uavhengig av den, eller beskriv det som én vanlig avhengighet i stedet for alternativer.`
            : `The backup is only apparent: the other ${group.members.length === 2 ? 'alternative depends' : 'alternatives depend'} on ${firstName(lang)}. Make ${group.members.length === 2 ? 'it' : 'them'} independent of it, or describe it as one plain dependency instead of alternatives.`;
        }
        return lang === 'nb'
          ? `Reserven er bare tilsynelatende. Gi alternativene hver sin vei utenom ${firstName(lang)}, eller beskriv det som én vanlig avhengighet i stedet for alternativer.`
          : `The backup is only apparent. Give the alternatives separate paths around ${firstName(lang)}, or describe it as one plain dependency instead of alternatives.`;
      }),
      modelHint: 'anyOf',
    });
  }
  return findings;
}

export function runbookReachable({ model, scenarios }: AuditInput): AuditFinding[] {
  const docs = model.site.docsCapability;
  if (!docs) return [];
  const findings: AuditFinding[] = [];
  const scenarioRecords = new Map(model.scenarios.map((s) => [s.id, s]));
  for (const scenario of scenarios) {
    const phase = scenario.phases.find((p) => p.outcomes[docs] && p.outcomes[docs].state !== 'ok');
    if (!phase) continue;
    const outcome = phase.outcomes[docs]!;
    const title = (lang: Lang) => localized(scenarioRecords.get(scenario.id)?.title ?? { nb: scenario.id, en: scenario.id }, lang);
    const phaseText = (lang: Lang) => (phase.id === 'start' ? '' : lang === 'nb' ? ` (fra fasen «${localized(phase.title, lang)}»)` : ` (from the phase “${localized(phase.title, lang)}”)`);
    const chain = outcome.causes[0]?.chain ?? [docs];
    const down = outcome.state === 'down';
    findings.push({
      rule: 'runbook-reachable',
      severity: down ? 'warning' : 'info',
      subject: docs,
      scenario: scenario.id,
      message: both((lang) =>
        lang === 'nb'
          ? `I scenariet «${title(lang)}»${phaseText(lang)} er dokumentasjonen ${stateLabel(outcome.state, lang)}: ${chainText(chain, model, lang)}.`
          : `In the scenario “${title(lang)}”${phaseText(lang)} the documentation is ${stateLabel(outcome.state, lang)}: ${chainText(chain, model, lang)}.`,
      ),
      hint: both((lang) =>
        lang === 'nb'
          ? `Driftshåndboka for «${title(lang)}» må finnes på papir eller lagret lokalt: skriv ut PDF-en og oppbevar den der den trengs.`
          : `The runbook for “${title(lang)}” must be on paper or stored offline: print the PDF and keep it where it is needed.`,
      ),
    });
  }
  return findings;
}

export function stoppedDependency({ model, fg }: AuditInput): AuditFinding[] {
  const findings: AuditFinding[] = [];
  fg.hard.forEach((targets, i) => {
    if (fg.stopped[i]) return;
    const stopped = targets.filter((t) => fg.stopped[t]).map((t) => fg.keys[t]!);
    for (const target of stopped) {
      const subject = fg.keys[i]!;
      findings.push({
        rule: 'stopped-dependency',
        severity: 'warning',
        subject,
        message: both((lang) =>
          lang === 'nb'
            ? `${entityLabel(subject, model, lang)} avhenger av ${entityLabel(target, model, lang)}, som er stoppet.`
            : `${entityLabel(subject, model, lang)} depends on ${entityLabel(target, model, lang)}, which is stopped.`,
        ),
        hint: both((lang) =>
          lang === 'nb'
            ? `Start ${entityLabel(target, model, lang)}, fjern avhengigheten, eller merk ${entityLabel(subject, model, lang)} som planlagt hvis det ikke er i bruk ennå.`
            : `Start ${entityLabel(target, model, lang)}, remove the dependency, or mark ${entityLabel(subject, model, lang)} as planned if it is not in use yet.`,
        ),
      });
    }
  });
  return findings;
}

export function translationMissing({ model }: AuditInput): AuditFinding[] {
  return findMissingTranslations(model).map(({ path, missing, subject }) => {
    const other = missing === 'nb' ? 'en' : 'nb';
    return {
      rule: 'translation-missing',
      severity: 'error',
      ...(subject ? { subject } : {}),
      message: {
        nb: `${path} mangler ${missing === 'nb' ? 'norsk (nb)' : 'engelsk (en)'} tekst.`,
        en: `${path} lacks the ${missing === 'nb' ? 'Norwegian (nb)' : 'English (en)'} text.`,
      },
      hint: {
        nb: `Legg til \`${missing}:\` ved siden av \`${other}:\` i ${path}.`,
        en: `Add \`${missing}:\` next to \`${other}:\` in ${path}.`,
      },
    } satisfies AuditFinding;
  });
}

export function statedSummary({ model, summary }: AuditInput): AuditFinding[] {
  const stated = model.site.statedSummary;
  if (!stated) return [];
  const checks = [
    ['runningLxc', summary.lxc.running, { nb: 'kjørende LXC-containere', en: 'running LXC containers' }],
    ['runningQemu', summary.qemu.running, { nb: 'kjørende VM-er', en: 'running VMs' }],
    ['stoppedLxc', summary.lxc.stopped, { nb: 'stoppede LXC-containere', en: 'stopped LXC containers' }],
    ['stoppedQemu', summary.qemu.stopped, { nb: 'stoppede VM-er', en: 'stopped VMs' }],
  ] as const;
  const findings: AuditFinding[] = [];
  for (const [field, computed, what] of checks) {
    const said = stated[field];
    if (said === undefined || said === computed) continue;
    findings.push({
      rule: 'stated-summary',
      severity: 'warning',
      message: {
        nb: `Dokumentasjonen sier ${said} ${what.nb}, men modellen har ${computed}.`,
        en: `The documentation says ${said} ${what.en}, but the model has ${computed}.`,
      },
      hint: {
        nb: `Rett tallet i oppsummeringen til ${computed}, eller rett gjestene i modellen hvis dokumentasjonen har rett.`,
        en: `Change the number in the summary to ${computed}, or correct the guests in the model if the documentation is right.`,
      },
      modelHint: `site.statedSummary.${field}`,
    });
  }
  return findings;
}

/** The mark `npm run import` puts at the start of texts only a person can write. */
export const TODO_MARK = 'TODO:';

/** Paths (`description`, `purpose`, `title`, …) under which a text starts with the TODO mark. */
function todoPaths(value: unknown, path: string, out: Set<string>): void {
  if (typeof value === 'string') {
    if (value.trimStart().startsWith(TODO_MARK)) out.add(path.replace(/\.(nb|en)$/, ''));
  } else if (Array.isArray(value)) value.forEach((v, i) => todoPaths(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) todoPaths(v, path ? `${path}.${k}` : k, out);
}

export function todoText({ model }: AuditInput): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const report = (subject: string | undefined, where: string, paths: Set<string>) => {
    for (const path of [...paths].sort()) {
      findings.push({
        rule: 'todo-text',
        severity: 'warning',
        ...(subject ? { subject } : {}),
        message: { nb: `${where}.${path} er ikke skrevet ennå (TODO).`, en: `${where}.${path} is not written yet (TODO).` },
        hint: {
          nb: `Erstatt TODO-teksten i ${where}.${path} med det du vet, på norsk (nb) og engelsk (en).`,
          en: `Replace the TODO text in ${where}.${path} with what you know, in Norwegian (nb) and English (en).`,
        },
      });
    }
  };
  const site = new Set<string>();
  todoPaths(model.site, '', site);
  report(undefined, 'site', site);
  for (const [kind, section] of KIND_SECTIONS) {
    for (const entity of model[section] as { id: string }[]) {
      const paths = new Set<string>();
      todoPaths(entity, '', paths);
      report(`${kind}:${entity.id}`, `${section}[${entity.id}]`, paths);
    }
  }
  return findings;
}
