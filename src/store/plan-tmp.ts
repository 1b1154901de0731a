import { openSqliteStore } from './sqlite/sqlite-store.js';
const store = await openSqliteStore('/tmp/dyad-perf.db', { mustExist: true });
for (const [f, sort] of [[{ status: ['delivered'], source: ['CHN'] }, 'ingested'], [{ item: 'rifle', source: ['CHN'], target: ['IRQ'] }, 'ingested']] as const) console.log(store.explain(f as any, { sort: sort as any }).slice(0, 8).join('\n'), '\n');
