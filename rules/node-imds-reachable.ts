import type { SourceLocation } from "../src/core/location.js";
import { knownString } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";
import type { IrsaModel } from "../src/model/model.js";
import { listSome } from "../src/core/collections.js";
import { formatLocation } from "../src/core/location.js";
import { sameProjects } from "../src/model/projects.js";

const files = (options: string) => ({
  "terraform/nodes.tf": `resource "aws_launch_template" "workers" {
  name_prefix = "workers-"
  metadata_options {
    http_endpoint               = "enabled"
${options}  }
}
`,
  "k8s/reports.yaml": `apiVersion: v1
kind: ServiceAccount
metadata:
  name: reports
  namespace: reports
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/reports
`,
});

export default defineRule({
  id: "node-imds-reachable",
  severity: "warning",
  description: "Node groups that run IRSA workloads should keep pods away from the node role (IMDSv2 required, hop limit 1)",
  tags: ["security"],
  messages: {
    imdsV1:
      "{{owner}} keeps IMDSv1 (tokens optional): any pod on these nodes can read the node role's credentials from the instance metadata service, and a pod whose IRSA fails ({{workloads}}) silently runs as the node role instead of failing",
    hopLimit:
      "{{owner}} lets instance metadata answers travel {{hops}} hops: pods outside the host network can fetch an IMDSv2 token and the node role's credentials, and a pod whose IRSA fails ({{workloads}}) silently runs as the node role instead of failing",
  },
  docs: {
    rationale:
      "IRSA and EKS Pod Identity give a pod its own role, but the node's instance role stays one request away: the AWS SDKs fall back to the instance metadata service when the pod's credentials are missing or broken, so a pod whose annotation names the wrong role, or no pod identity at all, quietly runs with the node role's permissions. The EKS best-practices guide (Identity and access management, \"Restrict access to the instance profile assigned to the worker node\") asks for IMDSv2 only (`http_tokens = \"required\"`, eksctl `disableIMDSv1: true`) and a PUT response hop limit of 1, which stops containers outside the host network from getting a token. Only settings written in the scan are read (a launch template's `metadata_options`, the EKS module's node groups and their defaults, CloudFormation `MetadataOptions`, eksctl `disableIMDSv1: false`), and only where IRSA or Pod Identity workloads may run on those nodes: ServiceAccounts of the node group's project or of a project enclosing it (another eksctl ClusterConfig is another cluster). Tokens optional is a warning; a hop limit of 2 or more is a note, since some add-ons are deployed that way on purpose.",
    fail: { files: files(`    http_tokens                 = "optional"\n`) },
    pass: { files: files(`    http_tokens                 = "required"\n    http_put_response_hop_limit = 1\n`) },
    fix: "Set http_tokens = \"required\" and http_put_response_hop_limit = 1 (eksctl: disableIMDSv1: true, disablePodIMDS: true) and give pods that need AWS access their own role.",
  },
  check(model, report) {
    // A registry module's node group can be read twice (its arguments, and its downloaded source): one finding per setting.
    const seen = new Set<string>();
    for (const node of model.nodeMetadata) {
      const at = node.httpTokens?.loc ?? node.hopLimit?.loc;
      const workloads = at && irsaWorkloads(model, at);
      const key = at && formatLocation(at);
      if (!workloads || !key || seen.has(key)) continue;
      seen.add(key);
      const tokens = node.httpTokens && knownString(node.httpTokens)?.toLowerCase();
      if (tokens === "optional") {
        report("imdsV1", node.httpTokens!.loc, { owner: node.owner, workloads });
        continue;
      }
      const hops = Number(knownString(node.hopLimit));
      if (node.hopLimit && Number.isInteger(hops) && hops >= 2)
        report("hopLimit", node.hopLimit.loc, { owner: node.owner, hops, workloads }, { severity: "note" });
    }
  },
});

/**
 * The IRSA and Pod Identity ServiceAccounts that may run on these nodes, a few named: those of
 * the node group's project or of a project enclosing it, never another eksctl ClusterConfig's
 * (each is its own cluster). None: nothing in the scan falls back to this node role.
 */
function irsaWorkloads(model: IrsaModel, at: SourceLocation): string | undefined {
  const near = (loc: SourceLocation) => sameProjects(model.projectOf, loc.file, at.file);
  const keys = new Set<string>();
  for (const sa of model.serviceAccounts)
    if (sa.roleArn && near(sa.loc) && (sa.origin !== "eksctl" || sa.loc.file === at.file)) keys.add(sa.key);
  for (const a of model.podIdentityAssociations) {
    const key = associationKey(a);
    if (key && near(a.loc)) keys.add(key);
  }
  return keys.size ? listSome([...keys].sort(), 3) : undefined;
}

function associationKey(a: IrsaModel["podIdentityAssociations"][number]): string | undefined {
  const ns = knownString(a.namespace);
  const name = knownString(a.serviceAccountName);
  return ns && name ? `${ns}/${name}` : undefined;
}
