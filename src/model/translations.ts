/**
 * Every prose text and translated label in the model is bilingual `{ nb, en }`. This finds the ones
 * that lack a language. Pure. Used by the check (an error with position) and by the
 * `translation-missing` audit of the analysis.
 */
import type { Model } from './schema/model.ts';
import { KIND_SECTIONS, type Lang } from './entities.ts';
import { formatPath, type PathSegment } from './yaml-source.ts';

export interface MissingTranslation {
  /** `guests[3].description` */
  path: string;
  segments: PathSegment[];
  missing: Lang;
  /** The text in the language that is there. */
  present: string;
  /** The entity the text belongs to, `kind:id`, when it belongs to one (site texts do not). */
  subject?: string;
}

export const LANGUAGE_NAMES: Record<Lang, string> = { nb: 'Norwegian (nb)', en: 'English (en)' };

/** `{ nb, en }`, or a note's point `{ nb, en, sensitive }` (a point marked sensitive is still bilingual). */
function isLocalized(value: unknown): value is { nb?: string; en?: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value).filter(([k]) => k !== 'sensitive');
  return entries.length > 0 && entries.every(([k, v]) => (k === 'nb' || k === 'en') && typeof v === 'string');
}

const SECTION_KIND = new Map<string, string>(KIND_SECTIONS.map(([kind, section]) => [section, kind]));

export function findMissingTranslations(model: Model): MissingTranslation[] {
  const found: MissingTranslation[] = [];
  const walk = (value: unknown, segments: PathSegment[]): void => {
    if (isLocalized(value)) {
      for (const lang of ['nb', 'en'] as const) {
        if (value[lang] === undefined) {
          const other = lang === 'nb' ? 'en' : 'nb';
          const subject = subjectOf(model, segments);
          found.push({
            path: formatPath(segments),
            segments,
            missing: lang,
            present: value[other] ?? '',
            ...(subject ? { subject } : {}),
          });
        }
      }
      return;
    }
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...segments, index]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, [...segments, key]);
    }
  };
  walk(model, []);
  return found;
}

function subjectOf(model: Model, segments: PathSegment[]): string | undefined {
  const [section, index] = segments;
  const kind = typeof section === 'string' ? SECTION_KIND.get(section) : undefined;
  if (!kind || typeof index !== 'number') return undefined;
  const entity = (model as unknown as Record<string, Array<{ id?: string }>>)[section as string]?.[index];
  return entity?.id ? `${kind}:${entity.id}` : undefined;
}
