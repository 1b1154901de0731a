// Lexicon: the word lists and maps of words.yaml (every lexicon folder's, in order) → one named set or map per name.
import type { Problem, WordMap, WordSet } from '../types/index.js';

/**
 * The names of the word lists the coder and the detail finders read (lexicon/words.yaml documents each one). A list
 * of another name is reported, so that a misspelt name in a user's words.yaml does not pass unnoticed.
 */
export const WORD_LIST_NAMES = [
  'verbs_of_saying', 'negators', 'hedges', 'future_cues', 'future_auxiliaries', 'conditions',
  'role_glue', 'leader_marks', 'locative_prepositions', 'not_modified_nouns', 'generic_sources', 'maker_marks', 'diplomats',
  'name_particles', 'group_words', 'member_words',
  'light_verbs', 'travel_verbs', 'asking_verbs', 'mutual_force', 'reciprocal_words', 'place_prepositions', 'personal_pronouns', 'possessive_pronouns', 'obligation_modals', 'obligation_verbs',
  'coordination_words', 'actor_leading_words', 'time_leads', 'frame_skippable', 'time_words',
  'denial_breaks_after_comma', 'denial_breaks', 'clause_subject_pronouns',
  'clause_openers', 'passive_auxiliaries', 'irregular_participles', 'party_prepositions', 'owner_prepositions', 'doer_owner_prepositions',
  'subject_pronouns', 'relative_pronouns', 'object_pronouns',
  'item_generic_words', 'not_item_before', 'item_breaks', 'money_not_item_before', 'money_not_item_after',
  'money_aid_words', 'of_determiners',
  'place_cues', 'place_descriptors', 'city_descriptors', 'place_directions', 'place_name_connectors',
  'currency_codes', 'over_particle_verbs', 'month_words', 'year_before', 'not_count_after',
] as const;

export type WordListName = (typeof WORD_LIST_NAMES)[number];

/** The names of the word maps: words with a value each (a currency name → its ISO code). */
export const WORD_MAP_NAMES = ['currency_signs', 'currency_words', 'bulk_units', 'container_words'] as const;

export type WordMapName = (typeof WORD_MAP_NAMES)[number];

/** The one map whose words may have no value (null: "50 units of" — the counter adds nothing). */
type NullableMapName = 'container_words';

/** Every word list and word map by name; one no lexicon writes is empty. */
export type WordLists = { readonly [name in WordListName]: ReadonlySet<string> }
  & { readonly [name in Exclude<WordMapName, NullableMapName>]: ReadonlyMap<string, string> }
  & { readonly [name in NullableMapName]: ReadonlyMap<string, string | null> };

const KNOWN: ReadonlySet<string> = new Set(WORD_LIST_NAMES);
const KNOWN_MAPS: ReadonlySet<string> = new Set(WORD_MAP_NAMES);

/** Whether `name` is one of the word lists (the others are reported when a lexicon writes them). */
export function isWordListName(name: string): name is WordListName {
  return KNOWN.has(name);
}

/** Whether `name` is one of the word maps. */
function isWordMapName(name: string): name is WordMapName {
  return KNOWN_MAPS.has(name);
}

function problem(message: string): Problem {
  return { code: 'E301', input: 'words', message, stage: 'lexicon' };
}

/**
 * Builds the word lists and maps from those of every source, in order: each adds its words (a map's word takes the
 * later value), and a word written with a leading "!" takes the word out again ("!may"), so a later source can remove
 * what an earlier one added.
 */
export function compileWordLists(lists: ReadonlyArray<WordSet | WordMap>): { words: WordLists; problems: Problem[] } {
  const sets = {} as Record<WordListName, Set<string>>;
  for (const name of WORD_LIST_NAMES) sets[name] = new Set<string>();
  const maps = {} as Record<WordMapName, Map<string, string | null>>;
  for (const name of WORD_MAP_NAMES) maps[name] = new Map<string, string | null>();
  const problems: Problem[] = [];
  for (const list of lists) {
    if ('map' in list) {
      if (!isWordMapName(list.name)) {
        problems.push(problem(isWordListName(list.name) ? `"${list.name}" is a list of words, not a map` : `unknown word map "${list.name}" (known: ${WORD_MAP_NAMES.join(', ')})`));
        continue;
      }
      const map = maps[list.name];
      for (const [word, value] of Object.entries(list.map)) {
        if (word.length > 1 && word.startsWith('!')) map.delete(word.slice(1));
        else if (value === null && list.name !== 'container_words') problems.push(problem(`${list.name}: "${word}" needs a value`));
        else map.set(word, value);
      }
      continue;
    }
    if (!isWordListName(list.name)) {
      problems.push(problem(isWordMapName(list.name) ? `"${list.name}" is a map of words to values, not a list` : `unknown word list "${list.name}" (known: ${WORD_LIST_NAMES.join(', ')})`));
      continue;
    }
    const set = sets[list.name];
    for (const word of list.words) {
      if (word.length > 1 && word.startsWith('!')) set.delete(word.slice(1));
      else set.add(word);
    }
  }
  // container_words alone may hold null values (checked above)
  return { words: { ...sets, ...maps } as WordLists, problems };
}

/** Whether a word list holds `word` or, for an entry ending in a hyphen ("al-"), the start of it up to its first hyphen ("al-Sadr"). */
export function hasWordOrPrefix(list: ReadonlySet<string>, word: string): boolean {
  if (list.has(word)) return true;
  const dash = word.indexOf('-');
  return dash >= 0 && list.has(word.slice(0, dash + 1));
}
