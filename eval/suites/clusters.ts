// Eval suite clusters: our labelled mentions (eval/fixtures/clusters/*.jsonl, a gold event per mention) + clustering → pairwise precision/recall.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterEvents } from '../../src/link/cluster-events.js';
import { fixtureMention, type MentionSpec } from '../../src/link/link-fixtures.js';
import { prfSplit, type Prf } from '../score.js';
import { defaultKindTree } from '../../src/link/kind-tree.js';

/** Where the labelled mentions live. */
export const CLUSTERS_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'clusters');

/** One labelled mention: a fixture spec plus the id of the real-world happening it reports. */
export interface LabelledMention extends MentionSpec {
  gold: string;
}

/** Reads every `*.jsonl` of the fixture folder, in name order. */
export function readLabelledMentions(dir: string = CLUSTERS_FIXTURES): LabelledMention[] {
  const out: LabelledMention[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    readFileSync(join(dir, name), 'utf8').split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      const record = JSON.parse(line) as LabelledMention;
      if (typeof record.gold !== 'string' || typeof record.id !== 'string') throw new Error(`${name}:${i + 1}: a mention needs \`id\` and \`gold\``);
      out.push(record);
    });
  }
  return out;
}

/** Number of unordered pairs in groups of the given sizes. */
function pairs(sizes: Iterable<number>): number {
  let n = 0;
  for (const size of sizes) n += (size * (size - 1)) / 2;
  return n;
}

/**
 * Pairwise scores of a predicted partition against gold labels: precision = pairs put together that belong
 * together / pairs put together; recall = pairs put together that belong together / pairs that belong together.
 */
export function pairwiseScores(predicted: string[][], gold: Map<string, string>): Prf {
  let correct = 0;
  for (const cluster of predicted) {
    const byGold = new Map<string, number>();
    for (const id of cluster) byGold.set(gold.get(id) ?? `?${id}`, (byGold.get(gold.get(id) ?? `?${id}`) ?? 0) + 1);
    correct += pairs(byGold.values());
  }
  const goldSizes = new Map<string, number>();
  for (const label of gold.values()) goldSizes.set(label, (goldSizes.get(label) ?? 0) + 1);
  const goldPairs = pairs(goldSizes.values());
  return prfSplit(correct, pairs(predicted.map((c) => c.length)), correct, goldPairs);
}

/** Clusters the labelled mentions and prints pairwise precision/recall, predicted and gold event counts. */
export async function runClustersSuite(): Promise<{ pairwise: { p: number; r: number; f1: number }; clusters: number; gold: number }> {
  const labelled = readLabelledMentions();
  const gold = new Map(labelled.map((m) => [m.id, m.gold]));
  const clusters = clusterEvents(labelled.map(fixtureMention), { kinds: defaultKindTree() });
  const pairwise = pairwiseScores(clusters.map((c) => c.mentionIds), gold);
  const result = { pairwise, clusters: clusters.length, gold: new Set(gold.values()).size };
  console.log(
    `clusters: ${labelled.length} mentions, ${result.gold} gold events → ${result.clusters} clusters; ` +
      `pairwise P ${pairwise.p.toFixed(3)} R ${pairwise.r.toFixed(3)} F1 ${pairwise.f1.toFixed(3)}`,
  );
  return result;
}
