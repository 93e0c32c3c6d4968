import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import type { ClusterDecl } from "../src/core/declarations.js";
import type { PodIdentityAssociation } from "../src/model/model.js";
import { listSome, pushTo } from "../src/core/collections.js";
import { sameProjects } from "../src/model/projects.js";

const AGENT = /eks-pod-identity-agent/i;

const files = (addons: string) => ({
  "terraform/cluster.tf": `module "eks" {
  source          = "terraform-aws-modules/eks/aws"
  version         = "~> 20.0"
  cluster_name    = "analytics"
  cluster_version = "1.31"

  cluster_addons = {
    coredns = {}
${addons}  }
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
  id: "pod-identity-agent-missing",
  severity: "warning",
  description: "A cluster with Pod Identity associations needs the eks-pod-identity-agent add-on (or EKS Auto Mode)",
  tags: ["correctness"],
  messages: {
    missing:
      "{{cluster}} has Pod Identity associations ({{associations}}) but the scan installs no eks-pod-identity-agent add-on and the cluster is not in EKS Auto Mode: without the agent on the nodes, pods find no credentials at the address the association gives them",
  },
  docs: {
    rationale:
      "EKS Pod Identity credentials are served to pods by the EKS Pod Identity Agent, a DaemonSet installed as the `eks-pod-identity-agent` add-on (built into EKS Auto Mode). An association on a cluster without it is accepted by the API, and the pod's SDK then fails to reach the agent's link-local address (EKS user guide, \"Set up the Amazon EKS Pod Identity Agent\"). Reported once per cluster the scan creates (the EKS module, `aws_eks_cluster`, CloudFormation, eksctl) when its associations refer to it, it is not in Auto Mode, and nothing in the scan installs the agent on it: an add-on of that name (or of a name not known) for the cluster, or a chart or add-on naming no scanned cluster in the cluster's project, keeps the rule quiet.",
    fail: { files: files("") },
    pass: { files: files("    eks-pod-identity-agent = {}\n") },
    fix: "Add the eks-pod-identity-agent add-on to the cluster (cluster_addons / addons / aws_eks_addon / eksctl addons), or enable EKS Auto Mode.",
  },
  check(model, report) {
    if (!model.podIdentityAssociations.length) return;
    // An add-on that is (or may be) the agent keeps its cluster quiet: the cluster it names, or,
    // naming none the scan declares (a Helm release), any cluster of its project or one it encloses.
    const agents = model.addons.filter((a) => knownString(a.name) === undefined || AGENT.test(knownString(a.name)!));
    const installs = (cluster: ClusterDecl) =>
      agents.some((a) => {
        const target = model.clusterOf(a.cluster);
        if (target) return target === cluster;
        return sameProjects(model.projectOf, cluster.loc.file, a.loc.file);
      });
    const byCluster = new Map<ClusterDecl, PodIdentityAssociation[]>();
    for (const a of model.podIdentityAssociations) {
      const cluster = model.clusterOf(a.cluster);
      if (!cluster) continue;
      // Auto Mode runs the agent itself; an Auto Mode setting not known may be on.
      if (cluster.autoMode && knownString(cluster.autoMode) !== "false") continue;
      pushTo(byCluster, cluster, a);
    }
    for (const [cluster, associations] of byCluster) {
      if (installs(cluster)) continue;
      const names = associations.map((a) => `${knownString(a.namespace) ?? "?"}/${knownString(a.serviceAccountName) ?? "?"}`);
      const shown = listSome(names, 3);
      report("missing", cluster.loc, { cluster: cluster.label, associations: shown }, { related: associations.slice(0, 10).map((a) => ({ location: a.loc, message: `Pod Identity association ${knownString(a.namespace) ?? "?"}/${knownString(a.serviceAccountName) ?? "?"}` })) });
    }
  },
});
