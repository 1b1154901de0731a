import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleEvents } from '../store/store-fixtures.js';
import { collectText } from './export-context.js';
import { deliveryHappening, disputedHappening, sampleContext } from './export-fixtures.js';
import { GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, gdeltEventId, gdeltEvents, gdeltMentions } from './gdelt.js';
import { singleHappenings } from './happening.js';
import { readTsv } from './read-table.js';

test('GDELT tables have the standard 61 and 16 columns in order', () => {
  assert.equal(GDELT_EVENT_COLUMNS.length, 61);
  assert.deepEqual(GDELT_EVENT_COLUMNS.slice(0, 8), ['GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate', 'Actor1Code', 'Actor1Name', 'Actor1CountryCode']);
  assert.deepEqual(GDELT_EVENT_COLUMNS.slice(25, 35), ['IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone']);
  assert.deepEqual(GDELT_EVENT_COLUMNS.slice(-10), ['ActionGeo_Type', 'ActionGeo_FullName', 'ActionGeo_CountryCode', 'ActionGeo_ADM1Code', 'ActionGeo_ADM2Code', 'ActionGeo_Lat', 'ActionGeo_Long', 'ActionGeo_FeatureID', 'DATEADDED', 'SOURCEURL']);
  assert.equal(GDELT_MENTION_COLUMNS.length, 16);
});

test('GDELT event ids are stable, distinct whole numbers', () => {
  const ids = sampleEvents().map((e) => gdeltEventId(e.id));
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.ok(Number.isSafeInteger(id) && id >= 0);
  assert.equal(gdeltEventId('baghdad-2019.txt:0:1'), gdeltEventId('baghdad-2019.txt:0:1'));
});

test('the GDELT event table reads back to the events written, each event a happening of its own', async () => {
  const events = sampleEvents();
  const context = sampleContext();
  const rows = readTsv(await collectText(gdeltEvents(singleHappenings(events, context), context)), GDELT_EVENT_COLUMNS);
  assert.equal(rows.length, events.length);
  for (const [i, event] of events.entries()) {
    const row = rows[i]!;
    const article = context.articles.get(event.doc);
    assert.equal(Number(row.GLOBALEVENTID), gdeltEventId(`c-${event.id}`));
    assert.deepEqual([row.NumMentions, row.NumSources, row.NumArticles, row.AvgTone], ['1', '1', '1', '']);
    assert.deepEqual([row.Actor1Code, row.Actor1Name, row.Actor1CountryCode, row.Actor1Type1Code], [event.source.code, event.source.name, event.source.country ?? '', event.source.sector ?? '']);
    assert.deepEqual([row.Actor2Code, row.Actor2CountryCode], [event.target?.code ?? '', event.target?.country ?? '']);
    assert.deepEqual([row.EventCode, row.EventBaseCode, row.EventRootCode], [event.cameo, event.cameo.slice(0, 3), event.root]);
    assert.deepEqual([Number(row.QuadClass), Number(row.GoldsteinScale)], [event.quad, event.goldstein]);
    assert.equal(row.SOURCEURL, article?.url ?? event.doc);
    assert.equal(row.ActionGeo_FullName, event.location?.name ?? '');
    assert.equal(row.ActionGeo_Lat, event.location?.lat === undefined || event.location.lat === null ? '' : String(event.location.lat));
  }
  const byDate: Array<[number, Partial<Record<string, string>>]> = [
    [0, { SQLDATE: '20190312', MonthYear: '201903', Year: '2019', FractionDate: '2019.1945', IsRootEvent: '1', DATEADDED: '20210201102030' }],
    [3, { SQLDATE: '20200501', MonthYear: '202005', Year: '2020' }],
    [6, { SQLDATE: '20200101', ActionGeo_Type: '4', ActionGeo_CountryCode: 'IRQ' }],
    [8, { SQLDATE: '', Year: '', FractionDate: '', Actor2Code: '' }],
    [9, { Actor1KnownGroupCode: 'NATO', Actor1CountryCode: '', IsRootEvent: '0' }],
    [2, { ActionGeo_FeatureID: '1816670' }],
  ];
  for (const [i, expected] of byDate) for (const [column, value] of Object.entries(expected)) assert.equal(rows[i]![column], value, `row ${i} ${column}`);
});

test('the GDELT mentions table ties each row to its event, sentence and Dyad id', async () => {
  const events = sampleEvents();
  const context = sampleContext();
  const rows = readTsv(await collectText(gdeltMentions(singleHappenings(events, context), context)), GDELT_MENTION_COLUMNS);
  assert.equal(rows.length, events.length);
  for (const [i, event] of events.entries()) {
    const row = rows[i]!;
    const article = context.articles.get(event.doc)!;
    assert.equal(Number(row.GLOBALEVENTID), gdeltEventId(`c-${event.id}`));
    assert.equal(row.Extras, event.id);
    assert.deepEqual([Number(row.SentenceID), Number(row.Actor1CharOffset), Number(row.Actor2CharOffset), Number(row.ActionCharOffset)],
      [event.sentence.index + 1, event.source.start, event.target?.start ?? -1, event.trigger.start]);
    assert.deepEqual([row.MentionType, row.Confidence, Number(row.MentionDocLen)], [article.url ? '1' : '2', '50', article.textLength]);
  }
  assert.deepEqual([rows[0]!.MentionSourceName, rows[0]!.MentionTimeDate, rows[0]!.EventTimeDate, rows[0]!.MentionIdentifier],
    ['Tigris Wire', '20190314000000', '20210201102030', 'https://news.example/iraq-china']);
  assert.equal(rows[6]!.MentionIdentifier, 'boats-2020.txt');
});

test('a happening told four times is one GDELT event with four mentions that point to it', async () => {
  const { happening, context } = deliveryHappening();
  const { cluster, mentions } = happening;
  const [event] = readTsv(await collectText(gdeltEvents([happening], context)), GDELT_EVENT_COLUMNS);
  assert.ok(event);
  assert.equal(Number(event.GLOBALEVENTID), gdeltEventId(cluster.id));
  // four reports in four articles, three independent sources (the syndicated copy counts with its original)
  assert.deepEqual([event.NumMentions, event.NumArticles, event.NumSources], ['4', '4', '3']);
  assert.deepEqual([event.SQLDATE, event.EventCode, event.Actor1Code, event.Actor2Code], ['20220504', '072', 'RUS', 'MLI']);
  // the first report stored gives DATEADDED and SOURCEURL; the place comes from the report that has one
  assert.deepEqual([event.DATEADDED, event.SOURCEURL], ['20220505080000', 'https://courier.example/mi-35']);
  assert.deepEqual([event.ActionGeo_FullName, event.ActionGeo_CountryCode], ['Bamako', 'MLI']);

  const rows = readTsv(await collectText(gdeltMentions([happening], context)), GDELT_MENTION_COLUMNS);
  assert.deepEqual(rows.map((r) => r.Extras), mentions.map((m) => m.id));
  for (const row of rows) {
    assert.deepEqual([Number(row.GLOBALEVENTID), row.EventTimeDate, row.Confidence], [gdeltEventId(cluster.id), '20220505080000', '88']);
  }
  assert.deepEqual(rows.map((r) => [r.MentionType, r.MentionSourceName, r.MentionIdentifier, r.MentionTimeDate, r.MentionDocLen]), [
    ['1', 'Sahel Courier', 'https://courier.example/mi-35', '20220505000000', '100'],
    ['2', 'Bamako Post', 'bamako-post', '20220506000000', '101'],
    ['1', 'Desert Ledger', 'https://ledger.example/gunships', '20220507000000', '102'],
    ['2', 'Wire Echo', 'wire-echo', '20220505000000', '103'],
  ]);
});

test('GDELT export without article lookups still writes every column', async () => {
  const text = await collectText(gdeltEvents(singleHappenings(sampleEvents().slice(0, 1), {})));
  assert.equal(text.split('\t').length, 61);
  assert.ok(text.endsWith('\tbaghdad-2019.txt\n'));
  const mention = await collectText(gdeltMentions(singleHappenings(sampleEvents().slice(0, 1), {})));
  assert.equal(mention.split('\t').length, 16);
});

test('a disputed happening: counts and SOURCEURL from its supporting reports; the denial is still listed as a mention', async () => {
  const { happening, context } = disputedHappening();
  const [row] = readTsv(await collectText(gdeltEvents([happening], context)), GDELT_EVENT_COLUMNS);
  assert.ok(row);
  assert.deepEqual([row.NumMentions, row.NumSources, row.NumArticles], ['4', '3', '4']);
  assert.equal(row.SOURCEURL, 'https://courier.example/mi-35');
  const mentions = readTsv(await collectText(gdeltMentions([happening], context)), GDELT_MENTION_COLUMNS);
  assert.deepEqual(mentions.map((m) => m.Extras), happening.mentions.map((m) => m.id));
});
