// Coder: the public entry point — lexicon options → a Coder that turns an Article into EventRecords.
import { analyze } from '../nlp/analyze.js';
import type { Doc } from '../nlp/doc.js';
import type { CompiledLexicon } from '../lexicon/compiled.js';
import { loadLexicon } from '../lexicon/load-lexicon.js';
import { DEPRELS, loadParser } from '../parse/index.js';
import { DyadError, type Article, type EventRecord, type LexiconSource, type Problem } from '../types/index.js';
import { buildEvent } from './build-event.js';
import { codeSentence, type SentenceParser } from './code-sentence.js';
import { LEAD_SENTENCES, newArticleContext, readDateline, rememberPeople } from './article-context.js';
import { findActors } from './find-actors.js';
import { discardScope } from './discards.js';
import { addDetails, datelineEnd, publicationDate } from './add-details.js';

export interface CoderOptions {
  /** Use Dyad's own lexicon (default true). */
  builtin?: boolean;
  /** Lexicon folders in Dyad's format, merged after Dyad's own (theirs win). */
  lexiconDirs?: string[];
  /** Lexicon sources already read, e.g. imported PETRARCH dictionaries; merged last. */
  extra?: LexiconSource[];
  /** Find items, terms, event dates and places (default true); false codes actors and CAMEO only, faster. */
  details?: boolean;
  /**
   * Reads roles from this dependency parser's trees. Left out: Dyad's own trained parser (models/); null: word-window
   * roles only (faster, less accurate).
   */
  parser?: SentenceParser | null;
}

/** Options of one `codeDoc` call. */
export interface CodeDocOptions {
  /** `performance.now()` time past which coding stops with E401, checked before each sentence. */
  deadline?: number;
}

export interface Coder {
  lexicon: CompiledLexicon;
  /** Problems met while loading the lexicons (bad entries are skipped). */
  problems: Problem[];
  /** Codes one article. Throws only on a bug; bad text simply gives no events. */
  codeArticle(article: Article): EventRecord[];
  /**
   * Codes an already analysed document (for callers that reuse the analysis). With a `deadline` (a
   * `performance.now()` time), throws DyadError E401 when it is past between two sentences, so one article's time
   * budget holds within the coder too: it overruns by at most one (bounded) sentence.
   */
  codeDoc(doc: Doc, options?: CodeDocOptions): EventRecord[];
}

/** Dyad's own tagger and parser (models/), as the coder asks for trees: heads and labels by name. */
export function shippedParser(): SentenceParser {
  const parser = loadParser();
  return {
    parse(words) {
      const parsed = parser.parse(words);
      const label = new Array<string>(parsed.deprel.length);
      for (let i = 0; i < label.length; i++) label[i] = DEPRELS[parsed.deprel[i] ?? 0] ?? 'dep';
      return { head: parsed.head, label };
    },
  };
}

/** Builds a coder: loads and compiles the lexicons once. */
export function createCoderSync(options: CoderOptions = {}): Coder {
  const { lexicon, problems } = loadLexicon(options);
  const parser = options.parser === undefined ? shippedParser() : options.parser;
  const codeDoc = (doc: Doc, codeOptions: CodeDocOptions = {}): EventRecord[] => {
    const deadline = codeOptions.deadline ?? Infinity;
    const events: EventRecord[] = [];
    if (discardScope(doc, { first: 0, last: doc.size }, lexicon) === 'story') return [];
    const context = newArticleContext();
    const dateline = readDateline(doc, lexicon);
    context.datelineCountry = dateline.country;
    context.datelineEnd = dateline.end;
    // cheap: the article's own date, else a look at the head of its text (office-holders are resolved on it too)
    const pub = publicationDate(doc.article);
    const skip = datelineEnd(doc.article);
    // the headline names people by title and surname ("President Hu congratulates …") whom the lead introduces in
    // full ("Chinese President Hu Jintao"): the lead's people are known before the first sentence is coded
    for (const sent of doc.sentences.slice(1, LEAD_SENTENCES)) rememberPeople(doc, findActors(doc, sent, lexicon, doc.article.date ?? pub.date), context);
    for (const sent of doc.sentences) {
      if (performance.now() > deadline) {
        throw new DyadError('E401', doc.article.id, `coding ran past the time budget for one article (stopped before sentence ${sent.index + 1} of ${doc.sentences.length})`);
      }
      if (discardScope(doc, sent, lexicon) !== null) continue;
      const coded = codeSentence(doc, sent, lexicon, doc.article.date ?? pub.date, context, parser);
      if (coded.events.length === 0) continue;
      const built = coded.events.map((raw) => buildEvent(doc, raw, lexicon, pub));
      // places stay places for the location finder, though a verb pattern may take one as its target
      const spans = coded.mentions.filter((m) => m.thing !== 'place').map((m) => ({ start: doc.start[m.first] ?? 0, end: doc.end[m.last - 1] ?? 0 }));
      if (options.details !== false) addDetails(built, pub, spans, skip, lexicon);
      events.push(...built);
    }
    return events;
  };
  return {
    lexicon,
    problems,
    codeDoc,
    codeArticle: (article) => codeDoc(analyze(article)),
  };
}

/** Async form of createCoderSync, for callers that import lexicons lazily. */
export async function createCoder(options: CoderOptions = {}): Promise<Coder> {
  return createCoderSync(options);
}
