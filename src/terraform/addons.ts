import type { ClusterRef, Declarations } from "../core/declarations.js";
import type { SourceLocation } from "../core/location.js";
import { asItems, getEntry, knownString, type Value } from "../core/value.js";

/**
 * The ServiceAccount each EKS managed add-on runs as, which `service_account_role_arn` (IRSA) or a
 * `pod_identity_association` gives its role. From the Amazon EKS User Guide's pages of each add-on
 * (IAM role and Pod Identity setup), and `aws eks describe-addon-configuration`.
 */
export const ADDON_SERVICE_ACCOUNTS: Record<string, { namespace: string; name: string }> = {
  "vpc-cni": { namespace: "kube-system", name: "aws-node" },
  "aws-ebs-csi-driver": { namespace: "kube-system", name: "ebs-csi-controller-sa" },
  "aws-efs-csi-driver": { namespace: "kube-system", name: "efs-csi-controller-sa" },
  "aws-fsx-csi-driver": { namespace: "kube-system", name: "fsx-csi-controller-sa" },
  "aws-mountpoint-s3-csi-driver": { namespace: "kube-system", name: "s3-csi-driver-sa" },
  "amazon-cloudwatch-observability": { namespace: "amazon-cloudwatch", name: "cloudwatch-agent" },
  "external-dns": { namespace: "external-dns", name: "external-dns" },
};

/**
 * One add-on's IAM wiring (an `aws_eks_addon`, or an entry of the EKS module's `cluster_addons` /
 * `addons`): its ServiceAccount with the IRSA role, and its Pod Identity associations.
 */
export function addonDeclarations(name: string | undefined, settings: { roleArn?: Value; podIdentity: Value[]; cluster?: ClusterRef }, loc: SourceLocation, out: Declarations, note: (message: string) => void): void {
  const sa = name === undefined ? undefined : ADDON_SERVICE_ACCOUNTS[name];
  const hasRole = settings.roleArn && settings.roleArn.kind !== "null";
  if (!sa) {
    if (hasRole || settings.podIdentity.length) note(`EKS add-on ${name ?? "(name not known)"}: irsa-lint does not know which ServiceAccount it runs as, so its role is not checked`);
    return;
  }
  if (hasRole) out.serviceAccounts.push({ ...sa, loc, roleArn: settings.roleArn, origin: "terraform" });
  for (const association of settings.podIdentity) {
    const roleArn = getEntry(association, "role_arn");
    if (!roleArn) continue;
    const account = getEntry(association, "service_account");
    out.podIdentityAssociations.push({
      namespace: { kind: "string", value: sa.namespace, loc: association.loc },
      serviceAccount: account && knownString(account) !== undefined ? account : { kind: "string", value: sa.name, loc: association.loc },
      roleArn,
      ...(settings.cluster ? { cluster: settings.cluster } : {}),
      loc: association.loc,
    });
  }
}

/** The EKS module's add-on map (`cluster_addons` up to v20, `addons` from v21), entry by entry. */
export function moduleAddons(addons: Value | undefined): Array<{ name: string | undefined; settings: Value; loc: SourceLocation }> {
  if (addons?.kind !== "object") return [];
  return [...addons.entries].map(([key, settings]) => ({ name: knownString(getEntry(settings, "name")) ?? (key.startsWith("\u0000") ? undefined : key), settings, loc: addons.keyLocs.get(key) ?? settings.loc }));
}

export const podIdentityOf = (settings: Value | undefined): Value[] => asItems(getEntry(settings, "pod_identity_association"));
