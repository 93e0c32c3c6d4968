// npm run fuzz [runs]: the mutation property of test/fuzz.test.ts, many more times, random seed.
import fc from "fast-check";
import { fuzzRepo, mutationArbitrary } from "../test/fuzz-harness.js";

const runs = Number(process.argv[2] ?? 10_000);
const repo = await fuzzRepo();
const started = Date.now();
try {
  await fc.assert(
    fc.asyncProperty(mutationArbitrary, ([file, kind, a, b]) => repo.run(file, kind, a, b)),
    { numRuns: runs, verbose: true },
  );
  console.log(`${runs} mutated repositories linted without an uncaught error in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  repo.dispose();
}
