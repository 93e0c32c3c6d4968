import { formatLocation } from "../src/core/location.js";
import { knownString } from "../src/core/value.js";
import { globMatches } from "../src/core/match.js";
import { defineRule } from "../src/engine/rule.js";

const files = (namespace: string) => ({
  "terraform/cluster.tf": `module "eks" {
  source          = "terraform-aws-modules/eks/aws"
  version         = "~> 20.0"
  cluster_name    = "analytics"
  cluster_version = "1.31"

  cluster_addons = {
    eks-pod-identity-agent = {}
  }

  fargate_profiles = {
    batch = {
      selectors = [{ namespace = "${namespace}" }]
    }
  }
}

resource "aws_eks_pod_identity_association" "reports" {
  cluster_name    = module.eks.cluster_name
  namespace       = "reports"
  service_account = "reports"
  role_arn        = "arn:aws:iam::123456789012:role/reports"
}
`,
});

export default defineRule({
  id: "pod-identity-fargate",
  severity: "error",
  description: "Pod Identity associations must not be for a namespace a Fargate profile runs",
  tags: ["correctness"],
  messages: {
    fargate:
      "Pod Identity association {{namespace}}/{{serviceAccount}} is for a namespace that Fargate profile {{profile}} of {{cluster}} runs ({{at}}): EKS Pod Identity works only on EC2 nodes, so these pods get no credentials; use IRSA for pods on Fargate",
  },
  docs: {
    rationale:
      "The EKS Pod Identity Agent runs as a DaemonSet on EC2 nodes; AWS Fargate is not supported (EKS user guide, \"EKS Pod Identity restrictions\"). A Fargate profile selector that names a namespace without labels puts every pod of that namespace on Fargate, so an association for a ServiceAccount there never gives a pod credentials. Compared only when the association and the profile are on the same scanned cluster and both namespaces are known (selectors may use `*` and `?`); a selector with labels takes only some pods, and stays quiet.",
    fail: { files: files("reports") },
    pass: { files: files("batch") },
    fix: "Run the namespace on EC2 nodes (drop it from the Fargate profile, or narrow the selector with labels), or give these pods their role through IRSA, which Fargate supports.",
  },
  check(model, report) {
    if (!model.fargateSelectors.length) return;
    for (const a of model.podIdentityAssociations) {
      const cluster = model.clusterOf(a.cluster);
      const namespace = knownString(a.namespace);
      if (!cluster || namespace === undefined) continue;
      const selector = model.fargateSelectors.find((s) => !s.labels && model.clusterOf(s.cluster) === cluster && knownString(s.namespace) !== undefined && globMatches(knownString(s.namespace)!, namespace));
      if (!selector) continue;
      report("fargate", a.loc, { namespace, serviceAccount: knownString(a.serviceAccountName) ?? "?", profile: selector.profile, cluster: cluster.label, at: formatLocation(selector.loc) }, { related: [{ location: selector.loc, message: `Fargate profile ${selector.profile} selects namespace ${knownString(selector.namespace)}` }] });
    }
  },
});
