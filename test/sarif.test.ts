import { readFileSync } from "node:fs";
import { resolve } from "node:path";
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
      const log = JSON.parse(formatSarif(result, rules, resolve(FIXTURES, name)));
      expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(log.runs[0].results).toHaveLength(result.findings.length);
    });
  }

  it("carries exact regions, related locations, rule metadata and fingerprints", async () => {
    const result = await lintFixture("role-arn-resolves");
    const log = JSON.parse(formatSarif(result, rules, resolve(FIXTURES, "role-arn-resolves")));
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([...rules.map((r) => r.id), "unused-suppression", "invalid-suppression"]);
    const first = run.results[0];
    expect(first).toMatchObject({
      ruleId: "role-arn-resolves",
      level: "error",
      locations: [{ physicalLocation: { artifactLocation: { uri: "k8s/sa.yaml", uriBaseId: "%SRCROOT%" }, region: { startLine: 7, startColumn: 33, endLine: 7, endColumn: 75 } } }],
      relatedLocations: [{ id: 0, physicalLocation: { artifactLocation: { uri: "terraform/roles.tf" }, region: { startLine: 25 } } }],
    });
    expect(first.partialFingerprints["irsaLintFinding/v1"]).toMatch(/^[0-9a-f]{32}$/);
    expect(run.tool.driver.rules[0].helpUri).toMatch(/docs\/rules\/role-arn-format\.md$/);
  });

  it("reports files that failed to parse as tool notifications with their position", async () => {
    const result = await lintFixture("broken-files");
    const log = JSON.parse(formatSarif(result, rules, resolve(FIXTURES, "broken-files")));
    const notes = log.runs[0].invocations[0].toolExecutionNotifications;
    expect(notes).toContainEqual(
      expect.objectContaining({ level: "error", locations: [{ physicalLocation: expect.objectContaining({ artifactLocation: { uri: "terraform/broken.tf", uriBaseId: "%SRCROOT%" } }) }] }),
    );
  });
});
