import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TOKENS, disagreement, evaluate, trustPolicy } from "./trust-oracle-harness.js";

// Bounded for npm test; `npm run fuzz` runs many more with a random seed.
describe("trust evaluator against an IAM policy simulator", () => {
  it("answers as the simulator does for the ServiceAccount's token, a foreign namespace's and a foreign audience's", () => {
    fc.assert(
      fc.property(trustPolicy, (policy) => {
        const problem = disagreement(policy);
        if (problem) throw new Error(problem);
      }),
      { numRuns: 400, seed: 20261202 },
    );
  }, 120_000);

  it("decides most generated cases (the comparison is not vacuous)", () => {
    const answers = fc.sample(trustPolicy, { numRuns: 200, seed: 7 }).flatMap((p) => TOKENS.map((t) => evaluate(p, t)));
    const count = (a: string) => answers.filter((x) => x === a).length;
    expect(count("yes")).toBeGreaterThan(answers.length / 10);
    expect(count("no")).toBeGreaterThan(answers.length / 10);
    expect(count("maybe")).toBeLessThan(answers.length / 3);
  });
});
