/**
 * Every word the site itself says (not the model's words), in Norwegian Bokmål and English.
 * Pure data and lookups; the model supplies names and prose, this file supplies the frame.
 */
import type { Lang } from '../model/entities.ts';
import type { EntityKind } from '../model/refs.ts';
import { STATE_WORDS } from '../analysis/explain.ts';

export const LANGS: readonly Lang[] = ['nb', 'en'];

/** Starlight locale config: nb is the root locale, en lives under /en/. */
export const STARLIGHT_LOCALES = {
  root: { label: 'Norsk bokmål', lang: 'nb' },
  en: { label: 'English', lang: 'en' },
} as const;

/**
 * Starlight's locales for the languages the model's site.locales lists. The URL scheme
 * (src/site/urls.ts) serves nb at / and en at /en/, so nb must come first.
 */
export function starlightLocales(locales: readonly Lang[]): Record<string, { label: string; lang: string }> {
  if (locales[0] !== 'nb') {
    throw new Error(
      `site.locales is ${JSON.stringify(locales)}: this site serves Norwegian Bokmål at / and English at /en/, so nb must come first.\n  hint: write locales: [nb, en] (or [nb]).`,
    );
  }
  return { root: STARLIGHT_LOCALES.root, ...(locales.includes('en') ? { en: STARLIGHT_LOCALES.en } : {}) };
}

type Dict = Record<string, { nb: string; en: string }>;

/**
 * The glossary: the product's own words for what it knows and does not know, one per language,
 * written for the person who lives in the house rather than for whoever wrote the model. Pages and
 * the printed runbook take these words from here, so one idea has one name everywhere.
 */
export const GLOSSARY = {
  /** What the model does not say. Never "the source does not say": the owner is the source. */
  notDocumented: { nb: 'ikke dokumentert', en: 'not documented' },
  /** On paper, before a blank line: the reader writes the missing value in. */
  writeIn: { nb: 'ukjent – skriv inn:', en: 'unknown – write in:' },
  /** A dependency the documentation does not state but the analysis needs. */
  assumed: { nb: 'antatt', en: 'assumed' },
  /** The model's git revision, as printed on pages and paper. */
  version: { nb: 'Versjon', en: 'Version' },
  /** The audits, as a page. */
  setupCheck: { nb: 'Sjekk av oppsettet', en: 'Set-up check' },
  /** Single points of failure. */
  weakPoints: { nb: 'Svake punkter', en: 'Weak points' },
  /** What a person in the house gets (a "capability" in the model). */
  capability: { nb: 'funksjon', en: 'capability' },
  /** What the runbook calls itself. */
  runbook: { nb: 'Driftshåndbok', en: 'Outage runbook' },
} satisfies Dict;

export const UI = {
  'overview.title': { nb: 'Oversikt', en: 'Overview' },
  'overview.runs': { nb: 'Hva som kjører', en: 'What runs here' },
  'overview.counts': { nb: 'I tall', en: 'In numbers' },
  'overview.documented': { nb: 'Dokumentert', en: 'Documented' },
  'overview.source': { nb: 'Bygger på', en: 'Based on' },
  'overview.revision': GLOSSARY.version,
  'overview.principles': { nb: 'Designprinsipp', en: 'Design principle' },
  'overview.sections': { nb: 'Innhold', en: 'Contents' },
  'overview.analysis': { nb: 'Analyse', en: 'Analysis' },
  'overview.stated': { nb: 'Ifølge dokumentasjonen', en: 'According to the documentation' },
  'counts.runningLxc': { nb: 'LXC-containere som kjører', en: 'Running LXC containers' },
  'counts.stoppedLxc': { nb: 'LXC-containere som er stoppet', en: 'Stopped LXC containers' },
  'counts.runningQemu': { nb: 'VM-er som kjører', en: 'Running VMs' },
  'counts.stoppedQemu': { nb: 'VM-er som er stoppet', en: 'Stopped VMs' },
  'counts.cores': { nb: 'CPU-kjerner tildelt (kjørende)', en: 'CPU cores assigned (running)' },
  'counts.memory': { nb: 'Minne tildelt (kjørende)', en: 'Memory assigned (running)' },
  'counts.entities': { nb: 'Oppføringer i modellen', en: 'Entries in the model' },
  'counts.what': { nb: 'Hva', en: 'What' },
  'counts.value': { nb: 'Antall', en: 'Count' },
  'architecture.title': { nb: 'Arkitektur', en: 'Architecture' },
  'architecture.critical': { nb: 'Kritiske systemer', en: 'Critical systems' },
  'architecture.comfort': { nb: 'Komfortsystemer', en: 'Comfort systems' },
  'architecture.criticalIntro': {
    nb: 'Skal virke uten den sentrale serveren.',
    en: 'Must work without the central server.',
  },
  'architecture.comfortIntro': { nb: 'Kjekt å ha; kan være sentraliserte.', en: 'Nice to have; may be centralised.' },
  'offline.description': {
    nb: 'Driftsbok: hva som virker, hva som er nede og hva du gjør – også uten nett.',
    en: 'Operations book: what works, what is down and what to do – offline too.',
  },
  'offline.built': { nb: 'Denne utgaven ble laget {date} (versjon {revision}).', en: 'This copy was made on {date} (version {revision}).' },
  'offline.saved': { nb: 'Den er lagret på enheten og kan leses uten nett.', en: 'It is saved on this device and can be read offline.' },
  'offline.offline': {
    nb: 'Ingen nettforbindelse: dette er den lagrede kopien fra {date}. Det kan ha skjedd endringer siden.',
    en: 'No network: this is the saved copy from {date}. Things may have changed since.',
  },
  'offline.newer': { nb: 'Det finnes en nyere utgave. Last inn siden på nytt for å se den.', en: 'A newer copy exists. Reload the page to see it.' },
  'architecture.decentralised': { nb: 'Desentralisert', en: 'Decentralised' },
  'architecture.centralised': { nb: 'Sentralisert', en: 'Centralised' },
  'architecture.dependsOn': { nb: 'Avhenger av', en: 'Depends on' },
  'architecture.system': { nb: 'System', en: 'System' },
  'architecture.kind': { nb: 'Type', en: 'Kind' },
  'architecture.capabilities': { nb: 'Funksjoner', en: 'Capabilities' },
  'architecture.topology': { nb: 'Topologi', en: 'Topology' },
  'audits.title': GLOSSARY.setupCheck,
  'audits.none': { nb: 'Ingen funn.', en: 'No findings.' },
  'audits.rule': { nb: 'Hva som er sjekket', en: 'What was checked' },
  'audits.severity': { nb: 'Alvorlighet', en: 'Severity' },
  'audits.subject': { nb: 'Gjelder', en: 'About' },
  'audits.message': { nb: 'Funn', en: 'Finding' },
  'audits.hint': { nb: 'Hva du kan gjøre', en: 'What to do' },
  'severity.error': { nb: 'feil', en: 'error' },
  'severity.warning': { nb: 'advarsel', en: 'warning' },
  'severity.info': { nb: 'info', en: 'info' },
  'matrix.title': { nb: 'Scenariomatrise', en: 'Scenario matrix' },
  'matrix.intro': {
    nb: 'Hver funksjon i hvert scenario: ✓ virker, ! redusert, ✗ borte.',
    en: 'Every capability in every scenario: ✓ works, ! degraded, ✗ lost.',
  },
  'matrix.compactIntro': {
    nb: 'Modellen har for mange funksjoner og scenarioer til en tabell med alle: her er bare det som ikke virker, per funksjon (! redusert, ✗ borte).',
    en: 'The model has too many capabilities and scenarios for a table of all of them: this lists only what does not work, per capability (! degraded, ✗ lost).',
  },
  'matrix.notOk': { nb: 'Redusert eller borte i', en: 'Degraded or lost in' },
  'matrix.allOk': { nb: 'Virker i alle scenarioer', en: 'Works in every scenario' },
  'matrix.capability': { nb: 'Funksjon', en: 'Capability' },
  'matrix.baseline': { nb: 'Normalt', en: 'Normal' },
  'spof.title': GLOSSARY.weakPoints,
  'spof.intro': {
    nb: 'Ting som alene tar ned én eller flere funksjoner når de svikter – de som tar ned flest, først.',
    en: 'Things that on their own take down one or more capabilities when they fail – those that take down the most, first.',
  },
  'spof.what': { nb: 'Hva som feiler', en: 'What fails' },
  'spof.down': { nb: 'Funksjoner borte', en: 'Capabilities lost' },
  'spof.degraded': { nb: 'Funksjoner redusert', en: 'Capabilities degraded' },
  'spof.none': { nb: 'Ingen svake punkter funnet.', en: 'No weak points found.' },
  'startOrder.title': { nb: 'Oppstartsrekkefølge', en: 'Start order' },
  'startOrder.intro': {
    nb: 'Rekkefølgen gjestene startes i etter en omstart av verten, med kommandoene.',
    en: 'The order to start guests in after the host restarts, with the commands.',
  },
  'startOrder.position': { nb: 'Nr.', en: 'No.' },
  'startOrder.guest': { nb: 'Gjest', en: 'Guest' },
  'startOrder.waitsFor': { nb: 'Venter på', en: 'Waits for' },
  'startOrder.stopped': { nb: 'Stoppet med vilje, startes ikke', en: 'Stopped on purpose, not started' },
  'startOrder.host': { nb: 'Vert', en: 'Host' },
  'startOrder.why': { nb: 'Hvorfor her', en: 'Why here' },
  'startOrder.order': {
    nb: 'Det en gjest venter på, startes før den. Ellers kommer det kritiske først, så det som gir komfort, så resten, og innenfor hver gruppe laveste VMID først.',
    en: 'What a guest waits for is started before it. Otherwise what is critical comes first, then what is for comfort, then the rest, and within each group the lowest VMID first.',
  },
  'startOrder.rank.critical': { nb: 'Kritisk', en: 'Critical' },
  'startOrder.rank.comfort': { nb: 'Komfort', en: 'Comfort' },
  'startOrder.rank.other': { nb: 'Resten', en: 'The rest' },
  'startOrder.reason.serves': { nb: 'Trengs for: {what}.', en: 'Needed for: {what}.' },
  'startOrder.reason.neededBy': { nb: 'Må være oppe før {guests}.', en: 'Must be up before {guests}.' },
  'startOrder.reason.nothing': {
    nb: 'Ingen kritisk funksjon eller komfortfunksjon trenger den.',
    en: 'No critical or comfort capability needs it.',
  },
  'list.and': { nb: 'og', en: 'and' },
  'list.more': { nb: '{n} til', en: '{n} more' },
  'scenario.phase': { nb: 'Fase', en: 'Phase' },
  'scenario.start': { nb: 'Ved t = 0', en: 'At t = 0' },
  'scenario.fails': { nb: 'Feiler', en: 'Fails' },
  'scenario.works': { nb: 'Virker', en: 'Works' },
  'scenario.degraded': { nb: 'Redusert', en: 'Degraded' },
  'scenario.lost': { nb: 'Borte', en: 'Lost' },
  'scenario.capabilities': { nb: 'Funksjoner', en: 'Capabilities' },
  'scenario.otherDown': { nb: 'Annet som er nede', en: 'Everything else that is down' },
  'scenario.after': { nb: 'Starter', en: 'Begins' },
  'scenario.afterMinutes': { nb: 'Etter {n} minutter', en: 'After {n} minutes' },
  'scenario.none': { nb: 'Ingen.', en: 'None.' },
  'scenario.worksOmittedMore': {
    nb: 'Ikke listet: {n} andre funksjoner (ikke kritiske) som også virker. Modellen er stor, så bare de kritiske står her.',
    en: 'Not listed: {n} other capabilities (not critical) that also work. The model is large, so only the critical ones are listed here.',
  },
  'scenario.worksOmittedAll': {
    nb: 'Ikke listet: {n} funksjoner virker – alle som ikke står som borte eller redusert over. Modellen er stor.',
    en: 'Not listed: {n} capabilities work – every one not listed as lost or degraded above. The model is large.',
  },
  'scenario.seeMatrix': { nb: 'Scenariomatrisen viser hver funksjon i hvert scenario.', en: 'The scenario matrix shows every capability in every scenario.' },
  'scenario.otherDownOmitted': {
    nb: 'Ikke listet: {n} til som var nede allerede før scenariet (stoppet, eller avhengig av noe stoppet). Modellen er stor, så bare det scenariet selv tar ned, står her.',
    en: 'Not listed: {n} more that were down before the scenario already (stopped, or needing something stopped). The model is large, so only what the scenario itself takes down is listed here.',
  },
  'scenario.diagram': { nb: 'Feilbilde', en: 'Failure picture' },
  'scenario.whatToDo': { nb: 'Hva gjør du?', en: 'What to do' },
  'scenario.inRunbook': { nb: 'Det samme står i driftshåndboka', en: 'The same is in the outage runbook' },
  'scenario.pdf': { nb: 'PDF for utskrift', en: 'PDF for printing' },
  'scenario.noProcedure': { nb: 'Ingen skrevet fremgangsmåte for dette scenarioet ennå.', en: 'No written procedure for this scenario yet.' },
  'scenario.startOrder': { nb: 'Oppstartsrekkefølge når verten er tilbake', en: 'Start order when the host is back' },
  'scenario.startOrderIntro': {
    nb: 'Når {host} er oppe igjen: start gjestene i denne rekkefølgen, én og én, fra skallet på verten.',
    en: "When {host} is up again: start the guests in this order, one at a time, from the host's shell.",
  },
  'scenario.hostsWithoutGuests': { nb: 'Går også ned, uten gjester å starte:', en: 'Also down, with no guests to start:' },
  'scenario.noHostDown': {
    nb: 'Ingen vert går ned i dette scenarioet, så ingenting må startes på nytt.',
    en: 'No host goes down in this scenario, so nothing needs to be started again.',
  },
  'scenario.status': { nb: 'Hva virker, og hva virker ikke', en: 'What works and what does not' },
  'scenario.idle': { nb: 'Kjører, men mangler det den trenger', en: 'Running, but without what it needs' },
  'scenario.idleNote': {
    nb: 'Disse går fortsatt og skal ikke startes på nytt. De virker igjen når det de mangler, er tilbake.',
    en: 'These are still running and are not to be restarted. They work again once what they lack is back.',
  },
  'scenario.otherDegraded': { nb: 'Annet som virker delvis', en: 'Everything else that partly works' },
  'outage.title': { nb: 'Noe er nede?', en: 'Something down?' },
  'diagram.fullSize': { nb: 'Åpne i full størrelse', en: 'Open full size' },
  'diagram.back': { nb: '← Tilbake', en: '← Back' },
  'diagram.asText': { nb: 'Diagrammet som tekst', en: 'Diagram as text' },
  'outage.intro': {
    nb: 'Finn det du merker. Scenarioet ved siden av sier hva som har skjedd, og hva du gjør, steg for steg. Begynn med det første steget.',
    en: 'Find what you notice. The scenario beside it says what has happened and what to do, step by step. Start with the first step.',
  },
  'outage.notice': { nb: 'Det du merker', en: 'What you notice' },
  'outage.scenario': { nb: 'Sannsynlig årsak', en: 'Likely cause' },
  'outage.firstStep': { nb: 'Første steg', en: 'First step' },
  'outage.runbook': { nb: 'Hele driftshåndboka', en: 'The whole outage runbook' },
  'outage.pdf': { nb: 'Driftshåndboka som PDF (A4) – skriv den ut og legg den ved sikringsskapet', en: 'The runbook as a PDF (A4) – print it and keep it by the fuse box' },
  'scenario.analysisMissing': {
    nb: 'Analysen er ikke tilgjengelig i denne byggingen.',
    en: 'The analysis is not available in this build.',
  },
  'entity.fields': { nb: 'Fakta', en: 'Facts' },
  'entity.field': { nb: 'Felt', en: 'Field' },
  'entity.value': { nb: 'Verdi', en: 'Value' },
  'entity.dependsOn': { nb: 'Avhenger av', en: 'Depends on' },
  'entity.dependedOnBy': { nb: 'Dette avhenger av den', en: 'Depended on by' },
  'entity.relation': { nb: 'Relasjon', en: 'Relation' },
  'entity.target': { nb: 'Mål', en: 'Target' },
  'entity.note': { nb: 'Merknad', en: 'Note' },
  'entity.assumed': GLOSSARY.assumed,
  'entity.anyOf': { nb: 'det holder med {n} av disse', en: '{n} of these is enough' },
  'entity.none': { nb: 'Ingen.', en: 'None.' },
  'entity.neighbourhood': { nb: 'Sammenhenger', en: 'Connections' },
  'entity.guests': { nb: 'Gjester', en: 'Guests' },
  'entity.prose': { nb: 'Mer om dette', en: 'More about this' },
  'entity.notes': { nb: 'Notater', en: 'Notes' },
  'entity.state': { nb: 'Tilstand i dag', en: 'State today' },
  'entity.why': { nb: 'hvorfor', en: 'why' },
  'section.entries': { nb: 'Oppføringer', en: 'Entries' },
  'section.name': { nb: 'Navn', en: 'Name' },
  'section.status': { nb: 'Status', en: 'Status' },
  'section.summary': { nb: 'Kort', en: 'Summary' },
  'state.ok': STATE_WORDS.ok,
  'state.degraded': STATE_WORDS.degraded,
  'state.down': STATE_WORDS.down,
  'yes': { nb: 'ja', en: 'yes' },
  'no': { nb: 'nei', en: 'no' },
  'sidebar.overview': { nb: 'Oversikt', en: 'Overview' },
  'sidebar.analysis': { nb: 'Analyse', en: 'Analysis' },
  'sidebar.about': { nb: 'Om nettstedet', en: 'About the site' },
  'reach.title': { nb: 'Adresser og tilgang', en: 'Addresses and access' },
  'reach.ips': { nb: 'IP-adresse', en: 'IP address' },
  'reach.webUi': { nb: 'Nettside for oppsett', en: 'Web interface' },
  'reach.ssh': { nb: 'SSH', en: 'SSH' },
  'reach.console': { nb: 'Konsoll', en: 'Console' },
  'reach.note': { nb: 'Merknad', en: 'Note' },
  'reach.typedOn': { nb: 'skrives på {host}', en: 'typed on {host}' },
  'reach.proxmoxPort': { nb: 'Proxmox bruker port 8006 når ikke annet er satt opp', en: 'Proxmox uses port 8006 unless set up otherwise' },
  'reach.withheld': {
    nb: 'Adresser og tilgang er utelatt i den offentlige utgaven av nettstedet.',
    en: 'Addresses and access are left out of the public edition of the site.',
  },
  'reach.address': { nb: 'Adresse', en: 'Address' },
  /** The mark on what the model or the prose marks sensitive (the full profile shows it, the public one leaves it out). */
  'sensitive.marker': { nb: 'Sensitivt', en: 'Sensitive' },
  'sensitive.explain': {
    nb: 'Sensitivt: utelatt i den offentlige utgaven av nettstedet.',
    en: 'Sensitive: left out of the public edition of the site.',
  },
  /** A sensitive entity that something else needs, in the public profile (src/model/profile.ts). */
  'withheld.title': { nb: 'Skjult {kind} {n}', en: 'Withheld {kind} {n}' },
  'withheld.page': {
    nb: 'Dette er utelatt i den offentlige utgaven av nettstedet. Det står her fordi andre ting avhenger av det, slik at analysen av hva som virker ved feil, fortsatt stemmer.',
    en: 'This is left out of the public edition of the site. It is shown because other things depend on it, so that the analysis of what works during a failure stays right.',
  },
  'withheld.phase': { nb: 'Fase', en: 'Phase' },
  /** A [[kind:id]] link in prose to a sensitive entity the public profile left out entirely. */
  'withheld.reference': { nb: '(skjult)', en: '(withheld)' },
  /** Drift: the model compared with a Proxmox snapshot (src/site/drift-view.ts). */
  'drift.title': { nb: 'Avvik', en: 'Drift' },
  'drift.pageTitle': { nb: 'Avvik mellom modellen og Proxmox', en: 'Drift between the model and Proxmox' },
  'drift.section': { nb: 'Sammenlignet med Proxmox', en: 'Compared with Proxmox' },
  'drift.never': {
    nb: 'Aldri sammenlignet med Proxmox. Sidene viser det som er skrevet i modellen, ikke nødvendigvis slik det er nå.',
    en: 'Never compared with Proxmox. The pages show what the model says, not necessarily how things are now.',
  },
  'drift.neverHow': {
    nb: 'Lag et øyeblikksbilde med scripts/proxmox-snapshot.sh på Proxmox-verten og legg det i model/observed/ (se README).',
    en: 'Make a snapshot with scripts/proxmox-snapshot.sh on the Proxmox host and put it in model/observed/ (see README).',
  },
  'drift.compared': { nb: 'Sist sammenlignet med Proxmox {when}.', en: 'Last compared with Proxmox {when}.' },
  'drift.at': { nb: '{day} kl. {time} UTC', en: '{day}, {time} UTC' },
  'drift.unknownTime': { nb: 'på et ukjent tidspunkt', en: 'at an unknown time' },
  'drift.none': { nb: 'Ingen avvik.', en: 'No drift.' },
  'drift.counts': { nb: '{drift} avvik, {unknown} ukjente, {info} ikke dokumentert.', en: '{drift} drift, {unknown} unknown, {info} not documented.' },
  'drift.severity.drift': { nb: 'Avvik', en: 'Drift' },
  'drift.severity.unknown': { nb: 'Ukjent', en: 'Unknown' },
  'drift.severity.info': { nb: 'Ikke dokumentert', en: 'Not documented' },
  'drift.where': { nb: 'I modellen', en: 'In the model' },
  'drift.fix': { nb: 'Hva du gjør', en: 'What to do' },
  'drift.cover': { nb: 'Modellen ble sist sammenlignet med Proxmox {when}.', en: 'The model was last compared with Proxmox {when}.' },
  'drift.coverNever': { nb: 'Modellen er aldri sammenlignet med Proxmox.', en: 'The model has never been compared with Proxmox.' },
  /** Public profile: findings that would name what it leaves out are not shown. */
  'drift.withheld': {
    nb: 'Avvik utelatt i den offentlige utgaven av nettstedet (de gjelder sensitive opplysninger): {n}.',
    en: 'Findings left out of the public edition of the site (they concern sensitive facts): {n}.',
  },
  'sidebar.all': { nb: 'Hele listen', en: 'Full list' },
  'unit.mb': { nb: 'MB', en: 'MB' },
  'unit.gb': { nb: 'GB', en: 'GB' },
  'unit.minutes': { nb: 'min', en: 'min' },
} satisfies Dict;

export type GlossaryWord = keyof typeof GLOSSARY;

/** The glossary in one language: word → how the product says it. */
export function glossary(lang: Lang): Record<GlossaryWord, string> {
  return Object.fromEntries(Object.entries(GLOSSARY).map(([word, text]) => [word, text[lang]])) as Record<GlossaryWord, string>;
}

/** Starlight's and Pagefind's own words where Starlight's Norwegian lacks them (it falls back to English). */
export const STARLIGHT_TRANSLATIONS = {
  nb: {
    'heading.anchorLabel': 'Avsnittet «{{title}}»',
    'page.draft': 'Dette innholdet er et utkast og kommer ikke med når nettstedet bygges.',
    'pagefind.clear_search': 'Tøm',
    'pagefind.load_more': 'Vis flere treff',
    'pagefind.search_label': 'Søk på nettstedet',
    'pagefind.filters_label': 'Filtre',
    'pagefind.zero_results': 'Ingen treff for [SEARCH_TERM]',
    'pagefind.many_results': '[COUNT] treff for [SEARCH_TERM]',
    'pagefind.one_result': '[COUNT] treff for [SEARCH_TERM]',
    'pagefind.alt_search': 'Ingen treff for [SEARCH_TERM]. Viser treff for [DIFFERENT_TERM] i stedet',
    'pagefind.search_suggestion': 'Ingen treff for [SEARCH_TERM]. Prøv ett av disse søkene:',
    'pagefind.searching': 'Søker etter [SEARCH_TERM] …',
  },
} as const;

export type UiKey = keyof typeof UI;

export function t(lang: Lang, key: UiKey, vars: Record<string, string | number> = {}): string {
  let text = UI[key][lang];
  for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

/**
 * What each audit rule checks, as a heading a homeowner understands. The rule's id (critical-survives)
 * is for whoever edits the model: pages keep it in a tooltip, `npm run check` prints it.
 */
export const RULE_TITLE: Dict = {
  'critical-survives': { nb: 'Det kritiske virker uten serveren', en: 'The critical things work without the server' },
  'false-redundancy': { nb: 'Reserven har et felles svakt punkt', en: 'The backup shares a weak point' },
  'runbook-reachable': { nb: 'Driftshåndboka må finnes på papir', en: 'The runbook must be on paper' },
  'stopped-dependency': { nb: 'Noe som kjører, trenger noe som er stoppet', en: 'Something running needs something stopped' },
  'translation-missing': { nb: 'Tekst mangler på ett av språkene', en: 'Text missing in one of the languages' },
  'stated-summary': { nb: 'Tallene stemmer ikke med dokumentasjonen', en: 'The numbers disagree with the documentation' },
  'todo-text': { nb: 'Tekst som ikke er skrevet ennå', en: 'Text not written yet' },
};

export function ruleTitle(rule: string, lang: Lang): string {
  return RULE_TITLE[rule]?.[lang] ?? rule;
}

/** Kinds, singular and plural. */
export const KIND_LABEL: Record<EntityKind, { nb: [string, string]; en: [string, string] }> = {
  location: { nb: ['Sted', 'Steder'], en: ['Location', 'Locations'] },
  host: { nb: ['Vert', 'Verter'], en: ['Host', 'Hosts'] },
  guest: { nb: ['Gjest', 'Gjester (VM-er og LXC)'], en: ['Guest', 'Guests (VMs and LXCs)'] },
  network: { nb: ['Nettverk', 'Nettverk'], en: ['Network', 'Network'] },
  storage: { nb: ['Lagring', 'Lagring'], en: ['Storage', 'Storage'] },
  system: { nb: ['System', 'Systemer'], en: ['System', 'Systems'] },
  capability: { nb: ['Funksjon', 'Funksjoner'], en: ['Capability', 'Capabilities'] },
  power: { nb: ['Strøm', 'Strøm'], en: ['Power', 'Power'] },
  plan: { nb: ['Plan', 'Planer'], en: ['Plan', 'Plans'] },
  scenario: { nb: ['Scenario', 'Scenarioer'], en: ['Scenario', 'Scenarios'] },
  note: { nb: ['Notat', 'Notater'], en: ['Note', 'Notes'] },
};

export function kindLabel(kind: EntityKind, lang: Lang, plural = false): string {
  return KIND_LABEL[kind][lang][plural ? 1 : 0];
}

/** Relations written in the model and their derived inverses. */
export const RELATION_LABEL: Dict = {
  runsOn: { nb: 'kjører på', en: 'runs on' },
  runs: { nb: 'kjører', en: 'runs' },
  dependsOn: { nb: 'avhenger av', en: 'depends on' },
  dependencyOf: { nb: 'er avhengighet for', en: 'is a dependency of' },
  enhancedBy: { nb: 'blir bedre med', en: 'works better with' },
  enhances: { nb: 'gjør bedre', en: 'improves' },
  poweredBy: { nb: 'får strøm fra', en: 'powered by' },
  powers: { nb: 'gir strøm til', en: 'powers' },
  connectsVia: { nb: 'kobler til via', en: 'connects via' },
  carries: { nb: 'bærer trafikk for', en: 'carries' },
  partOf: { nb: 'er del av', en: 'part of' },
  hasPart: { nb: 'har som del', en: 'has part' },
  locatedIn: { nb: 'står i', en: 'located in' },
  contains: { nb: 'inneholder', en: 'contains' },
  uplink: { nb: 'kobles opp mot', en: 'uplinks to' },
  downlink: { nb: 'gir oppkobling til', en: 'is the uplink of' },
};

export function relationLabel(relation: string, lang: Lang): string {
  return RELATION_LABEL[relation]?.[lang] ?? relation;
}

/** Field names of every kind, as a reader sees them. */
export const FIELD_LABEL: Dict = {
  id: { nb: 'Id', en: 'Id' },
  name: { nb: 'Navn', en: 'Name' },
  title: { nb: 'Tittel', en: 'Title' },
  description: { nb: 'Beskrivelse', en: 'Description' },
  vmid: { nb: 'VMID', en: 'VMID' },
  kind: { nb: 'Type', en: 'Kind' },
  host: { nb: 'Vert', en: 'Host' },
  status: { nb: 'Status', en: 'Status' },
  cores: { nb: 'Kjerner', en: 'Cores' },
  memoryMb: { nb: 'Minne', en: 'Memory' },
  diskGb: { nb: 'Disk', en: 'Disk' },
  tags: { nb: 'Tagger', en: 'Tags' },
  onboot: { nb: 'Starter når verten starter', en: 'Starts when the host boots' },
  startupOrder: { nb: 'Oppstartsrekkefølge i Proxmox', en: 'Proxmox startup order' },
  os: { nb: 'Operativsystem', en: 'Operating system' },
  ip: { nb: 'IP-adresse', en: 'IP address' },
  reach: { nb: 'Adresser og tilgang', en: 'Addresses and access' },
  user: { nb: 'Bruker', en: 'User' },
  purpose: { nb: 'Formål', en: 'Purpose' },
  installed: { nb: 'Installert', en: 'Installed' },
  mcpServers: { nb: 'MCP-servere', en: 'MCP servers' },
  repos: { nb: 'Kodelagre', en: 'Repositories' },
  access: { nb: 'Tilgang', en: 'Access' },
  commands: { nb: 'Kommandoer', en: 'Commands' },
  hardware: { nb: 'Maskinvare', en: 'Hardware' },
  mac: { nb: 'MAC-adresse', en: 'MAC address' },
  kernel: { nb: 'Kjerne', en: 'Kernel' },
  proxmoxVersion: { nb: 'Proxmox-versjon', en: 'Proxmox version' },
  sdnZones: { nb: 'SDN-soner', en: 'SDN zones' },
  vendor: { nb: 'Leverandør', en: 'Vendor' },
  model: { nb: 'Modell', en: 'Model' },
  count: { nb: 'Antall', en: 'Count' },
  medium: { nb: 'Medium', en: 'Medium' },
  between: { nb: 'Mellom', en: 'Between' },
  orderStatus: { nb: 'Bestilling', en: 'Order status' },
  usedPercent: { nb: 'Brukt', en: 'Used' },
  category: { nb: 'Kategori', en: 'Category' },
  tier: { nb: 'Nivå', en: 'Tier' },
  decentralised: { nb: 'Desentralisert', en: 'Decentralised' },
  features: { nb: 'Egenskaper', en: 'Features' },
  runtimeMinutes: { nb: 'Driftstid alene', en: 'Runtime on its own' },
  strategy: { nb: 'Strategi', en: 'Strategy' },
  rationale: { nb: 'Begrunnelse', en: 'Rationale' },
  goal: { nb: 'Mål', en: 'Goal' },
  trigger: { nb: 'Forutsetning', en: 'Trigger' },
  steps: { nb: 'Steg', en: 'Steps' },
  adds: { nb: 'Legger til', en: 'Adds' },
  changes: { nb: 'Endrer', en: 'Changes' },
  fails: { nb: 'Feiler ved t = 0', en: 'Fails at t = 0' },
  phases: { nb: 'Faser', en: 'Phases' },
  symptoms: { nb: 'Symptomer', en: 'Symptoms' },
  body: { nb: 'Tekst', en: 'Text' },
  points: { nb: 'Punkter', en: 'Points' },
  about: { nb: 'Om', en: 'About' },
  alsoFails: { nb: 'Feiler også', en: 'Also fails' },
  after: { nb: 'Starter', en: 'Begins' },
  afterMinutesFrom: { nb: 'Tid fra', en: 'Time from' },
  text: { nb: 'Tekst', en: 'Text' },
  path: { nb: 'Sti', en: 'Path' },
  version: { nb: 'Versjon', en: 'Version' },
  run: { nb: 'Kjør', en: 'Run' },
  ref: { nb: 'Gjelder', en: 'About' },
  what: { nb: 'Hva', en: 'What' },
  atLeast: { nb: 'Minst', en: 'At least' },
  dependsOn: { nb: 'Avhenger av', en: 'Depends on' },
  enhancedBy: { nb: 'Blir bedre med', en: 'Works better with' },
  poweredBy: { nb: 'Strøm fra', en: 'Powered by' },
  connectsVia: { nb: 'Kobler via', en: 'Connects via' },
  partOf: { nb: 'Del av', en: 'Part of' },
  locatedIn: { nb: 'Står i', en: 'Located in' },
  uplink: { nb: 'Oppkobling', en: 'Uplink' },
  links: { nb: 'Koblinger som endres', en: 'Links it changes' },
  relation: { nb: 'Relasjon', en: 'Relation' },
  add: { nb: 'Ny kobling til', en: 'New link to' },
  remove: { nb: 'Fjerner kobling til', en: 'Removes link to' },
  via: { nb: 'Via', en: 'Via' },
  assumed: { nb: 'Antatt', en: 'Assumed' },
  why: { nb: 'Hvorfor', en: 'Why' },
  sensitive: { nb: 'Sensitivt', en: 'Sensitive' },
};

export function fieldLabel(field: string, lang: Lang): string {
  return FIELD_LABEL[field]?.[lang] ?? field;
}

/**
 * Enum values worth translating; others (lvm-thin, external) are technical terms shown as written.
 * Pages and diagrams both read this, so a kind of device has one name everywhere.
 */
export const VALUE_LABEL: Dict = {
  running: { nb: 'kjører', en: 'running' },
  stopped: { nb: 'stoppet', en: 'stopped' },
  planned: { nb: 'planlagt', en: 'planned' },
  active: { nb: 'i drift', en: 'active' },
  idea: { nb: 'idé', en: 'idea' },
  ordered: { nb: 'bestilt', en: 'ordered' },
  'in-progress': { nb: 'pågår', en: 'in progress' },
  done: { nb: 'ferdig', en: 'done' },
  critical: { nb: 'kritisk', en: 'critical' },
  comfort: { nb: 'komfort', en: 'comfort' },
  lxc: { nb: 'LXC-container', en: 'LXC container' },
  qemu: { nb: 'VM (QEMU)', en: 'VM (QEMU)' },
  building: { nb: 'bygning', en: 'building' },
  room: { nb: 'rom', en: 'room' },
  area: { nb: 'område', en: 'area' },
  grid: { nb: 'strømnett', en: 'grid' },
  battery: { nb: 'batteri', en: 'battery' },
  solar: { nb: 'solceller', en: 'solar' },
  inverter: { nb: 'inverter', en: 'inverter' },
  ups: { nb: 'UPS', en: 'UPS' },
  proxmox: { nb: 'Proxmox', en: 'Proxmox' },
  'raspberry-pi': { nb: 'Raspberry Pi', en: 'Raspberry Pi' },
  gateway: { nb: 'ruter', en: 'gateway' },
  'sdn-zone': { nb: 'SDN-sone', en: 'SDN zone' },
  generator: { nb: 'aggregat', en: 'generator' },
  'wireless-mesh': { nb: 'trådløs mesh', en: 'wireless mesh' },
  fibre: { nb: 'fiber', en: 'fibre' },
  copper: { nb: 'kobber', en: 'copper' },
  satellite: { nb: 'satellitt', en: 'satellite' },
  'building-automation': { nb: 'bygningsautomasjon', en: 'building automation' },
  radio: { nb: 'radio', en: 'radio' },
  surveillance: { nb: 'overvåking', en: 'surveillance' },
  automation: { nb: 'automasjon', en: 'automation' },
  agents: { nb: 'agenter', en: 'agents' },
  'access-point': { nb: 'tilgangspunkt', en: 'access point' },
  switch: { nb: 'svitsj', en: 'switch' },
  camera: { nb: 'kamera', en: 'camera' },
  link: { nb: 'forbindelse', en: 'link' },
  isp: { nb: 'internettleverandør', en: 'internet provider' },
  external: { nb: 'ekstern', en: 'external' },
};

export function valueLabel(value: string, lang: Lang): string {
  return VALUE_LABEL[value]?.[lang] ?? value;
}

/** Section slugs of pages that are not entity pages. */
export const PAGE_SLUGS = {
  architecture: 'architecture',
  matrix: 'scenario-matrix',
  spof: 'single-points-of-failure',
  audits: 'audits',
  startOrder: 'start-order',
  drift: 'drift',
} as const;

export function otherLang(lang: Lang): Lang {
  return lang === 'nb' ? 'en' : 'nb';
}

/** The Intl locale each language formats numbers and dates with. */
export const INTL_LOCALE: Record<Lang, string> = { nb: 'nb-NO', en: 'en-GB' };

/** Format a number the way the language does (decimal comma in nb). */
export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(INTL_LOCALE[lang], { maximumFractionDigits: 2 }).format(value);
}
