import { defineRule } from "../src/engine/rule.js";

export default defineRule({
  id: "irsa-annotation-placement",
  severity: "error",
  description: "eks.amazonaws.com/role-arn belongs on a dedicated ServiceAccount, not on a pod or the default ServiceAccount",
  tags: ["correctness", "security"],
  messages: {
    onPod: "{{workload}} carries eks.amazonaws.com/role-arn on its pod: the pod identity webhook only reads it from the ServiceAccount, so the pod gets no credentials",
    onDefault: "The default ServiceAccount of namespace {{namespace}} carries eks.amazonaws.com/role-arn: every pod of the namespace that names no ServiceAccount gets the role",
  },
  docs: {
    rationale:
      "The EKS pod identity webhook reads `eks.amazonaws.com/role-arn` from the pod's ServiceAccount only; on a pod or pod template it does nothing, and the pod silently runs without AWS credentials (or with the node's). On the `default` ServiceAccount it works, too well: every pod of the namespace that does not name a ServiceAccount, now or later, gets the role.",
    fail: {
      files: {
        "k8s/deployment.yaml":
          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: payments\nspec:\n  selector:\n    matchLabels: { app: api }\n  template:\n    metadata:\n      labels: { app: api }\n      annotations:\n        eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api\n    spec:\n      containers:\n        - name: api\n          image: example.com/api:1\n",
      },
    },
    pass: {
      files: {
        "k8s/deployment.yaml":
          "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\n  namespace: payments\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: payments\nspec:\n  selector:\n    matchLabels: { app: api }\n  template:\n    metadata:\n      labels: { app: api }\n    spec:\n      serviceAccountName: api\n      containers:\n        - name: api\n          image: example.com/api:1\n",
      },
    },
    fix: "Create a ServiceAccount for the workload, annotate it, and set serviceAccountName in the pod spec.",
  },
  check(model, report) {
    for (const w of model.workloads) {
      if (w.roleArn) report("onPod", w.roleArn.loc, { workload: `${w.kind} ${w.namespace}/${w.name}` }, { fix: "Move the annotation to a ServiceAccount and set serviceAccountName." });
    }
    for (const sa of model.serviceAccounts) {
      if (sa.name === "default" && sa.roleArn) report("onDefault", sa.roleArn.loc, { namespace: sa.namespace }, { fix: "Annotate a dedicated ServiceAccount and reference it with serviceAccountName." });
    }
  },
});
