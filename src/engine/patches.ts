import { RE2JS } from "re2js";
import type { PatchDecl, RoleDecl, ServiceAccountDecl } from "../core/declarations.js";
import { getEntry, knownString, type Value } from "../core/value.js";
import { AUDIENCE_ANNOTATION, ROLE_ARN_ANNOTATION, TOKEN_EXPIRATION_ANNOTATION } from "../parse/kubernetes-annotations.js";

/**
 * Kustomize's patches applied to what irsa-lint reads of the objects they select: a
 * ServiceAccount's IRSA annotations, namespace and name (JSON 6902 `add`/`replace`/`remove` on
 * `/metadata/...`, or a strategic merge of `metadata`), and the name of an IAM Role declared as a
 * Kubernetes object (Crossplane renames it with `/metadata/name`). A patched object is another
 * deployment of its base: a copy, located where the patch writes the value.
 */
const IRSA_KEYS: Record<string, "roleArn" | "tokenExpiration" | "audience"> = {
  [ROLE_ARN_ANNOTATION]: "roleArn",
  [TOKEN_EXPIRATION_ANNOTATION]: "tokenExpiration",
  [AUDIENCE_ANNOTATION]: "audience",
};

/** Whether a patch's target selects an object of this kind and name (target names are regular expressions). */
function selects(target: PatchDecl["target"], kind: string, name: string, namespace?: string, group?: string): boolean {
  if (target.kind !== undefined && target.kind !== kind) return false;
  if (target.group !== undefined && group !== undefined && target.group !== group) return false;
  if (target.namespace !== undefined && namespace !== undefined && target.namespace !== namespace) return false;
  if (target.name === undefined) return target.kind !== undefined;
  if (target.name === name) return true;
  try {
    return RE2JS.compile(`^(?:${target.name})$`).matcher(name).matches();
  } catch {
    return false;
  }
}

/** The ServiceAccount as the patch leaves it, or undefined when the patch does not select it. */
export function patchServiceAccount(sa: ServiceAccountDecl, patch: PatchDecl): ServiceAccountDecl | undefined {
  if (sa.origin !== "kubernetes") return undefined;
  // A Crossplane provider's ServiceAccount is patched through the runtime config that describes it.
  const config = sa.crossplaneConfig;
  if (config) return selects(patch.target, config.kind, config.name, undefined, "pkg.crossplane.io") ? patchAnnotations(sa, patch, config.kind === "ControllerConfig" ? ["metadata"] : ["spec", "serviceAccountTemplate", "metadata"]) : undefined;
  if (sa.nameKnown === false || !selects(patch.target, "ServiceAccount", sa.name, sa.namespaceKnown === false ? undefined : sa.namespace, "")) return undefined;
  return patchAnnotations(sa, patch, ["metadata"]);
}

/** The IRSA annotations (and, for a ServiceAccount, namespace and name) as the patch leaves them; `at` is where the object keeps its ServiceAccount's metadata. */
function patchAnnotations(sa: ServiceAccountDecl, patch: PatchDecl, at: string[]): ServiceAccountDecl {
  let out: ServiceAccountDecl = { ...sa };
  const setAnnotation = (key: string, value: Value | undefined) => {
    const field = IRSA_KEYS[key];
    if (field) out = { ...out, [field]: value && value.kind !== "null" ? value : undefined };
  };
  const serviceAccount = at.length === 1;
  for (const o of patch.operations ?? []) {
    const full = o.path.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
    if (!at.every((k, i) => full[i] === k)) continue;
    const path = ["metadata", ...full.slice(at.length)];
    const removes = o.op === "remove";
    if (!removes && o.op !== "add" && o.op !== "replace") continue;
    if (path.length === 2 && path[0] === "metadata" && path[1] === "annotations") {
      for (const key of Object.keys(IRSA_KEYS)) setAnnotation(key, removes ? undefined : getEntry(o.value, key));
    } else if (path.length === 3 && path[0] === "metadata" && path[1] === "annotations") setAnnotation(path[2], removes ? undefined : o.value);
    else if (serviceAccount && path.length === 2 && path[0] === "metadata" && (path[1] === "namespace" || path[1] === "name")) {
      const text = knownString(o.value);
      if (path[1] === "namespace") out = text === undefined ? { ...out, namespace: "<namespace not known>", namespaceKnown: false } : { ...out, namespace: text, namespaceKnown: true };
      else if (text !== undefined) out = { ...out, name: text, loc: o.value!.loc };
    }
  }
  const metadata = at.reduce<Value | undefined>((v, k) => getEntry(v, k), patch.merge);
  const annotations = getEntry(metadata, "annotations");
  if (annotations?.kind === "object") for (const [key, value] of annotations.entries) setAnnotation(key, value);
  const namespace = knownString(getEntry(metadata, "namespace"));
  if (serviceAccount && patch.merge && namespace !== undefined) out = { ...out, namespace, namespaceKnown: true };
  return out;
}

/** The role as a patch renaming its Kubernetes object leaves it (when its IAM name is the object's), or undefined. */
export function patchRole(role: RoleDecl, patch: PatchDecl): RoleDecl | undefined {
  const object = role.kubernetesObject;
  if (!object || !selects(patch.target, "Role", object.name, undefined, object.group)) return undefined;
  const rename = (patch.operations ?? []).find((o) => (o.op === "replace" || o.op === "add") && o.path === "/metadata/name");
  const name = rename?.value && knownString(rename.value);
  if (!rename || name === undefined || object.external) return undefined;
  return { ...role, id: `${role.id}#${name}`, patchOf: role.id, name: rename.value!, kubernetesObject: { ...object, name }, loc: rename.value!.loc, address: `Role ${name} (${object.group}, renamed by a patch)` };
}
