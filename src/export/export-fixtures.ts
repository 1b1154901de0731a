// Export tests: the sample events' articles and country names as an export context.

import { sampleEntries } from '../store/store-fixtures.js';
import type { ExportArticle, ExportContext } from './export-context.js';

const COUNTRIES: Record<string, string> = { IRQ: 'Iraq', CHN: 'China', TUR: 'Turkey' };

/** Articles of the sample entries (stored at a fixed time) and the names of their countries. */
export function sampleContext(): ExportContext & { articles: Map<string, ExportArticle> } {
  const articles = new Map(sampleEntries().map(({ article }, i): [string, ExportArticle] =>
    [article.id, { ...article, ingestedAt: `2021-02-0${i + 1}T10:20:30.000Z` }]));
  return { articles, article: (doc) => articles.get(doc), countryName: (code) => COUNTRIES[code] };
}
