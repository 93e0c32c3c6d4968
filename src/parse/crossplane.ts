import type { Declarations } from "../core/declarations.js";
import { knownString, type Value } from "../core/value.js";

/** A Helm release of Crossplane's chart (Terraform, a script's helm install): where its providers' ServiceAccounts are created. */
export function crossplaneInstall(chart: Value | undefined, namespace: Value, out: Declarations, releaseNamespace?: Value): void {
  const name = knownString(chart);
  if (name !== undefined && /(^|\/)crossplane$/.test(name)) out.crossplaneInstalls.push({ namespace, ...(releaseNamespace ? { releaseNamespace } : {}), loc: chart!.loc });
}
