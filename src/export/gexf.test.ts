import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { sampleEvents } from '../store/store-fixtures.js';
import { collectText } from './export-context.js';
import { deliveryHappening, sampleContext } from './export-fixtures.js';
import { EXPORTERS } from './exporters.js';
import { gexfGraph } from './gexf.js';

type AttValue = { '@_for': string; '@_value': string };
type XmlNode = { '@_id': string; '@_label': string; attvalues: { attvalue: AttValue | AttValue[] } };
type XmlEdge = { '@_source': string; '@_target': string; '@_weight': string; attvalues: { attvalue: AttValue | AttValue[] } };

/** Reads a GEXF file back with a real XML parser: nodes by id, edges by "source>target". */
function readGexf(xml: string): { nodes: Map<string, Record<string, string>>; edges: Map<string, Record<string, string>> } {
  assert.equal(XMLValidator.validate(xml), true);
  const doc = new XMLParser({ ignoreAttributes: false, parseAttributeValue: false, isArray: (name) => ['node', 'edge', 'attvalue'].includes(name) }).parse(xml);
  const graph = doc.gexf.graph;
  const values = (list: AttValue | AttValue[]): Record<string, string> => Object.fromEntries([list].flat().map((a) => [a['@_for'], a['@_value']]));
  const nodes = new Map<string, Record<string, string>>((graph.nodes.node as XmlNode[]).map((n) => [n['@_id'], { label: n['@_label'], ...values(n.attvalues.attvalue) }]));
  const edges = new Map<string, Record<string, string>>(((graph.edges?.edge ?? []) as XmlEdge[]).map((e) => [`${e['@_source']}>${e['@_target']}`, { weight: e['@_weight'], ...values(e.attvalues.attvalue) }]));
  return { nodes, edges };
}

test('GEXF has actors as nodes and dyads as weighted edges with mean Goldstein', async () => {
  const xml = await collectText(gexfGraph(sampleEvents()));
  assert.match(xml, /<gexf xmlns="http:\/\/gexf\.net\/1\.3"[^>]* version="1\.3">/);
  const { nodes, edges } = readGexf(xml);
  assert.equal(nodes.size, 9);
  assert.deepEqual(nodes.get('CHNGOV'), { label: 'Wang Yi', country: 'CHN', sector: 'GOV', events: '3' });
  assert.deepEqual(edges.get('CHNGOV>IRQGOV'), { weight: '2', goldstein: '3.1', events: '2', first: '2019-03-14', last: '2019-03-14' });
  assert.deepEqual(edges.get('NATO>IRQMIL'), { weight: '1', goldstein: '5.2', events: '1', first: '2021-01', last: '2021-01' });
  assert.equal(edges.size, 6);
  const totalWeight = [...edges.values()].reduce((n, e) => n + Number(e.weight), 0);
  assert.equal(totalWeight, sampleEvents().filter((e) => e.target !== null).length);
});

test('GEXF by country merges actors of one state, with country names as labels', async () => {
  const { nodes, edges } = readGexf(await collectText(gexfGraph(sampleEvents(), { ...sampleContext(), nodes: 'country' })));
  assert.deepEqual([...nodes.keys()], ['CHN', 'IRQ', 'NATO', 'TUR']);
  assert.equal(nodes.get('IRQ')?.label, 'Iraq');
  assert.deepEqual(edges.get('CHN>IRQ'), { weight: '3', goldstein: '4.533', events: '3', first: '2019-03-14', last: '2020-05-26' });
});

test('GEXF escapes names and drops characters XML cannot hold', async () => {
  const [event] = sampleEvents();
  const odd = { ...event!, source: { ...event!.source, code: 'X&Y', name: 'Smith & Sons <Ltd> "Q" \'R\'\u0001' } };
  const { nodes, edges } = readGexf(await collectText(gexfGraph([odd])));
  assert.equal(nodes.get('X&Y')?.label, 'Smith & Sons <Ltd> "Q" \'R\'');
  assert.equal(edges.size, 1);
});

test('at the events level a GEXF edge weighs happenings, not reports', async () => {
  const { happening, context } = deliveryHappening();
  const byEvents = readGexf(await collectText(EXPORTERS.gexf.events([happening], context)));
  const byMentions = readGexf(await collectText(EXPORTERS.gexf.mentions(happening.mentions, context)));
  assert.equal(byEvents.edges.get('RUS>MLI')?.weight, '1');
  assert.equal(byMentions.edges.get('RUS>MLI')?.weight, '4');
  assert.equal(byEvents.nodes.get('RUS')?.events, '1');
});
