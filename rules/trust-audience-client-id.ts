import { knownString, asItems } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import { irsaStatements } from "../src/model/irsa.js";
import { STS_AUDIENCE, providerOf } from "../src/iam/trust.js";

const tf = (clientId: string) =>
  `resource "aws_iam_openid_connect_provider" "eks" {\n  url             = "https://oidc.eks.us-east-1.amazonaws.com/id/ABC"\n  client_id_list  = ["${clientId}"]\n  thumbprint_list = ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"]\n}\n\nresource "aws_iam_role" "app" {\n  name = "app"\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Action    = "sts:AssumeRoleWithWebIdentity"\n      Principal = { Federated = aws_iam_openid_connect_provider.eks.arn }\n      Condition = { StringEquals = {\n        "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub" = "system:serviceaccount:payments:api"\n        "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud" = "sts.amazonaws.com"\n      } }\n    }]\n  })\n}\n`;

export default defineRule({
  id: "trust-audience-client-id",
  severity: "error",
  description: "The audience a trust expects must be one of the OIDC provider's client IDs",
  tags: ["correctness"],
  messages: {
    notListed: "OIDC provider {{provider}} lists client IDs {{clients}}, but pods using role {{role}} present tokens for aud {{aud}}: STS rejects them",
  },
  docs: {
    rationale:
      "STS accepts a web-identity token only when its audience is in the IAM OIDC provider's client ID list. The provider created for IRSA lists `sts.amazonaws.com`; a provider created with another client ID (copied from another identity provider's setup, or a typo) makes every AssumeRoleWithWebIdentity fail with InvalidIdentityToken, whatever the trust policy says.",
    fail: { files: { "terraform/iam.tf": tf("sts.amazon.com") } },
    pass: { files: { "terraform/iam.tf": tf("sts.amazonaws.com") } },
    fix: "Add sts.amazonaws.com (or the ServiceAccount's eks.amazonaws.com/audience) to the provider's client_id_list.",
  },
  check(model, report) {
    const providers = new Map<string, (typeof model.oidcProviders)[number]>();
    for (const p of model.oidcProviders) {
      const url = knownString(p.url);
      if (url && asItems(p.clientIds).every((v) => knownString(v) !== undefined)) providers.set(url.replace(/^https:\/\//, ""), p);
    }
    if (!providers.size) return;
    for (const role of model.reportedRoles) {
      // What matters is the audience the pods' tokens carry, not what the trust compares it with.
      const audiences = new Set([STS_AUDIENCE]);
      for (const sa of model.serviceAccountsOf(role)) if (knownString(sa.audience)) audiences.add(knownString(sa.audience)!);
      for (const s of irsaStatements(model, role.trust, role)) {
        const host = providerOf(s);
        const provider = providers.get(host);
        if (!provider) continue;
        const clients = asItems(provider.clientIds).map((v) => knownString(v)!);
        for (const aud of audiences) {
          if (clients.includes(aud)) continue;
          report("notListed", provider.clientIds.loc, { provider: host, clients: clients.map((c) => JSON.stringify(c)).join(", ") || "none", role: role.displayName, aud: JSON.stringify(aud) }, {
            related: [{ location: s.loc, message: `trust statement of role ${role.displayName}` }],
          });
        }
      }
    }
  },
});
