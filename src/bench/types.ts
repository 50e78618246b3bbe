/** What the bench measures per scale, and what every step of it gets (Context). */
import type { BuildPhases, DiagramCounts } from './report.ts';
import type { RehypeMeasure } from './rehype-mermaid.ts';
import type { Options } from './options.ts';
import type { SiteStats } from './site-stats.ts';
import type { CheckLoader, CheckTiming, DiagramProbe } from './model-check.ts';

export interface BuildMeasure {
  ms: number;
  /** Busy core-seconds meanwhile (see busyCoreSeconds). */
  cpuSeconds?: number;
  ok: boolean;
  diagrams: DiagramCounts | null;
  phases: BuildPhases;
  log: string;
  /** The first error line of a failed build. */
  error?: string;
  timedOut?: boolean;
  /** The build found nothing changed and its output intact, and did nothing ("up to date"). */
  upToDate?: boolean;
}

export interface ScaleResult {
  scale: number;
  /** Whether this scale was built with the runbook PDFs. */
  pdf?: boolean;
  label: string;
  modelDir: string;
  entities?: number;
  check: CheckTiming;
  diagramProbe?: DiagramProbe;
  cold?: BuildMeasure;
  /** Rebuild with the same caches after dist/ was deleted: Astro runs and copies every page. */
  warm?: BuildMeasure;
  /** Rebuild as `npm run build` twice: same caches, dist/ kept (nothing to do). */
  rebuild?: BuildMeasure;
  /** `npm run build` after one field of one guest changed (its memory): dist/ and caches kept. */
  oneField?: BuildMeasure & { field: string };
  site?: SiteStats;
  plain?: PlainMeasure;
  /** The project build failed, so the plain site's page counts were estimated from another scale. */
  plainPagesEstimated?: boolean;
  /**
   * Every diagram of the site rendered from an empty cache and nothing else (no Astro, no PDFs), as
   * the build renders them: what a cold build cannot go below here.
   */
  diagramsAlone?: { ms: number; cpuSeconds?: number; rendered?: number; ok: boolean; error?: string };
  /**
   * A build with Astro's and Vite's caches empty but every diagram and PDF in the cache: what the
   * site's pages cost without any rendering, the other floor under a cold build.
   */
  pagesAlone?: BuildMeasure;
  /** Rendered diagrams ÷ the whole cold build (a floor). */
  diagramsPerBuildSecond?: number;
  /** The same diagrams drawn by rehype-mermaid in Markdown pages of the plain site (scales ≤ 10). */
  rehype?: RehypeMeasure;
  /** 1000 ÷ the build's own "ms per diagram" (the render rate itself). */
  diagramsPerRenderSecond?: number;
}

/** The plain Starlight site: a first build (fresh caches) and a second one (Astro's caches warm). */
export interface PlainMeasure {
  timedOut?: boolean;
  coldMs: number;
  coldCpuSeconds?: number;
  warmMs?: number;
  ok: boolean;
  site: SiteStats;
  log: string;
}

export interface Context {
  work: string;
  copy: string;
  options: Options;
  buildCommand: { cmd: string; args: string[]; outDir: string; describe: string };
  /** scripts/check.ts checkModel, timed per scale. */
  checkModel: CheckLoader;
}
