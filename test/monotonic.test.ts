import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { monotonicRepo, siteArbitrary, type MonotonicRepo } from "./monotonic-harness.js";

// Bounded for npm test; `npm run fuzz` runs every site.
describe("unknown values", () => {
  let repo: MonotonicRepo;
  beforeAll(async () => {
    repo = await monotonicRepo();
  });
  afterAll(() => repo.dispose());

  it("replacing a sub-expression by an unknown only removes findings, never adds one", async () => {
    await fc.assert(
      fc.asyncProperty(siteArbitrary(repo.sites.length), (i) => repo.check(repo.sites[i])),
      { numRuns: 60, seed: 20261202 },
    );
  }, 120_000);
});
