// Eval (PETRARCH suite): PETR.UnitTest.records.xml and PETRARCH2's baseline JSON → records with text, date, options and gold triples.
import { XMLParser } from 'fast-xml-parser';
import type { Triple } from './petrarch-score.js';

/** One `<Sentence>` of the validation file, with the `<Config>` options in force where it stands. */
export interface SuiteRecord {
  /** Position among all `<Sentence>` records (0-based), as in the baseline JSON. */
  index: number;
  id: string;
  category: string;
  /** ISO date from the `date` attribute (YYYYMMDD), null when absent or malformed. */
  date: string | null;
  /** The `<Text>`, whitespace collapsed. The `<Parse>` tree is never read. */
  text: string;
  /** `sentence="true"`: the original validator scores only these. */
  scored: boolean;
  /** Expected triples; empty for `noevents` and `error` records. */
  gold: Triple[];
  /** `noevents`, `error:<kind>` when the record expects no events. */
  flags: string[];
  /** PETRARCH's require_dyad option at this record (default true): events need a source and a target. */
  requireDyad: boolean;
  /** PETRARCH's new_actor_length option at this record (default 0). */
  newActorLength: number;
}

/** The validation file: its records and the dictionaries its `<Environment>` names. */
export interface SuiteFile {
  records: SuiteRecord[];
  dictionaries: { verbs: string[]; actors: string[]; agents: string[]; discards: string[] };
}

type Node = Record<string, unknown>;

const children = (node: Node, tag: string): Node[] => {
  const value = node[tag];
  return Array.isArray(value) ? (value as Node[]) : [];
};
const attrs = (node: Node): Record<string, string> => (node[':@'] as Record<string, string> | undefined) ?? {};
const tagOf = (node: Node): string | undefined => Object.keys(node).find((k) => k !== ':@');
const textOf = (nodes: Node[]): string => nodes.map((n) => (typeof n['#text'] === 'string' ? n['#text'] : '')).join('');

/** Parses PETR.UnitTest.records.xml (or a file of the same format). */
export function readSuiteRecords(xml: string): SuiteFile {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false, trimValues: false });
  const doc = parser.parse(xml) as Node[];
  const root = doc.find((n) => tagOf(n) === 'Validation');
  const top = root === undefined ? [] : children(root, 'Validation');
  const dictionaries: SuiteFile['dictionaries'] = { verbs: [], actors: [], agents: [], discards: [] };
  const options = { requireDyad: true, newActorLength: 0 };
  const records: SuiteRecord[] = [];

  const apply = (config: Node): void => {
    const { option = '', value = '' } = attrs(config);
    if (option === 'require_dyad') options.requireDyad = value.trim().toLowerCase() === 'true';
    if (option === 'new_actor_length') options.newActorLength = Number(value) || 0;
  };

  for (const node of top) {
    const tag = tagOf(node);
    if (tag === 'Environment') {
      for (const item of children(node, 'Environment')) {
        const name = textOf(children(item, tagOf(item) ?? '')).trim();
        const kind = { Verbfile: 'verbs', Actorfile: 'actors', Agentfile: 'agents', Discardfile: 'discards' }[tagOf(item) ?? ''] as keyof SuiteFile['dictionaries'] | undefined;
        if (kind !== undefined && name !== '') dictionaries[kind].push(...name.split(',').map((s) => s.trim()));
        if (tagOf(item) === 'Config') apply(item);
      }
    }
    if (tag !== 'Sentences') continue;
    for (const item of children(node, 'Sentences')) {
      const itemTag = tagOf(item);
      if (itemTag === 'Config') apply(item);
      if (itemTag === 'Sentence') records.push(readSentence(item, records.length, options));
    }
  }
  return { records, dictionaries };
}

function readSentence(node: Node, index: number, options: { requireDyad: boolean; newActorLength: number }): SuiteRecord {
  const a = attrs(node);
  const gold: Triple[] = [];
  const flags: string[] = [];
  let text = '';
  for (const child of children(node, 'Sentence')) {
    const tag = tagOf(child);
    if (tag === 'Text') text = textOf(children(child, 'Text')).replace(/\s+/g, ' ').trim();
    if (tag !== 'EventCoding') continue;
    const c = attrs(child);
    if (c.noevents !== undefined) flags.push('noevents');
    else if (c.error !== undefined) flags.push(`error:${c.error}`);
    else gold.push([c.sourcecode ?? '', c.targetcode ?? '', c.eventcode ?? '']);
  }
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec((a.date ?? '').trim());
  return {
    index,
    id: a.id ?? `record-${index}`,
    category: a.category ?? '',
    date: date === null ? null : `${date[1]}-${date[2]}-${date[3]}`,
    text,
    scored: (a.sentence ?? 'true').trim().toLowerCase() === 'true',
    gold: flags.length > 0 ? [] : gold,
    flags,
    requireDyad: options.requireDyad,
    newActorLength: options.newActorLength,
  };
}

/** One record of PETRARCH2's measured output (baseline-outputs/validation-records.petrarch2-py27.json). */
export interface BaselineRecord {
  index: number;
  id: string;
  gold: Triple[];
  predicted: Triple[];
  /** PETRARCH2 raised an exception on this record. */
  crashed: boolean;
}

/** Reads the baseline JSON: `{ records: [{ index, id, gold, petrarch2, status }] }`. */
export function readBaseline(json: string): BaselineRecord[] {
  const data = JSON.parse(json) as { records?: { index: number; id: string; gold?: Triple[]; petrarch2?: Triple[]; status?: string }[] };
  return (data.records ?? []).map((r) => ({
    index: r.index,
    id: r.id,
    gold: r.gold ?? [],
    predicted: r.petrarch2 ?? [],
    crashed: r.status === 'exception',
  }));
}
