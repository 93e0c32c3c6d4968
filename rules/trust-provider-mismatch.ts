import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import { providerOf } from "../src/iam/trust.js";
import { trustDocuments } from "../src/model/documents.js";
import { irsaStatements } from "../src/model/irsa.js";

const trust = (keyProvider: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC" },\n    "Action": "sts:AssumeRoleWithWebIdentity",\n    "Condition": { "StringEquals": {\n      "${keyProvider}:sub": "system:serviceaccount:payments:payments-api",\n      "${keyProvider}:aud": "sts.amazonaws.com"\n    } }\n  }]\n}\n`;

export default defineRule({
  id: "trust-provider-mismatch",
  severity: "error",
  description: "Condition keys must name the same OIDC provider as the statement's Federated principal",
  tags: ["correctness"],
  messages: {
    mismatch: "Trust statement {{owner}} trusts provider {{principal}} but conditions on {{key}}: keys of another provider never match, so no pod can assume the role",
    notScanned: "Trust statement {{owner}} trusts OIDC provider {{principal}}, which is not among the providers this repository declares ({{providers}})",
  },
  docs: {
    rationale:
      "IAM evaluates `<provider>:sub` only for tokens of that provider. When a trust policy is copied between clusters and only the principal (or only the keys) is updated, the keys name a provider whose tokens never reach this statement: every AssumeRoleWithWebIdentity fails with AccessDenied. When the scan declares the cluster's OIDC providers, a trust naming another provider is reported too (a warning: the role may serve a cluster managed elsewhere).",
    fail: { files: { "iam/trust.json": trust("oidc.eks.us-west-2.amazonaws.com/id/XYZ") } },
    pass: { files: { "iam/trust.json": trust("oidc.eks.us-east-1.amazonaws.com/id/ABC") } },
    fix: "Use the host of the Federated principal's OIDC provider (without https://) in every condition key.",
  },
  check(model, report) {
    // Known only when the scan declares the cluster's providers (aws_iam_openid_connect_provider).
    const declared = model.oidcProviders.map((p) => knownString(p.url)?.replace(/^https:\/\//, "")).filter((u): u is string => !!u);
    for (const { document, owner, role } of trustDocuments(model)) {
      for (const s of irsaStatements(model, document, role)) {
        const principal = providerOf(s);
        if (principal === "<provider>") continue;
        if (declared.length && !declared.some((d) => d.toLowerCase() === principal.toLowerCase()))
          report("notScanned", s.principals.find((p) => p.type === "Federated")!.value.loc, { owner, principal, providers: declared.join(", ") }, {
            severity: "warning",
            fix: "Trust the cluster's provider (aws_iam_openid_connect_provider.<name>.arn), or scan the repository that declares this one.",
          });
        for (const c of s.conditions) {
          const key = knownString(c.key);
          const m = key && /^(.*):(sub|aud|amr)$/.exec(key);
          // Condition keys are case-insensitive in IAM, the provider part included.
          if (!m || m[1].startsWith("https://") || m[1].toLowerCase() === principal.toLowerCase()) continue;
          report("mismatch", c.loc, { owner, principal, key: key! }, { fix: `Change the key to ${principal}:${m[2]}.` });
        }
      }
    }
  },
});
