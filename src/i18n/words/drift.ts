/**
 * The words of the drift report as `npm run drift` prints it (src/proxmox/report.ts). Part of the
 * one word store (src/i18n/store.ts); the summary line is the drift page's, 'drift.counts'.
 */
import type { Entry } from './define.ts';

export const DRIFT_REPORT_WORDS = {
  'driftReport.title': { nb: 'Avvik mellom modellen og Proxmox', en: 'Drift between the model and Proxmox' },
  'driftReport.source': { nb: 'Kilde', en: 'Source' },
  'driftReport.snapshot': { nb: 'øyeblikksbilde', en: 'snapshot' },
  'driftReport.api': { nb: 'API', en: 'API' },
  'driftReport.taken': { nb: 'tatt', en: 'taken' },
  'driftReport.unknownTime': { nb: 'tidspunkt ukjent', en: 'time unknown' },
  'driftReport.head.drift': { nb: 'Avvik', en: 'Drift' },
  'driftReport.head.unknown': { nb: 'Ukjent (ikke synlig for tokenet)', en: 'Unknown (not visible to the token)' },
  'driftReport.head.info': { nb: 'Ikke dokumentert (Proxmox vet mer enn modellen)', en: 'Not documented (Proxmox knows more than the model)' },
  'driftReport.fix': { nb: 'gjør', en: 'fix' },
  'driftReport.none': { nb: 'Ingen avvik: modellen stemmer med Proxmox.', en: 'No drift: the model matches Proxmox.' },
  'driftReport.note': { nb: 'Merk', en: 'Note' },
} satisfies Record<string, Entry>;
