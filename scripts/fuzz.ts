// npm run fuzz [runs]: the properties of test/fuzz.test.ts, many more times, random seed.
// Mutations of the fixture repositories, then hostile shapes, each of which must also finish
// within the time and heap a CI runner can spare (SHAPE_MS, SHAPE_HEAP_MB).
import fc from "fast-check";
import { createHclParser } from "../src/parse/hcl/parser.js";
import { fuzzRepo, mutationArbitrary } from "../test/fuzz-harness.js";
import { checkVerdict, hostileShape, lintShape } from "../test/hostile-shapes.js";

const runs = Number(process.argv[2] ?? 10_000);
const SHAPE_MS = 5_000;
const SHAPE_HEAP_MB = 500;

const repo = await fuzzRepo();
let started = Date.now();
try {
  await fc.assert(
    fc.asyncProperty(mutationArbitrary, ([file, kind, a, b]) => repo.run(file, kind, a, b)),
    { numRuns: runs, verbose: true },
  );
  console.log(`${runs} mutated repositories linted without an uncaught error in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  repo.dispose();
}

const hcl = createHclParser();
const shapeRuns = Math.max(50, Math.round(runs / 20));
started = Date.now();
let slowest = 0;
await fc.assert(
  fc.asyncProperty(hostileShape, async (shape) => {
    const { result, ms, heapMb } = await lintShape(shape, hcl);
    checkVerdict(shape, result);
    slowest = Math.max(slowest, ms);
    if (ms > SHAPE_MS) throw new Error(`${JSON.stringify(shape).slice(0, 200)} took ${ms.toFixed(0)} ms`);
    if (heapMb > SHAPE_HEAP_MB) throw new Error(`${JSON.stringify(shape).slice(0, 200)} kept ${heapMb.toFixed(0)} MB of heap`);
  }),
  { numRuns: shapeRuns, verbose: true },
);
console.log(`${shapeRuns} hostile shapes linted within ${SHAPE_MS} ms and ${SHAPE_HEAP_MB} MB each (slowest ${slowest.toFixed(0)} ms) in ${((Date.now() - started) / 1000).toFixed(0)} s`);

// Every sub-expression of the Terraform fixtures replaced by an unknown, one at a time.
const { monotonicRepo } = await import("../test/monotonic-harness.js");
const mono = await monotonicRepo(hcl);
started = Date.now();
try {
  for (const site of mono.sites) await mono.check(site);
  console.log(`${mono.sites.length} sub-expressions replaced by an unknown: no finding added, in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  mono.dispose();
}

// Random trust policies, irsa-lint's evaluator against an IAM policy simulator.
const { disagreement, trustPolicy } = await import("../test/trust-oracle-harness.js");
const policies = runs * 2;
started = Date.now();
fc.assert(
  fc.property(trustPolicy, (policy) => {
    const problem = disagreement(policy);
    if (problem) throw new Error(problem);
  }),
  { numRuns: policies },
);
console.log(`${policies} random trust policies × 3 tokens: the evaluator agrees with the simulator, in ${((Date.now() - started) / 1000).toFixed(0)} s`);

// Every checked link of the fixtures (and of the repositories under IRSA_LINT_CORPUS, one folder
// each, when set): renaming its ServiceAccount is reported or unchecks the link.
const { checkedRepo } = await import("../test/checked-harness.js");
const { FIXTURES, fixtureNames } = await import("../test/helpers.js");
const { readdirSync } = await import("node:fs");
const { join } = await import("node:path");
const corpus = process.env.IRSA_LINT_CORPUS;
const folders = [
  ...fixtureNames().filter((n) => !n.startsWith("hostile")).map((n) => join(FIXTURES, n)),
  ...(corpus ? readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(corpus, d.name)) : []),
];
started = Date.now();
let checkedSites = 0;
let notMutable = 0;
for (const folder of folders) {
  const repo = await checkedRepo(folder, hcl);
  try {
    for (const site of repo.sites) await repo.check(site);
    checkedSites += repo.sites.length;
    notMutable += repo.skipped;
  } finally {
    repo.dispose();
  }
}
console.log(`${checkedSites} checked links renamed (${notMutable} not written as text), each reported or unchecked, in ${((Date.now() - started) / 1000).toFixed(0)} s`);
