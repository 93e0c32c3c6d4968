import { defineRule } from "../src/engine/rule.js";
import { claimConditions, providerOf } from "../src/iam/trust.js";
import { trustDocuments } from "../src/model/documents.js";
import { irsaStatements } from "../src/model/irsa.js";

const trust = (condition: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC" },\n    "Action": "sts:AssumeRoleWithWebIdentity",\n    "Condition": { "StringEquals": {\n${condition}      "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com"\n    } }\n  }]\n}\n`;

export default defineRule({
  id: "trust-subject-missing",
  severity: "error",
  description: "Web-identity trust statements must restrict the token's sub to ServiceAccounts",
  tags: ["security", "CWE-285"],
  messages: {
    missing: "Trust statement {{owner}} has no {{provider}}:sub condition: every pod of every namespace in the cluster can assume the role",
  },
  docs: {
    rationale:
      "Without a `sub` condition, the trust policy accepts any token the cluster's OIDC provider signs, so any pod in any namespace (including ones an attacker can create) can call AssumeRoleWithWebIdentity and get the role's permissions. The `aud` condition does not help: every IRSA token carries `sts.amazonaws.com`.",
    fail: { files: { "iam/trust.json": trust("") } },
    pass: { files: { "iam/trust.json": trust('      "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:payments:payments-api",\n') } },
    fix: "Add a StringEquals condition on <provider>:sub with the value system:serviceaccount:<namespace>:<serviceaccount>.",
  },
  check(model, report) {
    for (const { document, owner, role } of trustDocuments(model)) {
      for (const s of irsaStatements(model, document, role)) {
        const { conditions, undecidable } = claimConditions(s, "sub");
        if (conditions.length || undecidable) continue;
        report("missing", s.loc, { owner, provider: providerOf(s) }, { fix: `Add "${providerOf(s)}:sub": "system:serviceaccount:<namespace>:<name>" under StringEquals.` });
      }
    }
  },
});
