import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import { irsaStatements } from "../src/model/irsa.js";
import { conditionsOn } from "../src/iam/evaluate.js";
import { parseSubject } from "../src/iam/trust.js";
import { definedServiceAccounts } from "../src/model/defined-service-accounts.js";

export default defineRule({
  id: "trust-subject-orphan",
  severity: "warning",
  description: "A role's trust should not admit ServiceAccounts that no scanned manifest defines",
  tags: ["correctness", "security"],
  messages: {
    orphan: "Role {{role}} trusts ServiceAccount {{namespace}}/{{sa}}, which no scanned manifest of namespace {{namespace}} defines (it defines {{others}})",
  },
  docs: {
    rationale:
      "When a ServiceAccount is renamed or deleted and its role's trust is not updated, the old subject stays trusted: whoever creates a ServiceAccount with the old name gets the role. The rule looks only at roles no scanned ServiceAccount annotates (those are trust-subject-matches' to check) and at namespaces whose ServiceAccounts are in the scan, so trust for workloads managed elsewhere stays quiet.",
    fail: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api-v2\n  namespace: payments\n",
        "iam/role.json":
          '{\n  "Role": {\n    "RoleName": "payments-api",\n    "Path": "/",\n    "Arn": "arn:aws:iam::123456789012:role/payments-api",\n    "AssumeRolePolicyDocument": {\n      "Version": "2012-10-17",\n      "Statement": [{\n        "Effect": "Allow",\n        "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC" },\n        "Action": "sts:AssumeRoleWithWebIdentity",\n        "Condition": { "StringEquals": { "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:payments:payments-api" } }\n      }]\n    }\n  }\n}\n',
      },
    },
    pass: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: payments\n",
        "iam/role.json":
          '{\n  "Role": {\n    "RoleName": "payments-api",\n    "Path": "/",\n    "Arn": "arn:aws:iam::123456789012:role/payments-api",\n    "AssumeRolePolicyDocument": {\n      "Version": "2012-10-17",\n      "Statement": [{\n        "Effect": "Allow",\n        "Principal": { "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC" },\n        "Action": "sts:AssumeRoleWithWebIdentity",\n        "Condition": { "StringEquals": { "oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:payments:payments-api" } }\n      }]\n    }\n  }\n}\n',
      },
    },
    fix: "Update the trust to the ServiceAccount's new name, or remove the subject if the workload is gone.",
  },
  check(model, report) {
    const defined = definedServiceAccounts(model);
    for (const role of model.reportedRoles) {
      // A role some ServiceAccount annotates is trust-subject-matches' to judge: one finding, not two.
      if (model.mayBeAnnotated(role)) continue;
      for (const s of irsaStatements(model, role.trust, role))
        for (const c of conditionsOn(s, "sub")) {
          if (!/^StringEquals/.test(knownString(c.operator) ?? "")) continue;
          for (const v of c.values) {
            const subject = parseSubject(knownString(v) ?? "");
            if (!subject || defined.defines(subject.namespace, subject.name) !== "no") continue;
            report("orphan", v.loc, { role: role.displayName, sa: subject.name, namespace: subject.namespace, others: defined.namesIn(subject.namespace).slice(0, 5).join(", ") });
          }
        }
    }
  },
});
