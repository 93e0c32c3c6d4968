import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without types
import { bundleAction } from "../scripts/build-action.mjs";
// @ts-expect-error: a plain ES module script without types
import { compactCatalog } from "../scripts/build-catalog.mjs";
import { FIXTURES } from "./helpers.js";

const ROOT = resolve(import.meta.dirname, "..");
const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8"));
const entrySource = readFileSync(join(ROOT, "src/action/main.ts"), "utf8");
const schema = JSON.parse(readFileSync(join(ROOT, "test/schemas/sarif-2.1.0.json"), "utf8"));
const ajv = new Ajv2020.default({ strict: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(schema);

const work = mkdtempSync(join(tmpdir(), "irsa-lint-action-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the committed bundle the way the runner does: inputs as INPUT_* variables. */
function runAction(workspace: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}) {
  const output = join(workspace, "github-output.txt");
  writeFileSync(output, "");
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: output, ...extraEnv };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const run = spawnSync(process.execPath, [join(ROOT, action.runs.main)], { cwd: workspace, env, encoding: "utf8" });
  const outputs = Object.fromEntries(readFileSync(output, "utf8").trim().split("\n").filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2)));
  return { ...run, outputs };
}

describe("GitHub Action", () => {
  it("declares exactly the inputs and outputs its entry reads and writes", () => {
    const read = [...entrySource.matchAll(/(?:input|choice)\("([\w-]+)"/g)].map((m) => m[1]).sort();
    expect(Object.keys(action.inputs).sort()).toEqual(read);
    const written = [...entrySource.matchAll(/setOutput\("([\w-]+)"/g)].map((m) => m[1]).sort();
    expect(Object.keys(action.outputs).sort()).toEqual(written);
    expect(action.runs.using).toBe("node24");
  });

  it("runs a committed bundle that is in sync with the sources (npm run build:action)", async () => {
    const built = (await bundleAction()) as Array<{ name: string; text: string }>;
    const committed = readdirSync(join(ROOT, "action")).filter((f) => f.endsWith(".mjs"));
    expect(committed.sort()).toEqual(built.map((b) => b.name).sort());
    for (const { name, text } of built) expect(readFileSync(join(ROOT, "action", name), "utf8"), name).toBe(text);
    expect(JSON.parse(readFileSync(join(ROOT, "action/iam-catalog.json"), "utf8"))).toEqual(await compactCatalog());
    const require = createRequire(import.meta.url);
    for (const [name, pkg] of [
      ["tree-sitter-terraform.wasm", "@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm"],
      ["web-tree-sitter.wasm", "web-tree-sitter/web-tree-sitter.wasm"],
    ]) expect(readFileSync(join(ROOT, "action/wasm", name)).equals(readFileSync(require.resolve(pkg)))).toBe(true);
  });

  const workspace = join(work, "repo");
  cpSync(join(FIXTURES, "local-modules"), workspace, { recursive: true });
  rmSync(join(workspace, "expected.json"));

  it("writes valid SARIF, annotates with workflow commands, sets outputs and fails on errors", () => {
    const run = runAction(workspace, { paths: "k8s terraform", "sarif-file": "out/irsa.sarif" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error file=terraform\/envs\/prod\/terraform\.tfvars,line=4,col=76,/m);
    expect(run.outputs).toEqual({ "sarif-file": join(workspace, "out/irsa.sarif"), errors: "3", warnings: "0", notes: "0", suppressed: "0", "not-checked": "0" });
  });

  it("writes a job summary linked to the commit's lines, escaping what the files say; annotations can be turned off", () => {
    const summary = join(workspace, "summary.md");
    writeFileSync(summary, "");
    const run = runAction(workspace, { paths: ".", annotations: "false", "fail-on": "never" }, { GITHUB_STEP_SUMMARY: summary, GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "acme/platform", GITHUB_SHA: "0123abc" });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/^::error file=/m);
    const text = readFileSync(summary, "utf8");
    expect(text).toMatch(/^### ❌ irsa-lint: 3 errors, 0 warnings, 0 notes$/m);
    expect(text).toContain("| [trust-subject-matches](");
    expect(text).toMatch(/\| error \| \[terraform\/envs\/prod\/terraform\.tfvars:4\]\(https:\/\/github\.com\/acme\/platform\/blob\/0123abc\/terraform\/envs\/prod\/terraform\.tfvars#L4\) \|/);
  });

  it("fails on too many warnings and suppresses what a baseline records", () => {
    runAction(workspace, { paths: ".", "fail-on": "never" });
    const cli = spawnSync(process.execPath, [join(ROOT, "dist/cli.js"), "--write-baseline", "baseline.json", "."], { cwd: workspace, encoding: "utf8" });
    expect(cli.status).toBe(0);
    const run = runAction(workspace, { paths: ".", baseline: "baseline.json", "max-warnings": "0" });
    expect([run.status, run.outputs.errors, run.outputs.suppressed]).toEqual([0, "0", "3"]);
    const sarif = JSON.parse(readFileSync(join(workspace, "irsa-lint.sarif"), "utf8"));
    expect(sarif.runs[0].results).toEqual([]);
    rmSync(join(workspace, "baseline.json"));
  });

  it("keeps SARIF fingerprints when a line is inserted above a finding", () => {
    const sarif = () => JSON.parse(readFileSync(join(workspace, "out/irsa.sarif"), "utf8"));
    runAction(workspace, { paths: ".", "sarif-file": "out/irsa.sarif", "fail-on": "never" });
    const before = sarif();
    expect(validateSarif(before), JSON.stringify(validateSarif.errors?.slice(0, 2))).toBe(true);
    const tfvars = join(workspace, "terraform/envs/prod/terraform.tfvars");
    writeFileSync(tfvars, `# teams of the payments platform\n${readFileSync(tfvars, "utf8")}`);
    const run = runAction(workspace, { paths: ".", "sarif-file": "out/irsa.sarif", "fail-on": "never" });
    expect(run.status).toBe(0);
    const after = sarif();
    const key = (r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints["irsaLintFinding/v2"];
    expect(after.runs[0].results.map(key)).toEqual(before.runs[0].results.map(key));
    const moved = after.runs[0].results.find((r: { ruleId: string }) => r.ruleId === "policy-no-wildcards");
    expect(moved.locations[0].physicalLocation.region.startLine).toBe(5);
  });

  it("fails the step when an element a rule needed is not known, and names it (fail-on-incomplete)", () => {
    const unknown = join(work, "unknown-action");
    cpSync(join(FIXTURES, "hostile", "unknown-removes-check"), unknown, { recursive: true });
    const run = runAction(unknown, { paths: ".", "fail-on": "never" });
    expect(run.status).toBe(1);
    expect(run.outputs["not-checked"]).toBe("5");
    expect(run.stdout).toMatch(/^::warning file=terraform\/main\.tf,line=41,col=47,title=irsa-lint could not check \(policy-no-wildcards%2C policy-privilege-escalation\)::Action of policy aws_iam_role_policy\.from_variable of role app is not known \(var\.actions has no default/m);
    expect(run.stdout).toMatch(/^::error title=irsa-lint::not everything was checked: 5 elements rules needed were not known/m);
    expect(runAction(unknown, { paths: ".", "fail-on": "never", "fail-on-incomplete": "false" }).status).toBe(0);
  });

  it("reads the config and baseline of the pull request's base commit with config-from: base", () => {
    const repo = join(work, "base-config");
    mkdirSync(join(repo, "k8s"), { recursive: true });
    writeFileSync(join(repo, "k8s/sa.yaml"), "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\n  namespace: b\n  annotations:\n    eks.amazonaws.com/token-expiration: \"60\"\n");
    writeFileSync(join(repo, ".irsa-lint.yaml"), "rules:\n  token-expiration-minimum: error\n");
    const git = (...args: string[]) => spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: repo, encoding: "utf8" }).stdout.trim();
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "base");
    const sha = git("rev-parse", "HEAD");
    // The pull request turns the rule off and records the finding in a baseline it adds.
    writeFileSync(join(repo, ".irsa-lint.yaml"), "rules:\n  token-expiration-minimum: off\n");
    git("commit", "-qam", "loosen");
    const event = join(work, "event.json");
    writeFileSync(event, JSON.stringify({ pull_request: { base: { sha } } }));
    expect(runAction(repo, { paths: "." }).status).toBe(0);
    const fromBase = runAction(repo, { paths: ".", "config-from": "base" }, { GITHUB_EVENT_PATH: event });
    expect([fromBase.status, fromBase.outputs.errors]).toEqual([1, "1"]);
    // A baseline only the pull request has is not read: the base commit has none.
    writeFileSync(join(repo, "baseline.json"), JSON.stringify({ version: 2, findings: [] }));
    expect(runAction(repo, { paths: ".", "config-from": "base", baseline: "baseline.json" }, { GITHUB_EVENT_PATH: event }).outputs.errors).toBe("1");
    writeFileSync(event, JSON.stringify({ pull_request: { base: { sha: "0".repeat(40) } } }));
    const missing = runAction(repo, { paths: ".", "config-from": "base" }, { GITHUB_EVENT_PATH: event });
    expect([missing.status, missing.stdout]).toEqual([2, expect.stringContaining("is not in the checkout")]);
  });

  it("reports a bad input as a one-line error annotation, exit 2", () => {
    const run = runAction(workspace, { "fail-on": "sometimes" });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('::error title=irsa-lint::fail-on must be error, warning or never, not "sometimes"\n');
  });

  it("reads no token from .git/config and writes SARIF through no link a pull request committed", () => {
    const pr = join(work, "pull-request");
    const outside = join(work, "outside.txt");
    cpSync(join(FIXTURES, "hostile/control-characters"), pr, { recursive: true });
    rmSync(join(pr, "expected.json"));
    mkdirSync(join(pr, ".git"));
    // Where actions/checkout keeps the job's token.
    writeFileSync(join(pr, ".git/config"), "[http]\n\textraheader = AUTHORIZATION: basic Z2hzX3NlY3JldHRva2Vu\n");
    writeFileSync(join(pr, "main.tf"), 'locals {\n  token = file(".git/config")\n}\n\nresource "aws_iam_role" "r" {\n  name = "r-${local.token}"\n}\n');
    writeFileSync(outside, "untouched\n");
    symlinkSync(outside, join(pr, "irsa-lint.sarif"));
    const run = runAction(pr, { paths: "." });
    expect(readFileSync(outside, "utf8")).toBe("untouched\n");
    expect(run.status).toBe(2);
    expect(run.stdout).toContain("::error title=irsa-lint::sarif-file irsa-lint.sarif: is a symbolic link");
    rmSync(join(pr, "irsa-lint.sarif"));
    const again = runAction(pr, { paths: "." });
    expect(again.status).toBe(1);
    const everything = again.stdout + again.stderr + readFileSync(join(pr, "irsa-lint.sarif"), "utf8");
    expect(everything).not.toContain("Z2hzX3NlY3JldHRva2Vu");
    expect(everything).not.toContain("extraheader");
    expect(again.stdout.split("\n").filter((l) => /^\s*::/.test(l) && !/^::(error|warning|notice) (file=|title=irsa-lint)/.test(l))).toEqual([]);
  });

  // GitHub code scanning's ingestion rules, as Microsoft's SARIF Multitool applies them.
  const multitool = (() => {
    try {
      const path = createRequire(import.meta.url)("@microsoft/sarif-multitool-linux") as string;
      return process.platform === "linux" && existsSync(path) ? path : undefined;
    } catch {
      return undefined;
    }
  })();
  it.skipIf(!multitool)("passes SARIF Multitool validation with GitHub's rules (Sarif;Gh)", () => {
    runAction(workspace, { paths: ".", "sarif-file": "out/irsa.sarif", "fail-on": "never" });
    const report = join(work, "validation.sarif");
    const run = spawnSync(multitool!, ["validate", "--rule-kind", "Sarif;Gh", "--output", report, join(workspace, "out/irsa.sarif")], { encoding: "utf8", timeout: 120_000 });
    expect(run.status).toBe(0);
    const results = JSON.parse(readFileSync(report, "utf8")).runs[0].results as Array<{ level?: string; ruleId: string; message: { arguments?: string[] } }>;
    expect(results.filter((r) => r.level === "error").map((r) => `${r.ruleId}: ${r.message.arguments?.join(" ")}`)).toEqual([]);
  });

  it("finds what the CLI finds when copied alone into an empty folder (no node_modules anywhere above)", () => {
    const alone = mkdtempSync(join(tmpdir(), "irsa-lint-alone-"));
    try {
      cpSync(join(ROOT, "action"), alone, { recursive: true });
      let parent = alone;
      while (parent !== dirname(parent)) {
        expect(existsSync(join(parent, "node_modules")), `node_modules above ${alone}`).toBe(false);
        parent = dirname(parent);
      }
      const findings = (cli: string, fixture: string) => {
        const run = spawnSync(process.execPath, [cli, "--format", "json", "."], { cwd: join(FIXTURES, fixture), encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
        const out = JSON.parse(run.stdout) as { findings: unknown[]; diagnostics: Array<{ message: string }> };
        return { findings: out.findings, diagnostics: out.diagnostics.map((d) => d.message) };
      };
      for (const fixture of readdirSync(FIXTURES).filter((f) => f !== "hostile")) {
        const bundled = findings(join(alone, "cli.mjs"), fixture);
        expect(bundled, fixture).toEqual(findings(join(ROOT, "dist/cli.js"), fixture));
        expect(bundled.diagnostics.join("\n"), fixture).not.toContain("catalog could not be loaded");
      }
    } finally {
      rmSync(alone, { recursive: true, force: true });
    }
  }, 120_000);
});
