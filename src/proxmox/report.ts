/**
 * The drift report as people read it (nb or en) and as scripts read it (JSON). Pure.
 */
import type { DriftFinding, DriftReport, DriftSeverity } from './drift.ts';
import type { Lang } from '../model/entities.ts';

const TEXT = {
  nb: {
    title: 'Avvik mellom modellen og Proxmox',
    source: 'Kilde',
    snapshot: 'øyeblikksbilde',
    api: 'API',
    taken: 'tatt',
    unknownTime: 'tidspunkt ukjent',
    heads: { drift: 'Avvik', unknown: 'Ukjent (ikke synlig for tokenet)', info: 'Ikke dokumentert (Proxmox vet mer enn modellen)' } as Record<DriftSeverity, string>,
    fix: 'gjør',
    none: 'Ingen avvik: modellen stemmer med Proxmox.',
    summary: (d: number, u: number, i: number) => `${d} avvik, ${u} ukjente, ${i} ikke dokumentert.`,
    note: 'Merk',
  },
  en: {
    title: 'Drift between the model and Proxmox',
    source: 'Source',
    snapshot: 'snapshot',
    api: 'API',
    taken: 'taken',
    unknownTime: 'time unknown',
    heads: { drift: 'Drift', unknown: 'Unknown (not visible to the token)', info: 'Not documented (Proxmox knows more than the model)' } as Record<DriftSeverity, string>,
    fix: 'fix',
    none: 'No drift: the model matches Proxmox.',
    summary: (d: number, u: number, i: number) => `${d} drift, ${u} unknown, ${i} not documented.`,
    note: 'Note',
  },
} as const;

function findingLines(finding: DriftFinding, lang: Lang): string[] {
  const t = TEXT[lang];
  const where = finding.file ? `${finding.file}:${finding.line}:${finding.column}  ` : '';
  return [`  ${where}${finding.message[lang]}`, `      ${t.fix}: ${finding.fix[lang]}`];
}

export function formatReport(report: DriftReport, lang: Lang): string {
  const t = TEXT[lang];
  const lines = [
    t.title,
    `${t.source}: ${report.source.kind === 'api' ? t.api : t.snapshot} ${report.source.where} (${report.takenAt ? `${t.taken} ${report.takenAt}` : t.unknownTime})`,
  ];
  for (const note of report.notes) lines.push(`${t.note}: ${note[lang]}`);
  lines.push('');
  if (report.counts.drift === 0) lines.push(t.none, '');
  for (const severity of ['drift', 'unknown', 'info'] as const) {
    const items = report.findings.filter((f) => f.severity === severity);
    if (items.length === 0) continue;
    lines.push(`${t.heads[severity]} (${items.length}):`);
    for (const f of items) lines.push(...findingLines(f, lang));
    lines.push('');
  }
  lines.push(t.summary(report.counts.drift, report.counts.unknown, report.counts.info));
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
