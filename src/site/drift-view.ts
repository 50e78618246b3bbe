/**
 * What the site says about drift: compared with a committed Proxmox snapshot (`<model>/observed/`,
 * written by scripts/proxmox-snapshot.sh), or never. Node-side (reads the snapshot); the words
 * (src/i18n/words/site.ts) and the per-entity selection are pure and tested on their own.
 *
 * The comparison uses the full model (so a sensitive guest is not reported as "missing from the
 * model"); the public profile then leaves out every finding that would say what it withholds: one
 * about a sensitive field (IP addresses), about an entity marked sensitive, or whose words name a
 * sensitive entity or hold a value the public profile leaves out (src/site/output-scan.ts would
 * refuse such a page anyway). The drift page says how many were left out.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Model } from '../model/schema/model.ts';
import { listEntities, type Lang } from '../model/entities.ts';
import { isSensitive, SENSITIVE_FIELDS, type Profile } from '../model/profile.ts';
import { INTL_LOCALE, t } from '../i18n/ui.ts';
import { parseAnswers } from '../proxmox/answers.ts';
import { readSnapshotDir } from '../proxmox/snapshot-dir.ts';
import { observe } from '../proxmox/observed.ts';
import { compareModel, type DriftFinding, type DriftSeverity } from '../proxmox/drift.ts';
import { modelPositions } from '../proxmox/model-positions.ts';
import { internalValues } from './output-scan.ts';

export type SiteDrift =
  | { state: 'never' }
  | {
      state: 'compared';
      takenAt?: string;
      findings: DriftFinding[];
      counts: Record<DriftSeverity, number>;
      notes: { nb: string; en: string }[];
      /** Public profile: how many findings were left out because they concern sensitive facts. */
      withheld?: number;
    };

/** Where the committed snapshot lives, inside the model folder (so it is part of the build's inputs). */
export function observedDir(modelDir: string): string {
  return join(modelDir, 'observed');
}

/** Compares the full model (before the profile) with the committed snapshot, when there is one. */
export function siteDrift(modelDir: string, model: Model, profile: Profile): SiteDrift {
  const dir = observedDir(modelDir);
  if (!existsSync(join(dir, 'cluster-resources.json'))) return { state: 'never' };
  const report = compareModel(model, observe(parseAnswers(readSnapshotDir(dir))), modelPositions(modelDir));
  return forProfile(
    {
      state: 'compared',
      ...(report.takenAt ? { takenAt: report.takenAt } : {}),
      findings: report.findings,
      counts: report.counts,
      notes: report.notes,
    },
    profile,
    model,
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What the public profile must not show, as whole words: sensitive entities' ids and names, and the model's sensitive values. */
function withheldWords(model: Model): RegExp[] {
  const words = new Set<string>();
  // Drift texts name hosts, guests and storage only (a sensitive note's id may be a common word).
  for (const record of listEntities(model)) {
    if (!isSensitive(record.entity) || !COMPARED_KINDS.has(record.kind)) continue;
    words.add(record.id);
    const name = (record.entity as { name?: unknown }).name;
    if (typeof name === 'string' && name.trim()) words.add(name.trim());
  }
  for (const { value } of internalValues(model)) words.add(value);
  return [...words].map((word) => new RegExp(`(?<![\\w.-])${escapeRegExp(word)}(?![\\w-]|\\.\\w)`, 'i'));
}

/**
 * The findings a profile shows. Public: none about a sensitive field or a sensitive entity, and none
 * whose words name what the profile withholds (a guest moved to a sensitive host names that host).
 * `model` is the full model the comparison used.
 */
export function forProfile(drift: SiteDrift, profile: Profile, model: Model): SiteDrift {
  if (drift.state === 'never' || profile === 'full') return drift;
  const hiddenFields = new Set<string>(SENSITIVE_FIELDS);
  const sensitiveKeys = new Set(
    listEntities(model)
      .filter((r) => isSensitive(r.entity))
      .map((r) => r.key),
  );
  const words = withheldWords(model);
  const shows = (f: DriftFinding) => {
    if (f.field && hiddenFields.has(f.field)) return false;
    if (f.id && sensitiveKeys.has(`${f.entity}:${f.id}`)) return false;
    const text = [f.message.nb, f.message.en, f.fix.nb, f.fix.en].join('\n');
    return !words.some((word) => word.test(text));
  };
  const findings = drift.findings.filter(shows);
  const counts = { drift: 0, unknown: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const withheld = drift.findings.length - findings.length;
  return { ...drift, findings, counts, ...(withheld ? { withheld } : {}) };
}

/** Findings about one entity of the model (`guest:frigate`). */
export function findingsFor(drift: SiteDrift | undefined, kind: string, id: string): DriftFinding[] {
  if (!drift || drift.state === 'never') return [];
  return drift.findings.filter((f) => f.entity === kind && f.id === id);
}

/** The entity kinds Proxmox knows about: only their pages say when they were compared. */
export const COMPARED_KINDS: ReadonlySet<string> = new Set(['host', 'guest', 'storage']);

/** Whether drift compares this entity with Proxmox: guests, storage, and the hosts that are Proxmox nodes (not a Pi or a PLC). */
export function isCompared(record: { kind: string; entity: unknown }): boolean {
  if (!COMPARED_KINDS.has(record.kind)) return false;
  return record.kind !== 'host' || (record.entity as { kind?: unknown }).kind === 'proxmox';
}

/** The label of a finding's severity. */
export function severityLabel(severity: DriftSeverity, lang: Lang): string {
  return t(lang, `drift.severity.${severity}`);
}

/** "3. desember 2025 kl. 06:00 UTC" / "3 December 2025, 06:00 UTC". */
export function formatComparedAt(iso: string | undefined, lang: Lang): string {
  if (!iso) return t(lang, 'drift.unknownTime');
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat(INTL_LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' }).format(date);
  return t(lang, 'drift.at', { day, time });
}

/** The one line for the runbook's cover. */
export function coverLine(drift: SiteDrift | undefined, lang: Lang): string {
  return !drift || drift.state === 'never'
    ? t(lang, 'drift.coverNever')
    : t(lang, 'drift.cover', { when: formatComparedAt(drift.takenAt, lang) });
}

/** A finding's text with its `code` spans apart, so pages show them as code (and never as HTML). */
export function codeSpans(text: string): { code: boolean; text: string }[] {
  return text
    .split(/(`[^`]+`)/)
    .filter((part) => part !== '')
    .map((part) =>
      part.length > 2 && part.startsWith('`') && part.endsWith('`') ? { code: true, text: part.slice(1, -1) } : { code: false, text: part },
    );
}
