// Architecture: the imports of src/ and ui/ → the rule that data flows one way. A stage imports only from stages to
// its left, the UI only the API's answer types, and shared data is found by one module (eval/shared-data.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { PROJECT_ROOT } from '../eval/shared-data.js';

/**
 * The stages of src/, left to right (docs/architecture.md). Folders on one rank do not import each other. `details`
 * sits left of `coder`: the coder adds items, quantities, terms and places to each event with it (add-details.ts),
 * and linking compares items with its equipment tree. `link` and `store` share a rank: linking computes events and
 * threads, the store keeps them (their nouns are in `types`), and what links stored reports is decided above both,
 * in `pipeline`. `corrections` sits right of `link`, `store` and `export`: it wraps a store so that every read shows
 * the analysts' corrections, re-summarising events and rebuilding threads with the linker's functions, and the API and
 * the CLI read through it. `queue` sits left of `pipeline`, which reads the queue; `api` left of `cli`, whose `dyad serve`
 * starts the server.
 */
const STAGES: readonly (readonly string[])[] = [
  ['types'], ['ingest'], ['nlp'], ['parse', 'lexicon'], ['details'], ['coder'], ['link', 'store'], ['export'], ['corrections'], ['queue'],
  ['pipeline'], ['api'], ['cli'],
];

/** The library's front door (`src/index.ts`) re-exports from any stage: it sits right of them all. */
const FRONT_DOOR = 'src/index.ts';

/** Test code: tests, their fixtures, shared contract suites and harnesses. */
const TEST_CODE = /(\.test|-fixtures|-contract|-harness)\.ts$/;

/**
 * Written fixtures (`*-fixtures.ts`: sample articles and events as data) may be read by the tests of any stage:
 * a link test may take the store's sample events. What a test may not import from a stage to its right is that
 * stage's logic.
 */
const FIXTURE = /-fixtures\.ts$/;

/** Outside src/, test code may read the cross-cutting fixtures and the one module that finds shared data. */
const TEST_CODE_MAY_READ = [/^test\/fixtures\//, /^eval\/shared-data\.ts$/];

/** What the UI may import from outside ui/: the API's answer types, as types only. */
const UI_MAY_READ = 'src/types/api.ts';

interface Import { from: string; to: string; typeOnly: boolean }

const rel = (path: string): string => relative(PROJECT_ROOT, path).split(sep).join('/');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(path);
    return /\.(ts|mts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The relative imports of one file (static, re-exports, dynamic and `import('…')` types), resolved to project paths. */
function importsOf(path: string): Import[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: Import[] = [];
  const add = (specifier: ts.Node | undefined, typeOnly: boolean): void => {
    if (specifier === undefined || !ts.isStringLiteralLike(specifier) || !specifier.text.startsWith('.')) return;
    const target = resolve(dirname(path), specifier.text).replace(/\.js$/, '.ts');
    found.push({ from: rel(path), to: rel(target), typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, node.importClause?.isTypeOnly === true);
    else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, true);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], false);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** `src/<stage>/…` → the stage's rank, or null for a file outside src/ (or src/index.ts). */
function rankOf(path: string): { stage: string; rank: number } | null {
  const match = /^src\/([^/]+)\//.exec(path);
  if (match === null) return null;
  const stage = match[1]!;
  const rank = STAGES.findIndex((names) => names.includes(stage));
  return { stage, rank };
}

/** The imports of src/ that break the rule, as `from → to: why`. */
function stageViolations(imports: readonly Import[]): string[] {
  const out: string[] = [];
  for (const { from, to } of imports) {
    if (from === FRONT_DOOR) continue;
    const a = rankOf(from);
    const b = rankOf(to);
    if (a === null) continue;
    if (b === null) {
      if (to.startsWith('src/')) continue; // src/index.ts is never imported from inside
      if (!TEST_CODE.test(from)) out.push(`${from} → ${to}: library code imports nothing outside src/`);
      else if (!TEST_CODE_MAY_READ.some((allowed) => allowed.test(to))) out.push(`${from} → ${to}: tests read only test/fixtures/ and eval/shared-data.ts outside src/`);
      continue;
    }
    if (a.stage === b.stage || a.rank > b.rank) continue;
    if (TEST_CODE.test(from) && FIXTURE.test(to)) continue;
    out.push(`${from} → ${to}: ${a.stage} may not import ${b.stage}, ${a.rank === b.rank ? 'a stage on its own rank' : 'a stage to its right'}`);
  }
  return out;
}

const srcImports = sourceFiles(join(PROJECT_ROOT, 'src')).flatMap(importsOf);

test('every folder of src/ has its place in the order of stages', () => {
  const folders = readdirSync(join(PROJECT_ROOT, 'src')).filter((name) => statSync(join(PROJECT_ROOT, 'src', name)).isDirectory());
  assert.deepEqual(folders.filter((name) => !STAGES.some((names) => names.includes(name))), [], 'add new folders to STAGES and to docs/architecture.md');
});

test('a stage of src/ imports only from stages to its left', () => {
  const across = srcImports.filter(({ from, to }) => rankOf(from)?.stage !== rankOf(to)?.stage);
  assert.ok(across.length > 100, `the imports were read: ${across.length} across stages`);
  assert.ok(across.some(({ from, to }) => from.startsWith('src/coder/') && to.startsWith('src/nlp/')), 'the coder reads the nlp stage');
  assert.deepEqual(stageViolations(srcImports), []);
});

test('the rule catches an import against the flow', () => {
  const made = (from: string, to: string): Import => ({ from, to, typeOnly: false });
  assert.deepEqual(stageViolations([
    made('src/store/x.ts', 'src/link/y.ts'), made('src/api/x.ts', 'src/cli/y.ts'), made('src/parse/x.ts', 'src/lexicon/y.ts'),
    made('src/coder/x.ts', '../shared/data/z.ts'), made('src/coder/x.test.ts', 'bench/corpus.ts'),
  ]).length, 5);
  assert.deepEqual(stageViolations([
    made('src/cli/x.ts', 'src/api/y.ts'), made('src/coder/x.ts', 'src/details/y.ts'), made('src/link/x.test.ts', 'src/store/store-fixtures.ts'),
    made('src/pipeline/x.test.ts', 'test/fixtures/stories.ts'), made('src/index.ts', 'src/cli/main.ts'),
  ]), []);
});

test('the UI imports from outside ui/ only the API\'s answer types, as types', () => {
  const imports = sourceFiles(join(PROJECT_ROOT, 'ui')).flatMap(importsOf);
  const outside = imports.filter(({ to }) => !to.startsWith('ui/'));
  assert.ok(outside.length > 0, 'ui/src/api.ts reads the answer types');
  assert.deepEqual(outside.filter(({ to, typeOnly }) => to !== UI_MAY_READ || !typeOnly).map(({ from, to }) => `${from} → ${to}`), []);
});

test('shared data is found by eval/shared-data.ts alone, and no path names one machine', () => {
  const found: string[] = [];
  for (const folder of ['src', 'test', 'bench', 'eval', 'scripts', 'ui']) {
    for (const path of sourceFiles(join(PROJECT_ROOT, folder))) {
      // the one module, and this test, whose own cases name such paths
      if (rel(path) === 'eval/shared-data.ts' || rel(path) === 'test/architecture.test.ts') continue;
      const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
      const strings: string[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isStringLiteralLike(node)) strings.push(node.text);
        ts.forEachChild(node, visit);
      };
      visit(file);
      strings.forEach((text, i) => {
        if (/shared\/data|^\/(work|home|Users)\//.test(text) || (text === 'shared' && strings[i + 1] === 'data')) found.push(`${rel(path)}: "${text}"`);
      });
    }
  }
  assert.deepEqual(found, [], 'use sharedData() of eval/shared-data.ts');
});
