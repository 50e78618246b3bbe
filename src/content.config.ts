import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { sitePaths } from './site/env.ts';
import { docsDirFor, entitiesDirFor } from './site/content-dirs.ts';
import { profileFromEnv } from './model/profile.ts';
import { withoutSensitiveEntries } from './site/sensitive-content.ts';

const paths = sitePaths();
const docs = docsDirFor(paths);
// The public profile never stores a prose file marked `sensitive: true` (src/site/sensitive-content.ts).
const profile = profileFromEnv();

export const collections = {
  // See src/site/content-dirs.ts for why the default content dir goes through the symlink.
  docs: defineCollection({
    loader: withoutSensitiveEntries(docs.usesSymlink ? docsLoader() : glob({ base: docs.dir, pattern: '**/[^_]*.{md,mdx}' }), profile),
    schema: docsSchema({ extend: z.object({ sensitive: z.boolean().optional() }) }),
  }),
  /** Prose beside the model: <content>/entities/<lang>/<kind>/<id>.md, shown on that entity's page. */
  entities: defineCollection({
    loader: withoutSensitiveEntries(glob({ base: entitiesDirFor(paths), pattern: '{nb,en}/*/*.md' }), profile),
    schema: z.object({ title: z.string().optional(), sensitive: z.boolean().optional() }).passthrough(),
  }),
  /** The runbook's hand-written procedures: <content>/runbook/<lang>/<scenario-id>.md (src/components/runbook). */
  runbook: defineCollection({
    loader: withoutSensitiveEntries(glob({ base: `${paths.contentDir}/runbook`, pattern: '{nb,en}/*.md' }), profile),
    schema: z.object({ sensitive: z.boolean().optional() }).passthrough(),
  }),
};
