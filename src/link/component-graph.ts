// Link stage: reps and how they relate → components (union-find), edges from vaguer to more specific, and clusters.
//
// A *rep* stands for all mentions with identical features. Reps that are compatible and alike are joined for good into
// a *component*. A compatible pair where one is vaguer (no items, a broader code or kind, a coarser date) or that
// merely lies a few days apart is an *edge* from the vaguer component (both ways for near days). A component is
// *ambiguous* when two components it points to are unrelated to each other: it fits two different happenings. A
// cluster is a set of components joined by the edges of non-ambiguous components into non-ambiguous ones; an
// ambiguous component stays a cluster of its own. All of it is a function of the set of reps and their relations, so
// it does not depend on their order; each change re-settles only the clusters around the components it touched.
// Component roots are rep numbers, so per-component state lives in arrays indexed by rep.

/** A cluster id: `c-` + the smallest mention id of its members. */
function clusterId(minMention: string): string {
  return `c-${minMention}`;
}

/** Union-find over reps, the edge graph of components, and the clusters over it. */
export class ComponentGraph {
  private parent = new Int32Array(1024);
  private size = 0;
  private readonly compReps: Array<number[] | null> = [];
  private readonly compMin: string[] = [];
  /** Edges by component root: the components it is vaguer than, and those vaguer than it. Small arrays, no Sets. */
  private readonly out: Array<number[] | undefined> = [];
  private readonly inn: Array<number[] | undefined> = [];
  private ambiguous = new Uint8Array(1024);
  private readonly compCluster: Array<string | undefined> = [];
  private readonly clusterComps = new Map<string, number[]>();
  /** Scratch for `settle`: region membership by epoch, and a local union-find. */
  private mark = new Int32Array(1024);
  private local = new Int32Array(1024);
  private epoch = 0;
  private readonly region: number[] = [];
  private readonly affected: number[] = [];
  private readonly byRoot = new Map<number, number[]>();
  /** Cluster ids touched in the current batch → whether they existed before it (null: not tracking). */
  private touched: Map<string, boolean> | null = null;

  /** Starts recording which clusters change. */
  beginBatch(): void {
    this.touched = new Map();
  }

  /** Stops recording; returns the touched cluster ids and whether each existed before the batch. */
  endBatch(): Map<string, boolean> {
    const touched = this.touched ?? new Map<string, boolean>();
    this.touched = null;
    return touched;
  }

  /** A new rep (its number is returned) holding one mention; it is its own component until `connect`. */
  addRep(mentionId: string): number {
    const rep = this.size++;
    if (rep >= this.parent.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.parent = grow(this.parent, (n) => new Int32Array(n));
      this.ambiguous = grow(this.ambiguous, (n) => new Uint8Array(n));
      this.mark = grow(this.mark, (n) => new Int32Array(n));
      this.local = grow(this.local, (n) => new Int32Array(n));
    }
    this.parent[rep] = rep;
    this.compReps.push([rep]);
    this.compMin.push(mentionId);
    this.out.push(undefined);
    this.inn.push(undefined);
    this.compCluster.push(undefined);
    return rep;
  }

  /** The root (component) of a rep. */
  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      const p = parent[x] as number;
      parent[x] = parent[p] as number;
      x = p;
    }
    return x;
  }

  /** Cluster id of a rep's component. */
  clusterOf(rep: number): string | undefined {
    return this.compCluster[this.find(rep)];
  }

  /** Every cluster id, in no particular order. */
  clusterIds(): string[] {
    return [...this.clusterComps.keys()];
  }

  /** True when a cluster with this id exists now. */
  hasCluster(id: string): boolean {
    return this.clusterComps.has(id);
  }

  /** Number of clusters. */
  get clusterCount(): number {
    return this.clusterComps.size;
  }

  /** The reps of a cluster and whether it is ambiguous. */
  members(id: string): { reps: number[]; ambiguous: boolean } {
    const reps: number[] = [];
    let ambiguous = false;
    for (const comp of this.clusterComps.get(id) ?? []) {
      for (const rep of this.compReps[comp] ?? []) reps.push(rep);
      if (this.ambiguous[comp] === 1) ambiguous = true;
    }
    return { reps, ambiguous };
  }

  /**
   * The reps grouped by *island*: components joined by edges either way, i.e. reps related directly or through
   * others. Nothing outside an island bears on its clusters, so an island can be dropped or read back whole.
   */
  islands(): number[][] {
    const seen = new Uint8Array(this.size);
    const islands: number[][] = [];
    for (let rep = 0; rep < this.size; rep++) {
      const root = this.find(rep);
      if (seen[root] === 1) continue;
      islands.push(this.islandComponents(root, seen).flatMap((comp) => this.compReps[comp] ?? []));
    }
    return islands;
  }

  /** The ids of the clusters on a rep's island. */
  islandClusters(rep: number): string[] {
    const ids = new Set<string>();
    for (const comp of this.islandComponents(this.find(rep), new Uint8Array(this.size))) {
      const cluster = this.compCluster[comp];
      if (cluster !== undefined) ids.add(cluster);
    }
    return [...ids];
  }

  /** The reps on a rep's island. */
  islandReps(rep: number): number[] {
    return this.islandComponents(this.find(rep), new Uint8Array(this.size)).flatMap((comp) => this.compReps[comp] ?? []);
  }

  /** The component roots joined to `root` by edges either way, marking each in `seen`. */
  private islandComponents(root: number, seen: Uint8Array): number[] {
    const comps: number[] = [];
    const stack = [root];
    seen[root] = 1;
    while (stack.length > 0) {
      const comp = stack.pop() as number;
      comps.push(comp);
      for (const list of [this.out[comp], this.inn[comp]]) {
        for (const n of list ?? []) {
          if (seen[n] === 1) continue;
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
    return comps;
  }

  /** Another mention joined an existing rep: only its cluster's id may change. */
  grow(rep: number, mentionId: string): void {
    const comp = this.find(rep);
    if (mentionId < (this.compMin[comp] as string)) this.compMin[comp] = mentionId;
    const cluster = this.compCluster[comp];
    if (cluster === undefined) return;
    this.touch(cluster);
    const renamed = clusterId(mentionId);
    if (renamed >= cluster) return;
    const comps = this.clusterComps.get(cluster) as number[];
    this.clusterComps.delete(cluster);
    this.touch(renamed);
    this.clusterComps.set(renamed, comps);
    for (const c of comps) this.compCluster[c] = renamed;
  }

  /**
   * Links a new rep: `strong` are reps it is alike with, `vaguerThan` reps it points to, `vaguerOf` reps that point to
   * it (a rep near in date is in both). Then re-settles the clusters around it.
   */
  connect(rep: number, strong: number[], vaguerThan: number[], vaguerOf: number[]): void {
    const previous: string[] = [];
    let merged = 0;
    for (const other of strong) {
      const root = this.find(other);
      const mine = this.find(rep);
      if (root === mine) continue;
      const cluster = this.compCluster[root];
      if (cluster !== undefined) previous.push(cluster);
      this.compCluster[root] = undefined;
      this.union(root, mine);
      merged++;
    }
    let newEdges = false;
    for (const other of vaguerThan) newEdges = this.edge(this.find(rep), this.find(other)) || newEdges;
    for (const other of vaguerOf) newEdges = this.edge(this.find(other), this.find(rep)) || newEdges;
    const comp = this.find(rep);
    if (!newEdges && merged <= 1) {
      // Nothing changed between components: the rep only grows the cluster it joined, or starts its own.
      const cluster = previous[0] ?? clusterId(this.compMin[comp] as string);
      this.touch(cluster);
      this.compCluster[comp] = cluster;
      // A joined component keeps its root (ties go to the existing one), so its cluster's list is still right.
      if (!this.clusterComps.has(cluster)) this.clusterComps.set(cluster, [comp]);
      this.grow(rep, this.compMin[comp] as string);
      return;
    }
    const affected = this.affected;
    affected.length = 0;
    affected.push(comp);
    for (const n of this.inn[comp] ?? []) affected.push(n);
    this.settle(affected, previous);
  }

  private touch(id: string): void {
    if (this.touched !== null && !this.touched.has(id)) this.touched.set(id, this.clusterComps.has(id));
  }

  /** A directed edge between component roots; true when it is new. */
  private edge(from: number, to: number): boolean {
    if (from === to) return false;
    const list = this.out[from];
    const back = this.inn[to];
    // The lists mirror each other, so the shorter one answers (a year-dated component may point at thousands).
    if (list !== undefined && back !== undefined && (list.length <= back.length ? list.includes(to) : back.includes(from))) return false;
    if (list === undefined) this.out[from] = [to];
    else list.push(to);
    if (back === undefined) this.inn[to] = [from];
    else back.push(from);
    return true;
  }

  /** Removes `value` from an edge list (order does not matter). */
  private static drop(list: number[] | undefined, value: number): void {
    if (list === undefined) return;
    const i = list.indexOf(value);
    if (i < 0) return;
    list[i] = list[list.length - 1] as number;
    list.pop();
  }

  /** Joins two component roots (the larger absorbs the smaller; on a tie the first) and re-keys their edges. */
  private union(a: number, b: number): number {
    const aReps = this.compReps[a] as number[];
    const bReps = this.compReps[b] as number[];
    const [big, small] = bReps.length > aReps.length ? [b, a] : [a, b];
    const bigReps = this.compReps[big] as number[];
    for (const rep of this.compReps[small] as number[]) bigReps.push(rep);
    this.compReps[small] = null;
    this.parent[small] = big;
    if ((this.compMin[small] as string) < (this.compMin[big] as string)) this.compMin[big] = this.compMin[small] as string;
    for (const n of this.out[small] ?? []) {
      ComponentGraph.drop(this.inn[n], small);
      this.edge(big, n);
    }
    for (const n of this.inn[small] ?? []) {
      ComponentGraph.drop(this.out[n], small);
      this.edge(n, big);
    }
    this.out[small] = undefined;
    this.inn[small] = undefined;
    this.ambiguous[small] = 0;
    return big;
  }

  /** Two components `c` points to are unrelated: `c` fits two different happenings. */
  private isAmbiguous(c: number): boolean {
    const targets = this.out[c];
    if (targets === undefined || targets.length < 2) return false;
    for (let i = 0; i < targets.length; i++) {
      const a = targets[i] as number;
      const aOut = this.out[a];
      for (let j = i + 1; j < targets.length; j++) {
        const b = targets[j] as number;
        if (aOut?.includes(b) !== true && this.out[b]?.includes(a) !== true) return true;
      }
    }
    return false;
  }

  /** Puts a component in the region being settled (once per epoch). */
  private enter(c: number, epoch: number): void {
    if (this.mark[c] === epoch) return;
    this.mark[c] = epoch;
    this.local[c] = c;
    this.region.push(c);
  }

  private lf(x: number): number {
    const local = this.local;
    while (local[x] !== x) {
      const p = local[x] as number;
      local[x] = local[p] as number;
      x = p;
    }
    return x;
  }

  /**
   * Re-settles after the components in `affected` (the new rep's component and those pointing to it) changed: their
   * ambiguity is re-read, and the clusters holding any end of an edge whose use may have changed are rebuilt.
   */
  private settle(affected: number[], previous: string[]): void {
    for (const c of affected) this.ambiguous[c] = this.isAmbiguous(c) ? 1 : 0;
    const epoch = ++this.epoch;
    const mark = this.mark;
    const region = this.region;
    region.length = 0;
    for (const c of affected) {
      this.enter(c, epoch);
      for (const n of this.out[c] ?? []) this.enter(n, epoch);
      for (const n of this.inn[c] ?? []) this.enter(n, epoch);
    }
    const old = previous;
    for (let i = 0, n = region.length; i < n; i++) {
      const cluster = this.compCluster[region[i] as number];
      if (cluster !== undefined && !old.includes(cluster)) old.push(cluster);
    }
    for (const cluster of old) {
      for (const c of this.clusterComps.get(cluster) ?? []) this.enter(this.find(c), epoch);
      this.touch(cluster);
      this.clusterComps.delete(cluster);
    }
    for (const c of region) {
      if (this.ambiguous[c] === 1) continue;
      for (const t of this.out[c] ?? []) {
        // An edge leaving the region is unused: its use did not change (neither end is affected), and a used edge
        // would have put both ends in one of the old clusters the region holds whole.
        if (mark[t] !== epoch || this.ambiguous[t] === 1) continue;
        const a = this.lf(c);
        const b = this.lf(t);
        if (a !== b) this.local[a] = b;
      }
    }
    const byRoot = this.byRoot;
    byRoot.clear();
    for (const c of region) {
      const r = this.lf(c);
      const list = byRoot.get(r);
      if (list === undefined) byRoot.set(r, [c]);
      else list.push(c);
    }
    for (const comps of byRoot.values()) {
      let min = this.compMin[comps[0] as number] as string;
      for (const c of comps) if ((this.compMin[c] as string) < min) min = this.compMin[c] as string;
      const cluster = clusterId(min);
      this.touch(cluster);
      this.clusterComps.set(cluster, comps);
      for (const c of comps) this.compCluster[c] = cluster;
    }
  }
}
