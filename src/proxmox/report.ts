/**
 * The drift report as people read it (nb or en) and as scripts read it (JSON). Pure.
 */
import type { Lang } from '../model/entities.ts';
import { t } from '../i18n/store.ts';
import type { DriftFinding, DriftReport } from './drift.ts';

export type { Lang };

function findingLines(finding: DriftFinding, lang: Lang): string[] {
  const where = finding.file ? `${finding.file}:${finding.line}:${finding.column}  ` : '';
  return [`  ${where}${finding.message[lang]}`, `      ${t(lang, 'driftReport.fix')}: ${finding.fix[lang]}`];
}

export function formatReport(report: DriftReport, lang: Lang): string {
  const lines = [
    t(lang, 'driftReport.title'),
    `${t(lang, 'driftReport.source')}: ${t(lang, report.source.kind === 'api' ? 'driftReport.api' : 'driftReport.snapshot')} ${report.source.where} (${report.takenAt ? `${t(lang, 'driftReport.taken')} ${report.takenAt}` : t(lang, 'driftReport.unknownTime')})`,
  ];
  for (const note of report.notes) lines.push(`${t(lang, 'driftReport.note')}: ${note[lang]}`);
  lines.push('');
  if (report.counts.drift === 0) lines.push(t(lang, 'driftReport.none'), '');
  for (const severity of ['drift', 'unknown', 'info'] as const) {
    const items = report.findings.filter((f) => f.severity === severity);
    if (items.length === 0) continue;
    lines.push(`${t(lang, `driftReport.head.${severity}`)} (${items.length}):`);
    for (const f of items) lines.push(...findingLines(f, lang));
    lines.push('');
  }
  lines.push(t(lang, 'drift.counts', report.counts));
  return lines.join('\n');
}

/** The `--json` form: one object with a `findings` array; messages in the chosen language. */
export function reportJson(report: DriftReport, lang: Lang): string {
  return JSON.stringify(
    {
      source: report.source,
      takenAt: report.takenAt ?? null,
      counts: report.counts,
      notes: report.notes.map((n) => n[lang]),
      findings: report.findings.map((f) => ({
        type: f.type,
        severity: f.severity,
        entity: f.entity,
        ...(f.id !== undefined ? { id: f.id } : {}),
        ...(f.vmid !== undefined ? { vmid: f.vmid } : {}),
        ...(f.node !== undefined ? { node: f.node } : {}),
        ...(f.storage !== undefined ? { storage: f.storage } : {}),
        field: f.field ?? null,
        model: f.model ?? null,
        observed: f.observed ?? null,
        file: f.file ?? null,
        line: f.line ?? null,
        column: f.column ?? null,
        message: f.message[lang],
        fix: f.fix[lang],
      })),
    },
    null,
    2,
  );
}
