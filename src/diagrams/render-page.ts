/**
 * One render page: a blank Chromium page made into a place to lay Mermaid diagrams out in
 * (prepareRenderPage), and the function that runs inside it for each diagram (renderInBrowser).
 */
import type { Page } from 'playwright-core';
import { MERMAID_CONFIG } from './render-config.ts';
import type { SpeedupRuntime } from './mermaid-speedup.ts';

/**
 * Makes a blank page a render page: nothing may be fetched, a hidden stage to lay diagrams out in,
 * and Mermaid (the given script text, see mermaidScript) loaded and initialised once.
 */
export async function prepareRenderPage(page: Page, script: string): Promise<void> {
  // The page and Mermaid come from memory, under a name that can never resolve (.invalid); every
  // other request is refused: nothing may be fetched, ever. Loading Mermaid as a script file rather
  // than injecting its 3 MB of text through the DevTools protocol lets Chromium parse it while it
  // arrives, off the main thread: ~0.25 s less per page.
  // No deadline: the page and Mermaid come from memory, so a slow load means a busy machine, not a
  // hung one (Playwright's default 30 s failed builds with the CPU oversubscribed). A crashed
  // browser still rejects at once.
  page.setDefaultTimeout(0);
  page.setDefaultNavigationTimeout(0);
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === RENDER_PAGE_URL) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: RENDER_PAGE_HTML });
    if (url === MERMAID_URL) return route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: script });
    return route.abort();
  });
  // No time limit: the page and Mermaid come from memory, so a slow load means a busy machine (two
  // cores shared with Astro or other builds), never a network that will not answer; 30 s was not
  // always enough under load, and failed whole builds.
  page.setDefaultTimeout(0);
  await page.goto(RENDER_PAGE_URL, { timeout: 0 });
  await page.evaluate(
    (config) => {
      (window as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid.initialize(config);
    },
    MERMAID_CONFIG as unknown as Record<string, unknown>,
  );
}

const RENDER_PAGE_URL = 'http://driftsbok.invalid/render';
const MERMAID_URL = 'http://driftsbok.invalid/mermaid.min.js';
// Diagrams are laid out in a hidden stage: measured like any visible element, but never painted,
// which saves Chromium a raster pass per diagram (about a fifth of its CPU here).
const RENDER_PAGE_HTML =
  `<!doctype html><html><head><meta charset="utf-8"><script src="${MERMAID_URL}"></script></head><body>` +
  '<div id="stage" style="visibility:hidden;position:absolute;top:0;left:0;contain:paint"></div></body></html>';

export interface BrowserRenderResult {
  svg?: string;
  error?: string;
  /** Milliseconds inside the page. */
  ms?: number;
  /** Rendered a second time with the config memo off (mermaid-speedup.ts's safety net). */
  again?: boolean;
}

/**
 * Runs inside a render page (passed to page.evaluate, so self-contained): one diagram into the
 * hidden stage, cleaned up after. With the speed-up's runtime present, a render during which a
 * memoised config was changed is done again without the memo.
 */
export async function renderInBrowser({ id, text, speedup }: { id: string; text: string; speedup: string }): Promise<BrowserRenderResult> {
  // No inner functions here: esbuild-based loaders (tsx) wrap them in __name(), which the page lacks.
  const mermaid = (window as unknown as { mermaid: { render(id: string, t: string, container?: Element): Promise<{ svg: string }> } })
    .mermaid;
  const runtime = (window as unknown as Record<string, SpeedupRuntime | undefined>)[speedup];
  const stage = document.getElementById('stage')!;
  const t0 = performance.now();
  let svg = '';
  let again = false;
  try {
    // First with the config memo; again without it if Mermaid changed a memoised config meanwhile.
    for (const memo of [true, false]) {
      if (runtime) {
        runtime.on = memo;
        runtime.mutated = false;
      }
      let failed = false;
      let failure: unknown;
      try {
        // render() parses first and rejects on a syntax error; a separate parse() would do it twice.
        svg = (await mermaid.render(id, text, stage)).svg;
      } catch (error) {
        failed = true;
        failure = error;
      } finally {
        runtime?.drop();
        stage.replaceChildren();
        document.getElementById(id)?.remove();
        document.getElementById(`d${id}`)?.remove();
      }
      // A changed memo may have caused the failure too: only the render without it counts then.
      if (memo && runtime?.mutated === true) {
        again = true;
        continue;
      }
      if (failed) throw failure;
      break;
    }
    return { svg, ms: performance.now() - t0, again };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
