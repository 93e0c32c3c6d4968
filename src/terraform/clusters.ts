import type { ClusterRef, Declarations } from "../core/declarations.js";
import { asItems, getEntry, unknown, type Value } from "../core/value.js";
import type { Block } from "../parse/hcl/ast.js";
import { moduleAddons } from "./addons.js";
import { nestedBlocks } from "./blocks.js";
import type { TerraformModule } from "./module.js";
import type { Scope } from "./scope.js";

/**
 * EKS clusters, add-ons and Fargate profiles in Terraform: what Pod Identity associations need
 * around them (the agent add-on, EC2 nodes). A cluster is named by its declaration when a value
 * refers to it (`module.eks.cluster_name`, `aws_eks_cluster.this.name`), else by the name itself.
 */
export function clusterRef(v: Value | undefined, root: string): ClusterRef | undefined {
  if (!v || v.kind === "null") return undefined;
  const origin = "origin" in v ? v.origin : undefined;
  const address = origin?.address.replace(/\[[^\]]*\]/g, "");
  const declaring = address && /(^|\.|::)(module\.[^.]+|aws_eks_cluster\.[^.]+)$/.test(address);
  // Addresses of evaluated modules' resources come qualified with their root (`root::module.eks.aws_eks_cluster.this`).
  return { ...(declaring ? { id: address.includes("::") ? address.replace("::", " ") : `${root} ${address}` } : {}), name: v };
}

/** Whether a block's attribute `enabled` (of `compute_config`) is set, as a value. */
function enabledOf(mod: TerraformModule, block: Block, scope: Scope, name: string): Value | undefined {
  const inner = nestedBlocks(block.body, name, scope, mod.evaluator).blocks[0];
  const enabled = inner?.block.body.attributes.find((a) => a.name === "enabled");
  return enabled ? mod.evaluator.eval(enabled.expr, inner!.scope) : undefined;
}

const root = (mod: TerraformModule) => mod.options.root;

export function readEksCluster(attrs: Map<string, Value>, address: string, block: Block, mod: TerraformModule, out: Declarations, scope: Scope): void {
  const autoMode = enabledOf(mod, block, scope, "compute_config");
  out.clusters.push({ id: `${root(mod)} ${address.replace(/\[[^\]]*\]/g, "")}`, label: address, name: attrs.get("name"), ...(autoMode ? { autoMode } : {}), loc: block.headerLoc });
}

export function readEksAddon(attrs: Map<string, Value>, block: Block, mod: TerraformModule, out: Declarations): void {
  out.addons.push({ name: attrs.get("addon_name") ?? unknown("addon_name not set", block.headerLoc), cluster: clusterRef(attrs.get("cluster_name"), root(mod)), loc: block.headerLoc });
}

/** A Helm release installs an add-on's chart (`eks-pod-identity-agent` from aws/eks-charts) as well. */
export function readHelmRelease(attrs: Map<string, Value>, block: Block, out: Declarations): void {
  out.addons.push({ name: attrs.get("chart") ?? unknown("chart not set", block.headerLoc), loc: block.headerLoc });
}

export function readFargateProfile(attrs: Map<string, Value>, address: string, block: Block, mod: TerraformModule, out: Declarations, scope: Scope): void {
  const { blocks, unknown: partial } = nestedBlocks(block.body, "selector", scope, mod.evaluator);
  const cluster = clusterRef(attrs.get("cluster_name"), root(mod));
  if (partial) out.fargateSelectors.push({ profile: address, cluster, namespace: partial, labels: false, loc: block.headerLoc });
  for (const { block: selector, scope: inner } of blocks) {
    const attr = (name: string) => selector.body.attributes.find((a) => a.name === name);
    const namespace = attr("namespace");
    if (!namespace) continue;
    const value = mod.evaluator.eval(namespace.expr, inner);
    out.fargateSelectors.push({ profile: address, cluster, namespace: value, labels: hasLabels(attr("labels") && mod.evaluator.eval(attr("labels")!.expr, inner)), loc: value.loc });
  }
}

/** Labels that narrow a selector; unknown labels may narrow it too. */
function hasLabels(v: Value | undefined): boolean {
  if (!v || v.kind === "null") return false;
  return v.kind !== "object" || v.entries.size > 0;
}

/**
 * The EKS module's cluster (`cluster_name` up to v20, `name` from v21), its Auto Mode setting, its
 * add-on map and Fargate profiles; EKS Blueprints Addons' `eks_addons` for the cluster it names.
 */
export function readEksModule(mod: TerraformModule, name: string, block: Block, scope: Scope, out: Declarations, kind: "eks" | "addons"): ClusterRef {
  const attr = (arg: string) => {
    const v = mod.attribute(block, arg, scope);
    return v && v.kind !== "null" ? v : undefined;
  };
  const id = `${root(mod)} ${mod.options.address.replace(/\[[^\]]*\]/g, "")}module.${name}`;
  const cluster: ClusterRef = kind === "eks" ? { id, name: attr("cluster_name") ?? attr("name") } : (clusterRef(attr("cluster_name"), root(mod)) ?? {});
  if (kind === "eks") {
    const compute = attr("cluster_compute_config") ?? attr("compute_config");
    const autoMode = getEntry(compute, "enabled");
    out.clusters.push({ id, label: `module.${name}`, ...(cluster.name ? { name: cluster.name } : {}), ...(autoMode ? { autoMode } : compute && compute.kind !== "object" ? { autoMode: compute } : {}), loc: block.headerLoc });
  }
  for (const arg of kind === "eks" ? ["cluster_addons", "addons"] : ["eks_addons"]) {
    const value = attr(arg);
    if (!value) continue;
    if (value.kind !== "object") out.addons.push({ name: unknown(`module.${name} ${arg} is not known`, value.loc), cluster, loc: value.loc });
    for (const addon of moduleAddons(value)) out.addons.push({ name: addon.name === undefined ? unknown(`an add-on name of module.${name} is not known`, addon.loc) : { kind: "string", value: addon.name, loc: addon.loc }, cluster, loc: addon.loc });
  }
  if (kind === "eks") readModuleFargate(attr("fargate_profiles"), `module.${name}`, cluster, out);
  return cluster;
}

function readModuleFargate(profiles: Value | undefined, label: string, cluster: ClusterRef, out: Declarations): void {
  if (!profiles) return;
  if (profiles.kind !== "object") {
    out.fargateSelectors.push({ profile: `${label} fargate_profiles`, cluster, namespace: unknown(`${label} fargate_profiles is not known`, profiles.loc), labels: false, loc: profiles.loc });
    return;
  }
  for (const [key, profile] of profiles.entries) {
    const selectors = getEntry(profile, "selectors");
    if (selectors && selectors.kind !== "list") out.fargateSelectors.push({ profile: `${label} fargate_profiles.${key}`, cluster, namespace: unknown("selectors not known", selectors.loc), labels: false, loc: selectors.loc });
    for (const selector of asItems(selectors)) {
      const namespace = getEntry(selector, "namespace");
      if (namespace) out.fargateSelectors.push({ profile: `${label} fargate_profiles.${key}`, cluster, namespace, labels: hasLabels(getEntry(selector, "labels")), loc: namespace.loc });
    }
  }
}

/** `{ cluster }` to spread into a declaration, nothing when no cluster is written. */
export const withCluster = (cluster: ClusterRef | undefined) => (cluster ? { cluster } : {});
