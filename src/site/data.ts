/**
 * The data every page reads: the model (loaded once, profile applied), its graph and its analysis.
 * Node-side; cached on globalThis because Astro renders all pages in one process and several
 * module instances may import this file.
 */
import { resolveRevision } from '../revision.ts';
import { readSettings } from '../settings.ts';
import type { Model } from '../model/schema/model.ts';
import type { Analysis, Cause } from '../analysis/types.ts';
import { buildGraph, type Graph } from '../model/graph.ts';
import { indexEntities, listEntities, type EntityRecord, type Lang } from '../model/entities.ts';
import { analyze, explainCause, summarise, type Summary } from '../analysis/analyze.ts';
import { profileFromEnv, profileModel, type Profile, type Withheld } from '../model/profile.ts';
import { placeholderWords } from '../i18n/store.ts';
import { loadModelOrThrow, sitePaths } from './env.ts';
import { pageKeys, type PageKeys } from './page-keys.ts';
import { siteDrift, type SiteDrift } from './drift-view.ts';

export interface SiteData {
  model: Model;
  graph: Graph;
  records: EntityRecord[];
  index: Map<string, EntityRecord>;
  analysis: Analysis;
  summary: Summary;
  profile: Profile;
  /** What the public profile did with the sensitive entities (empty in the full profile). */
  withheld: Withheld;
  revision: string;
  /**
   * The cache key of a page that shows no guest's cores, memory or disk (src/site/page-keys.ts, from
   * DRIFTSBOK_PAGE_KEY, which scripts/build.ts sets): with it, Astro's incremental build reuses a
   * page of the previous build when the key is unchanged.
   */
  cacheKey?: string;
  /** Every page's key, when the build has one. */
  pageKeys?: PageKeys;
  /** The model compared with the committed Proxmox snapshot (model/observed/), or never. */
  drift?: SiteDrift;
  /** "Zigbee scenes: down ← zigbee2mqtt ← pve-core". */
  explain(cause: Cause, lang: Lang): string;
}

const CACHE = Symbol.for('driftsbok.site.data');
type CacheHost = { [CACHE]?: SiteData };

export function getSiteData(): SiteData {
  const host = globalThis as CacheHost;
  if (!host[CACHE]) host[CACHE] = createSiteData(process.env);
  return host[CACHE];
}

/** Forgets the cached data (a build script that builds twice in one process, with other settings). */
export function resetSiteData(): void {
  delete (globalThis as CacheHost)[CACHE];
}

/** Makes `data` what every page reads (scripts/build.ts hands over the model it has just checked). */
export function provideSiteData(data: SiteData): void {
  (globalThis as CacheHost)[CACHE] = data;
}

/** The site's data from the environment's settings; `checked` skips loading a model already loaded. */
export function createSiteData(env: NodeJS.ProcessEnv, checked?: Model): SiteData {
  const { modelDir } = sitePaths(env);
  const profile = profileFromEnv(env);
  const full = checked ?? loadModelOrThrow(modelDir);
  const { model, withheld } = profileModel(full, profile, placeholderWords);
  const analysis = analyze(model);
  const drift = siteDrift(modelDir, full, profile);
  // What pages show that is computed from the whole model (audits, drift findings) is in every key.
  const pageKey = readSettings(env).DRIFTSBOK_PAGE_KEY;
  const keys = pageKey ? pageKeys(pageKey, model, { audits: analysis.audits, drift }) : undefined;
  return {
    model,
    withheld,
    graph: buildGraph(model),
    records: listEntities(model),
    index: indexEntities(model),
    analysis,
    summary: summarise(model),
    profile,
    revision: resolveRevision(env),
    ...(keys ? { cacheKey: keys.other, pageKeys: keys } : {}),
    explain: (cause, lang) => explainCause(cause, model, lang),
    drift,
  };
}
