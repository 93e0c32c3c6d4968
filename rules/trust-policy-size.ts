import { defineRule } from "../src/engine/rule.js";
import { policySize } from "../src/iam/policy-size.js";

/** IAM's ACLSizePerRole quota: 2,048 characters by default, 4,096 at most on request. */
const DEFAULT_QUOTA = 2048;
const MAXIMUM_QUOTA = 4096;

const manyClusters = (clusters: number) => `locals {
  clusters = [${Array.from({ length: clusters }, (_, i) => `"${(0x5c9a0000 + i * 7919).toString(16).toUpperCase()}EXAMPLE0123456789ABCDEF"`).join(", ")}]
}

data "aws_iam_policy_document" "reports_trust" {
  dynamic "statement" {
    for_each = local.clusters
    content {
      actions = ["sts:AssumeRoleWithWebIdentity"]
      principals {
        type        = "Federated"
        identifiers = ["arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/\${statement.value}"]
      }
      condition {
        test     = "StringEquals"
        variable = "oidc.eks.eu-west-1.amazonaws.com/id/\${statement.value}:sub"
        values   = ["system:serviceaccount:reports:reports"]
      }
      condition {
        test     = "StringEquals"
        variable = "oidc.eks.eu-west-1.amazonaws.com/id/\${statement.value}:aud"
        values   = ["sts.amazonaws.com"]
      }
    }
  }
}

resource "aws_iam_role" "reports" {
  name               = "reports"
  assume_role_policy = data.aws_iam_policy_document.reports_trust.json
}
`;

export default defineRule({
  id: "trust-policy-size",
  severity: "error",
  description: "A role's trust policy must fit IAM's ACLSizePerRole quota (2,048 characters by default, 4,096 at most)",
  tags: ["correctness"],
  messages: {
    default: "Trust policy of role {{role}} is {{size}} characters without whitespace, over IAM's default quota of 2,048 (ACLSizePerRole): CreateRole and UpdateAssumeRolePolicy fail with LimitExceeded unless the account's quota was raised (to 4,096 at most)",
    maximum: "Trust policy of role {{role}} is {{size}} characters without whitespace, over IAM's maximum quota of 4,096 (ACLSizePerRole): CreateRole and UpdateAssumeRolePolicy fail with LimitExceeded in every account",
  },
  docs: {
    rationale:
      "IAM limits a role's trust policy to 2,048 characters by default (the ACLSizePerRole quota, which Service Quotas raises to 4,096 at most); it does not count whitespace. A role that trusts many ServiceAccounts or many clusters' OIDC providers (a statement each) outgrows it, and `terraform apply` fails with `LimitExceeded: Cannot exceed quota for ACLSizePerRole: 2048` long after review. irsa-lint counts the evaluated trust policy the same way; with parts not known the count is a lower bound, and only a lower bound over the quota is reported (\"at least\"). Over 4,096 is an error; over 2,048 a warning, as the account's quota may have been raised.",
    fail: { files: { "terraform/reports.tf": manyClusters(30) } },
    pass: { files: { "terraform/reports.tf": manyClusters(4) } },
    fix: "Trust fewer providers or ServiceAccounts per role (one role per cluster, or StringLike patterns over a namespace), or raise the account's ACLSizePerRole quota in Service Quotas.",
  },
  check(model, report) {
    for (const role of model.reportedRoles) {
      if (!role.trust || !role.trustSource) continue;
      const { chars, exact } = policySize(role.trustSource);
      if (chars <= DEFAULT_QUOTA) continue;
      const size = `${exact ? "" : "at least "}${chars.toLocaleString("en-US")}`;
      report(chars > MAXIMUM_QUOTA ? "maximum" : "default", role.trust.loc, { role: role.displayName, size }, { severity: chars > MAXIMUM_QUOTA ? "error" : "warning" });
    }
  },
});
