// Coder: the actor mention — an actor found in a sentence, as a token range with its resolved code.

export interface Mention {
  /** Token range, last exclusive. */
  first: number;
  last: number;
  code: string;
  country: string | null;
  name: string;
  sector: string | null;
  /** What the mention was built from: a country name, a capital used for its government, an agent alone, ... */
  basis: 'country' | 'demonym' | 'capital' | 'actor' | 'person' | 'agent';
  /** Mentions joined by "and"/"," share a group number ("China and Russia"); -1 when alone. */
  group: number;
  /** The mention is a media outlet (a source of reports, not a party). */
  media: boolean;
  /** The mention is a generic, unnamed source ("an official", "sources"). */
  generic: boolean;
  /**
   * The mention is a nationality naming a thing (lexicon sets `armed_platform`, `owned_target`): "Israeli
   * helicopters" stand for that state's forces only when they use force, "Palestinian homes" for their owners only
   * when they are attacked, "a German proposal" (`proposal`) for its author only when it is answered; a place after "in"/"to" (`place`) only where a verb pattern binds it as $T. Absent
   * for ordinary actors.
   */
  thing?: 'platform' | 'property' | 'proposal' | 'place';
}
