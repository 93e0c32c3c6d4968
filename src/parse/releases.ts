import type { ServiceAccountDecl } from "../core/declarations.js";
import { asItems, getEntry, type Value } from "../core/value.js";
import { chartServiceAccounts } from "./chart-values.js";
import { parseRenderedYaml } from "./rendered-yaml.js";

/**
 * The ServiceAccounts a GitOps release's Helm values configure: a Flux `HelmRelease` (`spec.values`,
 * installed into `spec.targetNamespace` or its own namespace) or an Argo CD `Application`
 * (`spec.source[s].helm.valuesObject`, or the YAML string `helm.values`, installed into
 * `spec.destination.namespace`). `valuesFrom` ConfigMaps and Secrets are not read: what they hold
 * is not known, and never assumed.
 */
export function releaseServiceAccounts(kind: string, object: Value, declaredNamespace: string | undefined): ServiceAccountDecl[] {
  const spec = getEntry(object, "spec");
  if (kind === "HelmRelease") {
    const namespace = getEntry(spec, "targetNamespace") ?? (declaredNamespace !== undefined ? getEntry(getEntry(object, "metadata"), "namespace") : undefined);
    return chartServiceAccounts(getEntry(spec, "values"), { namespace, origin: "helm" });
  }
  const namespace = getEntry(getEntry(spec, "destination"), "namespace");
  const sources = [getEntry(spec, "source"), ...asItems(getEntry(spec, "sources"))];
  return sources.flatMap((source) => {
    const helm = getEntry(source, "helm");
    const inline = getEntry(helm, "values");
    const values = getEntry(helm, "valuesObject") ?? (inline ? parseRenderedYaml(inline)[0] : undefined);
    return chartServiceAccounts(values, { namespace, origin: "helm" });
  });
}
