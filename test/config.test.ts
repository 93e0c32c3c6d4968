import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rules } from "../rules/index.js";
import { main } from "../src/cli.js";
import { ConfigError, findConfig, loadConfig } from "../src/config/load.js";
import { configSchema } from "../src/config/schema.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "irsa-lint-config-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

async function run(args: string[], cwd = dir) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, color: false });
  return { code, stdout, stderr };
}

const SA = (name: string, extra = "") => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${name}
  namespace: apps
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/${name}
${extra}`;

describe("config file", () => {
  it("is found by walking up from the working directory, stopping at the repository root", () => {
    write(".git/HEAD", "ref: refs/heads/main\n");
    write(".irsa-lint.yaml", "rules: {}\n");
    mkdirSync(join(dir, "k8s/deep"), { recursive: true });
    expect(findConfig(join(dir, "k8s/deep"))).toBe(join(dir, ".irsa-lint.yaml"));
    rmSync(join(dir, ".irsa-lint.yaml"));
    write("irsa-lint.config.json", "{}\n");
    expect(findConfig(join(dir, "k8s"))).toBe(join(dir, "irsa-lint.config.json"));
  });

  it("sets severities and options per rule, and include/exclude globs", async () => {
    write(".irsa-lint.yaml", `rules:
  automount-not-disabled: off
  token-expiration-minimum:
    severity: warning
    minimum: 3600
exclude:
  - "k8s/legacy/**"
`);
    write("k8s/sa.yaml", SA("a", "  # not an annotation\n").replace("    eks.amazonaws.com/role-arn", '    eks.amazonaws.com/token-expiration: "1800"\n    eks.amazonaws.com/role-arn') + "automountServiceAccountToken: false\n");
    write("k8s/legacy/old.yaml", SA("b").replace("role-arn: arn", 'token-expiration: "10"\n    eks.amazonaws.com/role-arn: arn'));
    const { code, stdout } = await run(["--format", "json", "."]);
    const doc = JSON.parse(stdout);
    expect(doc.findings.map((f: { ruleId: string; severity: string; file: string }) => [f.ruleId, f.severity, f.file])).toEqual([["token-expiration-minimum", "warning", "k8s/sa.yaml"]]);
    expect(doc.findings[0].message).toContain("below this repository's minimum of 3600 s");
    expect(code).toBe(0);
  });

  it("rejects an unknown key or a wrong type with file, line and key, exit 2", async () => {
    write(".irsa-lint.yaml", "rules:\n  automount-not-disabled: off\n  no-such-rule: error\n");
    const unknownRule = await run(["."]);
    expect(unknownRule.code).toBe(2);
    expect(unknownRule.stderr).toBe('irsa-lint: .irsa-lint.yaml:3:3: unknown rule "no-such-rule"; irsa-lint --list-rules lists them\nRun irsa-lint --help for usage.\n');
    write(".irsa-lint.yaml", "rules:\n  automount-not-disable: off\n");
    expect((await run(["."])).stderr).toMatch(/^irsa-lint: \.irsa-lint\.yaml:2:3: unknown rule "automount-not-disable" \(did you mean automount-not-disabled\?\)/);

    write(".irsa-lint.yaml", "rules:\n  token-expiration-minimum:\n    minimum: soon\n");
    expect((await run(["."])).stderr).toMatch(/^irsa-lint: \.irsa-lint\.yaml:3:14: "rules\.token-expiration-minimum\.minimum" must be integer\n/);

    write(".irsa-lint.yaml", "rules:\n  token-expiration-minimum: loud\n");
    expect((await run(["."])).stderr).toMatch(/\.irsa-lint\.yaml:2:29: "rules\.token-expiration-minimum" must be off, note, warning or error/);

    write(".irsa-lint.yaml", "includes: []\n");
    expect((await run(["."])).stderr).toMatch(/\.irsa-lint\.yaml:1:1: unknown key "includes"/);

    write(".irsa-lint.yaml", "rules: [unclosed\n");
    expect((await run(["."])).stderr).toMatch(/^irsa-lint: \.irsa-lint\.yaml:2:1: /);
    await expect(loadConfig(join(dir, ".irsa-lint.yaml"), rules, dir)).rejects.toThrow(ConfigError);
  });

  it("--config names the file; --print-config shows the effective configuration", async () => {
    write("ci/irsa.json", JSON.stringify({ rules: { "role-arn-resolves": { externalRoles: ["arn:aws:iam::*:role/platform-*"] } } }));
    const { stdout, code } = await run(["--config", "ci/irsa.json", "--print-config"]);
    expect(code).toBe(0);
    const effective = JSON.parse(stdout);
    expect(effective.file).toBe("ci/irsa.json");
    expect(effective.rules["role-arn-resolves"]).toEqual({ severity: "error", externalRoles: ["arn:aws:iam::*:role/platform-*"] });
    expect(effective.rules["token-expiration-minimum"]).toEqual({ severity: "error", minimum: 600 });
    expect((await run(["--config", "missing.yaml", "."])).code).toBe(2);
  });

  it("the committed JSON Schema matches the rules (run `npm run docs` after a change)", () => {
    const committed = JSON.parse(readFileSync(resolve(import.meta.dirname, "../schemas/irsa-lint.schema.json"), "utf8"));
    expect(committed).toEqual(configSchema(rules));
  });
});

describe("inline suppressions", () => {
  const TF = `resource "aws_iam_role" "r" {
  name = "r"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/oidc.example/id/1" }
      # irsa-lint-disable-next-line trust-audience-sts -- audience enforced by an SCP
      Condition = { StringEquals = { "oidc.example/id/1:sub" = "system:serviceaccount:batch:r" } }
    }]
  })
}
`;

  it("suppress with next-line (YAML #, HCL # and //), line and file forms, with the reason in SARIF", async () => {
    write("k8s/a.yaml", SA("a").replace("    eks.amazonaws.com/role-arn", "    # irsa-lint-disable-next-line role-arn-resolves -- role lives in the platform repo\n    eks.amazonaws.com/role-arn"));
    write("k8s/b.yaml", SA("b").replace("role/b", "role/b # irsa-lint-disable-line role-arn-resolves -- shared role"));
    write("k8s/c.yaml", `# irsa-lint-disable-file role-arn-resolves, role-arn-format -- generated by the platform team\n${SA("c")}`);
    write("terraform/main.tf", TF.replace('  name = "r"', '  // irsa-lint-disable-next-line role-arn-format -- unused on purpose\n  name = "r"'));
    write("terraform/other.tf", `resource "aws_iam_role" "x" {\n  name = "x"\n}\n`);
    const json = JSON.parse((await run(["--format", "json", "."])).stdout);
    expect(json.findings.map((f: { ruleId: string; file: string; line: number }) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual([
      "unused-suppression terraform/main.tf:2",
    ]);
    expect(json.suppressed.map((f: { ruleId: string; file: string; suppression: { justification: string } }) => [f.ruleId, f.file, f.suppression.justification])).toEqual([
      ["role-arn-resolves", "k8s/a.yaml", "role lives in the platform repo"],
      ["role-arn-resolves", "k8s/b.yaml", "shared role"],
      ["role-arn-resolves", "k8s/c.yaml", "generated by the platform team"],
      ["trust-audience-sts", "terraform/main.tf", "audience enforced by an SCP"],
    ]);
    // Code scanning opens an alert for a result marked suppressed: left out unless asked for.
    const plain = JSON.parse((await run(["--format", "sarif", "."])).stdout);
    expect(plain.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(["unused-suppression"]);
    const sarif = JSON.parse((await run(["--format", "sarif", "--include-suppressed", "."])).stdout);
    const suppressed = sarif.runs[0].results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    expect(suppressed).toHaveLength(4);
    expect(suppressed[0].suppressions).toEqual([{ kind: "inSource", justification: "role lives in the platform repo" }]);
  });

  it("reports a suppression without a reason or naming an unknown rule, and it suppresses nothing", async () => {
    write("k8s/a.yaml", SA("a").replace("    eks.amazonaws.com/role-arn", "    # irsa-lint-disable-next-line role-arn-resolves\n    eks.amazonaws.com/role-arn"));
    write("k8s/b.yaml", SA("b").replace("    eks.amazonaws.com/role-arn", "    # irsa-lint-disable-next-line role-arn-resolvez -- typo\n    eks.amazonaws.com/role-arn"));
    write("terraform/other.tf", `resource "aws_iam_role" "x" {\n  name = "x"\n}\n`);
    const json = JSON.parse((await run(["--format", "json", "."])).stdout);
    expect(json.findings.map((f: { ruleId: string; file: string; line: number; message: string }) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual([
      "invalid-suppression k8s/a.yaml:7",
      "role-arn-resolves k8s/a.yaml:8",
      "invalid-suppression k8s/b.yaml:7",
      "role-arn-resolves k8s/b.yaml:8",
    ]);
    expect(json.findings[0].message).toMatch(/needs a reason/);
    expect(json.findings[2].message).toMatch(/unknown rule role-arn-resolvez/);
  });
});

describe("baseline", () => {
  it("records findings by fingerprint and fails only on new ones, even after lines move", async () => {
    write("terraform/other.tf", `resource "aws_iam_role" "x" {\n  name = "x"\n}\n`);
    write("k8s/a.yaml", SA("a"));
    const recorded = await run(["--write-baseline", "baseline.json", "."]);
    expect(recorded.code).toBe(0);
    expect(recorded.stderr).toBe("irsa-lint: recorded 1 finding in baseline.json\n");
    expect(JSON.parse(readFileSync(join(dir, "baseline.json"), "utf8")).findings).toEqual([{ ruleId: "role-arn-resolves", file: "k8s/a.yaml", fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/) }]);

    write("k8s/a.yaml", `# a comment that moves everything down\n\n${SA("a")}`);
    const again = await run(["--baseline", "baseline.json", "."]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/1 suppressed/);

    write("k8s/b.yaml", SA("b"));
    const worse = await run(["--baseline", "baseline.json", "--format", "json", "."]);
    expect(worse.code).toBe(1);
    expect(JSON.parse(worse.stdout).findings.map((f: { file: string }) => f.file)).toEqual(["k8s/b.yaml"]);
    expect((await run(["--baseline", "nope.json", "."])).code).toBe(2);
  });

  it("keeps a finding baselined when an unrelated role changes its message, and reports and prunes entries that match nothing", async () => {
    write("terraform/other.tf", `resource "aws_iam_role" "x" {\n  name = "b2"\n}\n`);
    write("k8s/a.yaml", SA("a"));
    write("k8s/b.yaml", SA("b"));
    expect((await run(["--write-baseline", "baseline.json", "."])).code).toBe(0);
    const before = JSON.parse((await run(["--format", "json", "."])).stdout).findings[0].message;
    // A role added elsewhere changes the "did you mean" of both messages; the identities stay.
    write("terraform/more.tf", `resource "aws_iam_role" "y" {\n  name = "a1"\n}\n`);
    write("k8s/b.yaml", "");
    const now = JSON.parse((await run(["--format", "json", "."])).stdout).findings[0].message;
    expect([before, now]).toEqual([expect.stringContaining("did you mean b2?"), expect.stringContaining("did you mean a1?")]);
    const after = await run(["--baseline", "baseline.json", "--format", "json", "."]);
    expect([after.code, JSON.parse(after.stdout).findings]).toEqual([0, []]);
    expect(after.stderr).toBe("irsa-lint: 1 baseline entry in baseline.json matched no finding (fixed or gone); --prune-baseline removes them\n");
    const pruned = await run(["--baseline", "baseline.json", "--prune-baseline", "."]);
    expect(pruned.stderr).toBe("irsa-lint: removed 1 baseline entry that matched no finding from baseline.json\n");
    expect(JSON.parse(readFileSync(join(dir, "baseline.json"), "utf8")).findings.map((f: { file: string }) => f.file)).toEqual(["k8s/a.yaml"]);
    expect((await run(["--baseline", "baseline.json", "."])).stderr).toBe("");
  });
});
