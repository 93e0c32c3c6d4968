import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../rules/index.js";
import { main } from "../src/cli.js";
import { FIXTURES } from "./helpers.js";

const ROOT = resolve(import.meta.dirname, "..");

async function run(args: string[], cwd = ROOT) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, color: false });
  return { code, stdout, stderr };
}

describe("irsa-lint CLI", () => {
  it("exits 1 with findings grouped by file, and names both ends of a mismatch", async () => {
    const { code, stdout } = await run(["examples/broken-payments-api"]);
    expect(code).toBe(1);
    expect(stdout).toContain("examples/broken-payments-api/kubernetes/payments-api.yaml\n  7:33  error  ServiceAccount team-payments/payments-api annotates role payments-api-prod");
    expect(stdout).toContain("did you mean payments-api-production?");
    expect(stdout).toMatch(/✖ 7 problems \(6 errors, 1 warning\) in 2 files linted, 0 skipped, 0 failed\n {2}2 role annotations: 1 checked, 1 naming no scanned role\n$/);
  });

  it("exits 0 on the seed setup", async () => {
    const { code, stdout } = await run(["examples/payments-api"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/No IRSA problems \(3 files linted/);
  });

  it("writes the documented JSON format, with paths relative to the working directory", async () => {
    const { stdout } = await run(["--format", "json", "broken-files"], FIXTURES);
    const doc = JSON.parse(stdout);
    expect(doc.version).toBe(1);
    expect(doc.findings[0]).toEqual({
      ruleId: "token-expiration-minimum",
      severity: "error",
      message: expect.stringContaining("token-expiration 60"),
      file: "broken-files/k8s/healthy.yaml",
      line: 9,
      column: 41,
      endLine: 9,
      endColumn: 45,
      fix: expect.any(String),
      related: [],
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(doc.files).toContainEqual({ file: "broken-files/k8s/broken.yaml", status: "failed", reason: expect.stringMatching(/^YAML syntax error/) });
    expect(doc.summary).toEqual({
      errors: 1,
      warnings: 0,
      notes: 0,
      suppressed: 0,
      incomplete: 0,
      files: { linted: 1, skipped: 4, failed: 3, unchecked: 1, templates: 1 },
      notChecked: 0,
      // broken-files/k8s/healthy.yaml annotates a role; the Terraform that might declare it could not be parsed.
      links: { annotations: 1, podIdentityAssociations: 0, linked: 0, checked: 0, missing: 0, notResolved: 1, notChecked: 0 },
    });
    expect(doc.links).toEqual([expect.objectContaining({ kind: "annotation", serviceAccount: "apps/healthy", status: "not-resolved", role: null })]);
    expect(doc.suppressed).toEqual([]);
    expect(doc.notChecked).toEqual([]);
  });

  it("writes --output to a file and nothing to stdout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "irsa-lint-cli-"));
    try {
      const { code, stdout } = await run(["-f", "sarif", "-o", join(dir, "out.sarif"), "examples/broken-payments-api"]);
      expect(code).toBe(1);
      expect(stdout).toBe("");
      expect(JSON.parse(readFileSync(join(dir, "out.sarif"), "utf8")).runs[0].results).toHaveLength(7);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--quiet keeps errors only; --max-warnings fails on warnings", async () => {
    const quiet = await run(["--quiet", "automount-not-disabled"], FIXTURES);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toMatch(/No IRSA problems/);
    expect((await run(["automount-not-disabled"], FIXTURES)).code).toBe(0);
    expect((await run(["--max-warnings", "0", "automount-not-disabled"], FIXTURES)).code).toBe(1);
  });

  it("exits 2 with one line on a usage error", async () => {
    const missing = await run(["does-not-exist"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^irsa-lint: no such file or folder: does-not-exist\n/);
    const format = await run(["--format", "xml"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/unknown --format "xml"/);
    expect((await run(["--bogus"])).code).toBe(2);
    expect((await run(["--threads", "0", "."])).stderr).toMatch(/--threads expects a whole number of at least 1/);
  });

  it("prints version, help and the rule list", async () => {
    expect((await run(["--version"])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await run(["--help"])).stdout).toContain("Exit codes:");
    const list = (await run(["--list-rules"])).stdout;
    expect(list).toMatch(/^role-arn-format\s+error\s+The eks.amazonaws.com\/role-arn annotation/m);
    expect(list.trim().split("\n")).toHaveLength(rules.length);
  });

  it("runs as the installed bin", () => {
    const result = spawnSync(process.execPath, [join(ROOT, "dist/cli.js"), "examples/payments-api"], { cwd: ROOT, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});

describe("Terraform variables from the command line", () => {
  const fixture = join(FIXTURES, "unknown-values-quiet");

  it("--var-file resolves what was unknown, and the checks then run", async () => {
    const quiet = await run(["--format", "json", "."], fixture);
    expect(JSON.parse(quiet.stdout).findings).toEqual([]);
    const varFile = join(ROOT, "test/data/service-accounts.tfvars");
    const { stdout } = await run(["--format", "json", "--var-file", varFile, "--var-file", join(ROOT, "test/data/cluster.tfvars.json"), "."], fixture);
    const findings = JSON.parse(stdout).findings;
    // With the variables known, the roles resolve: team-a's trust and prod-ingest's are checked.
    expect(findings.map((f: { ruleId: string; file: string; line: number }) => [f.ruleId, f.file, f.line])).toEqual([
      ["trust-subject-matches", "terraform/main.tf", 33],
      ["trust-audience-sts", "terraform/main.tf", 57],
      ["trust-subject-matches", "terraform/main.tf", 58],
    ]);
    expect(findings[0].message).toContain('role team-a admits sub "system:serviceaccount:team-a:team-a-sa"');
    expect(findings[2].message).toContain("role prod-ingest");
  });

  it("--var sets a variable as a string, and a broken --var-file is a usage error", async () => {
    const { stdout } = await run(["--format", "json", "--var", "cluster_name=prod", "."], fixture);
    expect(JSON.parse(stdout).findings).toEqual([]);
    const bad = await run(["--var-file", join(ROOT, "test/data/missing.tfvars"), "."], fixture);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^irsa-lint: --var-file .*missing\.tfvars: no such file/);
  });
});

describe("--verbose", () => {
  it("lists each value that could not be resolved, with the reason, one line each", async () => {
    const { code, stdout, stderr } = await run(["--verbose", "--no-color", "."], join(FIXTURES, "unknown-values-quiet"));
    // No finding, but checks not made: the run fails closed unless --allow-incomplete.
    expect(stderr).toBe("irsa-lint: not everything was checked: 1 element a rule needed was not known, so findings may be missing (--allow-incomplete accepts this)\n");
    expect(code).toBe(1);
    expect((await run(["--allow-incomplete", "."], join(FIXTURES, "unknown-values-quiet"))).code).toBe(0);
    const lines = stdout.split("\n").filter((l) => l.includes("  note  "));
    expect(lines).toEqual([
      "  terraform/main.tf:13:3  note  module module.eks: registry module terraform-aws-modules/eks/aws is not evaluated; its outputs are unknown",
      // Instances of unknown keys stand in one role each: its name is partly known (team-*), its subject is not.
      expect.stringMatching(/^ {2}terraform\/main\.tf:33:35 {2}note {2}a sub value in the trust policy of role team-\* is not known \(.*var\.service_accounts has no default/),
      expect.stringMatching(/^ {2}terraform\/main\.tf:46:1 {2}note {2}part of the trust policy of role \*-ingest is not known/),
    ]);
  });
});

describe("--var with an HCL value", () => {
  it("parses lists and maps as terraform -var does", async () => {
    const { stdout } = await run(["--format", "json", "--var", 'service_accounts={ a = "team-a:team-a" }', "--var", "cluster_name=prod", "."], join(FIXTURES, "unknown-values-quiet"));
    const findings = JSON.parse(stdout).findings.map((f: { ruleId: string; line: number }) => `${f.ruleId}:${f.line}`);
    // team-a's trust now admits team-a:team-a, so only prod-ingest's trust findings remain.
    expect(findings).toEqual(["trust-audience-sts:57", "trust-subject-matches:58"]);
  });
});

describe("--format github", () => {
  it("prints one workflow command per finding, per failed file and per file not checked, escaped as the runner expects", async () => {
    const { stdout } = await run(["--format", "github", "broken-files"], FIXTURES);
    expect(stdout.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(/^::error file=fixtures\/broken-files\/k8s\/healthy\.yaml,line=9,col=41,endLine=9,endColumn=45,title=irsa-lint token-expiration-minimum::ServiceAccount apps\/healthy sets token-expiration 60/),
      "::error file=fixtures/broken-files/iam/trailing-comma.json,line=4,col=44,title=irsa-lint parse error::JSON syntax error: Expected double-quoted property name",
      expect.stringMatching(/^::error file=fixtures\/broken-files\/k8s\/broken\.yaml,line=7,col=1,title=irsa-lint parse error::YAML syntax error: /),
      "::error file=fixtures/broken-files/terraform/broken.tf,line=6,col=1,title=irsa-lint parse error::HCL syntax error: missing )",
      "::warning file=fixtures/broken-files/chart/templates/serviceaccount.yaml,title=irsa-lint skipped a file::not checked: Helm template ({{ }}), not plain YAML: lint its rendered output (helm template … | irsa-lint -)",
    ]);
  });
});

describe("standard input", () => {
  it("lints `helm template ... | irsa-lint -` like any manifest, with the Terraform beside it", () => {
    const rendered = `---
# Source: payments/templates/serviceaccount.yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: payments-api
  namespace: team-payments
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api-prod
`;
    const result = spawnSync(process.execPath, [join(ROOT, "dist/cli.js"), "--format", "json", "-", "examples/payments-api/terraform"], { cwd: ROOT, input: rendered, encoding: "utf8" });
    expect(result.status).toBe(1);
    const doc = JSON.parse(result.stdout);
    expect(doc.findings.map((f: { ruleId: string; file: string; line: number }) => [f.ruleId, f.file, f.line])).toEqual([["role-arn-resolves", "<stdin>", 9]]);
    expect(doc.findings[0].message).toContain("did you mean payments-api-production?");
  });
});

describe("IRSA_LINT_TIMING", () => {
  it("prints a line of phase times and one of the slowest rules on standard error, and nothing without it", () => {
    const lintWith = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [join(ROOT, "dist/cli.js"), "--output", "/dev/null", "examples/payments-api"], { cwd: ROOT, encoding: "utf8", env });
    const { IRSA_LINT_TIMING: _, ...quiet } = process.env;
    const [phases, slowest, ...rest] = lintWith({ ...quiet, IRSA_LINT_TIMING: "1" }).stderr.split("\n");
    expect(phases).toMatch(/^irsa-lint timing: discover \d+ ms, parse \d+ ms, terraform \d+ ms, link \d+ ms, catalog \d+ ms, rules \d+ ms$/);
    // Eight rules, slowest first.
    const times = [...slowest.matchAll(/([a-z-]+) (\d+\.\d) ms/g)];
    expect(slowest.startsWith("irsa-lint timing, slowest rules: ")).toBe(true);
    expect(times).toHaveLength(8);
    expect(times.map((m) => Number(m[2]))).toEqual(times.map((m) => Number(m[2])).sort((a, b) => b - a));
    expect(rest).toEqual([""]);
    expect(lintWith(quiet).stderr).toBe("");
  });
});

describe("start-up", () => {
  it("loads neither the IAM catalog, the HCL grammar nor the Terraform evaluator when the scan needs none", () => {
    const loads = (target: string) => {
      const r = spawnSync(process.execPath, ["--import", join(ROOT, "bench/trace-imports.mjs"), join(ROOT, "dist/cli.js"), "--output", "/dev/null", target], { cwd: ROOT, encoding: "utf8" });
      return JSON.parse(r.stderr.trim().split("\n").pop()!);
    };
    expect(loads("examples/payments-api/kubernetes")).toEqual({ iamCatalog: false, hclGrammar: false, terraformEvaluator: false });
    expect(loads("examples/payments-api")).toEqual({ iamCatalog: true, hclGrammar: true, terraformEvaluator: true });
  });
});

describe("worker threads", () => {
  it("give the same findings as parsing in one thread, and the bundle the same as the sources", async () => {
    const lintWith = (threads: string) =>
      JSON.parse(spawnSync(process.execPath, [join(ROOT, "dist/cli.js"), "--format", "json", "--threads", threads, "fixtures"], { cwd: ROOT, encoding: "utf8" }).stdout);
    const one = lintWith("1");
    expect(one.findings.length).toBeGreaterThan(50);
    expect(lintWith("2").findings).toEqual(one.findings);
    expect(JSON.parse((await run(["--format", "json", "fixtures"], ROOT)).stdout)).toEqual(one);
  });
});
