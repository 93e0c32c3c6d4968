import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { admitsEveryRevision, refusesNamespace } from "../src/iam/questions.js";
import { ISSUER, PROVIDER, readTrust, simulate } from "./trust-oracle-harness.js";

/**
 * Crossplane names a provider's ServiceAccount `<provider>-<12 hex digits>`. The two answers the
 * trust rules give about every such name, against the IAM policy simulator: "admits every
 * revision" must hold for each hash, "refuses them all" must hold for none.
 */
const NS = "crossplane-system";
const PREFIX = "provider-aws-";
const sa = (name: string) => `system:serviceaccount:${NS}:${name}`;
const SUBS = [
  sa("provider-aws-*"),
  sa("provider-*"),
  sa("*"),
  sa("provider-aws-s3-*"),
  sa("provider-aws-0123456789ab"),
  sa("provider-aws-????????????"),
  sa("provider-aws-*-x"),
  sa("upbound-*"),
  sa("provider-aws"),
  "system:serviceaccount:other:provider-aws-*",
  "system:serviceaccount:*:provider-aws-*",
];
const statement = fc.record({
  operator: fc.constantFrom("StringLike", "StringEquals"),
  subs: fc.subarray(SUBS, { minLength: 1, maxLength: 2 }),
});
const policyOf = (statements: Array<{ operator: string; subs: string[] }>) => ({
  Version: "2012-10-17",
  Statement: statements.map((s) => ({
    Effect: "Allow",
    Principal: { Federated: PROVIDER },
    Action: "sts:AssumeRoleWithWebIdentity",
    Condition: { [s.operator]: { [`${ISSUER}:sub`]: s.subs }, StringEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com" } },
  })),
});
const hash = fc.stringMatching(/^[0-9a-f]{12}$/);

describe("Crossplane revision names against the IAM policy simulator", () => {
  it("admits every revision only when each hash is admitted, refuses them all only when none is", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 2 }), fc.array(hash, { minLength: 3, maxLength: 6 }), (statements, hashes) => {
        const policy = policyOf(statements);
        const { doc, allows } = readTrust(policy);
        const every = admitsEveryRevision(doc, allows, NS, PREFIX, "sts.amazonaws.com");
        const none = refusesNamespace(doc, NS, PREFIX);
        expect(every && none).toBe(false);
        const answers = hashes.map((h) => simulate(policy, { sub: sa(`${PREFIX}${h}`), aud: "sts.amazonaws.com" }));
        if (every) expect(answers.every(Boolean)).toBe(true);
        if (none) expect(answers.some(Boolean)).toBe(false);
        seen.add(every ? "every" : none ? "none" : "neither");
      }),
      { numRuns: 150 },
    );
    expect([...seen].sort()).toEqual(["every", "neither", "none"]);
  });
});
