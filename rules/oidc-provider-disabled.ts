import type { ClusterWithoutOidcDecl } from "../src/core/declarations.js";
import { formatLocation } from "../src/core/location.js";
import { asItems, type Value } from "../src/core/value.js";
import { defineRule } from "../src/engine/rule.js";

const files = (enableIrsa: string) => ({
  "terraform/cluster.tf": `module "eks" {
  source          = "terraform-aws-modules/eks/aws"
  version         = "~> 20.0"
  cluster_name    = "analytics"
  cluster_version = "1.31"
${enableIrsa}}

module "reports_irsa" {
  source    = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  role_name = "reports"
  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["reports:reports"]
    }
  }
}
`,
});

export default defineRule({
  id: "oidc-provider-disabled",
  severity: "error",
  description: "A role must not trust the OIDC provider of a cluster created without one",
  tags: ["correctness"],
  messages: {
    eksctl:
      "{{cluster}} sets iam.withOIDC: false but its iam.serviceAccounts ({{serviceAccounts}}) need the cluster's OIDC provider: eksctl refuses the config (\"iam.withOIDC must be enabled explicitly for iam.serviceAccounts to be created\")",
    disabled: "Trust policy of role {{role}} names the OIDC provider of {{cluster}}, which is created without one ({{at}}): no OpenID Connect provider exists for its tokens, so AssumeRoleWithWebIdentity fails with InvalidIdentityToken",
  },
  docs: {
    rationale:
      "IRSA needs an IAM OIDC provider for the cluster's issuer. The EKS module creates it unless `enable_irsa = false`; then its `oidc_provider_arn` output is empty, and every role whose trust names it trusts a provider that does not exist: pods get `InvalidIdentityToken: No OpenIDConnect provider found in your account` (terraform-aws-eks #965, aws-load-balancer-controller #1226). An eksctl ClusterConfig with `iam.withOIDC: false` and `iam.serviceAccounts` is the same mistake, which eksctl's own validation refuses at create time: reported before merge instead.",
    fail: { files: files("  enable_irsa     = false\n") },
    pass: { files: files("") },
    fix: "Remove enable_irsa = false from the cluster (or create its aws_iam_openid_connect_provider; eksctl: set iam.withOIDC: true), or use EKS Pod Identity for these workloads.",
  },
  check(model, report) {
    if (!model.clustersWithoutOidc.length) return;
    for (const c of model.clustersWithoutOidc)
      if (c.eksctlServiceAccounts) report("eksctl", c.loc, { cluster: c.address, serviceAccounts: c.eksctlServiceAccounts.join(", ") });
    const seen = new Set<string>();
    for (const role of model.reportedRoles)
      for (const s of role.trust?.statements ?? [])
        for (const p of s.principals) {
          if (p.type !== "Federated") continue;
          for (const v of asItems(p.value)) {
            const cluster = providerOf(v, model.clustersWithoutOidc.filter((c) => c.root === role.site));
            const key = `${role.id} ${v.loc.file}:${v.loc.line}:${v.loc.column}`;
            if (!cluster || seen.has(key)) continue;
            seen.add(key);
            report("disabled", v.loc, { role: role.displayName, cluster: cluster.address, at: formatLocation(cluster.loc) }, { related: [{ location: cluster.loc, message: `${cluster.address} is created without an OIDC provider` }] });
          }
        }
  },
});

/** The cluster whose provider output a value is (`module.eks.oidc_provider_arn`), when it has none. */
function providerOf(v: Value, clusters: readonly ClusterWithoutOidcDecl[]) {
  const origin = v.kind === "unknown" || v.kind === "template" ? v.origin : undefined;
  return origin && /oidc_provider/.test(origin.attribute ?? "") ? clusters.find((c) => c.address === origin.address) : undefined;
}
