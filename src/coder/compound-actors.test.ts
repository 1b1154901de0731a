// Actors named by more than one word: a role word after a country's branch ("Iraqi government officials"), the branch a
// role belongs to ("Palestinian security officials"), a described group after "the leader of", a nationality shared in
// coordination; and verb patterns read on a passive subject, and answers to what someone said.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCoderSync } from './create-coder.js';
import type { EventRecord } from '../types/index.js';

const coder = createCoderSync();
const events = (text: string): EventRecord[] => coder.codeArticle({ id: 'doc-compound', text, date: '2004-09-01' });
const dyads = (text: string): string[] => events(text).map((e) => `${e.source.code}>${e.target?.code ?? '-'}:${e.cameo}`);

test('a role word after a country and its branch is one actor: "Sudanese government envoys", "US military commanders"', () => {
  const [event] = events('Sudanese government envoys met US military commanders.');
  assert.equal(event?.source.code, 'SDNGOV');
  assert.equal(event?.source.text, 'Sudanese government envoys');
  assert.equal(event?.target?.code, 'USAMIL');
  assert.equal(event?.target?.text, 'US military commanders');
});

test('the branch a role belongs to keeps the nationality: "Palestinian security officials"', () => {
  const found = dyads('Palestinian security officials arrested two Hamas militants.');
  assert.ok(found.some((d) => d.startsWith('PSE') && d.includes('>HAMAS:17')), JSON.stringify(found));
});

test('"the leader of militant Lebanese group Hezbollah" is Hezbollah, not a government without a country', () => {
  const found = dyads('The leader of militant Lebanese group Hezbollah rejected a UN call for the group to disarm.');
  assert.ok(found.some((d) => d.startsWith('HEZBOLLAH>UN:12')), JSON.stringify(found));
  assert.ok(!found.some((d) => d.startsWith('---')), JSON.stringify(found));
});

test('a bare role word coordinated after a nationality shares it: "Iraqi police and soldiers"', () => {
  const found = dyads('Iraqi police and soldiers arrested 20 Syrian fighters.');
  assert.ok(found.some((d) => d.startsWith('IRQMIL>') || d.startsWith('IRQCOP>')), JSON.stringify(found));
  assert.ok(!found.some((d) => d.startsWith('---')), JSON.stringify(found));
});

test('a passive verb reads its pattern on its subject: people seized are abducted (181), not goods seized (171)', () => {
  assert.deepEqual(dyads('An Australian journalist was seized by militants in Iraq.').map((d) => d.split(':')[1]), ['181']);
  assert.deepEqual(dyads('Iraqi militants seized an Australian journalist.').map((d) => d.split(':')[1]), ['181']);
  assert.deepEqual(dyads('Two tankers were seized by Iran.').map((d) => (d.split(':')[1] ?? '').slice(0, 3)), ['171']);
});

test('doubting what someone said is disapproval aimed at its author; questioning people is not', () => {
  assert.deepEqual(dyads('Sudan on Saturday questioned UN estimates of the death toll.'), ['SDN>UN:110']);
  assert.deepEqual(dyads('Police in Kenya questioned two suspects.'), []);
});

test('"US-led forces", "Vietnamese-led forces": the forces of whoever leads them; "Chinese-made drones" names no actor', () => {
  assert.deepEqual(dyads('US-led forces attacked insurgents in Falluja.').map((d) => d.split('>')[0]), ['USAMIL']);
  assert.deepEqual(dyads('Insurgents attacked a NATO-led peacekeeping force.').map((d) => d.split('>')[1]?.split(':')[0]), ['NATO']);
  assert.ok(!dyads('Chinese-made drones struck the convoy.').some((d) => d.startsWith('CHN')));
});

test('victims of a passive killing with no agent are the target of the attack named after it', () => {
  assert.deepEqual(dyads('Four Israeli soldiers were killed when Palestinian militants attacked an army post in Gaza.'), ['PSEREB>ISRMIL:190']);
  assert.deepEqual(dyads('Nine French peacekeepers were killed during an air raid by Ivorian bombers.'), ['CIVMIL>FRAMIL:195']);
  // an agent named in the passive clause is its own event; the victims do not move to another act
  assert.deepEqual(dyads('Four Israeli soldiers were killed by Palestinian militants.'), ['PSEREB>ISRMIL:190']);
});

test('a party after against/with/to inside the subject is not its doer: "sanctions against North Korea are one option, X said"', () => {
  const found = dyads('Economic sanctions against North Korea are "one option," but care is needed in deciding whether to take that step, Japanese Foreign Minister Nobutaka Machimura said on Thursday.');
  assert.ok(!found.some((d) => d.startsWith('PRK>')), JSON.stringify(found));
});

test('a coming act of cooperation said not to happen is a refusal; a past one stays negated; aid keeps its code', () => {
  assert.deepEqual(events('Syria will not accept the UN proposal.').map((e) => [e.cameo, e.status, e.modality]), [['120', 'refused', 'asserted']]);
  assert.deepEqual(dyads("North Korea won't meet the United States."), ['PRK>USA:125']);
  assert.deepEqual(events('Syria did not accept the UN proposal.').map((e) => e.modality), ['negated']);
  assert.ok(!dyads('Japan will not send troops to Iraq.').some((d) => d.includes(':12')), JSON.stringify(dyads('Japan will not send troops to Iraq.')));
});

test('taking part in a meeting is consultation; a speaker after a comma is no member of the group before it', () => {
  assert.deepEqual(dyads('North Korea joined talks with the United States.'), ['PRK>USA:040']);
  assert.deepEqual(dyads('Israel will not attend a Middle East conference in London.'), ['ISR>GBR:125']);
  assert.deepEqual(dyads('The Palestinians will not accept an interim settlement with Israel, Mahmoud Abbas told the Arab League.'), ['PSE>ISR:120']);
});

test('the purpose of a trip is an event of the traveller: "flew to Khartoum for talks with Sudanese officials"', () => {
  assert.deepEqual(dyads('Blair flew to Khartoum on Wednesday for talks with Sudanese officials.'), ['GBRGOV>SDNGOV:042', 'GBRGOV>SDNGOV:040']);
  // talks that no one named travels to or holds have no source
  assert.deepEqual(dyads('The resumption of talks with Iran is uncertain.'), []);
});

test('a light verb in -s the tagger took for a plural noun still hands its subject to the event noun', () => {
  assert.deepEqual(dyads('Israel levels new accusations against Syria.'), ['ISR>SYR:112']);
  assert.deepEqual(dyads("The army's levels of readiness rose."), []);
});

test('a role word with no country gives way to a named actor further into the phrase; a count is no designation', () => {
  assert.deepEqual(dyads('Britain has sent 100 armoured patrol vehicles and a team of paratroopers to Lebanon to help the country patrol its borders.')[0], 'GBR>LBN:072');
  assert.deepEqual(dyads('China gave Iraq 100 military trucks.'), ['CHN>IRQ:072']);
  assert.deepEqual(dyads('Britain sent paratroopers to Lebanon.'), ['GBR>LBN:074']);
});

test('property returned to its owner is 0842; people released are 0841; going back somewhere is no event', () => {
  assert.deepEqual(dyads('The United States returned two paintings to the government of Brazil.'), ['USA>BRAGOV:0842']);
  assert.deepEqual(events('The Islamic State group released at least 19 Christians on Sunday.').map((e) => e.cameo), ['0841']);
  assert.deepEqual(dyads('The president returned to Kabul on Sunday.'), []);
});

test('counterparts are officials of the country named with them', () => {
  assert.deepEqual(dyads('The US authorities shared intelligence with their Chinese counterparts.'), ['USAGOV>CHNGOV:064']);
});

test('a cut of something named (aid, sanctions, mediation) stands without a named other side; arms reductions do not', () => {
  assert.deepEqual(dyads('The United Nations has suspended aid deliveries in Borno State after a humanitarian convoy was attacked.'), ['UN>-:162']);
  assert.deepEqual(dyads('The United States Treasury has imposed sanctions on three new Iranian organizations.'), ['USAGOV>-:163']);
  assert.ok(!dyads('Russia has threatened to stop negotiations to reduce long-range nuclear weapons.').some((d) => d.endsWith(':1622')));
});

test('a planned cut keeps its code (no threat) and no pledge; a frame verb the tagger took for a noun keeps its subject', () => {
  const [cut] = events('Poland plans to reduce the number of its troops in Iraq.');
  assert.equal(cut?.source.code, 'POL');
  assert.equal(cut?.root, '16');
  assert.equal(cut?.modality, 'intended');
  assert.notEqual(cut?.status, 'pledged');
  assert.deepEqual(events('Iran vows to retaliate against Israel.').map((e) => [e.cameo, e.status]), [['138', null]]);
});

test('no actor in "the official MAP news agency"; a headline passive of asking names no asker; a statement about one\'s own country has no target', () => {
  assert.deepEqual(dyads('A bus collided in western Morocco Saturday, killing 24 people, the official MAP news agency reported.'), []);
  assert.deepEqual(dyads('Blair urged to launch Iraq death toll probe.'), []);
  assert.deepEqual(dyads('Blair urged Bush to launch an Iraq death toll probe.'), ['GBRGOV>USAGOV:020']);
  assert.deepEqual(dyads('Putin Says Russia Working on New Nuclear Systems.'), ['RUSGOV>-:010']);
});

test('force is reciprocal only as fighting: clashes are mutual, an attack with no target named is not', () => {
  assert.deepEqual(dyads('Israel and Hamas clashed in Gaza.'), ['ISR>HAMAS:190', 'HAMAS>ISR:190']);
  assert.ok(!dyads('Israel and the United States would not dare attack Iran since it could strike back anywhere in Israel.').some((d) => d === 'ISR>USA:190' || d === 'USA>ISR:190'));
});

test('a speaker in apposition before the verb ("Mujahid, the Taliban spokesman, claimed …"); scepticism is pessimism (012)', () => {
  assert.deepEqual(dyads('Zabihullah Mujahid, the Taliban spokesman, claimed responsibility for the attack.'), ['TALIBAN>-:015']);
  assert.deepEqual(dyads('The South Korean government has said it is skeptical of that death toll.'), ['KORGOV>-:012']);
});

test('an act of aid, easing, force or violence with no one named on the other side is aimed at the country where it happens', () => {
  assert.deepEqual(dyads('U.S. planes bombed targets in Iraq.'), ['USAMIL>IRQ:195']);
  assert.deepEqual(dyads('Serbia lifted a night curfew in Montenegro.'), ['SRB>MNE:0813']);
  assert.deepEqual(dyads('France is ready to contribute up to 4,000 troops to an international peace-keeping force in Liberia.'), ['FRA>LBR:0334']);
  // never the doer's own country, and not a meeting's venue
  assert.ok(!dyads('Turkish police arrested protesters in Turkey.').some((d) => d.includes('>TUR:')));
  assert.ok(!dyads('Russia and China held talks in Geneva.').some((d) => d.includes('>CHE')));
});

test('a place may carry a direction ("in eastern Syria"); coercion at home is aimed at the country itself', () => {
  assert.deepEqual(dyads('Turkish jets bombed targets in northern Iraq.'), ['TURMIL>IRQ:195']);
  assert.deepEqual(dyads('Turkish authorities have imposed a curfew in the town of Cizre in southeastern Turkey.'), ['TURGOV>TUR:1723']);
});

test('a city after a direction or "the city of" is a place of its country', () => {
  assert.ok(dyads('US planes bombed targets in the city of Falluja.').includes('USAMIL>IRQ:195'));
});

test('a region after "in the" is a place of its country; a name that modifies a noun is not', () => {
  assert.ok(dyads('Israeli troops raided homes in the West Bank.').includes('ISRMIL>PSE:171'));
  assert.ok(dyads('Serbia eased emergency measures in Montenegro province.').some((d) => d.startsWith('SRB>MNE:')));
  assert.ok(!dyads('The Palestinians rejected proposed changes to the Wye River land-for-security deal.').some((d) => d.includes('>GBR')));
});

test('one\'s own forces in or from a country are not that country\'s forces; the country is where they are', () => {
  assert.deepEqual(dyads('Australia is willing to withdraw its troops from Iraq.'), ['AUS>IRQ:0356']);
  assert.ok(dyads('Israel has strengthened its forces in Lebanon.').includes('ISR>LBN:154'));
  assert.ok(dyads('Poland plans to reduce its 2,400 troops in Iraq.').includes('POL>IRQ:1661'));
  // (with no possessive, "soldiers from Chad" are Chad's)
  assert.ok(dyads('Soldiers from Chad attacked Sudan.').some((d) => d.startsWith('TCDMIL>')));
});

test('easing coercion at home is aimed at the country itself, as the coercion is', () => {
  assert.ok(dyads('Turkish authorities lifted the curfew in the town of Cizre in southeastern Turkey.').includes('TURGOV>TUR:0813'));
});

test('the doer named again as the other side leaves the event standing without one', () => {
  // (it was dropped: its only "other side" had the doer's own code)
  assert.deepEqual(dyads('Turkey imposed a curfew in Cizre.'), ['TUR>-:1723']);
});

test('a rank word between nationality and role ("junior", "caretaker") keeps them one actor', () => {
  assert.ok(dyads('Nigerian junior foreign minister Dubem Oniya criticised Niger on Monday.').some((d) => d.startsWith('NGAGOV>NER')));
  assert.ok(dyads('Pakistani caretaker prime minister Anwar Kakar criticised India on Monday.').some((d) => d.startsWith('PAKGOV>IND')));
});

test('a country after a place word and "of" is a place, not a party ("a region of western Morocco")', () => {
  assert.deepEqual(dyads('A bus and a truck collided in a mountainous region of western Morocco on Saturday, killing 24 people.'), []);
  assert.ok(dyads('Indonesian troops attacked rebels in the province of Aceh in Indonesia.').every((d) => !d.startsWith('IDN>')));
});

test('"a member of X" acts for X: the body after "of" is the subject', () => {
  assert.ok(dyads('A member of the Syrian parliament, Mohammed Mamoun, criticised Israel on Monday.').includes('SYRLEG>ISR:111'));
  // (an object of a preposition stays no subject: "talks with Israel")
  assert.ok(!dyads('Talks with Israel resumed on Monday.').some((d) => d.startsWith('ISR>')));
});
