/**
 * The analysis's words: the three states, how a cause is explained, and every audit's message and
 * hint. The analysis (src/analysis, one layer up) fills in names and counts; the sentences are here,
 * so the words live in one store and the store needs nothing from the analysis.
 */
import { plural, say, type Entry } from './define.ts';

/** A name already worded for the reader: "zigbee2mqtt (LXC 110)". */
type Name = string;

export const ANALYSIS_WORDS = {
  /**
   * The one vocabulary for states: the pages, the diagrams, the printed runbook and the
   * explanations all use it, so a reader meets the same word for the same state on screen and paper.
   */
  'state.ok': { nb: 'virker', en: 'works' },
  'state.degraded': { nb: 'redusert', en: 'degraded' },
  'state.down': { nb: 'nede', en: 'down' },

  /** The phases every analysis has: the normal state, and a scenario's first moment. */
  'phase.baseline': { nb: 'Normal drift', en: 'Normal operation' },
  'phase.start': { nb: 'Straks (t = 0)', en: 'At once (t = 0)' },
  /** Phases derived from runtimes and start delays (src/analysis/timeline.ts). */
  'phase.generatorStarted': say(
    (p: { name: Name }) => `${p.name} har startet og tar lasten`,
    (p) => `${p.name} has started and takes the load`,
  ),
  'phase.generatorDry': say(
    (p: { name: Name }) => `Drivstoffet til ${p.name} er brukt opp`,
    (p) => `${p.name} has run out of fuel`,
  ),
  'phase.upsEmpty': say(
    (p: { name: Name }) => `Batteriet i ${p.name} er tomt`,
    (p) => `The battery in ${p.name} is empty`,
  ),
  'phase.batteryEmpty': say(
    (p: { name: Name }) => `${p.name} er utladet`,
    (p) => `${p.name} is empty`,
  ),

  /** Why a chain of one stops where it does: "pve-core: nede (feiler i scenariet)". */
  'explain.stopped': { nb: 'stoppet', en: 'stopped' },
  'explain.root': { nb: 'feiler i scenariet', en: 'fails in the scenario' },
  'explain.anyOf': { nb: 'for få av alternativene virker', en: 'too few of the alternatives work' },
  'explain.starting': { nb: 'starter ennå', en: 'still starting' },
  'explain.unknown': { nb: 'ukjent', en: 'unknown' },
  /** A k-of-n group: how many it needs, of how many, and how many are up. */
  'explain.needsOf': say(
    (p: { needed: number; of: number; up: number }) => `trenger ${p.needed} av ${p.of}, ${p.up} oppe`,
    (p) => `needs ${p.needed} of ${p.of}, ${p.up} up`,
  ),

  /** A language as the audits name it, in the other language's sentence. */
  'language.nb': { nb: 'norsk (nb)', en: 'Norwegian (nb)' },
  'language.en': { nb: 'engelsk (en)', en: 'English (en)' },

  'audit.criticalSurvives.message': say(
    (p: { name: Name; state: string; host: Name; chain: string }) =>
      `${p.name} hører til det kritiske, men er ${p.state} når ${p.host} feiler: ${p.chain}.`,
    (p) => `${p.name} is critical but is ${p.state} when ${p.host} fails: ${p.chain}.`,
  ),
  'audit.criticalSurvives.hintDegraded': say(
    (p: { lost: Name }) => `Det virker fortsatt, men redusert. Sjekk at det som blir borte (${p.lost}) bare er komfort.`,
    (p) => `It still works, reduced. Check that what is lost (${p.lost}) is only comfort.`,
  ),
  'audit.criticalSurvives.hintDown': say(
    (p: { name: Name; host: Name; move: Name }) =>
      `Designprinsippet sier at alt kritisk skal virke uten ${p.host}. Flytt ${p.move} til en maskin som ikke avhenger av ${p.host}, eller merk ${p.name} som komfort hvis det ikke er kritisk.`,
    (p) =>
      `The design principle says everything critical works without ${p.host}. Move ${p.move} to a machine that does not depend on ${p.host}, or mark ${p.name} as comfort if it is not critical.`,
  ),

  'audit.falseRedundancy.itself': { nb: 'selv ett av alternativene', en: 'itself one of the alternatives' },
  /** `alternatives`: how many the group has; `causes`: how many shared weak points are listed. */
  'audit.falseRedundancy.message': say(
    (p: { owner: Name; members: string; alternatives: number; causes: number; shared: string }) =>
      `${p.owner} har alternativene ${p.members}, men ${p.alternatives === 2 ? 'begge' : 'alle'} faller samtidig hvis ${plural(p.causes, 'denne feiler', 'én av disse feiler')}: ${p.shared}.`,
    (p) =>
      `${p.owner} has the alternatives ${p.members}, but ${p.alternatives === 2 ? 'both' : 'all of them'} fail together when ${plural(p.causes, 'this fails', 'one of these fails')}: ${p.shared}.`,
  ),
  /** Some shared weak points leave the group up and take the owner down beside it (written on the owner). */
  'audit.falseRedundancy.messageBeside': say(
    (p: { owner: Name; members: string; alternatives: number; causes: number; shared: string }) =>
      `${p.owner} har alternativene ${p.members}, men går ned likevel hvis ${plural(p.causes, 'denne feiler', 'én av disse feiler')}: ${p.shared}.`,
    (p) =>
      `${p.owner} has the alternatives ${p.members}, but goes down all the same when ${plural(p.causes, 'this fails', 'one of these fails')}: ${p.shared}.`,
  ),
  /** A k-of-n group (`atLeast` above 1): `needed` of `total` (its members, or the sum of their weights). */
  'audit.falseRedundancy.messageNeeds': say(
    (p: { owner: Name; members: string; causes: number; shared: string; needed: number; total: number }) =>
      `${p.owner} trenger ${p.needed} av ${p.total} (${p.members}), men går ned likevel hvis ${plural(p.causes, 'denne feiler', 'én av disse feiler')}: ${p.shared}.`,
    (p) =>
      `${p.owner} needs ${p.needed} of ${p.total} (${p.members}), but goes down all the same when ${plural(p.causes, 'this fails', 'one of these fails')}: ${p.shared}.`,
  ),
  /** A cluster's quorum: `needed` of `total` votes, from its nodes (and QDevice). */
  'audit.falseRedundancy.messageQuorum': say(
    (p: { owner: Name; members: string; causes: number; shared: string; needed: number; total: number }) =>
      `${p.owner} trenger ${p.needed} av ${p.total} ${plural(p.total, 'stemme', 'stemmer')} for quorum (${p.members}), men mister quorum likevel hvis ${plural(p.causes, 'denne feiler', 'én av disse feiler')}: ${p.shared}.`,
    (p) =>
      `${p.owner} needs ${p.needed} of ${p.total} ${plural(p.total, 'vote', 'votes')} for quorum (${p.members}), but loses quorum all the same when ${plural(p.causes, 'this fails', 'one of these fails')}: ${p.shared}.`,
  ),
  /** The nearest weak point every node of a cluster shares. */
  'audit.falseRedundancy.hintQuorum': say(
    (p: { first: Name; owner: Name }) =>
      `Flere noder hjelper ikke mot ${p.first}: ${p.owner} trenger den uansett hvilke noder som er oppe. Gi nodene en vei utenom ${p.first} (en andre svitsj og corosync-lenke, en egen strømforsyning), eller regn den som et enkeltpunkt som kan feile.`,
    (p) =>
      `More nodes do not help against ${p.first}: ${p.owner} needs it whichever nodes are up. Give the nodes a way around ${p.first} (a second switch and corosync link, a power supply of their own), or count it as a single point of failure.`,
  ),
  /** The nearest shared weak point is needed beside the alternatives. */
  'audit.falseRedundancy.hintBeside': say(
    (p: { first: Name; owner: Name }) =>
      `Reserven hjelper ikke mot ${p.first}: ${p.owner} trenger den uansett hvilket alternativ som virker. Gi ${p.first} en reserve også, eller regn den som et enkeltpunkt som kan feile.`,
    (p) =>
      `The backup does not help against ${p.first}: ${p.owner} needs it whichever alternative works. Give ${p.first} a fallback too, or count it as a single point of failure.`,
  ),
  /** The shared weak point is itself one of the alternatives. */
  'audit.falseRedundancy.hintMember': say(
    (p: { first: Name; alternatives: number }) =>
      `Reserven er bare tilsynelatende: ${p.alternatives === 2 ? 'det andre alternativet' : 'de andre alternativene'} avhenger av ${p.first}. Gjør ${p.alternatives === 2 ? 'det' : 'dem'} uavhengig av den, eller beskriv det som én vanlig avhengighet i stedet for alternativer.`,
    (p) =>
      `The backup is only apparent: the other ${p.alternatives === 2 ? 'alternative depends' : 'alternatives depend'} on ${p.first}. Make ${p.alternatives === 2 ? 'it' : 'them'} independent of it, or describe it as one plain dependency instead of alternatives.`,
  ),
  'audit.falseRedundancy.hint': say(
    (p: { first: Name }) =>
      `Reserven er bare tilsynelatende. Gi alternativene hver sin vei utenom ${p.first}, eller beskriv det som én vanlig avhengighet i stedet for alternativer.`,
    (p) =>
      `The backup is only apparent. Give the alternatives separate paths around ${p.first}, or describe it as one plain dependency instead of alternatives.`,
  ),

  /** After the scenario's title, when the docs go down in a later phase. */
  'audit.runbookReachable.phase': say(
    (p: { phase: string }) => ` (fra fasen «${p.phase}»)`,
    (p) => ` (from the phase “${p.phase}”)`,
  ),
  'audit.runbookReachable.message': say(
    (p: { title: string; phase: string; state: string; chain: string }) =>
      `I scenariet «${p.title}»${p.phase} er dokumentasjonen ${p.state}: ${p.chain}.`,
    (p) => `In the scenario “${p.title}”${p.phase} the documentation is ${p.state}: ${p.chain}.`,
  ),
  'audit.runbookReachable.hint': say(
    (p: { title: string }) =>
      `Driftshåndboka for «${p.title}» må finnes på papir eller lagret lokalt: skriv ut PDF-en og oppbevar den der den trengs.`,
    (p) => `The runbook for “${p.title}” must be on paper or stored offline: print the PDF and keep it where it is needed.`,
  ),

  'audit.stoppedDependency.message': say(
    (p: { subject: Name; target: Name }) => `${p.subject} avhenger av ${p.target}, som er stoppet.`,
    (p) => `${p.subject} depends on ${p.target}, which is stopped.`,
  ),
  'audit.stoppedDependency.hint': say(
    (p: { subject: Name; target: Name }) =>
      `Start ${p.target}, fjern avhengigheten, eller merk ${p.subject} som planlagt hvis det ikke er i bruk ennå.`,
    (p) => `Start ${p.target}, remove the dependency, or mark ${p.subject} as planned if it is not in use yet.`,
  ),

  /** `language`: the missing language, already worded ('language.nb' / 'language.en'). */
  'audit.translationMissing.message': say(
    (p: { path: string; language: string }) => `${p.path} mangler ${p.language} tekst.`,
    (p) => `${p.path} lacks the ${p.language} text.`,
  ),
  'audit.translationMissing.hint': say(
    (p: { path: string; missing: string; other: string }) => `Legg til \`${p.missing}:\` ved siden av \`${p.other}:\` i ${p.path}.`,
    (p) => `Add \`${p.missing}:\` next to \`${p.other}:\` in ${p.path}.`,
  ),

  'audit.statedSummary.runningLxc': { nb: 'kjørende LXC-containere', en: 'running LXC containers' },
  'audit.statedSummary.runningQemu': { nb: 'kjørende VM-er', en: 'running VMs' },
  'audit.statedSummary.stoppedLxc': { nb: 'stoppede LXC-containere', en: 'stopped LXC containers' },
  'audit.statedSummary.stoppedQemu': { nb: 'stoppede VM-er', en: 'stopped VMs' },
  'audit.statedSummary.message': say(
    (p: { said: number; what: string; computed: number }) => `Dokumentasjonen sier ${p.said} ${p.what}, men modellen har ${p.computed}.`,
    (p) => `The documentation says ${p.said} ${p.what}, but the model has ${p.computed}.`,
  ),
  'audit.statedSummary.hint': say(
    (p: { computed: number }) =>
      `Rett tallet i oppsummeringen til ${p.computed}, eller rett gjestene i modellen hvis dokumentasjonen har rett.`,
    (p) => `Change the number in the summary to ${p.computed}, or correct the guests in the model if the documentation is right.`,
  ),

  'audit.todoText.message': say(
    (p: { where: string }) => `${p.where} er ikke skrevet ennå (TODO).`,
    (p) => `${p.where} is not written yet (TODO).`,
  ),
  'audit.todoText.hint': say(
    (p: { where: string }) => `Erstatt TODO-teksten i ${p.where} med det du vet, på norsk (nb) og engelsk (en).`,
    (p) => `Replace the TODO text in ${p.where} with what you know, in Norwegian (nb) and English (en).`,
  ),
} satisfies Record<string, Entry>;
