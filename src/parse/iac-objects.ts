import type { Declarations, PolicyDecl } from "../core/declarations.js";
import type { SourceLocation } from "../core/location.js";
import { asItems, getEntry, knownString, str, unknown, type Value } from "../core/value.js";
import { serviceAccountAnnotations } from "./kubernetes-annotations.js";
import { parseRenderedYaml } from "./rendered-yaml.js";

/**
 * IAM declared as Kubernetes objects, as the controllers that apply them read them:
 * - Crossplane's provider-aws (`iam.aws.crossplane.io`: Role, Policy, RolePolicyAttachment; the
 *   role's name is its `crossplane.io/external-name` annotation, else metadata.name) and the
 *   Upbound provider family (`iam.aws.upbound.io`, same kinds, `assumeRolePolicy`);
 * - AWS Controllers for Kubernetes (`iam.services.k8s.aws` Role: `spec.name`,
 *   `assumeRolePolicyDocument`, `policies`, `inlinePolicies`);
 * - the ServiceAccount annotations Crossplane puts on a provider's ServiceAccount from a
 *   `ControllerConfig` (metadata.annotations) or a `DeploymentRuntimeConfig`
 *   (spec.serviceAccountTemplate.metadata): that ServiceAccount lives in Crossplane's namespace,
 *   named by Crossplane unless the template names it.
 * Policy documents are JSON strings, parsed with their placeholders (`${OIDC_PROVIDER}`) unknown.
 */
export function readIacObject(kind: string, object: Value, out: Declarations): boolean {
  const group = (knownString(getEntry(object, "apiVersion")) ?? "").split("/")[0];
  const metadata = getEntry(object, "metadata");
  const nameValue = getEntry(metadata, "name");
  const spec = getEntry(object, "spec");
  const at = nameValue?.loc ?? object.loc;
  if (group === "pkg.crossplane.io" && (kind === "ControllerConfig" || kind === "DeploymentRuntimeConfig")) {
    const template = kind === "ControllerConfig" ? metadata : getEntry(getEntry(spec, "serviceAccountTemplate"), "metadata");
    const irsa = serviceAccountAnnotations((key) => getEntry(getEntry(template, "annotations"), key));
    if (!irsa.roleArn) return true;
    const named = kind === "DeploymentRuntimeConfig" ? getEntry(template, "name") : undefined;
    const name = knownString(named);
    const configName = knownString(nameValue);
    out.serviceAccounts.push({
      ...(name ? { name } : { name: "<provider's ServiceAccount>", nameKnown: false, ...(configName ? { crossplaneConfig: { kind, name: configName } } : {}) }),
      namespace: "<Crossplane's namespace>",
      namespaceKnown: false,
      loc: named?.loc ?? at,
      ...irsa,
      origin: "kubernetes",
    });
    return true;
  }
  if (group === "pkg.crossplane.io" && kind === "Provider" && nameValue) {
    const runtime = knownString(getEntry(getEntry(spec, "runtimeConfigRef"), "name"));
    const controller = knownString(getEntry(getEntry(spec, "controllerConfigRef"), "name"));
    const config = runtime !== undefined ? { kind: "DeploymentRuntimeConfig" as const, name: runtime } : controller !== undefined ? { kind: "ControllerConfig" as const, name: controller } : undefined;
    out.crossplaneProviders.push({ name: nameValue, ...(config ? { config } : {}), loc: at });
    return true;
  }
  if (group !== "iam.aws.crossplane.io" && group !== "iam.aws.upbound.io" && group !== "iam.services.k8s.aws") return false;
  const forProvider = group === "iam.services.k8s.aws" ? spec : getEntry(spec, "forProvider");
  const objectName = knownString(nameValue) ?? "(unnamed)";
  const id = (k: string, n: string) => `k8s:${group}/${k}/${n}`;
  // The IAM name: ACK's spec.name; Crossplane's external name, or the object's name.
  const external = getEntry(getEntry(metadata, "annotations"), "crossplane.io/external-name");
  const iamName = (group === "iam.services.k8s.aws" ? getEntry(spec, "name") : undefined) ?? external ?? nameValue ?? unknown(`${kind} without a name`, at);
  if (kind === "Role") {
    const trust = getEntry(forProvider, "assumeRolePolicyDocument") ?? getEntry(forProvider, "assumeRolePolicy");
    const inline = getEntry(forProvider, group === "iam.services.k8s.aws" ? "inlinePolicies" : "inlinePolicy");
    out.roles.push({
      id: id("Role", objectName),
      name: iamName,
      path: getEntry(forProvider, "path") ?? str("/", at),
      trust: trust && document(trust),
      loc: at,
      inlinePolicies: inlinePolicies(inline, id("Role", objectName), at),
      attachedPolicyArns: [...asItems(getEntry(forProvider, "managedPolicyArns")), ...asItems(getEntry(forProvider, "policies"))],
      address: `${kind} ${objectName} (${group})`,
      kubernetesObject: { group, name: objectName, external: group === "iam.services.k8s.aws" || !!external },
    });
    return true;
  }
  if (kind === "Policy") {
    const doc = getEntry(forProvider, "document") ?? getEntry(forProvider, "policy") ?? getEntry(forProvider, "policyDocument");
    out.policies.push({ id: id("Policy", objectName), address: `Policy ${objectName}`, name: iamName, path: getEntry(forProvider, "path") ?? str("/", at), document: doc ? document(doc) : unknown("no policy document", at), loc: at });
    return true;
  }
  if (kind === "RolePolicyAttachment") {
    const roleRef = knownString(getEntry(getEntry(forProvider, "roleNameRef"), "name")) ?? knownString(getEntry(getEntry(forProvider, "roleRef"), "name"));
    const policyRef = knownString(getEntry(getEntry(forProvider, "policyArnRef"), "name"));
    const policyArn = getEntry(forProvider, "policyArn") ?? (policyRef ? unknown(`the ARN of Policy ${policyRef}`, at) : undefined);
    if (!policyArn) return true;
    const role = getEntry(forProvider, "roleName") ?? getEntry(forProvider, "role") ?? unknown(`Role ${roleRef ?? "(not named)"}`, at);
    out.attachments.push({ role, policyArn: policyRef ? { ...policyArn, origin: { address: id("Policy", policyRef), type: "aws_iam_policy", attribute: "arn" } } : policyArn, loc: at, ...(roleRef ? { roleId: id("Role", roleRef) } : {}) });
    return true;
  }
  return true;
}

/** A policy document written as a JSON string (or, for some controllers, as an object). */
function document(v: Value): Value {
  if (v.kind !== "string" && v.kind !== "template") return v;
  return parseRenderedYaml(v)[0] ?? unknown("the policy document is not valid JSON", v.loc);
}

function inlinePolicies(v: Value | undefined, roleId: string, at: SourceLocation): PolicyDecl[] {
  if (v?.kind === "object")
    return [...v.entries].map(([name, doc]) => ({ id: `${roleId}/${name}`, address: `inline policy ${name}`, name: str(name, v.keyLocs.get(name) ?? at), path: str("/", at), document: document(doc), loc: v.keyLocs.get(name) ?? at }));
  return asItems(v).map((p, i) => ({
    id: `${roleId}/${i}`,
    address: `inline policy ${knownString(getEntry(p, "name")) ?? i}`,
    name: getEntry(p, "name") ?? str(`inline ${i}`, p.loc),
    path: str("/", p.loc),
    document: document(getEntry(p, "policy") ?? unknown("no policy", p.loc)),
    loc: p.loc,
  }));
}
