import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";

export default defineRule({
  id: "irsa-and-pod-identity",
  severity: "warning",
  description: "A ServiceAccount should get its role one way: IRSA or EKS Pod Identity, not both",
  tags: ["correctness"],
  messages: {
    both: "ServiceAccount {{sa}} has an IRSA role annotation and a Pod Identity association: Pod Identity wins, so the annotated role {{irsa}} is silently unused",
  },
  docs: {
    rationale:
      "When a ServiceAccount is wired both ways, the AWS SDKs' credential chain picks EKS Pod Identity first: the IRSA role in the annotation is never used, its trust and permissions are dead code that still look authoritative, and changing them has no effect. This typically happens half-way through a migration to Pod Identity.",
    fail: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: payments\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api-irsa\n",
        "terraform/pod-identity.tf":
          'resource "aws_eks_pod_identity_association" "payments" {\n  cluster_name    = "prod"\n  namespace       = "payments"\n  service_account = "payments-api"\n  role_arn        = "arn:aws:iam::123456789012:role/payments-api"\n}\n',
      },
    },
    pass: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: payments\n",
        "terraform/pod-identity.tf":
          'resource "aws_eks_pod_identity_association" "payments" {\n  cluster_name    = "prod"\n  namespace       = "payments"\n  service_account = "payments-api"\n  role_arn        = "arn:aws:iam::123456789012:role/payments-api"\n}\n',
      },
    },
    fix: "Finish the migration: remove the eks.amazonaws.com/role-arn annotation (and the IRSA role), or the association.",
  },
  check(model, report) {
    for (const association of model.podIdentityAssociations) {
      const sa = association.serviceAccount;
      if (!sa?.roleArn) continue;
      report("both", sa.roleArn.loc, { sa: sa.key, irsa: knownString(sa.roleArn) ?? "in the annotation" }, {
        related: [{ location: association.loc, message: `the Pod Identity association of ${sa.key}` }],
      });
    }
  },
});
