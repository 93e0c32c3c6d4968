import type { ServiceAccountDecl } from "../core/declarations.js";
import { asItems, getEntry, knownString, type Value } from "../core/value.js";
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
    // Flux names the release [<targetNamespace>-]<name> unless spec.releaseName says otherwise.
    const name = knownString(getEntry(getEntry(object, "metadata"), "name"));
    const target = knownString(getEntry(spec, "targetNamespace"));
    const releaseName = knownString(getEntry(spec, "releaseName")) ?? (name && target ? `${target}-${name}` : name);
    const chart = knownString(getEntry(getEntry(getEntry(spec, "chart"), "spec"), "chart"));
    return chartServiceAccounts(getEntry(spec, "values"), { namespace, origin: "helm", name: releaseName, chart });
  }
  const namespace = getEntry(getEntry(spec, "destination"), "namespace");
  const sources = [getEntry(spec, "source"), ...asItems(getEntry(spec, "sources"))];
  return sources.flatMap((source) => {
    const helm = getEntry(source, "helm");
    const inline = getEntry(helm, "values");
    const values = getEntry(helm, "valuesObject") ?? (inline ? parseRenderedYaml(inline)[0] : undefined);
    const name = knownString(getEntry(helm, "releaseName")) ?? knownString(getEntry(getEntry(object, "metadata"), "name"));
    return chartServiceAccounts(values, { namespace, origin: "helm", name, chart: knownString(getEntry(source, "chart")) });
  });
}
