/**
 * The printed runbook's own words (and the runbook pages on the site). Part of the one word store
 * (src/i18n/store.ts). Nothing about a particular infrastructure here.
 */
import { plural, say, spokenDuration, type Entry } from './define.ts';
import { GLOSSARY } from './glossary.ts';

const NB_DEGRADED = 'Virker delvis';
const NB_LOST = 'Virker ikke';
const EN_DEGRADED = 'Partly works';
const EN_LOST = 'Does not work';

export const RUNBOOK_WORDS = {
  'runbook.runbookTitle': { nb: 'Driftshåndbok for strømbrudd og feil', en: 'Outage runbook' },
  /** The short name in the site's sidebar. */
  'runbook.navLabel': { nb: 'Driftshåndbok', en: 'Outage runbook' },
  /** Shown under the title: "Made from the model on <date>, revision <rev>". */
  'runbook.lead': {
    nb: 'Laget fra beskrivelsen av anlegget. Sjekk dato og versjon nederst på hver side: et gammelt papir kan være utdatert.',
    en: 'Made from the description of the installation. Check the date and version at the foot of every page: an old printout may be out of date.',
  },
  'runbook.printedNote': {
    nb: 'Den trykte utgaven er den du trenger når nettstedet er nede. Skriv den ut nå, og legg den ved sikringsskapet.',
    en: 'The printed copy is the one you need when the site is down. Print it now and keep it by the fuse box.',
  },
  'runbook.downloadPdf': { nb: 'Last ned PDF for utskrift', en: 'Download the PDF for printing' },
  'runbook.printVersion': { nb: 'Utskriftsversjon', en: 'Print version' },
  'runbook.symptomIndex': { nb: 'Hva merker du?', en: 'What do you notice?' },
  'runbook.symptomIntro': {
    nb: 'Finn det du merker, og gå til avsnittet og siden som står ved siden av.',
    en: 'Find what you notice, then go to the section and page beside it.',
  },
  'runbook.symptom': { nb: 'Det du merker', en: 'What you notice' },
  'runbook.goTo': { nb: 'Gå til', en: 'Go to' },
  'runbook.page': { nb: 'Side', en: 'Page' },
  'runbook.contents': { nb: 'Innhold', en: 'Contents' },
  'runbook.scenario': { nb: 'Scenario', en: 'Scenario' },
  'runbook.phase': { nb: 'Fase', en: 'Phase' },
  'runbook.phaseStart': { nb: 'Med en gang', en: 'At once' },
  'runbook.phaseAfterMinutes': say(
    (p: { minutes: number }) => `Etter om lag ${spokenDuration(p.minutes, 'nb')}`,
    (p) => `After about ${spokenDuration(p.minutes, 'en')}`,
  ),
  'runbook.phaseAfterUnknown': { nb: 'Senere (tiden er ukjent)', en: 'Later (time unknown)' },
  'runbook.failedHere': { nb: 'Feilet', en: 'Failed' },
  'runbook.stillWorks': { nb: 'Virker fortsatt', en: 'Still works' },
  /** After the critical capabilities that still work, when the rest are not listed. */
  'runbook.worksOmittedMore': say(
    (p: { n: number }) =>
      `Og ${p.n} ${plural(p.n, 'annen funksjon', 'andre funksjoner')} (ikke kritiske). Modellen er stor, så bare de kritiske står her.`,
    (p) =>
      `And ${p.n} other ${plural(p.n, 'capability', 'capabilities')} (not critical). The model is large, so only the critical ones are listed.`,
  ),
  /** Instead of the list, when none of it is listed. */
  'runbook.worksOmittedAll': say(
    (p: { n: number }) =>
      `${p.n} ${plural(p.n, 'funksjon', 'funksjoner')}: alle som ikke står under «${NB_DEGRADED}» eller «${NB_LOST}». Modellen er stor, så de er ikke listet.`,
    (p) =>
      `${p.n} ${plural(p.n, 'capability', 'capabilities')}: every one not under “${EN_DEGRADED}” or “${EN_LOST}”. The model is large, so they are not listed.`,
  ),
  'runbook.degraded': { nb: NB_DEGRADED, en: EN_DEGRADED },
  'runbook.lost': { nb: NB_LOST, en: EN_LOST },
  'runbook.why': { nb: 'Hvorfor', en: 'Why' },
  'runbook.nothing': { nb: 'Ingenting.', en: 'Nothing.' },
  'runbook.equipmentDown': { nb: 'Utstyr som er nede', en: 'Equipment that is down' },
  'runbook.diagram': { nb: 'Diagram over feilen', en: 'Diagram of the failure' },
  'runbook.whatToDo': { nb: 'Sjekk og gjør, i denne rekkefølgen', en: 'Check and do, in this order' },
  'runbook.noProcedure': {
    nb: 'Ingen skrevet fremgangsmåte for dette scenarioet ennå.',
    en: 'No written procedure for this scenario yet.',
  },
  'runbook.startOrder': { nb: 'Oppstartsrekkefølge når verten er tilbake', en: 'Start order when the host is back' },
  'runbook.startOrderNone': {
    nb: 'Ingen vert går ned i dette scenarioet, så ingenting må startes på nytt.',
    en: 'No host goes down in this scenario, so nothing needs to be started again.',
  },
  'runbook.step': { nb: 'Steg', en: 'Step' },
  'runbook.guest': { nb: 'Gjest', en: 'Guest' },
  'runbook.command': { nb: 'Kommando', en: 'Command' },
  'runbook.waitsFor': { nb: 'Venter på', en: 'Waits for' },
  'runbook.stoppedOnPurpose': { nb: 'Stoppet med vilje, startes ikke', en: 'Stopped on purpose, not started' },
  /** The column that says why a guest is at its place in the start order. */
  'runbook.whyHere': { nb: 'Hvorfor her', en: 'Why here' },
  /** After the start order: hosts that go down too but have no guests to start. */
  'runbook.hostsWithoutGuests': say(
    (p: { names: string }) => `Går også ned, uten gjester å starte: ${p.names}.`,
    (p) => `Also down, with no guests to start: ${p.names}.`,
  ),
  /** Heading over what works, what is degraded and what is lost. */
  'runbook.statusTitle': { nb: 'Hva virker, og hva virker ikke', en: 'What works and what does not' },
  /** Equipment that runs without what it needs (not restarted). */
  'runbook.equipmentIdle': { nb: 'Kjører, men mangler det den trenger', en: 'Running, but without what it needs' },
  'runbook.equipmentIdleNote': {
    nb: 'Disse går fortsatt og skal ikke startes på nytt. De virker igjen når det de mangler, er tilbake.',
    en: 'These are still running and are not to be restarted. They work again once what they lack is back.',
  },
  'runbook.equipmentDegraded': { nb: 'Utstyr som virker delvis', en: 'Equipment that partly works' },
  /** The link from a section to its scenario's page on the site. */
  'runbook.onSite': { nb: 'Scenarioet på nettstedet', en: 'This scenario on the site' },
  'runbook.reference': { nb: 'Oppslag', en: 'Reference' },
  'runbook.hosts': { nb: 'Verter', en: 'Hosts' },
  'runbook.guests': { nb: 'Gjester (VM og LXC)', en: 'Guests (VMs and LXCs)' },
  'runbook.networkDevices': { nb: 'Nettverk', en: 'Network' },
  'runbook.power': { nb: 'Strøm', en: 'Power' },
  'runbook.runtime': { nb: 'Holder alene', en: 'Holds on its own' },
  'runbook.fedBy': { nb: 'Får strøm fra', en: 'Fed by' },
  'runbook.feeds': { nb: 'Gir strøm til', en: 'Feeds' },
  'runbook.or': { nb: 'eller', en: 'or' },
  'runbook.startsAfter': say(
    (p: { delay: string }) => `starter etter ${p.delay}`,
    (p) => `starts after ${p.delay}`,
  ),
  'runbook.name': { nb: 'Navn', en: 'Name' },
  'runbook.kind': { nb: 'Type', en: 'Kind' },
  /** The guest table's column of where a guest runs today, with HA's allowed nodes under it. */
  'runbook.runsOn': { nb: 'Kjører på', en: 'Runs on' },
  'runbook.haAnyNode': say(
    (p: { cluster: string }) => `HA i ${p.cluster}: hvilken som helst node`,
    (p) => `HA in ${p.cluster}: any node`,
  ),
  'runbook.haNodes': say(
    (p: { cluster: string; nodes: string }) => `HA i ${p.cluster}: ${p.nodes}`,
    (p) => `HA in ${p.cluster}: ${p.nodes}`,
  ),
  'runbook.haPreferred': say(
    (p: { node: string }) => `foretrekker ${p.node}`,
    (p) => `prefers ${p.node}`,
  ),
  'runbook.hardware': { nb: 'Maskinvare', en: 'Hardware' },
  'runbook.ip': { nb: 'IP', en: 'IP' },
  'runbook.vmid': { nb: 'VMID', en: 'VMID' },
  'runbook.status': { nb: 'Status', en: 'Status' },
  'runbook.location': { nb: 'Hvor', en: 'Where' },
  'runbook.between': { nb: 'Mellom', en: 'Between' },
  'runbook.model': { nb: 'Modell', en: 'Model' },
  'runbook.purpose': { nb: 'Formål', en: 'Purpose' },
  /** For what does not apply (a link has no hardware). */
  'runbook.notKnown': { nb: '–', en: '–' },
  /** Before a blank line to write on, for what applies but is not documented (an address). */
  'runbook.writeIn': GLOSSARY['glossary.writeIn'],
  'runbook.address': { nb: 'Adresse', en: 'Address' },
  'runbook.webUi': { nb: 'Nettside', en: 'Web' },
  'runbook.status.running': { nb: 'kjører', en: 'running' },
  'runbook.status.stopped': { nb: 'stoppet', en: 'stopped' },
  'runbook.status.planned': { nb: 'planlagt', en: 'planned' },
  'runbook.status.active': { nb: 'i drift', en: 'in service' },
  'runbook.footerPage': { nb: 'Side', en: 'Page' },
  'runbook.footerOf': { nb: 'av', en: 'of' },
  'runbook.footerBuilt': { nb: 'Laget', en: 'Built' },
  'runbook.footerRevision': GLOSSARY['glossary.version'],
  /** Said on paper where a later phase's diagram cannot be printed legibly. */
  'runbook.printOmitted': {
    nb: 'Diagrammet for denne fasen er for stort til å leses på papir; listene over sier det samme, og nettstedet viser det.',
    en: 'The diagram of this phase is too large to read on paper; the lists above say the same, and the site shows it.',
  },
  'runbook.tier.critical': { nb: 'kritisk', en: 'critical' },
  'runbook.tier.comfort': { nb: 'komfort', en: 'comfort' },
} satisfies Record<string, Entry>;
