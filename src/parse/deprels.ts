// Parse (labels): dependency relation names ↔ the small ids the parser predicts (UD English, subtypes kept).

/**
 * Every label the parser predicts, in the order of their ids (by frequency in EWT + GUM train). Subtypes matter to
 * the coder: `nsubj:pass`, `obl:agent`, `acl:relcl`, `compound:prt`, `nmod:poss`.
 */
export const DEPRELS = [
  'punct', 'case', 'det', 'nsubj', 'root', 'advmod', 'amod', 'obj', 'obl', 'conj', 'nmod', 'compound', 'cc', 'mark',
  'aux', 'cop', 'nmod:poss', 'advcl', 'xcomp', 'flat', 'acl:relcl', 'ccomp', 'parataxis', 'acl', 'nummod', 'appos',
  'aux:pass', 'nsubj:pass', 'discourse', 'obl:unmarked', 'nmod:unmarked', 'compound:prt', 'expl', 'fixed', 'iobj',
  'list', 'obl:agent', 'reparandum', 'nmod:desc', 'csubj', 'dep', 'nsubj:outer', 'det:predet', 'advcl:relcl',
  'vocative', 'goeswith', 'cc:preconj', 'orphan', 'dislocated', 'csubj:pass', 'csubj:outer', 'obl:npmod', 'obl:tmod',
  'nmod:npmod', 'nmod:tmod',
] as const;

/** Id of the `root` label. */
export const ROOT_LABEL = DEPRELS.indexOf('root');

const IDS = new Map<string, number>(DEPRELS.map((label, id) => [label, id]));

/** Id of a label; an unknown subtype falls back to its base relation, anything else unknown to `dep`. */
export function deprelId(label: string): number {
  return IDS.get(label) ?? IDS.get(label.split(':')[0]!) ?? IDS.get('dep')!;
}
