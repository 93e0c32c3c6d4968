import { posix } from "node:path";
import type { KustomizationDecl } from "../core/declarations.js";
import type { FileOutcome } from "./parse-files.js";

/**
 * Kustomize's `namespace:` is set on every resource a kustomization includes, directly or through
 * the bases it lists. A manifest included by namespaced kustomizations is deployed once per such
 * namespace, so its ServiceAccounts and workloads are read once per namespace (an overlay's
 * patches are not applied). Without this, a base's ServiceAccount would sit in `default`.
 */
export function applyKustomizations(outcomes: FileOutcome[]): void {
  const kustomizations = outcomes.flatMap((o) => o.declarations.kustomizations);
  if (!kustomizations.length) return;
  const byDir = new Map(kustomizations.map((k) => [posix.dirname(k.file), k]));
  const namespacesOf = new Map<string, Set<string>>();
  for (const k of kustomizations) {
    if (!k.namespace) continue;
    for (const file of includedFiles(k, byDir, new Set())) namespacesOf.set(file, (namespacesOf.get(file) ?? new Set()).add(k.namespace));
  }
  for (const o of outcomes) {
    const namespaces = namespacesOf.get(o.status.file);
    if (!namespaces) continue;
    const d = o.declarations;
    d.serviceAccounts = [...namespaces].flatMap((namespace) => d.serviceAccounts.map((sa) => ({ ...sa, namespace, namespaceKnown: true })));
    d.workloads = [...namespaces].flatMap((namespace) => d.workloads.map((w) => ({ ...w, namespace })));
  }
}

/** The manifest files a kustomization includes: listed files, and what listed folders' kustomizations include. */
function includedFiles(k: KustomizationDecl, byDir: Map<string, KustomizationDecl>, seen: Set<string>): string[] {
  if (seen.has(k.file)) return []; // a cycle of bases
  seen.add(k.file);
  const dir = posix.dirname(k.file);
  return k.resources.flatMap((resource) => {
    const path = posix.normalize(posix.join(dir, resource));
    const base = byDir.get(path);
    return base ? includedFiles(base, byDir, seen) : [path];
  });
}
