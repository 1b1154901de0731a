import { openSqliteStore } from './sqlite/sqlite-store.js';
import { sampleEntries } from './store-fixtures.js';
import type { EventRecord } from '../types/index.js';
import { rmSync, statSync } from 'node:fs';
const path = '/tmp/dyad-perf.db';
const mode = process.argv[2];
if (mode === 'build') {
  rmSync(path, { force: true }); rmSync(path + '-wal', { force: true }); rmSync(path + '-shm', { force: true });
  const store = await openSqliteStore(path);
  const base = sampleEntries();
  const countries = ['CHN','IRQ','USA','RUS','TUR','IRN','SYR','ISR','FRA','GBR','DEU','IND','PAK','AFG','EGY','SAU','JPN','KOR','PRK','UKR','BLR','POL','NGA','KEN','ETH','SOM','SDN','LBY','TUN','DZA','MAR','BRA','ARG','MEX','VEN','COL','CUB','CAN','AUS','IDN','PHL','VNM','THA','MMR','BGD','LKA','NPL','UZB','KAZ','GEO'];
  const sectors = ['', 'GOV', 'MIL', 'COP', 'REB', 'OPP', 'BUS'];
  const codes = ['010','020','0231','0232','0233','031','0331','0332','036','040','042','043','046','051','057','061','062','071','072','073','081','090','111','112','120','130','138','141','145','160','172','173','180','181','190','193','195','200'];
  let r = 12345; const rnd = (n: number) => { r = (r * 1103515245 + 12345) & 0x7fffffff; return (r >>> 8) % n; };
  const t0 = performance.now();
  const N = Number(process.argv[3] ?? 100000);
  let batch = [];
  for (let a = 0; a < N; a++) {
    const b = base[a % 4]!;
    const id = `art-${a}`;
    const events: EventRecord[] = b.events.map((e, k) => {
      const sc = countries[rnd(countries.length)]!, tc = countries[rnd(countries.length)]!;
      const ss = sectors[rnd(sectors.length)]!, ts = sectors[rnd(sectors.length)]!;
      const cameo = codes[rnd(codes.length)]!;
      const y = 2015 + rnd(10), m = 1 + rnd(12), d = 1 + rnd(28);
      const date = `${y}-${String(m).padStart(2,'0')}-${String(d).padStart(2,'0')}`;
      return { ...e, id: `${id}:${k}`, doc: id, source: { ...e.source, code: sc + ss, country: sc }, target: { ...(e.target ?? e.source), code: tc + ts, country: tc },
        cameo, root: cameo.slice(0,2), quad: (1 + rnd(4)) as 1|2|3|4, goldstein: rnd(200)/10 - 10, date, status: rnd(5) === 0 ? 'delivered' : e.status };
    });
    batch.push({ article: { ...b.article, id }, meta: { hash: `h${a}`, sentences: b.meta.sentences }, events });
    if (batch.length === 200) { await store.putArticles(batch); batch = []; }
  }
  if (batch.length) await store.putArticles(batch);
  const t1 = performance.now();
  console.log('built', N, 'articles in', ((t1 - t0)/1000).toFixed(1), 's', await store.stats());
  await store.close();
  console.log('size MB', (statSync(path).size / 1e6).toFixed(0));
} else {
  const store = await openSqliteStore(path, { mustExist: true });
  const cases: any[] = [
    [{ source: ['CHN'], target: ['IRQ'], since: '2019-01', until: '2020-12' }, 'ingested'],
    [{ source: ['CHN'], target: ['IRQ'] }, '-date'],
    [{ source: ['CHNGOV'] }, 'ingested'],
    [{ target: ['IRQ'] }, '-date'],
    [{ actor: ['TUR'] }, 'ingested'],
    [{ code: ['02*'] }, 'ingested'],
    [{ code: ['0232'], since: '2020' }, '-date'],
    [{ root: ['07'], quad: [2] }, 'ingested'],
    [{ since: '2020-01', until: '2020-06' }, 'date'],
    [{ status: ['delivered'], source: ['CHN'] }, 'ingested'],
    [{ text: 'helicopters' }, 'ingested'],
    [{ text: 'rifles', source: ['CHN'] }, 'ingested'],
    [{ item: 'rifle' }, 'ingested'],
    [{ item: 'rifle', source: ['CHN'], target: ['IRQ'] }, 'ingested'],
    [{}, '-date'],
    [{}, 'date'],
    [{}, 'goldstein'],
  ];
  for (const [f, sort] of cases) {
    const times: number[] = [];
    let n = 0;
    for (let i = 0; i < 5; i++) { const t = performance.now(); n = (await store.queryEvents(f, { sort, limit: 100 })).events.length; times.push(performance.now() - t); }
    const tc = performance.now(); const c = await store.countEvents(f); const ct = performance.now() - tc;
    times.sort((a, b) => a - b);
    console.log(JSON.stringify(f), sort, 'rows', n, 'median ms', times[2]!.toFixed(1), 'count', c, 'in', ct.toFixed(0), 'ms |', store.explain(f, { sort })[0]);
  }
  for (const by of ['month', 'week'] as const) { const t = performance.now(); const d = await store.dyads({ source: ['CHN'] }, { by }); console.log('dyads CHN', by, d.length, (performance.now() - t).toFixed(0), 'ms'); }
  let t = performance.now(); await store.dyads({}, { by: 'year' }); console.log('dyads all by year', (performance.now() - t).toFixed(0), 'ms');
  t = performance.now(); await store.actors({}); console.log('actors all', (performance.now() - t).toFixed(0), 'ms');
  t = performance.now(); await store.actors({ source: ['CHN'] }); console.log('actors CHN', (performance.now() - t).toFixed(0), 'ms');
  t = performance.now(); await store.stats(); console.log('stats', (performance.now() - t).toFixed(0), 'ms');
  await store.close();
}
