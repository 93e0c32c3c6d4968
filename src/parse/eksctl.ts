import type { Declarations } from "../core/declarations.js";
import { asItems, getEntry, knownString, list, obj, str, unknown, withOrigin, type Value } from "../core/value.js";

/**
 * An eksctl ClusterConfig's `iam.serviceAccounts`: each entry is a ServiceAccount and a role whose
 * trust eksctl generates (the cluster's OIDC provider, sub = system:serviceaccount:<ns>:<name>,
 * aud = sts.amazonaws.com), with the policies the entry attaches.
 */
export function readEksctl(config: Value, out: Declarations): void {
  const nameValue = getEntry(getEntry(config, "metadata"), "name");
  const cluster = knownString(nameValue) ?? "cluster";
  const clusterId = `${config.loc.file} eksctl ${cluster}`;
  const autoMode = getEntry(getEntry(config, "autoModeConfig"), "enabled");
  out.clusters.push({ id: clusterId, label: `eksctl ClusterConfig ${cluster}`, ...(nameValue ? { name: nameValue } : {}), ...(autoMode ? { autoMode } : {}), loc: nameValue?.loc ?? config.loc });
  for (const addon of asItems(getEntry(config, "addons")))
    out.addons.push({ name: getEntry(addon, "name") ?? unknown("an add-on without a name", addon.loc), cluster: { id: clusterId }, loc: addon.loc });
  // disableIMDSv1: false keeps IMDSv1 (tokens optional); disablePodIMDS: true blocks pods altogether.
  for (const kind of ["nodeGroups", "managedNodeGroups"])
    for (const group of asItems(getEntry(config, kind))) {
      const v1 = getEntry(group, "disableIMDSv1");
      const blocked = getEntry(group, "disablePodIMDS");
      if (knownString(blocked) === "true") continue;
      if (v1 && knownString(v1) === "false")
        out.nodeMetadata.push({ owner: `eksctl ${kind} ${knownString(getEntry(group, "name")) ?? "(unnamed)"}`, httpTokens: str("optional", v1.loc) });
    }
  // iam.withOIDC: false with iam.serviceAccounts: no provider for the roles eksctl would create.
  const withOidc = getEntry(getEntry(config, "iam"), "withOIDC");
  const entries = asItems(getEntry(getEntry(config, "iam"), "serviceAccounts"));
  if (withOidc && knownString(withOidc) === "false" && entries.length) {
    const names = entries.map((e) => `${knownString(getEntry(getEntry(e, "metadata"), "namespace")) ?? "default"}/${knownString(getEntry(getEntry(e, "metadata"), "name")) ?? "?"}`);
    out.clustersWithoutOidc.push({ address: `eksctl ClusterConfig ${cluster}`, root: withOidc.loc.file, loc: withOidc.loc, eksctlServiceAccounts: names });
  }
  for (const entry of entries) {
    const meta = getEntry(entry, "metadata");
    const nameValue = getEntry(meta, "name");
    const name = knownString(nameValue);
    if (!name || !nameValue) continue;
    const namespace = knownString(getEntry(meta, "namespace")) ?? "default";
    const loc = nameValue.loc;
    // attachRoleARN: eksctl creates no role, it annotates the ServiceAccount with this one.
    const attached = getEntry(entry, "attachRoleARN");
    if (attached) {
      out.serviceAccounts.push({ name, namespace, loc, roleArn: attached, origin: "eksctl" });
      continue;
    }
    const roleName = getEntry(entry, "roleName");
    // Without roleName, CloudFormation names the role from this prefix and a random suffix.
    const namePrefix = roleName ? undefined : str(`eksctl-${cluster}-addon-iamserviceac`, loc);
    const role = roleName ?? unknown(`eksctl generates the role name of ${namespace}/${name}`, loc);
    const id = `eksctl ${cluster} ${namespace}/${name}`;
    // eksctl annotates the ServiceAccount it creates with the role it creates: linked by reference.
    const arnText: Value = knownString(roleName)
      ? { kind: "template", parts: ["arn:", unknown("partition", loc), ":iam::", unknown("account", loc), `:role/${knownString(roleName)}`], loc: roleName!.loc }
      : unknown(`eksctl generates the role name of ${namespace}/${name}`, loc);
    const roleArn = withOrigin(arnText, { address: id, type: "aws_iam_role", attribute: "arn" });
    out.serviceAccounts.push({ name, namespace, loc, roleArn, origin: "eksctl" });
    const attachPolicy = getEntry(entry, "attachPolicy");
    out.roles.push({
      id,
      name: role,
      namePrefix,
      path: str("/", loc),
      trust: generatedTrust(namespace, name, loc),
      loc,
      inlinePolicies: attachPolicy ? [{ id: `${id} attachPolicy`, name: str(`${name} attachPolicy`, attachPolicy.loc), path: str("/", loc), document: attachPolicy, loc: attachPolicy.loc }] : [],
      attachedPolicyArns: asItems(getEntry(entry, "attachPolicyARNs")),
      generatedTrust: true,
      label: knownString(roleName) ?? `eksctl's role for ${namespace}/${name}`,
    });
  }
}

function generatedTrust(namespace: string, name: string, loc: Value["loc"]): Value {
  const provider = unknown("the cluster's OIDC provider", loc);
  const key = (claim: string) => ({ kind: "template" as const, parts: [provider, `:${claim}`], loc });
  const conditions = obj(new Map<string, Value>([["\u0000sub", str(`system:serviceaccount:${namespace}:${name}`, loc)], ["\u0000aud", str("sts.amazonaws.com", loc)]]), loc);
  conditions.keyValues = new Map<string, Value>([["\u0000sub", key("sub")], ["\u0000aud", key("aud")]]);
  const statement = obj(
    new Map<string, Value>([
      ["Effect", str("Allow", loc)],
      ["Action", str("sts:AssumeRoleWithWebIdentity", loc)],
      ["Principal", obj(new Map([["Federated", provider as Value]]), loc)],
      ["Condition", obj(new Map([["StringEquals", conditions as Value]]), loc)],
    ]),
    loc,
  );
  return obj(new Map<string, Value>([["Version", str("2012-10-17", loc)], ["Statement", list([statement], loc)]]), loc);
}
