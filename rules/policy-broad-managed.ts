import { hasHole, parseArnValue } from "../src/core/arn.js";
import { alternatives, unknownReason } from "../src/iam/alternatives.js";
import { defineRule } from "../src/engine/rule.js";
import { irsaRoleTf } from "./examples.js";
import { isWorkloadRole } from "../src/model/irsa.js";

const ADMIN_LIKE = /^(AdministratorAccess|PowerUserAccess|IAMFullAccess|.*FullAccess)$/;

const withPolicy = (arn: string) => `${irsaRoleTf("app", "app", "payments", "payments-api")}
resource "aws_iam_role_policy_attachment" "app" {
  role       = aws_iam_role.app.name
  policy_arn = "${arn}"
}
`;

export default defineRule({
  id: "policy-broad-managed",
  severity: "error",
  description: "IRSA roles must not carry AWS managed policies that grant admin-like or full-service access",
  tags: ["security", "CWE-269"],
  messages: {
    attached: "Role {{role}} has the AWS managed policy {{policy}} attached{{when}}: {{what}}",
  },
  docs: {
    rationale:
      "AWS managed policies are written for people, not workloads: `AdministratorAccess` and `PowerUserAccess` grant nearly everything, `IAMFullAccess` is a privilege escalation in itself, and every `*FullAccess` policy grants all of a service, deletes included, on every resource in the account. A pod's role should carry a policy written for what the pod does.",
    fail: { files: { "terraform/iam.tf": withPolicy("arn:aws:iam::aws:policy/AmazonS3FullAccess") } },
    pass: { files: { "terraform/iam.tf": withPolicy("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess") } },
    fix: "Attach a customer managed policy listing the actions and resources the workload uses.",
  },
  check(model, report, _options, unchecked) {
    for (const role of model.reportedRoles) {
      if (!isWorkloadRole(model, role)) continue;
      for (const p of role.policies) {
        if (!p.arn) continue;
        // A partly known ARN (`arn:${partition}:iam::aws:policy/X`) names its policy; a conditional's branches are each one.
        const options = p.arn.kind === "unknown" ? alternatives(p.arn) : [{ value: p.arn, when: undefined }];
        if (!options) {
          const arn = parseArnValue(p.arn);
          // A customer policy's own ARN (aws_iam_policy.x.arn) is never an AWS managed one.
          const aws = arn ? (hasHole(arn.account) ? undefined : arn.account === "aws") : p.arn.origin ? false : undefined;
          if (aws !== false && !(arn && !hasHole(arn.name) && !ADMIN_LIKE.test(arn.name))) unchecked(p.arn.loc, `the policy ARN attached to role ${role.displayName}`, unknownReason(p.arn));
          continue;
        }
        for (const o of options) {
          const arn = parseArnValue(o.value);
          if (!arn || arn.account !== "aws" || !ADMIN_LIKE.test(arn.name)) continue;
          const what = arn.name === "AdministratorAccess" || arn.name === "PowerUserAccess" ? "administrator access for every pod that uses it" : arn.name === "IAMFullAccess" ? "the pod can grant itself anything" : "every action of the service on every resource";
          report("attached", o.value.loc, { role: role.displayName, policy: arn.name, what, when: o.when ? ` when ${o.when}` : "" }, { fix: "Replace it with a policy written for the workload.", ...(o.when ? { condition: o.when } : {}) });
        }
      }
    }
  },
});
