import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Ajv from "ajv";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { FIXTURES } from "./helpers.js";

const ROOT = resolve(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "irsa-lint-ci-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(args: string[], cwd = ROOT) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, color: false });
  return { code, stdout, stderr };
}

// Six errors and a warning: role-arn-resolves first, at kubernetes/payments-api.yaml:7.
const BROKEN = join(ROOT, "examples", "broken-payments-api");

describe("several reports in one run", () => {
  it("pairs each --format with its --output, in order, '-' being standard output", async () => {
    const sarif = join(work, "out", "irsa-lint.sarif");
    const { code, stdout } = await run(["--no-color", "-f", "stylish", "-f", "sarif", "-f", "json", "-o", "-", "-o", sarif, "-o", join(work, "out", "r.json"), "."], BROKEN);
    expect(code).toBe(1);
    expect(stdout).toMatch(/role-arn-resolves/);
    expect(JSON.parse(readFileSync(sarif, "utf8")).runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain("role-arn-resolves");
    expect(JSON.parse(readFileSync(join(work, "out", "r.json"), "utf8")).findings[0].ruleId).toBe("role-arn-resolves");
  });

  it("refuses formats without an output each, and two reports on standard output", async () => {
    expect((await run(["-f", "stylish", "-f", "sarif", "."], BROKEN)).stderr).toMatch(/2 --format need one --output each/);
    expect((await run(["-f", "stylish", "-f", "json", "-o", "-", "-o", "-", "."], BROKEN)).stderr).toMatch(/only one report can go to standard output/);
    expect((await run(["-f", "xml", "."], BROKEN)).stderr).toMatch(/unknown --format "xml" \(use stylish, json, sarif, github, gitlab, junit\)/);
  });
});

describe("the gate", () => {
  it("--fail-on never passes with errors, warning fails on a warning, and --quiet keeps warnings from failing", async () => {
    expect((await run(["--fail-on", "never", "."], BROKEN)).code).toBe(0);
    const warnings = join(FIXTURES, "automount-not-disabled");
    const plain = await run(["--rule", "automount-not-disabled=warning", "."], warnings);
    expect(plain.code).toBe(0);
    const strictWarnings = await run(["--rule", "automount-not-disabled=warning", "--fail-on", "warning", "."], warnings);
    expect(strictWarnings.code).toBe(1);
    expect(strictWarnings.stderr).toMatch(/^irsa-lint: \d+ warnings? found \(fail-on warning\)$/m);
    const quiet = await run(["--rule", "automount-not-disabled=warning", "--fail-on", "warning", "--max-warnings", "0", "--quiet", "."], warnings);
    expect([quiet.code, quiet.stdout]).toEqual([0, expect.not.stringContaining("warning  ")]);
    expect((await run(["--fail-on", "sometimes", "."], BROKEN)).stderr).toMatch(/--fail-on expects error, warning or never/);
  });

  it("fails on a file that could not be parsed, whatever the findings, unless --allow-incomplete", async () => {
    const broken = await run(["--fail-on", "never", "broken-files"], FIXTURES);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe("irsa-lint: not everything was checked: 3 files could not be parsed, so findings may be missing (--allow-incomplete accepts this)\n");
    expect((await run(["--fail-on", "never", "--allow-incomplete", "broken-files"], FIXTURES)).code).toBe(0);
    // A chart's templates are shown as not checked, and fail only --strict.
    expect((await run(["--allow-incomplete", "--strict", "broken-files"], FIXTURES)).code).toBe(2);
  });

  it("does not fail on Helm templates alone, except with --strict", async () => {
    const chart = join(FIXTURES, "broken-files");
    expect((await run(["chart"], chart)).code).toBe(0);
    expect((await run(["--strict", "chart"], chart)).code).toBe(2);
  });

  it("exits 2 when files were selected and none could be read, as documented", async () => {
    const onlyBroken = await run(["k8s/broken.yaml"], join(FIXTURES, "broken-files"));
    expect(onlyBroken.code).toBe(2);
    expect(onlyBroken.stderr).toMatch(/no selected file could be read/);
  });
});

describe("--rule", () => {
  it("sets a rule's severity for one run, over the config, and names the closest rule for a typo", async () => {
    const rulesOf = (stdout: string) => JSON.parse(stdout).findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId}:${f.severity}`);
    const off = await run(["--format", "json", "--rule", "role-arn-resolves=off", "."], BROKEN);
    expect(rulesOf(off.stdout)).not.toContain("role-arn-resolves:error");
    expect(rulesOf(off.stdout).length).toBe(6);
    const note = await run(["--format", "json", "--rule", "role-arn-resolves=note", "--rule", "automount-not-disabled=error", "."], BROKEN);
    expect(rulesOf(note.stdout)).toEqual(expect.arrayContaining(["role-arn-resolves:note", "automount-not-disabled:error"]));
    const typo = await run(["--rule", "role-arn-resolve=off", "."], BROKEN);
    expect([typo.code, typo.stderr]).toEqual([2, expect.stringContaining("--rule role-arn-resolve=off: no rule role-arn-resolve (did you mean role-arn-resolves?)")]);
    expect((await run(["--rule", "role-arn-resolves=loud", "."], BROKEN)).stderr).toMatch(/give role-arn-resolves=off, note, warning or error/);
  });
});

describe("paths a CI system matches against the repository", () => {
  it("-f github names files from the repository root, wherever the run starts", async () => {
    const { stdout } = await run(["-f", "github", "."], BROKEN);
    expect(stdout).toMatch(/^::error file=examples\/broken-payments-api\/kubernetes\/payments-api\.yaml,line=7,/m);
  });
});

describe("--format gitlab", () => {
  it("writes GitLab's Code Quality report: its required fields, paths from the root, one fingerprint per finding", async () => {
    const { stdout } = await run(["-f", "gitlab", join(FIXTURES, "broken-files"), BROKEN], ROOT);
    const issues = JSON.parse(stdout);
    const ajv = new Ajv.default({ allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, "test/schemas/gitlab-code-quality.json"), "utf8")));
    expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
    expect(issues).toContainEqual(expect.objectContaining({ check_name: "role-arn-resolves", severity: "major", location: { path: "examples/broken-payments-api/kubernetes/payments-api.yaml", lines: { begin: 7, end: 7 } } }));
    expect(issues).toContainEqual(expect.objectContaining({ check_name: "irsa-lint/parse-error", severity: "blocker", location: expect.objectContaining({ path: "fixtures/broken-files/terraform/broken.tf" }) }));
    const fingerprints = issues.map((i: { fingerprint: string }) => i.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });
});

describe("--format junit", () => {
  it("writes JUnit XML: a suite per rule, a failing case per rule and file, a passing case per clean rule, an error per unparsable file", async () => {
    const { stdout } = await run(["-f", "junit", join(FIXTURES, "broken-files"), BROKEN], ROOT);
    expect(XMLValidator.validate(stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["testsuite", "testcase"].includes(name) }).parse(stdout);
    const suites = doc.testsuites.testsuite as Array<{ "@_name": string; "@_tests": string; "@_failures": string; "@_errors": string; testcase: Array<Record<string, unknown>> }>;
    const resolves = suites.find((s) => s["@_name"] === "role-arn-resolves")!;
    expect(resolves.testcase).toEqual([expect.objectContaining({ "@_name": "examples/broken-payments-api/kubernetes/payments-api.yaml", failure: expect.objectContaining({ "@_type": "error" }) })]);
    expect(suites.find((s) => s["@_name"] === "policy-not-action")!.testcase).toEqual([expect.objectContaining({ "@_name": "policy-not-action: no findings" })]);
    const parse = suites.find((s) => s["@_name"].startsWith("irsa-lint (files"))!;
    expect(parse["@_errors"]).toBe("3");
    expect(Number(doc.testsuites["@_tests"])).toBe(suites.reduce((n, s) => n + s.testcase.length, 0));
  });
});
