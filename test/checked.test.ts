import { afterAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { createHclParser } from "../src/parse/hcl/parser.js";
import { checkedRepo, type CheckedRepo } from "./checked-harness.js";
import { FIXTURES, fixtureNames } from "./helpers.js";

// Bounded for npm test: every fixture, every site; `npm run fuzz` adds the development corpus when it is on disk.
describe("a link reported checked compared both ends", () => {
  const hcl = createHclParser();
  const repos: CheckedRepo[] = [];
  afterAll(() => repos.forEach((r) => r.dispose()));

  it("renaming the ServiceAccount of every checked link of every fixture to a name nobody chose is reported, or unchecks the link", async () => {
    let sites = 0;
    for (const name of fixtureNames()) {
      if (name.startsWith("hostile")) continue;
      const repo = await checkedRepo(join(FIXTURES, name), hcl);
      repos.push(repo);
      for (const site of repo.sites) await repo.check(site);
      sites += repo.sites.length;
    }
    expect(sites).toBeGreaterThan(40);
  }, 240_000);
});
