import { posix } from "node:path";
import type { CrossplaneInstallDecl, CrossplaneProviderDecl, Declarations, ServiceAccountDecl } from "../core/declarations.js";
import { knownString, unknown } from "../core/value.js";
import { sharedFolders } from "../model/projects.js";

/**
 * Crossplane providers' ServiceAccounts, as Crossplane creates them: in the namespace Crossplane is
 * installed in (its chart's Helm release in the scan), one per Provider whose runtime configuration
 * annotates it, named `<provider>-<revision hash>` (a Provider without runtimeConfigRef uses the
 * DeploymentRuntimeConfig named `default`). The nearest Providers and install win where a monorepo
 * holds several; a namespace two installs disagree on stays unknown.
 */
export function applyCrossplane(decls: Declarations): void {
  if (!decls.serviceAccounts.some((sa) => sa.crossplaneConfig)) return;
  // A Flux Kustomization's targetNamespace may move a HelmRelease: its own namespace is then no answer.
  const moved = decls.fluxSubstitutions.some((k) => k.setsNamespace);
  const installs = decls.crossplaneInstalls.map((i) => (moved && i.fromRelease ? { ...i, namespace: unknown("a Flux Kustomization's targetNamespace may move the HelmRelease", i.loc) } : i));
  decls.serviceAccounts = decls.serviceAccounts.flatMap((sa) => {
    const config = sa.crossplaneConfig;
    if (!config) return [sa];
    // Crossplane installed in another project (no folder in common, not above it) is another cluster's.
    const own = installs.filter((i) => posix.dirname(i.loc.file) === "." || sharedFolders(posix.dirname(i.loc.file), posix.dirname(sa.loc.file)) > 0);
    const namespace = installNamespace(nearest(own, sa.loc.file));
    const placed: ServiceAccountDecl = namespace === undefined ? sa : { ...sa, namespace, namespaceKnown: true };
    const users = nearest(
      decls.crossplaneProviders.filter((p) => (p.config ? p.config.kind === config.kind && p.config.name === config.name : config.kind === "DeploymentRuntimeConfig" && config.name === "default")),
      sa.loc.file,
    );
    const named = users.flatMap((p) => {
      const name = knownString(p.name);
      if (name === undefined) return [];
      return [{ ...placed, name: `${name}-<revision hash>`, namePrefix: `${name}-`, provenance: [...(sa.provenance ?? []), { message: `Crossplane names the ServiceAccount of Provider ${name} after its revision`, location: p.loc }] }];
    });
    // A Provider of a name not known may use it too: the unnamed ServiceAccount stays beside the named ones.
    return named.length && named.length === users.length ? named : [placed, ...named];
  });
}

/** The declarations nearest a file: sharing the most folders with it. */
function nearest<T extends CrossplaneInstallDecl | CrossplaneProviderDecl>(items: T[], file: string): T[] {
  let best = -1;
  let out: T[] = [];
  for (const item of items) {
    const n = sharedFolders(posix.dirname(item.loc.file), posix.dirname(file));
    if (n > best) [best, out] = [n, [item]];
    else if (n === best) out.push(item);
  }
  return out;
}

function installNamespace(installs: CrossplaneInstallDecl[]): string | undefined {
  const names = new Set(installs.map((i) => knownString(i.namespace)));
  return names.size === 1 && !names.has(undefined) ? [...names][0] : undefined;
}
