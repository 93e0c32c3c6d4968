import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../src/cli.js";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { rules } from "../rules/index.js";
import { formatSarif } from "../src/format/sarif.js";
import { FIXTURES, fixtureNames, lintFixture } from "./helpers.js";

// The official SARIF 2.1.0 schema (JSON Schema 2020-12 form), as provided in shared/schemas.
const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, "schemas/sarif-2.1.0.json"), "utf8"));
const ajv = new Ajv2020.default({ strict: false, allErrors: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

describe("SARIF output", () => {
  for (const name of fixtureNames()) {
    it(`validates against the SARIF 2.1.0 schema: ${name}`, async () => {
      const result = await lintFixture(name);
      const log = JSON.parse(formatSarif(result, rules, { cwd: resolve(FIXTURES, name), root: resolve(FIXTURES, name) }));
      expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(log.runs[0].results).toHaveLength(result.findings.length);
    });
  }

  it("carries exact regions, related locations, rule metadata and fingerprints", async () => {
    const result = await lintFixture("role-arn-resolves");
    const log = JSON.parse(formatSarif(result, rules, { cwd: resolve(FIXTURES, "role-arn-resolves"), root: resolve(FIXTURES, "role-arn-resolves") }));
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([...rules.map((r) => r.id), "unused-suppression", "invalid-suppression"]);
    const first = run.results[0];
    expect(first).toMatchObject({
      ruleId: "role-arn-resolves",
      level: "error",
      locations: [{ physicalLocation: { artifactLocation: { uri: "k8s/sa.yaml", uriBaseId: "%SRCROOT%" }, region: { startLine: 7, startColumn: 33, endLine: 7, endColumn: 75 } } }],
      relatedLocations: [{ id: 0, physicalLocation: { artifactLocation: { uri: "terraform/roles.tf" }, region: { startLine: 25 } } }],
    });
    expect(first.partialFingerprints["irsaLintFinding/v2"]).toMatch(/^[0-9a-f]{32}$/);
    expect(run.tool.driver.rules[0].helpUri).toMatch(/docs\/rules\/role-arn-format\.md$/);
  });

  it("reports files that failed to parse as tool notifications with their position", async () => {
    const result = await lintFixture("broken-files");
    const log = JSON.parse(formatSarif(result, rules, { cwd: resolve(FIXTURES, "broken-files"), root: resolve(FIXTURES, "broken-files") }));
    const notes = log.runs[0].invocations[0].toolExecutionNotifications;
    expect(notes).toContainEqual(
      expect.objectContaining({ level: "error", locations: [{ physicalLocation: expect.objectContaining({ artifactLocation: { uri: "terraform/broken.tf", uriBaseId: "%SRCROOT%" } }) }] }),
    );
  });

  it("names files and fingerprints them from the repository root, whichever folder it runs from", async () => {
    const repo = mkdtempSync(join(tmpdir(), "irsa-lint-sarif-root-"));
    try {
      mkdirSync(join(repo, ".git"));
      cpSync(join(FIXTURES, "role-arn-resolves"), join(repo, "infra"), { recursive: true });
      rmSync(join(repo, "infra/expected.json"));
      const sarif = async (cwd: string, path: string) => {
        let out = "";
        await main(["--format", "sarif", path], { stdout: (t) => (out += t), stderr: () => {}, cwd, color: false });
        const run = JSON.parse(out).runs[0];
        return { base: run.originalUriBaseIds, results: run.results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>; partialFingerprints: object }) => [r.locations[0].physicalLocation.artifactLocation.uri, r.partialFingerprints]) };
      };
      const fromRoot = await sarif(repo, "infra");
      const fromFolder = await sarif(join(repo, "infra"), ".");
      expect(fromRoot.results.length).toBeGreaterThan(0);
      expect(fromRoot.results[0][0]).toBe("infra/k8s/sa.yaml");
      expect(fromFolder).toEqual(fromRoot);
      writeFileSync(join(repo, "infra/k8s/sa.yaml"), `# moved down\n${readFileSync(join(repo, "infra/k8s/sa.yaml"), "utf8")}`);
      expect((await sarif(join(repo, "infra"), ".")).results.map((r: unknown[]) => r[1])).toEqual(fromRoot.results.map((r: unknown[]) => r[1]));
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
