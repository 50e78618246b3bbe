/**
 * The runbook's own UI strings, in both languages. Kept apart from src/i18n (the site's strings) so
 * the runbook can be printed and tested on its own. Nothing about a particular infrastructure here.
 */
import type { Lang } from '../model/entities.ts';
import { GLOSSARY } from '../i18n/ui.ts';

export interface RunbookStrings {
  runbookTitle: string;
  /** The short name in the site's sidebar. */
  navLabel: string;
  /** Shown under the title: "Made from the model on <date>, revision <rev>". */
  lead: string;
  printedNote: string;
  downloadPdf: string;
  printVersion: string;
  symptomIndex: string;
  symptomIntro: string;
  symptom: string;
  goTo: string;
  page: string;
  contents: string;
  scenario: string;
  phase: string;
  phaseStart: string;
  phaseAfterMinutes: (minutes: number) => string;
  phaseAfterUnknown: string;
  failedHere: string;
  stillWorks: string;
  /** After the critical capabilities that still work, when the rest are not listed. */
  worksOmittedMore: (n: number) => string;
  /** Instead of the list, when none of it is listed. */
  worksOmittedAll: (n: number) => string;
  degraded: string;
  lost: string;
  why: string;
  nothing: string;
  equipmentDown: string;
  diagram: string;
  whatToDo: string;
  noProcedure: string;
  startOrder: string;
  startOrderIntro: (host: string) => string;
  startOrderNone: string;
  step: string;
  guest: string;
  command: string;
  waitsFor: string;
  stoppedOnPurpose: string;
  /** The column that says why a guest is at its place in the start order. */
  whyHere: string;
  /** After the start order: hosts that go down too but have no guests to start. */
  hostsWithoutGuests: (names: string) => string;
  /** Heading over what works, what is degraded and what is lost. */
  statusTitle: string;
  /** Equipment that runs without what it needs (not restarted). */
  equipmentIdle: string;
  equipmentIdleNote: string;
  equipmentDegraded: string;
  /** The link from a section to its scenario's page on the site. */
  onSite: string;
  reference: string;
  hosts: string;
  guests: string;
  networkDevices: string;
  name: string;
  kind: string;
  hardware: string;
  ip: string;
  vmid: string;
  status: string;
  location: string;
  between: string;
  model: string;
  purpose: string;
  /** For what does not apply (a link has no hardware). */
  notKnown: string;
  /** Before a blank line to write on, for what applies but is not documented (an address). */
  writeIn: string;
  address: string;
  webUi: string;
  statusLabels: Record<string, string>;
  footerPage: string;
  footerOf: string;
  footerBuilt: string;
  footerRevision: string;
  tier: { critical: string; comfort: string };
}

const nb: RunbookStrings = {
  runbookTitle: 'Driftshåndbok for strømbrudd og feil',
  navLabel: 'Driftshåndbok',
  lead: 'Laget fra beskrivelsen av anlegget. Sjekk dato og versjon nederst på hver side: et gammelt papir kan være utdatert.',
  printedNote: 'Den trykte utgaven er den du trenger når nettstedet er nede. Skriv den ut nå, og legg den ved sikringsskapet.',
  downloadPdf: 'Last ned PDF for utskrift',
  printVersion: 'Utskriftsversjon',
  symptomIndex: 'Hva merker du?',
  symptomIntro: 'Finn det du merker, og gå til avsnittet og siden som står ved siden av.',
  symptom: 'Det du merker',
  goTo: 'Gå til',
  page: 'Side',
  contents: 'Innhold',
  scenario: 'Scenario',
  phase: 'Fase',
  phaseStart: 'Med en gang',
  phaseAfterMinutes: (m) => `Etter om lag ${m} minutter`,
  phaseAfterUnknown: 'Senere (tiden er ukjent)',
  failedHere: 'Feilet',
  stillWorks: 'Virker fortsatt',
  worksOmittedMore: (n) => `Og ${n} andre funksjoner (ikke kritiske). Modellen er stor, så bare de kritiske står her.`,
  worksOmittedAll: (n) => `${n} funksjoner: alle som ikke står under «${nb.degraded}» eller «${nb.lost}». Modellen er stor, så de er ikke listet.`,
  degraded: 'Virker delvis',
  lost: 'Virker ikke',
  why: 'Hvorfor',
  nothing: 'Ingenting.',
  equipmentDown: 'Utstyr som er nede',
  diagram: 'Diagram over feilen',
  whatToDo: 'Sjekk og gjør, i denne rekkefølgen',
  noProcedure: 'Ingen skrevet fremgangsmåte for dette scenarioet ennå.',
  startOrder: 'Oppstartsrekkefølge når verten er tilbake',
  startOrderIntro: (host) => `Når ${host} er oppe igjen: start gjestene i denne rekkefølgen, én og én, fra skallet på verten.`,
  startOrderNone: 'Ingen vert går ned i dette scenarioet, så ingenting må startes på nytt.',
  step: 'Steg',
  guest: 'Gjest',
  command: 'Kommando',
  waitsFor: 'Venter på',
  stoppedOnPurpose: 'Stoppet med vilje, startes ikke',
  whyHere: 'Hvorfor her',
  hostsWithoutGuests: (names) => `Går også ned, uten gjester å starte: ${names}.`,
  statusTitle: 'Hva virker, og hva virker ikke',
  equipmentIdle: 'Kjører, men mangler det den trenger',
  equipmentIdleNote: 'Disse går fortsatt og skal ikke startes på nytt. De virker igjen når det de mangler, er tilbake.',
  equipmentDegraded: 'Utstyr som virker delvis',
  onSite: 'Scenarioet på nettstedet',
  reference: 'Oppslag',
  hosts: 'Verter',
  guests: 'Gjester (VM og LXC)',
  networkDevices: 'Nettverk',
  name: 'Navn',
  kind: 'Type',
  hardware: 'Maskinvare',
  ip: 'IP',
  vmid: 'VMID',
  status: 'Status',
  location: 'Hvor',
  between: 'Mellom',
  model: 'Modell',
  purpose: 'Formål',
  notKnown: '–',
  writeIn: GLOSSARY.writeIn.nb,
  address: 'Adresse',
  webUi: 'Nettside',
  statusLabels: { running: 'kjører', stopped: 'stoppet', planned: 'planlagt', active: 'i drift' },
  footerPage: 'Side',
  footerOf: 'av',
  footerBuilt: 'Laget',
  footerRevision: GLOSSARY.version.nb,
  tier: { critical: 'kritisk', comfort: 'komfort' },
};

const en: RunbookStrings = {
  runbookTitle: 'Outage runbook',
  navLabel: 'Outage runbook',
  lead: 'Made from the description of the installation. Check the date and version at the foot of every page: an old printout may be out of date.',
  printedNote: 'The printed copy is the one you need when the site is down. Print it now and keep it by the fuse box.',
  downloadPdf: 'Download the PDF for printing',
  printVersion: 'Print version',
  symptomIndex: 'What do you notice?',
  symptomIntro: 'Find what you notice, then go to the section and page beside it.',
  symptom: 'What you notice',
  goTo: 'Go to',
  page: 'Page',
  contents: 'Contents',
  scenario: 'Scenario',
  phase: 'Phase',
  phaseStart: 'At once',
  phaseAfterMinutes: (m) => `After about ${m} minutes`,
  phaseAfterUnknown: 'Later (time unknown)',
  failedHere: 'Failed',
  stillWorks: 'Still works',
  worksOmittedMore: (n) => `And ${n} other capabilities (not critical). The model is large, so only the critical ones are listed.`,
  worksOmittedAll: (n) => `${n} capabilities: every one not under “${en.degraded}” or “${en.lost}”. The model is large, so they are not listed.`,
  degraded: 'Partly works',
  lost: 'Does not work',
  why: 'Why',
  nothing: 'Nothing.',
  equipmentDown: 'Equipment that is down',
  diagram: 'Diagram of the failure',
  whatToDo: 'Check and do, in this order',
  noProcedure: 'No written procedure for this scenario yet.',
  startOrder: 'Start order when the host is back',
  startOrderIntro: (host) => `When ${host} is up again: start the guests in this order, one at a time, from the host's shell.`,
  startOrderNone: 'No host goes down in this scenario, so nothing needs to be started again.',
  step: 'Step',
  guest: 'Guest',
  command: 'Command',
  waitsFor: 'Waits for',
  stoppedOnPurpose: 'Stopped on purpose, not started',
  whyHere: 'Why here',
  hostsWithoutGuests: (names) => `Also down, with no guests to start: ${names}.`,
  statusTitle: 'What works and what does not',
  equipmentIdle: 'Running, but without what it needs',
  equipmentIdleNote: 'These are still running and are not to be restarted. They work again once what they lack is back.',
  equipmentDegraded: 'Equipment that partly works',
  onSite: 'This scenario on the site',
  reference: 'Reference',
  hosts: 'Hosts',
  guests: 'Guests (VMs and LXCs)',
  networkDevices: 'Network',
  name: 'Name',
  kind: 'Kind',
  hardware: 'Hardware',
  ip: 'IP',
  vmid: 'VMID',
  status: 'Status',
  location: 'Where',
  between: 'Between',
  model: 'Model',
  purpose: 'Purpose',
  notKnown: '–',
  writeIn: GLOSSARY.writeIn.en,
  address: 'Address',
  webUi: 'Web',
  statusLabels: { running: 'running', stopped: 'stopped', planned: 'planned', active: 'in service' },
  footerPage: 'Page',
  footerOf: 'of',
  footerBuilt: 'Built',
  footerRevision: GLOSSARY.version.en,
  tier: { critical: 'critical', comfort: 'comfort' },
};

export function runbookStrings(lang: Lang): RunbookStrings {
  return lang === 'nb' ? nb : en;
}
