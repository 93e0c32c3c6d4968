import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import { trustDocuments } from "../src/model/documents.js";
import { irsaStatements } from "../src/model/irsa.js";
import { STS_AUDIENCE, claimConditions, providerOf, statementAccepts, valuesText } from "../src/iam/trust.js";

export default defineRule<"missing" | "wrong", { audiences: string[] }>({
  id: "trust-audience-sts",
  severity: "error",
  description: "Web-identity trust statements must require aud = sts.amazonaws.com (or the ServiceAccount's audience)",
  tags: ["correctness", "security"],
  messages: {
    missing: "Trust statement {{owner}} has no {{provider}}:aud condition: only the OIDC provider's client ID list then limits which audiences' tokens it accepts",
    wrong: "Trust statement {{owner}} expects aud {{actual}}, but the pod's token carries \"{{expected}}\"",
  },
  docs: {
    rationale:
      "The pod identity webhook requests projected tokens for the audience `sts.amazonaws.com` (or the ServiceAccount's `eks.amazonaws.com/audience`). A trust statement that expects another audience never matches, so the pod cannot assume the role; one without an `aud` condition (a warning) leaves STS's check that the token's audience is one of the OIDC provider's client IDs as the only one, so a provider that lists another client ID lets tokens minted for it in; AWS's IRSA guidance and the terraform-aws-modules IRSA module both add the condition.",
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
  check(model, report, { audiences: extra }) {
    for (const { document, owner, role } of trustDocuments(model)) {
      const audiences = new Set([STS_AUDIENCE, ...extra]);
      for (const sa of role ? model.serviceAccountsOf(role) : []) {
        const custom = knownString(sa.audience);
        if (custom) audiences.add(custom);
      }
      for (const s of irsaStatements(model, document, role)) {
        const { conditions, undecidable } = claimConditions(s, "aud");
        if (conditions.length === 0) {
          // Point at the sub condition when there is one: the aud condition belongs beside it.
          const at = claimConditions(s, "sub").conditions[0]?.loc ?? s.loc;
          if (!undecidable)
            // Hardening, not a fault: STS still requires the token's aud to be one of the provider's client IDs.
            report("missing", at, { owner, provider: providerOf(s) }, { severity: "warning", fix: `Add a StringEquals condition on ${providerOf(s)}:aud with the value sts.amazonaws.com.` });
          continue;
        }
        if ([...audiences].some((a) => statementAccepts(s, "aud", a) !== "no")) continue;
        const expected = [...audiences].join('" or "');
        report("wrong", conditions[0].valuesLoc, { owner, actual: valuesText(conditions.flatMap((c) => c.values)), expected }, { fix: `Set the aud condition to ${expected}.` });
      }
    }
  },
});
