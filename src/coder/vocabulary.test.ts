// Coder behaviour on the verb lexicon's vocabulary: one table row per class of verbs, event nouns or objects
// (lexicon/verbs/*.yaml, lexicon/sets.yaml), each with sentences that must code and one that must not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCoderSync } from './create-coder.js';
import type { EventRecord } from '../types/index.js';

const coder = createCoderSync();
const coded = (text: string): string[] =>
  coder.codeArticle({ id: 'doc-vocabulary', text, date: '2021-03-01' }).map((e: EventRecord) => `${e.source.code}>${e.target?.code ?? '-'}:${e.cameo}`);

interface VocabularyCase {
  name: string;
  text: string;
  /** events (source>target:cameo) that must be among those coded */
  has?: string[];
  /** no coded event may match */
  none?: RegExp;
}

const cases: VocabularyCase[] = [
  // A pattern's `a|b` alternatives are single words: a phrase among them ("sea lanes", "high alert") split the
  // element in two and the whole pattern never matched. The phrases are now their own elements or patterns.
  { name: 'closing borders is a blockade', text: 'Ghana closed its borders with Togo on Monday.', has: ['GHA>TGO:191'] },
  { name: 'closing an embassy reduces relations', text: 'Russia closed its embassy in Georgia on Monday.', has: ['RUS>GEOGOV:161'] },
  { name: 'troops that remain on alert raise their alert status', text: 'Indian troops remained on alert on Monday.', has: ['INDMIL>-:152'] },
  { name: 'a clash with riot police', text: 'Protesters clashed with riot police in Cairo on Monday.', has: ['---CVL>EGYCOP:145'] },
  { name: 'a shop that closes its doors codes nothing', text: 'The shop closed its doors on Monday.', none: /./ },
  { name: 'a rally in a capital names no target', text: 'Grenade blasts rocked an opposition party rally in the Bangladesh capital.', none: /:141$/ },
  // cancel / call off / postpone + visit, trip, tour: relations reduced (161), while called-off talks stay 164
  { name: 'a cancelled visit reduces relations', text: 'Pakistan has cancelled a planned visit to Malaysia.', has: ['PAK>MYS:161'] },
  { name: 'a called-off trip reduces relations', text: 'Iran called off the trip to Iraq on Monday.', has: ['IRN>IRQ:161'] },
  { name: 'cancelled talks halt negotiations', text: 'Russia cancelled talks with Japan on Monday.', has: ['RUS>JPN:164'], none: /:161$/ },
  // cyber warfare, cyber war, cyber assault… are cyber attacks (176)
  { name: 'launching cyber warfare is a cyber attack', text: 'Russia launched cyber warfare against Britain on Monday.', has: ['RUS>GBR:176'] },
  { name: 'discussing cyber warfare attacks nobody', text: 'NATO ministers discussed cyber warfare in Brussels on Monday.', none: /:176$/ },
  // give / send / deliver + warning → threat (130); give someone a deadline → ultimatum (139)
  { name: 'giving someone a stern warning threatens', text: 'Obama gave Putin a stern warning on Monday.', has: ['USAELI>RUSGOV:130'] },
  { name: 'sending a warning to someone threatens', text: 'Iran sent a clear warning to Israel on Monday.', has: ['IRN>ISR:130'] },
  { name: 'giving someone a deadline is an ultimatum', text: 'Britain gave Russia a deadline on Monday.', has: ['GBR>RUS:139'] },
  { name: 'an early warning of floods threatens nobody', text: 'The agency gave an early warning of floods on Monday.', none: /:13/ },
  // saying one is skeptical, doubtful or wary is a pessimistic comment (012)
  { name: 'a skeptical statement is pessimistic', text: 'Russia said it was sceptical about the plan.', has: ['RUS>-:012'] },
  { name: 'a wary statement is pessimistic', text: 'Japan said it remains wary of China.', has: ['JPN>-:012'] },
  { name: 'a plain statement is no pessimistic comment', text: 'Japan said it will hold elections in May.', none: /:012$/ },
  // resumed exports, imports or shipments are economic cooperation (061)
  { name: 'resumed exports to a country cooperate economically', text: 'Malaysia resumed exports of poultry to Singapore.', has: ['MYS>SGP:061'] },
  { name: 'an expected resumption of exports is an intention', text: 'Malaysia expects to resume export of poultry and eggs to Singapore.', has: ['MYS>SGP:0311'] },
  { name: 'resumed enrichment is no trade', text: 'Iran resumed uranium enrichment on Monday.', none: /:06/ },
  // "let free" releases people (0841) like "set free"; "let" alone stays an allowing verb
  { name: 'letting activists free releases them', text: 'Yemen let free activists on Monday.', has: ['YEM>-:0841'] },
  { name: 'letting inspectors in releases nobody', text: 'Syria let the inspectors in on Monday.', none: /:0841$/ },
  // idioms of criticism: lay into, tear into, rip into, round on (111)
  { name: 'laying into a country criticises it', text: 'China laid into the United States on Monday.', has: ['CHN>USA:111'] },
  { name: 'tearing into an alliance criticises it', text: 'Russia tore into NATO over the expansion.', has: ['RUS>NATO:111'] },
  { name: 'laying a foundation stone criticises nobody', text: 'The Afghan minister laid the foundation stone in Kabul.', none: /:111$/ },
  // information or evidence provided to someone, with what it is about in between, is shared intelligence (064)
  { name: 'information on someone provided to authorities', text: 'Canada provided information on Maher Arar to American authorities.', has: ['CAN>USAGOV:064'] },
  { name: 'evidence given to the UN', text: 'Iraq gave evidence of the weapons program to the United Nations.', has: ['IRQ>UN:064'] },
  { name: 'weapons given stay military aid', text: 'Russia gave weapons to Syria on Monday.', has: ['RUS>SYR:072'], none: /:064$/ },
  // investing in a country cooperates with it economically (061)
  { name: 'a pledge to invest in a country', text: 'France said it will invest 570 million dollars in South Korea.', has: ['FRA>KOR:0311'] },
  { name: 'investing in technology names no other side', text: 'Japan invested in new technology on Monday.', none: />[A-Z]/ },
  // "make available" gives like "provide": what is made available decides the code
  { name: 'medical supplies made available are humanitarian aid', text: 'Germany has made available ambulances and medical supplies to Liberia.', has: ['DEU>LBR:073'] },
  { name: 'money made available is economic aid', text: 'Germany made available 50 million euros for Syrian refugees.', has: ['DEU>SYRREF:071'] },
  { name: 'a phone call made is no aid', text: 'Iran made a phone call to Iraq on Monday.', has: ['IRN>IRQ:041'], none: /:07/ },
  // joining or taking part in a protest, hunger strike or riot protests (14); ending a hunger strike eases dissent (082)
  { name: 'joining a hunger strike is one', text: 'Iraqi prisoners joined a hunger strike on Monday.', has: ['IRQCVL>-:142'] },
  { name: 'taking part in demonstrations demonstrates', text: 'Iraqi students took part in demonstrations against the government.', has: ['IRQEDU>-:141'] },
  { name: 'an ended hunger strike eases dissent, it halts no attack', text: 'Iraqi prisoners ended their hunger strike on Monday.', has: ['IRQCVL>-:082'], none: /:087$/ },
  { name: 'joining the army protests nothing', text: 'Iraqi students joined the army on Monday.', none: /:14/ },
  // trade ties and military ties established, intensified or resumed are economic (061) and military (062) cooperation
  { name: 'established trade ties cooperate economically', text: 'China established trade ties with Russia.', has: ['CHN>RUS:061'] },
  { name: 'resumed military ties cooperate militarily', text: 'Russia resumed military ties with Iran.', has: ['RUS>IRN:062'] },
  { name: 'resumed diplomatic relations stay diplomatic', text: 'Russia resumed diplomatic relations with Georgia.', has: ['RUS>GEO:050'], none: /:06/ },
  // a camp or refugee camp is a place forces withdraw from (0874)
  { name: 'withdrawing from a refugee camp is a military retreat', text: 'Israel withdrew from the Khan Younis refugee camp on Monday.', has: ['ISR>-:0874'] },
  { name: 'a summer camp hosted is no retreat', text: 'Syria hosted a summer camp for students.', none: /:0874$/ },
  // a verb of saying whose words judge ("said … was illegal") is a criticism beside what else the sentence reports;
  // one whose words announce an act ("announced a ceasefire") is that act, unless a verb of the clause codes it
  { name: 'a judgement said beside another event', text: "Sudan said it would abide by the 'unfair' UN resolution.", has: ['SDN>UN:111', 'SDN>UN:080'] },
  { name: 'a ceasefire declared beside another event', text: 'The Ogaden rebels declared a unilateral ceasefire on Sunday and freed two hostages.', has: ['---REB>-:0871'] },
  { name: 'an announced act a verb of its clause codes is coded once', text: 'Pakistan announced it will return weapons seized from Afghanistan.', none: /:0332$/ },
  // releasing people the text counts or names by role ("two former followers", "two ex-ministers") frees persons,
  // while releasing what is published ("a statement by the opposition leader") frees no one
  { name: 'releasing counted followers frees persons', text: 'Ugandan authorities on Friday released two followers of the opposition.', has: ['UGAGOV>-:0841'] },
  { name: 'a court freeing ex-ministers frees persons', text: 'A Zimbabwe court has freed on bail two ex-ministers.', has: ['ZWEJUD>-:0841'] },
  { name: 'releasing a statement frees no one', text: 'The army released a statement by the opposition leader.', none: /:084/ },
  // doctors and medical teams sent are humanitarian aid (073)
  { name: 'doctors sent are humanitarian aid', text: 'Cuba sent doctors to Haiti on Monday.', has: ['CUB>HTI:073'] },
  { name: 'a team of medical experts sent is humanitarian aid', text: "China's health ministry sent a team of medical experts to the hospital.", has: ['CHNGOV>-:073'] },
  // a phrasal verb the tagger reads as a noun right after its subject still triggers
  { name: 'a phrasal verb read as a noun after a coordinated subject', text: 'EU and UN hand over medical supplies to the Nigerian Government.', has: ['EU>NGAGOV:073', 'UN>NGAGOV:073'] },
  // a mission abroad, Islamist groups and sportsmen are roles of the lexicon's agents
  { name: 'a high commission is its government', text: 'The British High Commission has asked the Indian government for consular access.', has: ['GBRGOV>INDGOV:0255'] },
  { name: 'an Islamic group is an insurgent group', text: 'A radical Islamic group has threatened to kill Indian cricketers.', has: ['---INS>INDCVL:1384'] },
  // one told something is the report's outlet, not the other side of a statement
  { name: 'the outlet one speaks to is no party', text: 'The Indian High Commission told AFP on Monday.', none: />.*MED/ },
  // an -ed verb right after its subject is the verb, not a describing word ("Rights groups branded Israel an aggressor")
  { name: 'branding right after the subject', text: 'Rights groups branded Israel an aggressor on Monday.', has: ['---NGO>ISR:111'] },
  { name: 'labelling a country the worst is a criticism', text: 'Reporters Without Borders has labeled North Korea the worst country for journalists.', has: ['RWB>PRK:111'] },
];

for (const c of cases) {
  test(c.name, () => {
    const found = coded(c.text);
    for (const want of c.has ?? []) assert.ok(found.includes(want), `expected ${want} in ${JSON.stringify(found)}`);
    if (c.none !== undefined) assert.ok(!found.some((d) => c.none?.test(d)), `unexpected ${JSON.stringify(found)}`);
  });
}
