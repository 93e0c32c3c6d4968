import { defineRule } from "../src/engine/rule.js";

export default defineRule({
  id: "automount-not-disabled",
  severity: "warning",
  description: "Flags automountServiceAccountToken: false where IRSA is used, and explains when that is fine",
  tags: ["correctness"],
  messages: {
    serviceAccount:
      "ServiceAccount {{sa}} uses IRSA and sets automountServiceAccountToken: false. IRSA still works (the webhook mounts its own token), but tools that read the default token path will not find one",
    workload:
      "{{workload}} sets automountServiceAccountToken: false and uses IRSA ServiceAccount {{sa}}. IRSA still works (the webhook mounts its own token), but tools that read the default token path will not find one",
  },
  docs: {
    rationale:
      "Troubleshooting guides, including the one this project started from, list `automountServiceAccountToken: true` as a fix for `NoCredentialProviders`. That is only half true: the EKS pod identity webhook adds its own projected volume (`aws-iam-token`, mounted at /var/run/secrets/eks.amazonaws.com/serviceaccount) whatever automount says, so AWS SDKs find their web-identity token either way. What automount: false removes is the Kubernetes API token, which some controllers and old SDK paths still expect. AWS's EKS hardening guidance, checkov, Trivy and kubescape recommend `false` for pods that do not call the Kubernetes API. This is therefore a warning to check, not an error: turn it off in the config file (`rules: { automount-not-disabled: off }`) when you disable automount on purpose.",
    fail: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: team-payments\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api\nautomountServiceAccountToken: false\n",
      },
    },
    pass: {
      files: {
        "k8s/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: team-payments\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api\n",
      },
    },
    fix: "If the pod needs the Kubernetes API token, remove `automountServiceAccountToken: false`; if it does not, keep it and switch this rule off.",
  },
  check(model, report) {
    const fix = { fix: "Remove automountServiceAccountToken: false if the pod needs the Kubernetes API token; otherwise switch this rule off." };
    for (const sa of model.serviceAccounts) {
      if (!sa.roleArn || sa.automount?.kind !== "bool" || sa.automount.value) continue;
      report("serviceAccount", sa.automount.loc, { sa: `${sa.namespace}/${sa.name}` }, fix);
    }
    for (const w of model.workloads) {
      const sa = w.serviceAccount;
      if (!sa?.roleArn || w.automount?.kind !== "bool" || w.automount.value) continue;
      report("workload", w.automount.loc, { workload: `${w.kind} ${w.namespace}/${w.name}`, sa: `${sa.namespace}/${sa.name}` }, {
        ...fix,
        related: [{ location: sa.loc, message: `ServiceAccount ${sa.namespace}/${sa.name} is declared here` }],
      });
    }
  },
});
