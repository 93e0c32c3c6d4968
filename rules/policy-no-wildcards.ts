import { formatLocation } from "../src/core/location.js";
import { knownString, type Value } from "../src/core/value.js";
import { defineRule, type ReportData, type Severity } from "../src/engine/rule.js";
import type { IamCatalog } from "../src/iam/catalog.js";
import { isWorkloadRole } from "../src/model/irsa.js";
import { irsaRoleTf } from "./examples.js";

type Kind = "action" | "pattern" | "resource";

const withStatement = (statement: string) => `${irsaRoleTf("payments", "payments-api", "payments", "payments-api")}
resource "aws_iam_role_policy" "payments" {
  role = aws_iam_role.payments.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      ${statement}
    }]
  })
}
`;

export default defineRule({
  id: "policy-no-wildcards",
  severity: "error",
  description: "Policies attached to IRSA roles must not allow Action \"*\" or \"service:*\", or Resource \"*\"",
  tags: ["security", "CWE-269"],
  messages: {
    action: "Policy {{policy}} allows action \"{{value}}\" to IRSA role {{roles}}: every API of {{scope}}",
    pattern: "Policy {{policy}} allows \"{{value}}\" to IRSA role {{roles}}: {{count}} actions ({{levels}}), and any AWS adds later that match",
    resource: "Policy {{policy}} allows its actions on Resource \"*\" to IRSA role {{roles}}",
  },
  docs: {
    rationale:
      "An IRSA role exists to give one workload the AWS permissions it needs. `Action: \"*\"` or `\"s3:*\"` grants every current and future API of a service (including deletes and permission changes), and `Resource: \"*\"` extends them to every resource in the account, so a compromised pod reaches far beyond its own data. A prefix pattern such as `s3:Get*` is expanded against AWS's catalog: the message says how many actions it grants and at which access levels (an error when it reaches Write or Permissions management, a warning for read-only ones). `Resource: \"*\"` is accepted when every action of the statement supports no resource-level permissions (`s3:ListAllMyBuckets`, `ec2:Describe*`), since AWS requires it there. Path-scoped resources such as `arn:aws:s3:::bucket/*` are fine and not reported.",
    fail: { files: { "terraform/iam.tf": withStatement(`Action   = "s3:*"
      Resource = "*"`) } },
    pass: { files: { "terraform/iam.tf": withStatement(`Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = "arn:aws:s3:::payments-receipts/*"`) } },
    fix: "List the actions the workload calls, and scope Resource to the ARNs it touches.",
  },
  check(model, report) {
    type Hit = { value: Value; kind: Kind; policy: string; roles: Set<string>; data: ReportData; severity?: Severity };
    const found = new Map<string, Hit>();
    const hit = (value: Value, kind: Kind, policy: string, role: string, data: ReportData = {}, severity?: Severity) => {
      const key = formatLocation(value.loc);
      const entry = found.get(key) ?? { value, kind, policy, roles: new Set<string>(), data, severity };
      entry.roles.add(role);
      found.set(key, entry);
    };
    for (const role of model.reportedRoles.filter((r) => isWorkloadRole(model, r))) {
      for (const policy of role.policies) {
        for (const s of policy.document?.statements ?? []) {
          if (knownString(s.effect) !== "Allow") continue;
          for (const a of s.actions) {
            const text = knownString(a) ?? "";
            if (/^(\*|[\w-]+:\*)$/.test(text)) hit(a, "action", policy.displayName, role.displayName);
            else if (/^[\w-]+:.*[*?]/.test(text)) {
              const granted = model.catalog?.expand(text);
              if (!granted?.length) continue; // unknown to the catalog: policy-unknown-action's
              const levels = [...new Set(granted.flatMap((g) => g.accessLevel.split(", ")))].sort();
              const writes = levels.some((l) => /Write|Permissions/.test(l));
              hit(a, "pattern", policy.displayName, role.displayName, { count: granted.length, levels: levels.join(", ") }, writes ? "error" : "warning");
            }
          }
          // AWS requires Resource "*" for actions without resource-level permissions.
          if (model.catalog && s.actions.length && s.actions.every((a) => wildcardOnly(model.catalog!, knownString(a)))) continue;
          for (const r of s.resources) if (knownString(r) === "*") hit(r, "resource", policy.displayName, role.displayName);
        }
      }
    }
    for (const { value, kind, policy, roles, data, severity } of found.values()) {
      const text = knownString(value)!;
      const fix = kind === "resource" ? "Scope Resource to the ARNs the workload uses." : "List the specific actions the workload calls.";
      report(kind, value.loc, { policy, value: text, roles: [...roles].join(", "), scope: text === "*" ? "every AWS service" : text.split(":")[0], ...data }, { fix, severity });
    }
  },
});

/** Whether every action an action string grants supports no resource-level permissions. */
function wildcardOnly(catalog: IamCatalog, action: string | undefined): boolean {
  const granted = action ? catalog.expand(action) : undefined;
  return !!granted?.length && granted.every((g) => !g.resourceLevel);
}
