/**
 * The glossary: the product's own words for what it knows and does not know, one per language,
 * written for the person who lives in the house rather than for whoever wrote the model. Pages and
 * the printed runbook take these words from here, so one idea has one name everywhere.
 */
import type { Word } from './define.ts';

export const GLOSSARY = {
  /** What the model does not say. Never "the source does not say": the owner is the source. */
  'glossary.notDocumented': { nb: 'ikke dokumentert', en: 'not documented' },
  /** On paper, before a blank line: the reader writes the missing value in. */
  'glossary.writeIn': { nb: 'ukjent – skriv inn:', en: 'unknown – write in:' },
  /** A dependency the documentation does not state but the analysis needs. */
  'glossary.assumed': { nb: 'antatt', en: 'assumed' },
  /** The model's git revision, as printed on pages and paper. */
  'glossary.version': { nb: 'Versjon', en: 'Version' },
  /** The audits, as a page. */
  'glossary.setupCheck': { nb: 'Sjekk av oppsettet', en: 'Set-up check' },
  /** Single points of failure. */
  'glossary.weakPoints': { nb: 'Svake punkter', en: 'Weak points' },
  /** What a person in the house gets (a "capability" in the model). */
  'glossary.capability': { nb: 'funksjon', en: 'capability' },
  /** What the runbook calls itself. */
  'glossary.runbook': { nb: 'Driftshåndbok', en: 'Outage runbook' },
} satisfies Record<string, Word>;
