import { parseArnValue, hasHole } from "../src/core/arn.js";
import { asItems, knownString, type Value } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import { irsaStatements } from "../src/model/irsa.js";
import type { Role } from "../src/model/model.js";

const ACCOUNT = /^\d{12}$/;

const pair = (annotationAccount: string) => ({
  "k8s/sa.yaml": `apiVersion: v1
kind: ServiceAccount
metadata:
  name: reports
  namespace: reports
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::${annotationAccount}:role/reports
`,
  "terraform/reports.tf": `# Applied in the workload account 222233334444; the cluster runs in 111122223333.
resource "aws_iam_role" "reports" {
  name = "reports"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C9A" }
      Condition = {
        StringEquals = {
          "oidc.eks.eu-west-1.amazonaws.com/id/5C9A:sub" = "system:serviceaccount:reports:reports"
          "oidc.eks.eu-west-1.amazonaws.com/id/5C9A:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}
`,
});

export default defineRule({
  id: "oidc-provider-account",
  severity: "error",
  description: "A role's trust must name the OIDC provider of the role's own account",
  tags: ["correctness"],
  messages: {
    mismatch: "Trust policy of role {{role}} names the OIDC provider of account {{provider}}, but the role is in account {{account}} ({{why}}): STS looks the token's issuer up among the role's own account's OIDC providers, so AssumeRoleWithWebIdentity fails",
  },
  docs: {
    rationale:
      "AssumeRoleWithWebIdentity validates the token against an IAM OIDC provider of the account the role is in: for cross-account IRSA, the cluster's issuer is registered as an OIDC provider in the role's account, and the trust names that provider (EKS best practices, cross-account IRSA). A trust copied from the cluster's account names a provider of another account and never matches, and the pod gets `InvalidIdentityToken` or `AccessDenied`. The role's account is what its ARN says: the annotation that links to it, or the ARN an IAM export gives. Providers or accounts not known are never compared.",
    fail: { files: pair("222233334444") },
    pass: { files: pair("111122223333") },
    fix: "Create the cluster's OIDC provider in the role's account and name it in the trust, or annotate the role of the cluster's account.",
  },
  check(model, report) {
    const seen = new Set<string>();
    const judge = (role: Role, account: string, why: string) => {
      const statements = irsaStatements(model, role.trust, role);
      const providers = statements.map((s) => s.principals.filter((p) => p.type === "Federated").flatMap((p) => asItems(p.value)));
      // Every IRSA statement names only known providers of other accounts: none can match.
      const accounts = providers.map((ps) => ps.map(providerAccount));
      if (!statements.length || accounts.some((as) => !as.length || as.some((a) => a === undefined || a === account))) return;
      const first = providers[0][0];
      const key = `${role.id} ${account}`;
      if (seen.has(key)) return;
      seen.add(key);
      report("mismatch", first.loc, { role: role.displayName, provider: accounts[0][0]!, account, why });
    };
    for (const role of model.reportedRoles) {
      const own = role.arn && accountOf(role.arn);
      if (own) judge(role, own, `its ARN ${knownString(role.arn!) ?? ""}`.trim());
    }
    for (const sa of model.serviceAccounts) {
      const account = sa.roleArn && accountOf(sa.roleArn);
      if (!account) continue;
      for (const role of model.rolesOf(sa)) if (!(role.arn && accountOf(role.arn))) judge(role, account, `ServiceAccount ${sa.key} annotates arn:…:${account}:role/…`);
    }
  },
});

function accountOf(v: Value): string | undefined {
  const arn = parseArnValue(v);
  return arn && !hasHole(arn.account) && ACCOUNT.test(arn.account) ? arn.account : undefined;
}

function providerAccount(v: Value): string | undefined {
  const arn = parseArnValue(v);
  return arn?.resourceType === "oidc-provider" ? accountOf(v) : undefined;
}
