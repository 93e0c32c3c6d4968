import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";

const deployment = (skip: string) =>
  `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: worker\n  namespace: jobs\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/jobs-worker\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: worker\n  namespace: jobs\nspec:\n  selector:\n    matchLabels: { app: worker }\n  template:\n    metadata:\n      labels: { app: worker }\n      annotations:\n        eks.amazonaws.com/skip-containers: "${skip}"\n    spec:\n      serviceAccountName: worker\n      containers:\n        - name: worker\n          image: example.com/worker:1\n        - name: log-shipper\n          image: example.com/shipper:1\n`;

export default defineRule({
  id: "irsa-token-skipped",
  severity: "error",
  description: "The pod identity webhook must inject credentials into at least one container, with a valid STS endpoint setting",
  tags: ["correctness"],
  messages: {
    allSkipped: "{{workload}} uses IRSA ServiceAccount {{sa}} but skips every container ({{containers}}) with eks.amazonaws.com/skip-containers: none gets AWS credentials",
    regional: "ServiceAccount {{sa}} sets eks.amazonaws.com/sts-regional-endpoints to \"{{value}}\"; the webhook accepts only \"true\" or \"false\"",
  },
  docs: {
    rationale:
      "`eks.amazonaws.com/skip-containers` tells the pod identity webhook which containers not to give the token and AWS environment variables; a list that names every container leaves the pod with a role it cannot use. `eks.amazonaws.com/sts-regional-endpoints` on the ServiceAccount takes \"true\" or \"false\"; anything else is ignored and the SDK's default endpoint is used.",
    fail: { files: { "k8s/worker.yaml": deployment("worker,log-shipper") } },
    pass: { files: { "k8s/worker.yaml": deployment("log-shipper") } },
    fix: "Leave at least the container that calls AWS out of skip-containers; set sts-regional-endpoints to \"true\".",
  },
  check(model, report) {
    for (const w of model.workloads) {
      const skip = knownString(w.skipContainers);
      if (skip === undefined || !w.serviceAccount?.roleArn || !w.containerNames.length) continue;
      const skipped = new Set(skip.split(",").map((s) => s.trim()));
      if (w.containerNames.every((c) => skipped.has(c)))
        report("allSkipped", w.skipContainers!.loc, { workload: `${w.kind} ${w.namespace}/${w.name}`, sa: w.serviceAccount.key, containers: w.containerNames.join(", ") });
    }
    for (const sa of model.serviceAccounts) {
      const value = sa.stsRegionalEndpoints;
      const text = knownString(value);
      if (value && text !== undefined && text !== "true" && text !== "false") report("regional", value.loc, { sa: sa.key, value: text });
    }
  },
});
