import type { Value } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";

/** IAM's limits on role names (IAM and STS quotas) and the Terraform AWS provider's on name_prefix (64 less its 26-character suffix). */
const NAME_LIMIT = 64;
const PREFIX_LIMIT = 38;
const NAME_CHARACTERS = /[^\w+=,.@-]/;

const role = (attribute: string) => `resource "aws_iam_role" "reports" {
  ${attribute}
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/5C9A" }
      Condition = {
        StringEquals = {
          "oidc.eks.eu-west-1.amazonaws.com/id/5C9A:sub" = "system:serviceaccount:reports:reports"
          "oidc.eks.eu-west-1.amazonaws.com/id/5C9A:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}
`;

export default defineRule({
  id: "role-name-invalid",
  severity: "error",
  description: "A role's name must be one IAM accepts: at most 64 characters (a Terraform name_prefix at most 38) of letters, digits and +=,.@_-",
  tags: ["correctness"],
  messages: {
    long: "Role name {{name}} is {{length}} characters long: IAM accepts at most 64, so creating the role fails",
    prefix: "Role name prefix {{name}} is {{length}} characters long: the Terraform AWS provider accepts at most 38 (it adds a 26-character suffix to reach IAM's 64), so the plan fails",
    characters: "Role name {{name}} contains {{character}}: IAM accepts only letters, digits and + = , . @ _ -, so creating the role fails",
  },
  docs: {
    rationale:
      "IAM refuses a role name over 64 characters or with a character outside letters, digits and `+=,.@_-` (IAM and AWS STS quotas). Names built from a cluster's, an environment's and a service's names outgrow the limit without anyone noticing until `terraform apply` or the stack fails; a `name_prefix` (or a module's `use_name_prefix`, `role_name_prefix`) may be at most 38 characters, as the AWS provider adds a 26-character unique suffix. Names with parts not known are judged by their known parts only: a lower bound.",
    fail: { files: { "terraform/reports.tf": role('name = "reports-exporter-for-the-analytics-platform-in-eu-west-1-production"') } },
    pass: { files: { "terraform/reports.tf": role('name = "reports-exporter-analytics-euw1-prod"') } },
    fix: "Shorten the name (abbreviate the cluster, region or environment part), or use a shorter name_prefix.",
  },
  check(model, report) {
    for (const r of model.reportedRoles) {
      const judge = (value: Value | undefined, limit: number, messageId: "long" | "prefix") => {
        const known = writtenParts(value);
        if (known === undefined || !value) return;
        const bad = NAME_CHARACTERS.exec(known.text);
        if (bad) report("characters", value.loc, { name: shown(value), character: JSON.stringify(bad[0]) });
        else if (known.length > limit) report(messageId, value.loc, { name: shown(value), length: `${known.exact ? "" : "at least "}${known.length}` });
      };
      judge(r.name, NAME_LIMIT, "long");
      // CloudFormation and eksctl shorten the names they generate; Terraform refuses a long prefix.
      if (r.generatedSuffix === "terraform") judge(r.namePrefix, PREFIX_LIMIT, "prefix");
    }
  },
});

/** The characters a name's known parts give: all of it, or a lower bound when parts are not known. */
function writtenParts(v: Value | undefined): { text: string; length: number; exact: boolean } | undefined {
  if (v?.kind === "string") return { text: v.value, length: v.value.length, exact: true };
  if (v?.kind !== "template") return undefined;
  const text = v.parts.filter((p): p is string => typeof p === "string").join("");
  return { text, length: text.length, exact: false };
}

function shown(v: Value): string {
  return JSON.stringify(v.kind === "template" ? v.parts.map((p) => (typeof p === "string" ? p : "${…}")).join("") : v.kind === "string" ? v.value : "");
}
