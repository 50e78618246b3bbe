/**
 * The sidebar, generated from the model: fixed pages first, then one group per kind with an
 * entry per entity. Links are written for the root locale (nb); Starlight prefixes /en/ for
 * English pages, and `translations` carries the English labels. Pure.
 */
import type { Model } from '../model/schema/model.ts';
import { KIND_SECTIONS, listEntities, listName, type EntityRecord } from '../model/entities.ts';
import { entityHref, pagePath, KIND_PATH, STARLIGHT_ADDS_BASE } from './urls.ts';
import { kindLabel, PAGE_SLUGS, t, valueLabel, type PlainWordKey } from '../i18n/ui.ts';
import { isWithheld } from '../model/profile.ts';

export interface SidebarLink {
  label: string;
  translations: Record<string, string>;
  link: string;
  badge?: { text: Record<string, string>; variant: 'caution' | 'note' | 'danger' | 'default' };
}
export interface SidebarGroup {
  label: string;
  translations: Record<string, string>;
  collapsed?: boolean;
  items: Array<SidebarLink | SidebarGroup>;
}

function uiLink(key: PlainWordKey, link: string): SidebarLink {
  return { label: t('nb', key), translations: { en: t('en', key) }, link };
}

/** planned / stopped get a badge with words (not colour alone). */
export function statusBadge(record: EntityRecord): SidebarLink['badge'] {
  const status = record.entity.status;
  if (status === 'planned' || status === 'stopped') {
    return { text: { nb: valueLabel(status, 'nb'), en: valueLabel(status, 'en') }, variant: status === 'planned' ? 'note' : 'caution' };
  }
  return undefined;
}

/**
 * A kind with more entities than this is listed by its index page only. Starlight writes the whole
 * sidebar into every page, so one entry per entity makes the site grow with the square of the model
 * (a model 10× Saghaugen: ~2000 pages × ~2000 entries); past a few dozen entries a list is not
 * navigation anyway, and the index page lists them all.
 */
export const MAX_SIDEBAR_ENTRIES_PER_KIND = 40;

/**
 * `extraPages` join the analysis group; `outagePages` (the runbook) come right after the overview,
 * followed by the scenarios: what someone with something down looks for comes first.
 */
export function buildSidebar(
  model: Model,
  extraPages: SidebarLink[] = [],
  outagePages: SidebarLink[] = [],
): Array<SidebarLink | SidebarGroup> {
  const records = listEntities(model);
  const items: Array<SidebarLink | SidebarGroup> = [uiLink('sidebar.overview', '/'), ...outagePages];
  const rest: Array<SidebarLink | SidebarGroup> = [
    uiLink('architecture.title', pagePath(PAGE_SLUGS.architecture, 'nb', STARLIGHT_ADDS_BASE)),
    {
      label: t('nb', 'sidebar.analysis'),
      translations: { en: t('en', 'sidebar.analysis') },
      items: [
        uiLink('matrix.title', pagePath(PAGE_SLUGS.matrix, 'nb', STARLIGHT_ADDS_BASE)),
        uiLink('spof.title', pagePath(PAGE_SLUGS.spof, 'nb', STARLIGHT_ADDS_BASE)),
        uiLink('audits.title', pagePath(PAGE_SLUGS.audits, 'nb', STARLIGHT_ADDS_BASE)),
        uiLink('startOrder.title', pagePath(PAGE_SLUGS.startOrder, 'nb', STARLIGHT_ADDS_BASE)),
        uiLink('drift.title', pagePath(PAGE_SLUGS.drift, 'nb', STARLIGHT_ADDS_BASE)),
        ...extraPages,
      ],
    },
  ];
  for (const [kind] of KIND_SECTIONS) {
    // Guests by VMID, the number their labels start with ("109 chirpstack"); the rest in model order.
    const vmid = (r: EntityRecord) => (typeof r.entity.vmid === 'number' ? r.entity.vmid : 0);
    const ofKind = records.filter((r) => r.kind === kind).sort((a, b) => vmid(a) - vmid(b));
    if (ofKind.length === 0) continue;
    // The scenarios stay open right under the overview and the runbook.
    (kind === 'scenario' ? items : rest).push({
      label: kindLabel(kind, 'nb', true),
      translations: { en: kindLabel(kind, 'en', true) },
      collapsed: kind === 'scenario' ? false : ofKind.length > 8,
      items: [
        {
          label: t('nb', 'sidebar.all'),
          translations: { en: t('en', 'sidebar.all') },
          link: pagePath(KIND_PATH[kind], 'nb', STARLIGHT_ADDS_BASE),
        },
        // A placeholder for a sensitive entity (public profile) is in its kind's full list, not here:
        // its page only says that it is withheld.
        ...(ofKind.length > MAX_SIDEBAR_ENTRIES_PER_KIND ? [] : ofKind.filter((record) => !isWithheld(record.entity))).map((record) => {
          const link: SidebarLink = {
            label: listName(record.entity, 'nb'),
            translations: { en: listName(record.entity, 'en') },
            link: entityHref(record.key, 'nb', STARLIGHT_ADDS_BASE),
          };
          const badge = statusBadge(record);
          if (badge) link.badge = badge;
          return link;
        }),
      ],
    });
  }
  return [...items, ...rest];
}
