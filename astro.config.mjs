// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { diagramsIntegration } from './src/diagrams/integration.ts';

export default defineConfig({
  integrations: [
    diagramsIntegration(),
    starlight({
      title: { nb: 'driftsbok', en: 'driftsbok' },
      defaultLocale: 'root',
      locales: {
        root: { label: 'Norsk bokmål', lang: 'nb' },
        en: { label: 'English', lang: 'en' },
      },
    }),
  ],
});
