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
import { both, t } from '../i18n/store.ts';
import { chainText, keyLabel, stateLabel } from './explain.ts';
import { cmp, type FailureGraph } from './propagate.ts';
import type { AuditFinding, Outcome, PhaseResult, ScenarioResult } from './types.ts';
import type { Summary } from './summary.ts';
import { KIND_SECTIONS } from '../model/entities.ts';

type Text = { nb: string; en: string };
/** A finding's text in both languages, each worded by `f`. */
const inBoth = (f: (lang: Lang) => string): Text => ({ nb: f('nb'), en: f('en') });
const list = (items: string[], lang: Lang, max = 5): string => {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  const joined = shown.join(', ');
  if (more <= 0) return joined;
  return `${joined} ${t(lang, 'list.and')} ${t(lang, 'list.more', { n: more })}`;
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
  /** Of those, the ones that leave the group up and take its owner down beside it. */
  besideGroup?: Map<string, string[]>;
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
  const records = input.fg.graph.records;
  for (const finding of findings) {
    if (finding.at || !finding.subject) continue;
    const record = records.get(finding.subject);
    if (record) finding.at = [record.section, record.index];
  }
  return findings.sort(
    (a, b) =>
      cmp(a.rule, b.rule) ||
      cmp(a.subject ?? '', b.subject ?? '') ||
      cmp(a.scenario ?? '', b.scenario ?? '') ||
      cmp(a.message.en, b.message.en),
  );
}

export function criticalSurvives({ model, fg, scenarios, hostFailures }: AuditInput): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const critical = fg.records.filter((r) => (r.kind === 'system' || r.kind === 'capability') && r.entity.tier === 'critical');
  for (const [host, outcomes] of hostFailures) {
    // The scenario that fails exactly this host at t = 0, when the model has one.
    const scenario = scenarios.find((s) => s.phases[0]?.failed.length === 1 && s.phases[0].failed[0] === host)?.id;
    const hostName = (lang: Lang) => keyLabel(host, model, lang);
    for (const record of critical) {
      const outcome = outcomes[record.key];
      if (!outcome || outcome.state === 'ok') continue;
      const chain = outcome.causes[0]?.chain ?? [record.key];
      const name = (lang: Lang) => keyLabel(record.key, model, lang);
      // The entity just before the root in the chain: what to move off the host.
      const culprit = chain.length >= 2 ? chain[chain.length - 2]! : undefined;
      const down = outcome.state === 'down';
      findings.push({
        rule: 'critical-survives',
        severity: down ? 'warning' : 'info',
        subject: record.key,
        ...(scenario ? { scenario } : {}),
        message: inBoth((lang) =>
          t(lang, 'audit.criticalSurvives.message', {
            name: name(lang),
            state: stateLabel(outcome.state, lang),
            host: hostName(lang),
            chain: chainText(chain, model, lang),
          }),
        ),
        hint: inBoth((lang) =>
          down
            ? t(lang, 'audit.criticalSurvives.hintDown', {
                name: name(lang),
                host: hostName(lang),
                move: culprit ? keyLabel(culprit, model, lang) : name(lang),
              })
            : t(lang, 'audit.criticalSurvives.hintDegraded', { lost: culprit ? keyLabel(culprit, model, lang) : hostName(lang) }),
        ),
        ...(down ? { modelHint: 'tier: comfort' } : {}),
      });
    }
  }
  return findings;
}

export function falseRedundancy({ model, fg, sharedFailures, besideGroup }: AuditInput): AuditFinding[] {
  const findings: AuditFinding[] = [];
  for (const group of fg.groups) {
    // A group the model's meaning implies (src/model/derived-edges.ts) is said once, on its cluster:
    // an HA guest's or a Ceph pool's nodes are the cluster's nodes, and share its weak points.
    if (group.purpose !== undefined && group.purpose !== 'quorum') continue;
    const shared = sharedFailures.get(group.id);
    if (!shared || shared.length === 0) continue;
    const owner = fg.keys[group.owner]!;
    const members = (lang: Lang) => group.members.map((m) => keyLabel(fg.keys[m]!, model, lang));
    const memberKeys = new Set(group.members.map((m) => fg.keys[m]!));
    const names = (lang: Lang) =>
      shared.map((k) =>
        memberKeys.has(k) ? `${keyLabel(k, model, lang)} (${t(lang, 'audit.falseRedundancy.itself')})` : keyLabel(k, model, lang),
      );
    const ownerName = (lang: Lang) => keyLabel(owner, model, lang);
    const first = shared[0]!;
    const firstName = (lang: Lang) => keyLabel(first, model, lang);
    // Written on the owner's side (the router both lines go through): the owner falls, the group does not.
    const beside = besideGroup?.get(group.id) ?? [];
    // A k-of-n group (a cluster's quorum, `atLeast: 2`) is not "alternatives": it says how many it needs.
    const messageKey =
      group.purpose === 'quorum'
        ? 'audit.falseRedundancy.messageQuorum'
        : group.atLeast > 1
          ? 'audit.falseRedundancy.messageNeeds'
          : beside.length > 0
            ? 'audit.falseRedundancy.messageBeside'
            : 'audit.falseRedundancy.message';
    findings.push({
      rule: 'false-redundancy',
      severity: 'warning',
      subject: owner,
      ...groupPath(fg, group.id),
      message: inBoth((lang) =>
        t(lang, messageKey, {
          owner: ownerName(lang),
          members: list(members(lang), lang),
          alternatives: group.members.length,
          causes: shared.length,
          shared: list(names(lang), lang),
          needed: group.atLeast,
          total: group.total,
        }),
      ),
      hint: inBoth((lang) =>
        group.purpose === 'quorum'
          ? t(lang, 'audit.falseRedundancy.hintQuorum', { first: firstName(lang), owner: ownerName(lang) })
          : memberKeys.has(first)
            ? t(lang, 'audit.falseRedundancy.hintMember', { first: firstName(lang), alternatives: group.members.length })
            : beside.includes(first)
              ? t(lang, 'audit.falseRedundancy.hintBeside', { first: firstName(lang), owner: ownerName(lang) })
              : t(lang, 'audit.falseRedundancy.hint', { first: firstName(lang) }),
      ),
      // Where a person changes it: a cluster's nodes are written on the cluster, not as an anyOf.
      modelHint: group.purpose === 'quorum' ? 'nodes' : group.atLeast > 1 ? `anyOf, atLeast: ${group.atLeast}` : 'anyOf',
    });
  }
  return findings;
}

/** The model path of an anyOf group (`capabilities[3].dependsOn[0]`) from its id `capability:x#dependsOn[0]`. */
function groupPath(fg: FailureGraph, id: string): { at?: Array<string | number> } {
  const match = /^(.*)#(\w+)\[(\d+)\]$/.exec(id);
  const record = match ? fg.graph.records.get(match[1]!) : undefined;
  return record ? { at: [record.section, record.index, match![2]!, Number(match![3])] } : {};
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
    const phaseText = (lang: Lang) =>
      phase.id === 'start' ? '' : t(lang, 'audit.runbookReachable.phase', { phase: localized(phase.title, lang) });
    const chain = outcome.causes[0]?.chain ?? [docs];
    const down = outcome.state === 'down';
    findings.push({
      rule: 'runbook-reachable',
      severity: down ? 'warning' : 'info',
      subject: docs,
      scenario: scenario.id,
      // About the scenario: its runbook section is what must be on paper.
      at: ['scenarios', model.scenarios.findIndex((s) => s.id === scenario.id)],
      message: inBoth((lang) =>
        t(lang, 'audit.runbookReachable.message', {
          title: title(lang),
          phase: phaseText(lang),
          state: stateLabel(outcome.state, lang),
          chain: chainText(chain, model, lang),
        }),
      ),
      hint: inBoth((lang) => t(lang, 'audit.runbookReachable.hint', { title: title(lang) })),
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
        message: inBoth((lang) =>
          t(lang, 'audit.stoppedDependency.message', { subject: keyLabel(subject, model, lang), target: keyLabel(target, model, lang) }),
        ),
        hint: inBoth((lang) =>
          t(lang, 'audit.stoppedDependency.hint', { subject: keyLabel(subject, model, lang), target: keyLabel(target, model, lang) }),
        ),
      });
    }
  });
  return findings;
}

export function translationMissing({ model }: AuditInput): AuditFinding[] {
  return findMissingTranslations(model).map(({ path, missing, subject, segments }) => {
    const other = missing === 'nb' ? 'en' : 'nb';
    return {
      rule: 'translation-missing',
      severity: 'error',
      at: [...segments],
      ...(subject ? { subject } : {}),
      message: inBoth((lang) => t(lang, 'audit.translationMissing.message', { path, language: t(lang, `language.${missing}`) })),
      hint: both('audit.translationMissing.hint', { path, missing, other }),
    } satisfies AuditFinding;
  });
}

export function statedSummary({ model, summary }: AuditInput): AuditFinding[] {
  const stated = model.site.statedSummary;
  if (!stated) return [];
  const checks = [
    ['runningLxc', summary.lxc.running],
    ['runningQemu', summary.qemu.running],
    ['stoppedLxc', summary.lxc.stopped],
    ['stoppedQemu', summary.qemu.stopped],
  ] as const;
  const findings: AuditFinding[] = [];
  for (const [field, computed] of checks) {
    const said = stated[field];
    if (said === undefined || said === computed) continue;
    findings.push({
      rule: 'stated-summary',
      severity: 'warning',
      message: inBoth((lang) => t(lang, 'audit.statedSummary.message', { said, what: t(lang, `audit.statedSummary.${field}`), computed })),
      hint: both('audit.statedSummary.hint', { computed }),
      at: ['site', 'statedSummary', field],
      modelHint: `site.statedSummary.${field}`,
    });
  }
  return findings;
}

/** The mark `npm run import` puts at the start of texts only a person can write. */
export const TODO_MARK = 'TODO:';

/**
 * Paths (`description`, `purpose`, `title`, …) under which a text starts with the TODO mark, each
 * with the model path of its first such text (for its file:line:column).
 */
function todoPaths(value: unknown, path: string, out: Map<string, Array<string | number>>, at: Array<string | number> = []): void {
  if (typeof value === 'string') {
    const key = path.replace(/\.(nb|en)$/, '');
    if (value.trimStart().startsWith(TODO_MARK) && !out.has(key)) out.set(key, at);
  } else if (Array.isArray(value)) value.forEach((v, i) => todoPaths(v, `${path}[${i}]`, out, [...at, i]));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) todoPaths(v, path ? `${path}.${k}` : k, out, [...at, k]);
}

export function todoText({ model }: AuditInput): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const report = (subject: string | undefined, where: string, paths: Map<string, Array<string | number>>, base: Array<string | number>) => {
    for (const path of [...paths.keys()].sort()) {
      findings.push({
        rule: 'todo-text',
        severity: 'warning',
        ...(subject ? { subject } : {}),
        at: [...base, ...paths.get(path)!],
        message: both('audit.todoText.message', { where: `${where}.${path}` }),
        hint: both('audit.todoText.hint', { where: `${where}.${path}` }),
      });
    }
  };
  const site = new Map<string, Array<string | number>>();
  todoPaths(model.site, '', site);
  report(undefined, 'site', site, ['site']);
  for (const [kind, section] of KIND_SECTIONS) {
    (model[section] as { id: string }[]).forEach((entity, index) => {
      const paths = new Map<string, Array<string | number>>();
      todoPaths(entity, '', paths);
      report(`${kind}:${entity.id}`, `${section}[${entity.id}]`, paths, [section, index]);
    });
  }
  return findings;
}
