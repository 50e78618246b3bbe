// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  integrations: [
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
