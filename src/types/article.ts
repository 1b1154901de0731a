// Types: the article — one news report, cleaned, with its metadata. All character offsets in Dyad point into `text`.
import type { PublicationBasis } from './event.js';

/** One news report as Dyad stores and codes it. */
export interface Article {
  /** Stable document id: the JSONL record's `id`, or the input path exactly as given (plus `#n` for the n-th item of a feed). */
  id: string;
  /** Cleaned article text. Every offset in every event points into this string. */
  text: string;
  title?: string | null;
  /** Publication date, ISO `YYYY-MM-DD` (or a full ISO timestamp). */
  date?: string | null;
  /** Where `date` came from; absent or null with a date means `publication` (given by the caller or the record). */
  dateBasis?: PublicationBasis | null;
  url?: string | null;
  /** The outlet ("Reuters", "Kommersant"). */
  source?: string | null;
  byline?: string | null;
  /** The dateline as written ("BAGHDAD, May 14 (Reuters) -"). */
  dateline?: string | null;
  /** Language code, when known. */
  language?: string | null;
}
