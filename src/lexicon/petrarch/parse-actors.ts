// Lexicon stage (PETRARCH import): TABARI/PETRARCH actor dictionary text → ActorEntry[] (names, codes, dated roles).
import type { ActorEntry, ActorRole, CountryEntry, Problem } from '../../types/index.js';
import { dictionaryLines, malformed, pushUnique, type PetrarchParseResult } from './dictionary-lines.js';

/**
 * Three-letter code prefixes that are not states (CAMEO's IGO/NGO/multinational/militarised-group prefixes and
 * sector codes used alone, e.g. a default `[ELI]`). Any other code of three or more letters starts with a country.
 */
const NOT_COUNTRY = new Set([
  'IGO', 'NGO', 'NGM', 'IMG', 'MNC', 'INT', 'UIS',
  'GOV', 'MIL', 'COP', 'JUD', 'LEG', 'OPP', 'REB', 'INS', 'SPY', 'BUS', 'MED', 'CVL', 'EDU', 'HLH', 'REF', 'LAB',
  'ELI', 'PTY', 'CRM', 'UAF', 'AGR', 'ENV', 'HRI', 'DEV', 'REL', 'MUS', 'CHR', 'JEW', 'BUD', 'HIN', 'SEP', 'RAD', 'MOD',
]);

/** A code as PETRARCH writes it: capitals and digits; `---` is the null code, `A/B` a compound actor. */
const CODE = /^[A-Z0-9][A-Z0-9+#-]*(\/[A-Z0-9][A-Z0-9+#-]*)*$|^---$/;

/** Words kept in lower case inside a display name ("Secretary General of the UN"). */
const LOWER_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'by', 'de', 'du', 'la', 'le', 'el', 'y']);

interface Block {
  line: number;
  names: string[];
  code?: string;
  roles: ActorRole[];
  /** A `[...]` group was seen: the next primary phrase starts a new entry. */
  closed: boolean;
}

/**
 * Parses an actor dictionary. Each entry is a primary phrase line (`AFGHANISTAN_ [AFG]`), `+` synonym lines, and code
 * lines (`\t[AFGGOV 331108-730717]`, `[USAGOV >090120]`, `[CODE <YYMMDD]`, a bare `[CODE]` default); codes may also
 * follow the phrase on its own line. Consecutive primary phrases with no code between them share the codes that
 * follow (the Phoenix files list a person's name variants this way).
 * - Dates are `YYYYMMDD` or `YYMMDD`; a two-digit year 00–29 is 2000–2029 and 30–99 is 1930–1999 (the Phoenix files
 *   use 00–14 and 31–99 only). Limits are inclusive. Roles are listed in reverse file order, because PETRARCH applies
 *   the first restriction that holds and Dyad's coder the last role in force.
 * - Names: `_` → space; a one-word name of at most three letters stays in capitals (an acronym, which Dyad matches
 *   case-sensitively: "UN", "IS"); other names are title-cased (matched ignoring case: "IRAN" → "Iran").
 * - `---` (the null code) is kept as the code: such an entry matches but codes nothing. `A/B/C` is a compound actor
 *   code (one name, several actors), kept as written.
 * - State-level entries (`AFGHANISTAN_ [AFG]`, `+KABUL_`; see stateOf) become CountryEntry records, one per code with
 *   the names of every such entry (PETRARCH does not tell names, demonyms and capitals apart, so all are names). A
 *   state's dated codes for the time before its present code (a sub-code such as IRQOCC, a former union or
 *   transition such as USRARM or SCGSRB) are lost: Dyad, like its own lexicon, codes a state by its present code at
 *   every date. The count is given in a note. The rest become ActorEntry records (kind person when dated); an actor
 *   with dated codes and no default has no fixed country: the coder takes it from the code in force.
 */
export function parseActors(text: string, file: string): PetrarchParseResult {
  const problems: Problem[] = [];
  const actors: ActorEntry[] = [];
  const countries = new Map<string, CountryEntry>();
  let pastCodes = 0;
  let block: Block | null = null;
  const finish = (): void => {
    if (block === null) return;
    const entry = actorEntry(block);
    const state = entry === null ? null : stateOf(entry);
    if (state !== null) {
      addCountry(countries, state.country);
      pastCodes += state.pastCodes;
    } else if (entry !== null) actors.push(entry);
    else if (!block.closed) problems.push(malformed(file, block.line, `actor entry "${block.names[0] ?? ''}" has no code`));
    block = null;
  };

  for (const { line, text: content } of dictionaryLines(text).lines) {
    if (content.startsWith('[')) {
      if (block === null) {
        problems.push(malformed(file, line, 'code line with no actor entry before it'));
        continue;
      }
      readCodes(content, block, file, line, problems);
      continue;
    }
    if (content.startsWith('+')) {
      const bracket = content.indexOf('[');
      const name = actorName(bracket < 0 ? content.slice(1) : content.slice(1, bracket));
      if (block === null || name === '') {
        problems.push(malformed(file, line, block === null ? 'synonym with no actor entry before it' : 'empty synonym'));
        continue;
      }
      pushUnique(block.names, name);
      if (bracket >= 0) readCodes(content.slice(bracket), block, file, line, problems);
      continue;
    }
    const bracket = content.indexOf('[');
    const phrase = bracket >= 0 ? content.slice(0, bracket) : content;
    const name = actorName(phrase);
    if (name === '' || phrase.includes(']')) {
      problems.push(malformed(file, line, `not an actor phrase: "${content}"`));
      continue;
    }
    const current: Block | null = block;
    if (current === null || current.closed) {
      finish();
      block = { line, names: [name], roles: [], closed: false };
    } else pushUnique(current.names, name);
    if (bracket >= 0 && block !== null) readCodes(content.slice(bracket), block, file, line, problems);
  }
  finish();
  const notes = pastCodes === 0 ? [] : [`${file}: ${pastCodes} dated code(s) of states before their present code (sub-codes, former unions, transitions such as SCGSRB) not kept: the state is coded by its present code at every date`];
  return { source: { actors, countries: [...countries.values()] }, problems, notes };
}

/** Reads every `[...]` group of a line into the block; a malformed group is reported and skipped. */
function readCodes(content: string, block: Block, file: string, line: number, problems: Problem[]): void {
  let balanced = true;
  let groups = 0;
  for (let at = 0; at < content.length; ) {
    const open = content.indexOf('[', at);
    const close = content.indexOf(']', at);
    if (open < 0) {
      balanced &&= close < 0;
      break;
    }
    const next = content.indexOf('[', open + 1);
    if (close < open || (next >= 0 && next < close) || close < 0) {
      balanced = false;
      break;
    }
    groups++;
    block.closed = true;
    readGroup(content.slice(open + 1, close), block, file, line, problems);
    at = close + 1;
  }
  if (!balanced || groups === 0) problems.push(malformed(file, line, `unbalanced brackets in "${content}"`));
}

function readGroup(inner: string, block: Block, file: string, line: number, problems: Problem[]): void {
  const parsed = parseCodeGroup(inner);
  if (typeof parsed === 'string') {
    problems.push(malformed(file, line, `${parsed}: [${inner}]`));
    return;
  }
  if (parsed.from === undefined && parsed.until === undefined) {
    // The first undated code is the default; later ones (`[IGOUNOMED] [---]`) are ignored, as the first wins.
    if (block.code === undefined) block.code = parsed.code;
  } else block.roles.push(parsed);
}

/** `USAGOV >090120` → { code, from }; an error message string when malformed. */
export function parseCodeGroup(inner: string): ActorRole | string {
  const trimmed = inner.trim();
  const space = trimmed.search(/\s/);
  const code = (space < 0 ? trimmed : trimmed.slice(0, space)).toUpperCase();
  if (!CODE.test(code)) return `bad code "${code}"`;
  if (space < 0) return { code };
  const spec = trimmed.slice(space).replace(/\s+/g, '');
  const first = spec.charAt(0);
  if (first === '<' || first === '>') {
    const date = isoDate(spec.slice(1));
    if (date === null) return `bad date in "${spec}"`;
    return first === '<' ? { code, until: date } : { code, from: date };
  }
  const dash = spec.indexOf('-');
  if (dash < 0) return `bad date restriction "${spec}" (expected <date, >date or date-date)`;
  const from = isoDate(spec.slice(0, dash));
  const until = isoDate(spec.slice(dash + 1));
  if (from === null || until === null) return `bad date in "${spec}"`;
  if (from > until) return `date range ends before it starts: "${spec}"`;
  return { code, from, until };
}

/** `YYYYMMDD` or `YYMMDD` → ISO `YYYY-MM-DD`; two-digit years 00–29 → 20xx, 30–99 → 19xx. Null when invalid. */
export function isoDate(digits: string): string | null {
  const n = digits.length;
  if (n !== 6 && n !== 8) return null;
  for (let i = 0; i < n; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const at = n - 4;
  const month = (digits.charCodeAt(at) - 48) * 10 + digits.charCodeAt(at + 1) - 48;
  const day = (digits.charCodeAt(at + 2) - 48) * 10 + digits.charCodeAt(at + 3) - 48;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const year = n === 8 ? digits.slice(0, 4) : `${digits.charCodeAt(0) < 51 ? '20' : '19'}${digits.slice(0, 2)}`;
  return `${year}-${digits.slice(at, at + 2)}-${digits.slice(at + 2)}`;
}

/** A dictionary phrase as a name Dyad can match: see {@link parseActors}. */
export function actorName(phrase: string): string {
  // One pass over the phrase: `_` and blanks separate words.
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= phrase.length; i++) {
    const c = i < phrase.length ? phrase.charCodeAt(i) : 32;
    const separator = c === 95 || c === 32 || c === 9;
    if (!separator && start < 0) start = i;
    else if (separator && start >= 0) {
      words.push(phrase.slice(start, i));
      start = -1;
    }
  }
  if (words.length === 1) {
    const word = words[0] ?? '';
    return word.length <= 8 && letterCount(word) <= 3 ? word.toUpperCase() : titleCase(word.toLowerCase());
  }
  for (let i = 0; i < words.length; i++) words[i] = showWord(words[i] ?? '', i);
  return words.join(' ');
}

/** One word of a longer name: function words in lower case, dotted or two-letter capitals kept ("U.N.", "UN"). */
function showWord(word: string, i: number): string {
  const lower = word.toLowerCase();
  if (LOWER_WORDS.has(lower)) return i > 0 ? lower : titleCase(lower);
  if ((word.length === 2 || word.includes('.')) && word === word.toUpperCase() && lower !== 'al') return word;
  return titleCase(lower);
}

const CAPITAL_AFTER = /[-.(/]/;

/** `al-qaeda` → `Al-Qaeda`: a capital at the start and after `-`, `.`, `(` and `/`. */
function titleCase(lower: string): string {
  const first = lower.charAt(0).toUpperCase() + lower.slice(1);
  if (!CAPITAL_AFTER.test(lower)) return first;
  let out = '';
  let start = true;
  for (const ch of first) {
    out += start ? ch.toUpperCase() : ch;
    start = ch === '-' || ch === '.' || ch === '(' || ch === '/';
  }
  return out;
}

/** Letters and digits in a word (ASCII, plus anything from U+00C0 up, which covers accented letters). */
function letterCount(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0) n++;
  }
  return n;
}

/**
 * The state an entry stands for when it is state-level, else null. Its present code — the default code, else the
 * open-ended dated code that starts last — must be a bare three-letter country code S, and every other code either S
 * or a six-letter code of two three-letter parts, one of them S, neither a sector (S's time as part of a union or in
 * transition: USRARM, YUGMKD, SCGSRB, ARMUNR, KWTOCC); none is `---`. So `SERBIA [SRB]` with `[YUGSRB <920427]`,
 * `[SCGSRB 920428-060605]`, `[SRB >060605]` is Serbia, coded SRB. A person whose codes carry sectors (`[HOB]`,
 * `[HOBGOV …]`) or a change of state (`ZIMBABWE [RHO <790606] [ZBW]`) stays an actor. `pastCodes` counts the dated
 * codes other than S that are dropped.
 */
function stateOf(entry: ActorEntry): { country: CountryEntry; pastCodes: number } | null {
  const roles = entry.roles ?? [];
  const codes = [entry.code, ...roles.map((r) => r.code)].filter((c): c is string => c !== undefined);
  let present = entry.code;
  let presentFrom = '';
  for (const r of roles) {
    if (entry.code === undefined && r.until === undefined && r.from !== undefined && r.from > presentFrom) {
      present = r.code;
      presentFrom = r.from;
    }
  }
  // One dated code and no default: the state existed only then (`U.S.S.R [USR <911226]`).
  const only = roles.length === 1 && entry.code === undefined ? roles[0] : undefined;
  const state = present ?? (only !== undefined && countryOf(only.code) === only.code ? only.code : '');
  if (state.length !== 3 || countryOf(state) !== state) return null;
  const partOf = (code: string): boolean =>
    code.length === 6 && (code.startsWith(state) || code.endsWith(state)) && /^[A-Z]{6}$/.test(code) && !NOT_COUNTRY.has(code.slice(0, 3)) && !NOT_COUNTRY.has(code.slice(3));
  if (!codes.every((c) => c === state || partOf(c))) return null;
  const country: CountryEntry = { code: state, name: entry.name, names: [...entry.names], demonyms: [], capitals: [] };
  if (only?.from !== undefined) country.from = only.from;
  if (only?.until !== undefined) country.until = only.until;
  return { country, pastCodes: codes.filter((c) => c !== state).length };
}

/** Adds a state to the countries, pooling the names of entries that share a code (dates kept only when all agree). */
export function addCountry(countries: Map<string, CountryEntry>, country: CountryEntry): void {
  const known = countries.get(country.code);
  if (known === undefined) {
    countries.set(country.code, { ...country, names: [...country.names] });
    return;
  }
  for (const name of country.names) pushUnique(known.names, name);
  if (known.from !== country.from) delete known.from;
  if (known.until !== country.until) delete known.until;
}

/** A finished block as an ActorEntry, or null when it has no usable code. */
function actorEntry(block: Block): ActorEntry | null {
  const { names, code, roles } = block;
  if (code === undefined && roles.length === 0) return null;
  const entry: ActorEntry = { name: names[0] ?? '', names: [...names], kind: roles.length > 0 ? 'person' : 'other' };
  if (code !== undefined) entry.code = code;
  // PETRARCH takes the first restriction that holds at the date; Dyad's coder the last role in force: reverse.
  if (roles.length > 0) entry.roles = [...roles].reverse();
  const main = code !== undefined && code !== '---' ? code : undefined;
  // With no default code the country depends on the date: left out, the coder takes it from the code in force.
  if (code !== undefined) {
    entry.country = countryOf(main);
    entry.sector = main !== undefined ? sectorOf(main) : null;
  }
  return entry;
}

/** The state a code belongs to (its first three letters), or null for IGOs, NGOs, sector-only and compound codes. */
export function countryOf(code: string | undefined): string | null {
  if (code === undefined || code.length < 3 || code.includes('/')) return null;
  const prefix = code.slice(0, 3);
  if (!/^[A-Z]{3}$/.test(prefix) || NOT_COUNTRY.has(prefix)) return null;
  return prefix;
}

function sectorOf(code: string): string | null {
  if (code.includes('/')) return null;
  const prefix = code.slice(0, 3);
  if (prefix === 'IGO') return 'IGO';
  if (prefix === 'NGO' || prefix === 'NGM') return 'NGO';
  if (prefix === 'MNC') return 'BUS';
  if (countryOf(code) !== null) return code.length >= 6 ? code.slice(3, 6) : null;
  return NOT_COUNTRY.has(prefix) ? prefix : null;
}
