// PLACEHOLDER until the diagram work lands: the Astro integration that closes the shared Chromium
// when the build ends. Replaced by the diagrams module.
import type { AstroIntegration } from 'astro';

export function diagramsIntegration(): AstroIntegration {
  return { name: 'driftsbok:diagrams', hooks: {} };
}
