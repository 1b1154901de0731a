// Tests: news line cleaning — clutter lines dropped, prose kept, paragraphs separated by blank lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanLines, normaliseText } from './clean-lines.js';
import { junkLine } from './junk-line.js';

test('junkLine names the clutter a news page scatters through its text', () => {
  const cases: Array<[string, string]> = [
    ['Share this article', 'share'],
    ['Facebook Twitter WhatsApp Email', 'share'],
    ['Share on Facebook | Tweet | Print', 'share'],
    ['An Iraqi army helicopter flies over Anbar province, March 2, 2024. REUTERS/Omar Haddad', 'caption'],
    ['Soldiers at a checkpoint near Ramadi. © Reuters/Omar Haddad', 'caption'],
    ['Photo: Iraqi Ministry of Defence', 'caption'],
    ['Villagers wait for food in Baidoa. (AP Photo/Farah Abdi)', 'caption'],
    ['(AFP)', 'caption'],
    ['© 2024 The Northgate Courier. All rights reserved.', 'caption'],
    ['May 14, 2024 9:12 AM GMT+3', 'timestamp'],
    ['Updated 2 hours ago', 'timestamp'],
    ['3 min read', 'timestamp'],
    ['Tuesday 14 May 2024 10.32 BST', 'timestamp'],
    ['Read more: Iraq and Turkey sign water-sharing deal', 'related'],
    ['ALSO READ: Kuwait and Iraq agree to reopen border crossing', 'related'],
    ['Related', 'related-heading'],
    ['You may also like', 'related-heading'],
    ['Comments (3)', 'comments-heading'],
    ['Join the conversation', 'comments-heading'],
    ['Load more comments', 'comments'],
    ['Page 1 of 3', 'pagination'],
    ['Next page »', 'pagination'],
    ['1 2 3 Next', 'pagination'],
    ['Dana Whitlock is a senior correspondent for The Northgate Courier covering Iraq and the Gulf.', 'bio'],
    ['(Reporting by Omar Haddad; Editing by Peter Lyle)', 'bio'],
    ['Follow Dana Whitlock on X @danawhit', 'bio'],
    ['Sign up for our free daily newsletter, delivered to your inbox every morning.', 'newsletter'],
    ['We use cookies to improve your experience on our website.', 'cookie'],
    ['Advertisement', 'chrome'],
    ['Skip to main content', 'chrome'],
    ['Story continues below advertisement', 'chrome'],
  ];
  for (const [line, kind] of cases) assert.equal(junkLine(line), kind, line);
});

test('junkLine keeps article sentences that merely mention clutter words', () => {
  const prose = [
    'BAGHDAD, May 14 (Reuters) - Iraq has asked the United States for a new batch of attack helicopters.',
    'The minister said the deal would be signed on May 20, the ministry said in a statement.',
    'Facebook said it had removed accounts linked to the militia, a company spokesman told reporters.',
    'Officials will share intelligence about the raiders, the two ministers said.',
    'Reporters were not allowed to photograph the meeting, which lasted two hours.',
    'The group said it would publish the names of the detained journalists next week.',
    'Read the full statement, the ministry told journalists, before asking questions.',
    'Related talks in Geneva ended without agreement on Friday.',
    'NATO said the exercise would begin on Monday.',
    'Copies of the agreement were given to both delegations.',
    'The embassy urged citizens to subscribe to its travel alerts as fighting spread.',
  ];
  for (const line of prose) assert.equal(junkLine(line), null, line);
});

test('cleanLines drops clutter and keeps paragraphs apart with blank lines', () => {
  const raw = [
    'Skip to main content',
    'By the Courier staff',
    '',
    'Share this article',
    '',
    'BAGHDAD, May 14 (Reuters) - Iraq asked the United States for more',
    'attack helicopters on Tuesday, the ministry said.',
    'Photo: Iraqi Ministry of Defence',
    '',
    'Read more: Turkey strikes targets in northern Iraq',
    '',
    'The request follows weeks of talks.',
    '',
    'Related',
    'Turkey strikes targets in northern Iraq',
    'What the new budget means for the army',
    '',
    'Officials said the aircraft would be used in Anbar, where militants still operate.',
    '',
    'Comments (2)',
    'I think this is a waste of money and will never work out for anyone.',
    'Great reporting as always, thank you for covering this region so closely.',
  ].join('\r\n');
  assert.equal(
    cleanLines(raw),
    [
      'By the Courier staff',
      'BAGHDAD, May 14 (Reuters) - Iraq asked the United States for more attack helicopters on Tuesday, the ministry said.',
      'The request follows weeks of talks.',
      'Officials said the aircraft would be used in Anbar, where militants still operate.',
    ].join('\n\n'),
  );
});

test('cleanLines takes text without blank lines as one paragraph per line', () => {
  const raw = 'Kenya and Uganda agreed to joint patrols.\nThe deal was signed in Nairobi\nPage 2 of 2\nBoth sides will share intelligence.';
  assert.equal(cleanLines(raw), 'Kenya and Uganda agreed to joint patrols.\n\nThe deal was signed in Nairobi\n\nBoth sides will share intelligence.');
});

test('cleanLines joins hard-wrapped lines but breaks after a sentence end', () => {
  const raw = 'The ministers met in\nNairobi on Friday.\nThey agreed on patrols.\n\nA second paragraph.';
  assert.equal(cleanLines(raw), 'The ministers met in Nairobi on Friday.\n\nThey agreed on patrols.\n\nA second paragraph.');
});

test('normaliseText unifies line ends and spaces without changing the words', () => {
  assert.equal(normaliseText('  A\u00a0\u00a0 b\t c\r\nd\u200b e\u0007 \r f  '), 'A b c\nd e\nf');
});
