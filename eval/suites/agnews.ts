// Eval suite agnews-dev: 260 hand-coded real wire stories (read at run time) + coder → event, assistance, status and
// item figures, scored the way ../shared/data/agnews-dev/SOURCE.md describes.
import { readFileSync } from 'node:fs';
import type { ActorRef, EventRecord, Status } from '../../src/types/index.js';
import { prfSplit, ratio, type ArticleCoder, type SuiteResult } from '../score.js';
import { sharedData } from '../shared-data.js';

/** The gold file (third-party data, read only). */
export function agnewsPath(): string {
  return sharedData('agnews-dev', 'agnews-dev.json');
}

/** A gold item of an assistance event: a regular expression for its words, and its quantity when stated. */
export interface GoldItem {
  re: string;
  quantity?: number;
  unit?: string;
}

/** One gold event: actors as country codes or `/regex/`, the roots that count as right, assistance details. */
export interface GoldEvent {
  src: string;
  tgt: string;
  roots: string[];
  cameo?: string;
  why?: string;
  status?: string;
  items?: GoldItem[];
  modality?: string;
}

/** One hand-coded story. */
export interface AgnewsStory {
  id: string;
  text: string;
  date: string;
  kind: 'assist' | 'other' | 'none';
  must: GoldEvent[];
  allowed: GoldEvent[];
}

/** Reads the gold stories. */
export function loadAgnews(path: string): AgnewsStory[] {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { items?: AgnewsStory[] };
  if (!Array.isArray(data.items)) throw new Error(`${path}: expected {"items": [...]}`);
  return data.items;
}

const regexCache = new Map<string, RegExp>();
function regexOf(body: string): RegExp {
  let re = regexCache.get(body);
  if (re === undefined) {
    re = new RegExp(body, 'i');
    regexCache.set(body, re);
  }
  return re;
}

/**
 * Does an emitted actor match a gold actor? A country code matches the actor's country or a code that begins with
 * it; a `/regex/` is tested against the actor's name, text and code joined.
 */
export function actorMatches(actor: Pick<ActorRef, 'code' | 'country' | 'name' | 'text'>, gold: string): boolean {
  if (gold.length > 2 && gold.startsWith('/') && gold.endsWith('/')) {
    return regexOf(gold.slice(1, -1)).test(`${actor.name} ${actor.text} ${actor.code}`);
  }
  return actor.country === gold || actor.code.startsWith(gold);
}

/** Does an emitted event (with a target) match a gold event: root in `roots`, source and target matching? */
export function eventMatches(event: EventRecord, gold: GoldEvent): boolean {
  return event.target !== null && gold.roots.includes(event.root) && actorMatches(event.source, gold.src) && actorMatches(event.target, gold.tgt);
}

/**
 * Gold status → the emitted statuses that count as right (offered≈pledged, approved≈agreed≈pledged,
 * conditioned≈conditional, as SOURCE.md says). The gold's vocabulary has no `suspended`: it codes a cut or
 * withdrawal of aid or forces (CAMEO 16x) as `refused`, which Dyad calls `suspended`, so the two count as one.
 */
const STATUS_EQUIVALENTS: Readonly<Record<string, readonly Status[]>> = {
  requested: ['requested'],
  offered: ['offered', 'pledged'],
  pledged: ['pledged', 'offered', 'agreed'],
  approved: ['agreed', 'pledged'],
  agreed: ['agreed', 'pledged'],
  delivered: ['delivered'],
  refused: ['refused', 'suspended'],
  conditioned: ['conditional'],
  conditional: ['conditional'],
  suspended: ['suspended'],
};

/** Is the emitted status right for the gold status? */
export function statusMatches(emitted: Status, gold: string): boolean {
  return (STATUS_EQUIVALENTS[gold] ?? [gold as Status]).includes(emitted);
}

/** Is a gold item among the event's items (regex on the item's text, quantity equal when given)? */
export function itemFound(event: EventRecord, gold: GoldItem): boolean {
  const re = regexOf(gold.re);
  return event.items.some((item) => re.test(item.text) && (gold.quantity === undefined || item.quantity === gold.quantity));
}

/** CAMEO codes of asking for, offering, giving, cutting or withdrawing aid and forces. */
const AID_CODES = /^(023|033|07|162|0355|0356|1661|1663)/;

/** Is an emitted event an assistance event: an aid code, or items asked for, given or cut? */
export function isAssistance(event: EventRecord): boolean {
  return AID_CODES.test(event.cameo) || event.items.length > 0;
}

/** What one story's scoring found, for the figures and for reading errors. */
export interface StoryScore {
  story: AgnewsStory;
  events: EventRecord[];
  /** Emitted dyadic events that match no `must` or `allowed` event. */
  wrong: EventRecord[];
  /** `must` events no emitted event matches. */
  missed: GoldEvent[];
}

/** Codes and scores every story. */
export function scoreAgnews(coder: ArticleCoder, stories: AgnewsStory[]): { figures: SuiteResult; stories: StoryScore[] } {
  let emitted = 0;
  let correct = 0;
  let gold = 0;
  let found = 0;
  let assistEmitted = 0;
  let assistCorrect = 0;
  let assistGold = 0;
  let assistFound = 0;
  let statusMatched = 0;
  let statusRight = 0;
  let itemsGold = 0;
  let itemsFound = 0;
  let noneEvents = 0;
  const scored: StoryScore[] = [];
  for (const story of stories) {
    const events = coder.codeArticle({ id: story.id, text: story.text, date: story.date }).filter((e) => e.target !== null);
    const wrong: EventRecord[] = [];
    const missed: GoldEvent[] = [];
    const assistGoldOf = story.must.filter((g) => g.status !== undefined);
    for (const event of events) {
      emitted += 1;
      const matchesAssist = [...assistGoldOf, ...story.allowed.filter((g) => g.status !== undefined)].some((g) => eventMatches(event, g));
      const right = story.must.some((g) => eventMatches(event, g)) || story.allowed.some((g) => eventMatches(event, g));
      if (right) correct += 1;
      else wrong.push(event);
      // an assistance event emitted: one about aid, troops, training, weapons or equipment (SOURCE.md's `assist`) —
      // an aid code or items named — or one that matches an assistance gold event
      if (isAssistance(event) || matchesAssist) {
        assistEmitted += 1;
        if (matchesAssist) assistCorrect += 1;
      }
    }
    if (story.kind === 'none') noneEvents += events.length;
    for (const g of story.must) {
      gold += 1;
      const matches = events.filter((e) => eventMatches(e, g));
      if (matches.length > 0) found += 1;
      else missed.push(g);
      if (g.status === undefined) continue;
      assistGold += 1;
      if (matches.length === 0) continue;
      assistFound += 1;
      statusMatched += 1;
      if (matches.some((e) => statusMatches(e.status, g.status as string))) statusRight += 1;
      for (const item of g.items ?? []) {
        itemsGold += 1;
        if (matches.some((e) => itemFound(e, item))) itemsFound += 1;
      }
    }
    scored.push({ story, events, wrong, missed });
  }
  const event = prfSplit(correct, emitted, found, gold);
  return {
    figures: {
      p: event.p,
      r: event.r,
      f1: event.f1,
      assist: prfSplit(assistCorrect, assistEmitted, assistFound, assistGold),
      status: ratio(statusRight, statusMatched),
      items: ratio(itemsFound, itemsGold),
      'n-stories': stories.length,
      'n-must': gold,
      'n-emitted': emitted,
      'events-on-none-stories': noneEvents,
    },
    stories: scored,
  };
}

/** The suite: codes every story and returns its figures. */
export function runAgnewsSuite(coder: ArticleCoder): SuiteResult {
  return scoreAgnews(coder, loadAgnews(agnewsPath())).figures;
}
