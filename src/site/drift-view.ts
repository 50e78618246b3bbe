/**
 * What the site says about drift: compared with a committed Proxmox snapshot (`<model>/observed/`,
 * written by scripts/proxmox-snapshot.sh), or never. Node-side (reads the snapshot); the words
 * (src/i18n/ui.ts) and the per-entity selection are pure and tested on their own.
 *
 * The public profile leaves out findings about sensitive fields (IP addresses), as it leaves the
 * fields themselves out.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Model } from '../model/schema/model.ts';
import type { Lang } from '../model/entities.ts';
import { SENSITIVE_FIELDS, type Profile } from '../model/profile.ts';
import { INTL_LOCALE, t, type UiKey } from '../i18n/ui.ts';
import { parseAnswers } from '../proxmox/answers.ts';
import { readSnapshotDir } from '../proxmox/snapshot-dir.ts';
import { observe } from '../proxmox/observed.ts';
import { compareModel, type DriftFinding, type DriftSeverity } from '../proxmox/drift.ts';
import { modelPositions } from '../proxmox/model-positions.ts';

export type SiteDrift =
  | { state: 'never' }
  | { state: 'compared'; takenAt?: string; findings: DriftFinding[]; counts: Record<DriftSeverity, number>; notes: { nb: string; en: string }[] };

/** Where the committed snapshot lives, inside the model folder (so it is part of the build's inputs). */
export function observedDir(modelDir: string): string {
  return join(modelDir, 'observed');
}

/** Compares the full model (before the profile) with the committed snapshot, when there is one. */
export function siteDrift(modelDir: string, model: Model, profile: Profile): SiteDrift {
  const dir = observedDir(modelDir);
  if (!existsSync(join(dir, 'cluster-resources.json'))) return { state: 'never' };
  const report = compareModel(model, observe(parseAnswers(readSnapshotDir(dir))), modelPositions(modelDir));
  return forProfile({ state: 'compared', ...(report.takenAt ? { takenAt: report.takenAt } : {}), findings: report.findings, counts: report.counts, notes: report.notes }, profile);
}

export function forProfile(drift: SiteDrift, profile: Profile): SiteDrift {
  if (drift.state === 'never' || profile === 'full') return drift;
  const hidden = new Set<string>(SENSITIVE_FIELDS);
  const findings = drift.findings.filter((f) => !(f.field && hidden.has(f.field)));
  const counts = { drift: 0, unknown: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { ...drift, findings, counts };
}

/** Findings about one entity of the model (`guest:frigate`). */
export function findingsFor(drift: SiteDrift | undefined, kind: string, id: string): DriftFinding[] {
  if (!drift || drift.state === 'never') return [];
  return drift.findings.filter((f) => f.entity === kind && f.id === id);
}

/** The entity kinds Proxmox knows about: only their pages say when they were compared. */
export const COMPARED_KINDS: ReadonlySet<string> = new Set(['host', 'guest', 'storage']);

/** The label of a finding's severity. */
export function severityLabel(severity: DriftSeverity, lang: Lang): string {
  return t(lang, `drift.severity.${severity}` as UiKey);
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
  return !drift || drift.state === 'never' ? t(lang, 'drift.coverNever') : t(lang, 'drift.cover', { when: formatComparedAt(drift.takenAt, lang) });
}

/** A finding's text with its `code` spans apart, so pages show them as code (and never as HTML). */
export function codeSpans(text: string): { code: boolean; text: string }[] {
  return text
    .split(/(`[^`]+`)/)
    .filter((part) => part !== '')
    .map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? { code: true, text: part.slice(1, -1) } : { code: false, text: part }));
}
