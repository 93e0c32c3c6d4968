import { memoised } from "../core/collections.js";
import type { IrsaModel } from "./model.js";

/** Which ServiceAccounts the scan's manifests, charts and Terraform define, as rules about missing ones ask. */
export interface DefinedServiceAccounts {
  /**
   * "no" only when the namespace's ServiceAccounts are in the scan and none of them can be this one
   * (a chart's of unknown name may be any of its namespace; one of unknown namespace, any of its name).
   */
  defines(namespace: string, name: string): "yes" | "no" | "maybe";
  /** The names defined in a namespace, sorted. */
  namesIn(namespace: string): string[];
}

export const definedServiceAccounts = memoised((model: IrsaModel): DefinedServiceAccounts => {
  const byNamespace = new Map<string, Set<string>>();
  const anywhere = new Set<string>();
  const anyName = new Set<string>();
  let anyAnywhere = false;
  for (const sa of model.serviceAccounts) {
    if (sa.nameKnown === false) {
      if (sa.namespaceKnown === false) anyAnywhere = true;
      else anyName.add(sa.namespace);
    } else if (sa.namespaceKnown === false) anywhere.add(sa.name);
    else byNamespace.set(sa.namespace, (byNamespace.get(sa.namespace) ?? new Set()).add(sa.name));
  }
  return {
    defines(namespace, name) {
      const names = byNamespace.get(namespace);
      if (names?.has(name)) return "yes";
      if (anyAnywhere || !names || anywhere.has(name) || anyName.has(namespace)) return "maybe";
      return "no";
    },
    namesIn: (namespace) => [...(byNamespace.get(namespace) ?? [])].sort(),
  };
});
