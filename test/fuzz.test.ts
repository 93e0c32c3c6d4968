import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createHclParser } from "../src/parse/hcl/parser.js";
import { fuzzRepo, mutationArbitrary, type FuzzRepo } from "./fuzz-harness.js";
import { checkVerdict, hostileShape, lintShape } from "./hostile-shapes.js";

// Bounded for npm test; `npm run fuzz` runs the same properties thousands of times.
describe("mutated repositories", () => {
  let repo: FuzzRepo;
  beforeAll(async () => {
    repo = await fuzzRepo();
  });
  afterAll(() => repo.dispose());

  it("never throw out of the engine, and never change findings in untouched files", async () => {
    await fc.assert(
      fc.asyncProperty(mutationArbitrary, ([file, kind, a, b]) => repo.run(file, kind, a, b)),
      { numRuns: 80, seed: 20261125 },
    );
  });
});

describe("hostile shapes", () => {
  it("end with a verdict (findings, or checks said to be incomplete), never a crash", async () => {
    const hcl = createHclParser();
    await fc.assert(
      fc.asyncProperty(hostileShape, async (shape) => checkVerdict(shape, (await lintShape(shape, hcl)).result)),
      { numRuns: 12, seed: 20261202 },
    );
  }, 120_000);
});
