import { posix } from "node:path";
import type { KustomizationDecl, ServiceAccountDecl } from "../core/declarations.js";
import { pushTo } from "../core/collections.js";
import { str } from "../core/value.js";
import type { FileOutcome } from "./parse-files.js";
import { patchServiceAccount } from "./patches.js";

/**
 * Kustomize's `namespace:` is set on every resource a kustomization includes, directly or through
 * the bases it lists, and its inline patches change what they select. Each kustomization that sets
 * a namespace or patches is a deployment of the files it includes: their ServiceAccounts and
 * workloads are read once per such kustomization, in its namespace, patched as it patches them
 * (located where the patch writes the value). A file no such kustomization includes stays as it is.
 */
export function applyKustomizations(outcomes: FileOutcome[]): void {
  const kustomizations = outcomes.flatMap((o) => o.declarations.kustomizations);
  placeHelmReleases(outcomes, kustomizations);
  if (!kustomizations.length) return;
  const byDir = new Map(kustomizations.map((k) => [posix.dirname(k.file), k]));
  const deployments = new Map<string, KustomizationDecl[]>();
  for (const k of kustomizations) {
    if (!k.namespace && !k.patches.length) continue;
    for (const file of includedFiles(k, byDir)) pushTo(deployments, file, k);
  }
  for (const o of outcomes) {
    const by = deployments.get(o.status.file);
    if (!by) continue;
    const d = o.declarations;
    const namespaced = by.filter((k) => k.namespace);
    d.serviceAccounts = d.serviceAccounts.flatMap((sa) => {
      // It stays as written only when no kustomization including it changes it (sets a namespace, patches it).
      const variants = by.flatMap((k) => deployed(sa, k) ?? []);
      const seen = new Set<string>();
      const distinct = variants.filter((v) => {
        const key = `${v.namespace}/${v.name}@${v.roleArn ? `${v.roleArn.loc.file}:${v.roleArn.loc.line}:${v.roleArn.loc.column}` : ""}`;
        return !seen.has(key) && !!seen.add(key);
      });
      return distinct.length ? distinct : [sa];
    });
    // A kustomization that only patches leaves the namespace as it was; the namespaced ones set theirs.
    const namespaces = namespaced.map((k) => k.namespace!);
    if (namespaces.length) d.workloads = namespaces.flatMap((namespace) => d.workloads.map((w) => ({ ...w, namespace })));
  }
}

/** A ServiceAccount as one kustomization deploys it (patched as it patches it, in its namespace), or undefined when it changes nothing of it. */
function deployed(sa: ServiceAccountDecl, k: KustomizationDecl): ServiceAccountDecl | undefined {
  let out = sa;
  for (const patch of k.patches) {
    const patched = patchServiceAccount(out, patch);
    if (patched) out = { ...patched, provenance: [...(out.provenance ?? []), { message: `patched by ${k.file}`, location: patch.loc }] };
  }
  if (k.namespace) return { ...out, namespace: k.namespace, namespaceKnown: true };
  return out === sa ? undefined : out;
}

/** The manifest files a kustomization includes: listed files, and what listed folders' kustomizations include. */
export function includedFiles(k: KustomizationDecl, byDir: Map<string, KustomizationDecl>, seen = new Set<string>()): string[] {
  if (seen.has(k.file)) return []; // a cycle of bases
  seen.add(k.file);
  const dir = posix.dirname(k.file);
  return k.resources.flatMap((resource) => {
    const path = posix.normalize(posix.join(dir, resource));
    const base = byDir.get(path);
    return base ? includedFiles(base, byDir, seen) : [path];
  });
}

/**
 * A Flux HelmRelease without targetNamespace installs into its own namespace, which the
 * kustomizations including it set (one install per namespace they give); included by none, it is
 * the namespace written in it. Only Crossplane's own install is read this way.
 */
function placeHelmReleases(outcomes: FileOutcome[], kustomizations: KustomizationDecl[]): void {
  if (!outcomes.some((o) => o.declarations.crossplaneInstalls.some((i) => i.releaseNamespace))) return;
  const byDir = new Map(kustomizations.map((k) => [posix.dirname(k.file), k]));
  const namespaces = new Map<string, string[]>();
  for (const k of kustomizations) if (k.namespace) for (const file of includedFiles(k, byDir)) pushTo(namespaces, file, k.namespace);
  for (const o of outcomes) {
    const set = namespaces.get(o.status.file);
    o.declarations.crossplaneInstalls = o.declarations.crossplaneInstalls.flatMap((i) => {
      if (!i.releaseNamespace) return [i];
      if (set?.length) return [...new Set(set)].map((namespace) => ({ namespace: str(namespace, i.loc), fromRelease: true, loc: i.loc }));
      return [{ namespace: i.releaseNamespace, fromRelease: true, loc: i.loc }];
    });
  }
}
