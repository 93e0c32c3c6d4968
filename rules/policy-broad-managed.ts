import { parseArnValue } from "../src/core/arn.js";
import { defineRule } from "../src/engine/rule.js";
import { webIdentityStatements } from "../src/iam/trust.js";

const ADMIN_LIKE = /^(AdministratorAccess|PowerUserAccess|IAMFullAccess|.*FullAccess)$/;

export default defineRule({
  id: "policy-broad-managed",
  severity: "error",
  description: "IRSA roles must not carry AWS managed policies that grant admin-like or full-service access",
  tags: ["security", "CWE-269"],
  messages: {
    attached: "Role {{role}} has the AWS managed policy {{policy}} attached: {{what}}",
  },
  docs: {
    rationale:
      "AWS managed policies are written for people, not workloads: `AdministratorAccess` and `PowerUserAccess` grant nearly everything, `IAMFullAccess` is a privilege escalation in itself, and every `*FullAccess` policy grants all of a service, deletes included, on every resource in the account. A pod's role should carry a policy written for what the pod does.",
    fail: {
      files: {
        "terraform/iam.tf":
          'resource "aws_iam_role" "app" {\n  name = "app"\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "sts:AssumeRoleWithWebIdentity", Principal = { Federated = var.oidc_provider_arn } }]\n  })\n}\n\nresource "aws_iam_role_policy_attachment" "app" {\n  role       = aws_iam_role.app.name\n  policy_arn = "arn:aws:iam::aws:policy/AmazonS3FullAccess"\n}\n',
      },
    },
    pass: {
      files: {
        "terraform/iam.tf":
          'resource "aws_iam_role" "app" {\n  name = "app"\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "sts:AssumeRoleWithWebIdentity", Principal = { Federated = var.oidc_provider_arn } }]\n  })\n}\n\nresource "aws_iam_role_policy_attachment" "app" {\n  role       = aws_iam_role.app.name\n  policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"\n}\n',
      },
    },
    fix: "Attach a customer managed policy listing the actions and resources the workload uses.",
  },
  check(model, report) {
    for (const role of model.roles) {
      if (!model.serviceAccountsOf(role).length && !webIdentityStatements(role.trust).length) continue;
      for (const p of role.policies) {
        const arn = p.arn && parseArnValue(p.arn);
        if (!arn || arn.account !== "aws" || !ADMIN_LIKE.test(arn.name)) continue;
        const what = arn.name === "AdministratorAccess" || arn.name === "PowerUserAccess" ? "administrator access for every pod that uses it" : arn.name === "IAMFullAccess" ? "the pod can grant itself anything" : "every action of the service on every resource";
        report("attached", p.arn!.loc, { role: role.displayName, policy: arn.name, what }, { fix: "Replace it with a policy written for the workload." });
      }
    }
  },
});
