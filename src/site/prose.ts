/**
 * The hand-written prose beside the model (content/entities/<lang>/<kind>/<id>.md), looked up by
 * entity. The collection is read once per build into a map: a scan per page grows with the square
 * of the model, and getEntry warns about every entity without prose (most of them).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '../model/entities.ts';

let byId: Promise<Map<string, CollectionEntry<'entities'>>> | undefined;

export async function entityProse(lang: Lang, kind: string, id: string): Promise<CollectionEntry<'entities'> | undefined> {
  byId ??= getCollection('entities').then((entries) => new Map(entries.map((entry) => [entry.id, entry])));
  return (await byId).get(`${lang}/${kind}/${id}`);
}
