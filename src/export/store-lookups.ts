// Export: a Store → the lookups exports need (article metadata by document id, country names), shared by CLI and API.
import { recordedKindTree } from '../link/kind-tree.js';
import type { Store } from '../store/store.js';
import type { ExportArticle, ExportContext } from './export-context.js';

/** Article metadata by document id, remembered for the length of one export (an article's events come together). */
export function articleLookup(store: Store): (doc: string) => Promise<ExportArticle | null> {
  const cache = new Map<string, ExportArticle | null>();
  return async (doc) => {
    const known = cache.get(doc);
    if (known !== undefined) return known;
    if (cache.size >= 10_000) cache.clear();
    const a = await store.getArticle(doc);
    const info = a === null ? null : {
      id: a.id, url: a.url, source: a.source, title: a.title, date: a.date, language: a.language, ingestedAt: a.ingestedAt,
      nearDuplicateOf: a.nearDuplicateOf, textLength: a.text.length,
    };
    cache.set(doc, info);
    return info;
  };
}

/** Country names from the store's own country-level actors (code = country: IRQ → Iraq). */
export async function countryNames(store: Store): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const actor of await store.actors({}, { limit: 1_000_000 })) {
    if (actor.country !== null && actor.code === actor.country && !names.has(actor.code)) names.set(actor.code, actor.name);
  }
  return names;
}

/** The lookups an export from a store uses: article metadata, country names, and the kind tree its reports are linked by. */
export async function storeContext(store: Store): Promise<ExportContext> {
  const names = await countryNames(store);
  return { article: articleLookup(store), countryName: (code) => names.get(code), kinds: recordedKindTree(await store.lexiconKinds()) };
}
