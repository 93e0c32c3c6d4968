import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rules } from "../rules/index.js";
import { emptyDeclarations } from "../src/core/declarations.js";
import { runRules } from "../src/engine/run-rules.js";
import { link } from "../src/model/link.js";
import { parseJsonWithPositions } from "../src/parse/iam-json.js";
import { PROBE_AUDIENCE } from "../src/iam/questions.js";
import { ISSUER, PROVIDER, simulate } from "./trust-oracle-harness.js";

/** The findings of one rule on a standalone trust document, as the engine runs it. */
function findings(policy: object, ruleId: string) {
  const parsed = parseJsonWithPositions("trust.json", JSON.stringify(policy, null, 2));
  const decls = emptyDeclarations();
  decls.documents.push({ document: parsed.value!, loc: parsed.value!.loc });
  return runRules(link(decls), rules.filter((r) => r.id === ruleId), {}).findings;
}

const SA = { sub: "system:serviceaccount:team-a:api", aud: "sts.amazonaws.com" };
/** The audience nobody chose that trust-audience-sts asks about: a token minted for another client. */
const FOREIGN = { sub: SA.sub, aud: PROBE_AUDIENCE };
const caseOf = (text: string) => fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((up) => [...text].map((c, i) => (up[i] ? c.toUpperCase() : c.toLowerCase())).join(""));

describe("trust rules against the IAM policy simulator", () => {
  it("condition keys of the provider in any case are that provider's keys: no mismatch where IAM admits the token", () => {
    fc.assert(
      fc.property(caseOf(ISSUER), caseOf(ISSUER), (subKey, audKey) => {
        const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Federated: PROVIDER }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringEquals: { [`${subKey}:sub`]: SA.sub, [`${audKey}:aud`]: SA.aud } } }] };
        expect(simulate(policy, SA)).toBe(true);
        expect(findings(policy, "trust-provider-mismatch").filter((f) => f.messageId === "mismatch")).toEqual([]);
      }),
      { numRuns: 60, seed: 20261207 },
    );
  });

  it("an aud a Deny enforces is no missing aud; one no statement enforces is, exactly when IAM admits a foreign audience", () => {
    const deny = fc.constantFrom(undefined, { StringNotEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com" } }, { StringNotLike: { [`${ISSUER}:aud`]: "sts.*" } }, { StringNotEquals: { [`${ISSUER}:aud`]: ["sts.amazonaws.com", "other.example.com"] } });
    fc.assert(
      fc.property(deny, (condition) => {
        const statements: object[] = [{ Effect: "Allow", Principal: { Federated: PROVIDER }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringEquals: { [`${ISSUER}:sub`]: SA.sub } } }];
        if (condition) statements.push({ Effect: "Deny", Principal: { Federated: PROVIDER }, Action: "sts:AssumeRoleWithWebIdentity", Condition: condition });
        const policy = { Version: "2012-10-17", Statement: statements };
        const missing = findings(policy, "trust-audience-sts").some((f) => f.messageId === "missing");
        expect(missing).toBe(simulate(policy, FOREIGN));
      }),
      { numRuns: 20, seed: 20261207 },
    );
  });

  it("a statement trusting the provider for sts:AssumeRole admits no pod, and is reported at its Action, once", () => {
    fc.assert(
      fc.property(fc.constantFrom("sts:AssumeRole", ["sts:AssumeRole", "sts:TagSession"], "sts:AssumeRoleWithSAML"), (action) => {
        const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Federated: PROVIDER }, Action: action, Condition: { StringEquals: { [`${ISSUER}:sub`]: SA.sub, [`${ISSUER}:aud`]: SA.aud } } }] };
        expect(simulate(policy, SA)).toBe(false);
        const reported = findings(policy, "trust-action-web-identity");
        expect(reported.map((f) => f.messageId)).toEqual(["notWebIdentity"]);
        // At the first action, where the fix is made.
        const first = Array.isArray(action) ? action[0] : action;
        expect(reported[0].location.line).toBe(JSON.stringify(policy, null, 2).split("\n").findIndex((l) => l.includes(`"${first}"`)) + 1);
      }),
      { numRuns: 10, seed: 20261207 },
    );
  });
});
