import { VALID_ROLE_ARN } from "../src/core/arn.js";
import { defineRule } from "../src/engine/rule.js";

export default defineRule({
  id: "role-arn-format",
  severity: "error",
  description: "The eks.amazonaws.com/role-arn annotation must be a well-formed IAM role ARN",
  tags: ["correctness"],
  messages: {
    malformed:
      "ServiceAccount {{sa}} annotates role ARN \"{{arn}}\", which is not arn:<aws|aws-cn|aws-us-gov>:iam::<12-digit account>:role/[path/]<name>",
    notString: "ServiceAccount {{sa}} has a role-arn annotation that is not a string; annotation values must be quoted strings",
  },
  docs: {
    rationale:
      "The pod identity webhook copies the annotation into AWS_ROLE_ARN unchanged. A malformed ARN (a missing account digit, `role:` instead of `role/`, a user or policy ARN) makes every AWS SDK call in the pod fail at start-up with an STS validation error, long after the manifest was merged.",
    fail: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: team-payments\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::12345678901:role/payments-api\n",
      },
    },
    pass: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: team-payments\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api\n",
      },
    },
    fix: "Copy the role's ARN from `aws iam get-role --role-name <name> --query Role.Arn` or from the Terraform output, and quote it.",
  },
  check(model, report) {
    for (const sa of model.serviceAccounts) {
      const v = sa.roleArn;
      if (!v) continue;
      const who = `${sa.namespace}/${sa.name}`;
      if (v.kind === "string") {
        if (!VALID_ROLE_ARN.test(v.value))
          report("malformed", v.loc, { sa: who, arn: v.value }, { fix: "Use the exact ARN of the IAM role, e.g. arn:aws:iam::123456789012:role/payments-api." });
      } else if (v.kind === "number" || v.kind === "bool" || v.kind === "list" || v.kind === "object") {
        report("notString", v.loc, { sa: who }, { fix: "Quote the annotation value." });
      }
    }
  },
});
