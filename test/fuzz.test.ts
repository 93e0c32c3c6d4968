import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { fuzzRepo, mutationArbitrary, type FuzzRepo } from "./fuzz-harness.js";

// Bounded for npm test; `npm run fuzz` runs the same property 10,000 times.
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
