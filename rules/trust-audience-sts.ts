import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import { trustDocuments } from "../src/model/documents.js";
import { irsaStatements } from "../src/model/irsa.js";
import { WEB_IDENTITY_ACTION, STS_AUDIENCE, describeClaim, providerOf, subject } from "../src/iam/trust.js";
import { allTri } from "../src/core/match.js";
import { claimOf, conditionHolds, conditionsOn } from "../src/iam/evaluate.js";
import { PROBE_AUDIENCE, PROBE_SUBJECT, patternInstances, subValues, witness } from "../src/iam/questions.js";
import { unknownReason } from "../src/iam/alternatives.js";

export default defineRule<"missing" | "wrong" | "anyAudience", { audiences: string[] }>({
  id: "trust-audience-sts",
  severity: "error",
  description: "Web-identity trust statements must require aud = sts.amazonaws.com (or the ServiceAccount's audience)",
  tags: ["correctness", "security"],
  messages: {
    missing: "Trust statement {{owner}} has no {{provider}}:aud condition: only the OIDC provider's client ID list then limits which audiences' tokens it accepts",
    wrong: "Trust statement {{owner}} expects {{actual}}, but the pod's token carries \"{{expected}}\"",
    anyAudience: "Trust statement {{owner}} admits {{actual}}: a token minted for another audience (\"{{probe}}\") passes it too, so only the OIDC provider's client ID list limits audiences",
  },
  docs: {
    rationale:
      "The pod identity webhook requests projected tokens for the audience `sts.amazonaws.com` (or the ServiceAccount's `eks.amazonaws.com/audience`). A trust statement that expects another audience never matches, so the pod cannot assume the role; one without an `aud` condition (a warning) leaves STS's check that the token's audience is one of the OIDC provider's client IDs as the only one, so a provider that lists another client ID lets tokens minted for it in; AWS's IRSA guidance and the terraform-aws-modules IRSA module both add the condition. An aud condition that admits any audience (`StringLike` with `*`, `StringNotEquals`) is the same as none, and is reported the same way.",
    fail: {
      files: {
        "iam/trust.json": '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC" },\n    "Action": "sts:AssumeRoleWithWebIdentity",\n    "Condition": { "StringEquals": {\n      "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:team-payments:payments-api",\n      "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud": "sts.amazon.com"\n    } }\n  }]\n}\n',
      },
    },
    pass: {
      files: {
        "iam/trust.json": '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC" },\n    "Action": "sts:AssumeRoleWithWebIdentity",\n    "Condition": { "StringEquals": {\n      "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:team-payments:payments-api",\n      "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com"\n    } }\n  }]\n}\n',
      },
    },
    fix: "Add (or correct) the condition `\"<provider>:aud\": \"sts.amazonaws.com\"` next to the `:sub` condition.",
  },
  options: {
    properties: {
      audiences: { type: "array", items: { type: "string" }, description: "Audiences accepted besides sts.amazonaws.com" },
    },
    defaults: { audiences: [] },
  },
  check(model, report, { audiences: extra }, unchecked) {
    for (const { document, owner, label, role } of trustDocuments(model)) {
      const statements = irsaStatements(model, document, role);
      if (statements.length === 0) continue;
      const accounts = role ? model.serviceAccountsOf(role) : [];
      const audiences = new Set([STS_AUDIENCE, ...extra]);
      for (const sa of accounts) {
        const custom = knownString(sa.audience);
        if (custom) audiences.add(custom);
      }
      // Tokens to look for a witness among; most trusts never need them.
      const subjects = () => [
        ...accounts.filter((sa) => sa.namespaceKnown !== false && sa.nameKnown !== false).map((sa) => subject(sa.namespace, sa.name)),
        ...subValues(statements).flatMap(patternInstances),
        PROBE_SUBJECT,
      ];
      for (const s of statements) {
        const conditions = conditionsOn(s, "aud");
        const fix = () => ({ fix: `Add a StringEquals condition on ${providerOf(s)}:aud with the value sts.amazonaws.com.` });
        if (conditions.length === 0) {
          // Point at the sub condition when there is one: the aud condition belongs beside it.
          const at = conditionsOn(s, "sub")[0]?.loc ?? s.loc;
          const undecidable = !s.complete || s.conditions.some((c) => claimOf(c.key) === undefined);
          if (undecidable) {
            unchecked(at, `whether a statement of ${label} requires an aud`, "part of its conditions is not known");
            continue;
          }
          // A Deny elsewhere may enforce the audience: only a token of another audience the document admits shows it is not.
          if (!witness(document, [s], subjects(), [PROBE_AUDIENCE])) continue;
          // Hardening, not a fault: STS still requires the token's aud to be one of the provider's client IDs.
          report("missing", at, { owner, provider: providerOf(s) }, { ...fix(), severity: "warning" });
          continue;
        }
        // The aud conditions alone decide whether a token of this audience can pass the statement.
        const passes = (aud: string) => allTri(conditions.map((c) => conditionHolds(c, { action: WEB_IDENTITY_ACTION, aud })));
        const verdicts = [...audiences].map(passes);
        if (verdicts.every((v) => v !== "yes") && verdicts.some((v) => v === "maybe")) {
          const open = conditions.flatMap((c) => c.values).find((v) => knownString(v) === undefined);
          unchecked(open?.loc ?? conditions[0].valuesLoc, `the aud condition of ${label}`, open ? unknownReason(open) : "its operator or key is not known");
        } else if (verdicts.every((v) => v === "no")) {
          const expected = [...audiences].join('" or "');
          report("wrong", conditions[0].valuesLoc, { owner, actual: describeClaim(conditions, "aud"), expected }, { fix: `Set the aud condition to ${expected}.` });
        } else if (passes(PROBE_AUDIENCE) !== "no" && witness(document, [s], subjects(), [PROBE_AUDIENCE])) {
          // (Aud conditions that refuse the probe audience refuse it whatever the subject: no witness to look for.)
          report("anyAudience", conditions[0].valuesLoc, { owner, actual: describeClaim(conditions, "aud"), probe: PROBE_AUDIENCE }, { ...fix(), severity: "warning" });
        }
      }
    }
  },
});
