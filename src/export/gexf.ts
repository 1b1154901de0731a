// Export: EventRecords → a GEXF 1.3 graph for Gephi: actors as nodes, source → target dyads as weighted directed edges.

import type { ActorRef, EventRecord } from '../types/index.js';
import { xmlEscape, type AnyIterable, type ExportContext } from './export-context.js';

interface Node { id: string; label: string; country: string | null; sector: string | null; events: number }
interface Edge { source: string; target: string; events: number; goldsteinSum: number; first: string | null; last: string | null }

function nodeOf(actor: ActorRef, nodes: 'actor' | 'country', context: ExportContext): Omit<Node, 'events'> {
  if (nodes === 'country' && actor.country !== null) {
    return { id: actor.country, label: context.countryName?.(actor.country) ?? actor.country, country: actor.country, sector: null };
  }
  return { id: actor.code, label: actor.name, country: actor.country, sector: actor.sector };
}

const attr = (name: string, value: string | number): string => ` ${name}="${xmlEscape(String(value))}"`;
const attvalue = (key: string, value: string | number | null): string =>
  value === null ? '' : `<attvalue${attr('for', key)}${attr('value', value)}/>`;

/**
 * The GEXF document. Nodes are actor codes, or countries with `context.nodes: 'country'` (actors without a country
 * keep their code); node labels are the first name seen for the code; edge weight is the number of events, with
 * the mean Goldstein score and the first and last event dates as attributes. Events without a target add to their
 * source node's count only. Output is sorted, so the same events always give the same file. At the events level
 * the events are happenings (`happeningRecord`), so a dyad weighs what happened, not how often it was reported.
 */
export async function* gexfGraph(events: AnyIterable<EventRecord>, options: ExportContext = {}): AsyncGenerator<string> {
  const level = options.nodes ?? 'actor';
  const nodes = new Map<string, Node>();
  const edges = new Map<string, Edge>();
  const count = (actor: ActorRef): string => {
    const node = nodeOf(actor, level, options);
    const known = nodes.get(node.id);
    if (known === undefined) nodes.set(node.id, { ...node, events: 1 });
    else known.events++;
    return node.id;
  };
  for await (const event of events) {
    const source = count(event.source);
    if (event.target === null) continue;
    const target = count(event.target);
    const key = `${source}\u0000${target}`;
    const edge = edges.get(key) ?? { source, target, events: 0, goldsteinSum: 0, first: null, last: null };
    edge.events++;
    edge.goldsteinSum += event.goldstein;
    if (event.date !== null) {
      if (edge.first === null || event.date < edge.first) edge.first = event.date;
      if (edge.last === null || event.date > edge.last) edge.last = event.date;
    }
    edges.set(key, edge);
  }
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n';
  yield '  <meta><creator>Dyad</creator><description>Actors and the events between them</description></meta>\n';
  yield '  <graph mode="static" defaultedgetype="directed">\n';
  yield '    <attributes class="node">\n      <attribute id="country" title="country" type="string"/>\n'
    + '      <attribute id="sector" title="sector" type="string"/>\n      <attribute id="events" title="events" type="integer"/>\n    </attributes>\n';
  yield '    <attributes class="edge">\n      <attribute id="goldstein" title="Goldstein mean" type="double"/>\n'
    + '      <attribute id="events" title="events" type="integer"/>\n      <attribute id="first" title="first date" type="string"/>\n'
    + '      <attribute id="last" title="last date" type="string"/>\n    </attributes>\n';
  yield '    <nodes>\n';
  for (const node of [...nodes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    yield `      <node${attr('id', node.id)}${attr('label', node.label)}><attvalues>${attvalue('country', node.country)}`
      + `${attvalue('sector', node.sector)}${attvalue('events', node.events)}</attvalues></node>\n`;
  }
  yield '    </nodes>\n    <edges>\n';
  const sorted = [...edges.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  for (const [i, edge] of sorted.entries()) {
    const mean = Math.round((edge.goldsteinSum / edge.events) * 1000) / 1000;
    yield `      <edge${attr('id', i)}${attr('source', edge.source)}${attr('target', edge.target)}${attr('weight', edge.events)}><attvalues>`
      + `${attvalue('goldstein', mean)}${attvalue('events', edge.events)}${attvalue('first', edge.first)}${attvalue('last', edge.last)}</attvalues></edge>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
