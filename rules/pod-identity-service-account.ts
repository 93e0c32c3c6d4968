import { closest } from "../src/core/match.js";
import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import { definedServiceAccounts } from "../src/model/defined-service-accounts.js";

const files = (serviceAccount: string) => ({
  "k8s/payments.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: payments\n",
  "terraform/pod-identity.tf": `resource "aws_eks_pod_identity_association" "payments" {
  cluster_name    = "prod"
  namespace       = "payments"
  service_account = "${serviceAccount}"
  role_arn        = "arn:aws:iam::123456789012:role/payments-api"
}
`,
});

export default defineRule({
  id: "pod-identity-service-account",
  severity: "warning",
  description: "An EKS Pod Identity association should not name a ServiceAccount that is a near miss of one its namespace defines",
  tags: ["correctness"],
  messages: {
    missing: "EKS Pod Identity association names ServiceAccount {{namespace}}/{{sa}}, which no scanned manifest of namespace {{namespace}} defines (did you mean {{closest}}?): the pods it was meant for get no credentials from it",
  },
  docs: {
    rationale:
      "An association gives a role to the pods of one ServiceAccount, by namespace and name; EKS accepts an association for a ServiceAccount that does not exist. A typo, or a ServiceAccount renamed in the manifests, leaves the workload without credentials (and whoever later creates a ServiceAccount of the old name gets the role). IRSA's counterpart is trust-subject-orphan. EKS add-ons and charts create ServiceAccounts the scan does not hold, so only a near miss is reported: a name no ServiceAccount of its namespace has, close to one that namespace's manifests define (a chart's ServiceAccount of unknown name may be any of its namespace: quiet).",
    fail: { files: files("payments") },
    pass: { files: files("payments-api") },
    fix: "Name the ServiceAccount the workload runs as in the association, or create it.",
  },
  check(model, report) {
    const defined = definedServiceAccounts(model);
    for (const a of model.podIdentityAssociations) {
      const [namespace, name] = [knownString(a.namespace), knownString(a.serviceAccountName)];
      if (namespace === undefined || name === undefined || defined.defines(namespace, name) !== "no") continue;
      // Add-ons and charts create ServiceAccounts the scan does not hold: only a near miss of one it does is a typo.
      const near = closest(name, defined.namesIn(namespace));
      if (near === undefined) continue;
      report("missing", a.serviceAccountName.loc, { namespace, sa: name, closest: near }, { fix: `Name ServiceAccount ${near} in the association, or create ${name}.` });
    }
  },
});
