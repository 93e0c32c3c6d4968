import type { ServiceAccountDecl } from "../core/declarations.js";
import { getEntry, knownString, obj, type ObjectValue, type Value } from "../core/value.js";
import { serviceAccountAnnotations } from "./kubernetes-annotations.js";
import type { Selector } from "./yaml-cut.js";

/** Where a Helm release's values come from, and what the release itself decides. */
export interface Release {
  /** The release namespace (helm_release, HelmRelease, Argo CD destination); unknown for a chart's values.yaml. */
  namespace?: Value;
  origin: ServiceAccountDecl["origin"];
  /** The release's name and the chart's, when known: Helm names resources from them. */
  name?: string;
  chart?: string;
}

/** How deep below the top-level mapping a `serviceAccount` block is looked for (component keys). */
const CHART_SERVICE_ACCOUNT_DEPTH = 3;

/**
 * The ServiceAccounts a chart's values configure, by the convention charts share: a
 * `serviceAccount` block with `create`, `name` and `annotations`, at the top (most charts) or
 * under a component key (`controller.serviceAccount`, cluster-autoscaler's `rbac.serviceAccount`,
 * Argo Workflows' `workflow.serviceAccount`). `create: false` means the chart uses a
 * ServiceAccount made elsewhere, and ignores these annotations. Without `name`, the chart names
 * it from the release (its fullname): not known here.
 */
export function chartServiceAccounts(values: Value | undefined, release: Release): ServiceAccountDecl[] {
  const out: ServiceAccountDecl[] = [];
  const visit = (v: Value | undefined, depth: number) => {
    if (v?.kind !== "object" || depth > CHART_SERVICE_ACCOUNT_DEPTH) return;
    for (const [key, inner] of v.entries) {
      if (/^serviceAccount$/i.test(key) && inner.kind === "object") {
        const sa = fromBlock(inner, v, key, release, depth === 0 ? v : undefined);
        if (sa) out.push(sa);
      } else visit(inner, depth + 1);
    }
  };
  visit(values, 0);
  return out;
}

/**
 * What chartServiceAccounts reads of a values file, as a selector for cutting the rest before
 * parsing (yaml-cut): `serviceAccount` blocks in the mappings of the first four levels. A key is
 * read on when its lines mention a serviceAccount.
 */
export function chartValuesSelector(depth = 0): Selector {
  return (key, region) => {
    if (/^serviceAccount$/i.test(key)) return true;
    if (depth >= CHART_SERVICE_ACCOUNT_DEPTH) return false;
    return /serviceAccount/i.test(region()) ? chartValuesSelector(depth + 1) : false;
  };
}

function fromBlock(block: ObjectValue, parent: ObjectValue, key: string, release: Release, root?: ObjectValue): ServiceAccountDecl | undefined {
  if (knownString(getEntry(block, "create")) === "false") return undefined;
  const annotations = getEntry(block, "annotations");
  const irsa = serviceAccountAnnotations((k) => writtenAt(annotations, k));
  const nameValue = getEntry(block, "name");
  const name = knownString(nameValue);
  if (!irsa.roleArn && !name) return undefined;
  const namespace = knownString(release.namespace);
  return {
    ...(name ? { name } : { name: "<chart's default name>", nameKnown: false, ...conventional(release, root) }),
    ...(namespace !== undefined ? { namespace } : { namespace: "<release namespace>", namespaceKnown: false }),
    loc: (name ? nameValue?.loc : undefined) ?? parent.keyLocs.get(key) ?? block.loc,
    ...irsa,
    automount: getEntry(block, "automount") ?? getEntry(block, "automountServiceAccountToken"),
    origin: release.origin,
  };
}

/** Values files and `set` entries combined as Helm combines them: later ones override, maps merge. */
export function mergeValues(base: Value | undefined, over: Value): Value {
  if (base?.kind !== "object" || over.kind !== "object") return over;
  const entries = new Map(base.entries);
  const keyLocs = new Map(base.keyLocs);
  for (const [k, v] of over.entries) {
    entries.set(k, mergeValues(entries.get(k), v));
    keyLocs.set(k, over.keyLocs.get(k) ?? v.loc);
  }
  return obj(entries, over.loc, keyLocs);
}

/** A `set { name = "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn" }` entry as values. */
export function valuesAt(path: string, value: Value): Value {
  const keys = path.split(/(?<!\\)\./).map((k) => k.replace(/\\\./g, "."));
  return keys.reduceRight<Value>((inner, key) => obj(new Map([[key, inner]]), value.loc, new Map([[key, value.loc]])), value);
}

/**
 * Helm's `fullname` helper, as `helm create` writes it and most charts keep: `fullnameOverride`
 * when the values set it (for the chart's top-level ServiceAccount), else the release name with
 * the chart's name (or `nameOverride`) unless it holds it; truncated to 63 characters.
 */
function conventional(release: Release, root?: ObjectValue): { conventionalNames?: string[] } {
  const override = knownString(getEntry(root, "fullnameOverride"));
  if (override) return { conventionalNames: [override.slice(0, 63).replace(/-$/, "")] };
  if (!release.name) return {};
  const chart = knownString(getEntry(root, "nameOverride")) || release.chart?.replace(/^.*\//, "").replace(/:.*$/, "");
  const fullname = !chart || release.name.includes(chart) ? release.name : `${release.name}-${chart}`;
  return { conventionalNames: [...new Set([fullname, release.name].map((n) => n.slice(0, 63).replace(/-$/, "")))] };
}

/**
 * An annotation's value, located where the values write it: a Terraform reference in
 * `yamlencode({...})` evaluates to the referenced resource's value, located at that resource.
 */
function writtenAt(annotations: Value | undefined, key: string): Value | undefined {
  const v = getEntry(annotations, key);
  const at = annotations?.kind === "object" ? annotations.keyLocs.get(key) : undefined;
  if (!v || !at || (v.loc.file === at.file && v.loc.line >= at.line)) return v;
  return { ...v, loc: at };
}
