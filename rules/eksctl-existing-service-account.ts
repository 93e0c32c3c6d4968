import { pushTo } from "../src/core/collections.js";
import { formatLocation } from "../src/core/location.js";
import { defineRule } from "../src/engine/rule.js";
import type { ServiceAccount } from "../src/model/model.js";

const files = (annotated: boolean) => ({
  "eksctl/cluster.yaml": `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: analytics
  region: eu-west-1
iam:
  withOIDC: true
  serviceAccounts:
    - metadata:
        name: reports
        namespace: reports
      roleName: reports
      attachPolicyARNs:
        - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
`,
  "k8s/reports.yaml": `apiVersion: v1
kind: ServiceAccount
metadata:
  name: reports
  namespace: reports
${annotated ? "  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/reports\n" : ""}`,
});

export default defineRule({
  id: "eksctl-existing-service-account",
  severity: "warning",
  description: "A ServiceAccount eksctl's iam.serviceAccounts creates must not also be created, without the role annotation, by a manifest or chart",
  tags: ["correctness"],
  messages: {
    existing: "eksctl creates ServiceAccount {{sa}} with role {{role}}, but {{other}} creates it too, without the role annotation: eksctl leaves a ServiceAccount that already exists as it is (unless --override-existing-serviceaccounts), so whichever is applied first decides whether the pod gets the role",
  },
  docs: {
    rationale:
      "`eksctl create iamserviceaccount` (and `iam.serviceAccounts` of a ClusterConfig) creates the role and a ServiceAccount annotated with it, but skips a ServiceAccount that already exists unless `--override-existing-serviceaccounts` is given: the existing one keeps no annotation, and the pod runs without the role (eksctl issues #2665, #7887, #3645). A manifest or chart that creates the same ServiceAccount without the annotation makes the outcome depend on which is applied first; a later `kubectl apply` or chart upgrade of the bare ServiceAccount may also fight over it.",
    fail: { files: files(false) },
    pass: { files: files(true) },
    fix: "Let one tool own the ServiceAccount: drop it from the manifest or chart (or set serviceAccount.create: false), or add the role annotation there and use eksctl --role-only.",
  },
  check(model, report) {
    const byKey = new Map<string, ServiceAccount[]>();
    for (const sa of model.serviceAccounts) if (sa.nameKnown !== false && sa.namespaceKnown !== false) pushTo(byKey, sa.key, sa);
    for (const sa of model.serviceAccounts) {
      if (sa.origin !== "eksctl") continue;
      const others = (byKey.get(sa.key) ?? []).filter((o) => o.origin !== "eksctl");
      // An overlay or release that annotates it settles it: only a ServiceAccount created bare everywhere is reported.
      if (!others.length || others.some((o) => o.roleArn)) continue;
      const other = others[0];
      const role = model.rolesOf(sa)[0]?.displayName ?? "(eksctl's)";
      report("existing", sa.loc, { sa: sa.key, role, other: `${other.origin === "helm" ? "the chart release" : other.origin === "terraform" ? "Terraform" : "the manifest"} at ${formatLocation(other.loc)}` }, { related: [{ location: other.loc, message: `ServiceAccount ${sa.key} without the role annotation` }] });
    }
  },
});
