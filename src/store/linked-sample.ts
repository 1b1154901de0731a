// Store tests: the sample articles' events linked into clusters and threads, and two disputed events — written data
// (linked-sample.json, checked against the linker by test/linked-sample.test.ts), so the contract needs no linker.
import { readFileSync } from 'node:fs';
import type { Cluster, Thread } from '../types/index.js';

/** What the linker makes of the sample articles (each event a cluster of its own), and two disputed events. */
export interface LinkedSample {
  /** One cluster per sample event, in id order. */
  clusters: Cluster[];
  threads: Thread[];
  /** An event two outlets report and a third denies. */
  disputed: Cluster;
  /** An event only a denial reports. */
  denied: Cluster;
}

/** A fresh copy of the linked sample. */
export function linkedSample(): LinkedSample {
  return JSON.parse(readFileSync(new URL('./linked-sample.json', import.meta.url), 'utf8')) as LinkedSample;
}
