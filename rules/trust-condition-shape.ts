import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import { trustDocuments } from "../src/model/documents.js";
import { irsaStatements } from "../src/model/irsa.js";

const trust = (operator: string, sub: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC" },\n    "Action": "sts:AssumeRoleWithWebIdentity",\n    "Condition": { "${operator}": {\n      "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "${sub}",\n      "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com"\n    } }\n  }]\n}\n`;

export default defineRule({
  id: "trust-condition-shape",
  severity: "error",
  description: "Trust conditions must be able to match, and match only what they say",
  tags: ["security", "correctness"],
  messages: {
    equalsWildcard: "Trust statement {{owner}} compares sub with StringEquals against \"{{value}}\": StringEquals does not expand *, so it never matches",
    setOperator: "Trust statement {{owner}} uses {{operator}} on {{key}}, a single-valued claim: use StringEquals",
    httpsKey: "Trust statement {{owner}} keys a condition on \"{{key}}\": condition keys name the provider without https://, so it never matches",
    anyPrincipal: "Trust statement {{owner}} trusts Principal \"*\" or uses NotPrincipal: anyone who can present the conditions may assume the role",
  },
  docs: {
    rationale:
      "Some condition shapes look right and silently do something else: `StringEquals` treats `*` literally, so `system:serviceaccount:ns:*` never matches and the pod gets AccessDenied; `ForAnyValue:`/`ForAllValues:` on the single-valued `sub` and `aud` claims change the logic (`ForAllValues` is true when the claim is absent); a key written `https://oidc.eks…:sub` never matches because IAM keys drop the scheme; and `Principal: \"*\"` or `NotPrincipal` in a trust policy opens the role to principals outside the cluster.",
    fail: { files: { "iam/trust.json": trust("StringEquals", "system:serviceaccount:payments:*") } },
    pass: { files: { "iam/trust.json": trust("StringEquals", "system:serviceaccount:payments:payments-api") } },
    fix: "Use StringEquals with exact values (or StringLike for a deliberate pattern), keys without https://, and the cluster's OIDC provider as the only principal.",
  },
  check(model, report) {
    for (const { document, owner, role } of trustDocuments(model)) {
      for (const s of document.statements) {
        if (knownString(s.effect) === "Deny" || !s.complete) continue;
        const star = s.principals.find((p) => p.type === "*" || knownString(p.value) === "*");
        if (star || s.notPrincipals.length) report("anyPrincipal", (star?.value ?? s.notPrincipals[0].value).loc, { owner });
      }
      for (const s of irsaStatements(model, document, role)) {
        for (const c of s.conditions) {
          const key = knownString(c.key);
          const operator = knownString(c.operator) ?? "";
          const claim = key ? /:(sub|aud)$/.exec(key)?.[1] : undefined;
          if (key?.startsWith("https://")) report("httpsKey", c.loc, { owner, key });
          if (claim && /^For(Any|All)Values:/.test(operator)) report("setOperator", c.loc, { owner, operator, key: key! });
          if (claim === "sub" && /^StringEquals/.test(operator))
            for (const v of c.values) {
              const text = knownString(v);
              if (text?.includes("*")) report("equalsWildcard", v.loc, { owner, value: text });
            }
        }
      }
    }
  },
});
