import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, lstatSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { FIXTURES, hostileCases } from "./helpers.js";

const root = mkdtempSync(join(tmpdir(), "irsa-lint-hostile-"));
const outside = mkdtempSync(join(tmpdir(), "irsa-lint-outside-"));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const healthy = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: healthy
  namespace: apps
  annotations:
    eks.amazonaws.com/token-expiration: "30"
`;
writeFileSync(join(outside, "secret.yaml"), healthy.replace("healthy", "outside"));
mkdirSync(join(root, "k8s/nested"), { recursive: true });
writeFileSync(join(root, "k8s/healthy.yaml"), healthy);
symlinkSync(join(root, "k8s"), join(root, "k8s/nested/loop")); // a cycle
symlinkSync(join(outside, "secret.yaml"), join(root, "k8s/escape.yaml")); // out of the tree
symlinkSync(join(root, "k8s/missing.yaml"), join(root, "k8s/dangling.yaml")); // broken
symlinkSync(join(root, "k8s/healthy.yaml"), join(root, "k8s/alias.yaml")); // inside: fine
writeFileSync(join(root, "k8s/huge.yaml"), `# ${"x".repeat(5 * 1024 * 1024)}\n`);
// One 2 MB line: the HCL grammar would take seconds and hundreds of MB for it.
writeFileSync(join(root, "long.tf"), `locals { x = "${"y".repeat(2 * 1024 * 1024)}" }\n`);
writeFileSync(join(root, "k8s/locked.yaml"), healthy.replace("healthy", "locked"));
chmodSync(join(root, "k8s/locked.yaml"), 0o000);
// A FIFO read blindly would block the run until something writes to it.
const hasFifo = spawnSync("mkfifo", [join(root, "k8s/pipe.yaml")]).status === 0;
const canLock = (() => {
  try {
    readFileSync(join(root, "k8s/locked.yaml"));
    return false; // root reads anything: the permission case cannot be staged here
  } catch {
    return true;
  }
})();

function treeHash(dir: string): string {
  const hash = createHash("sha256");
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      hash.update(`${p}|${st.mode}|${st.size}|${st.mtimeMs}\n`);
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && st.mode & 0o400 && name !== "locked.yaml") hash.update(readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest("hex");
}

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: root, color: false });
  return { code, stdout, stderr };
}

describe("hostile repository", () => {
  it("gives every file a status, follows no symlink out of the tree or round a loop, and still lints the healthy files", async () => {
    const { code, stdout, stderr } = await run(["--format", "json", "."]);
    expect(stderr).toBe("irsa-lint: 3 errors found\nirsa-lint: not everything was checked: 5 files were skipped unread, so findings may be missing (--allow-incomplete accepts this)\n");
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    const status = Object.fromEntries(doc.files.map((f: { file: string; status: string; reason: string | null }) => [f.file, `${f.status}${f.reason ? `: ${f.reason}` : ""}`]));
    expect(status).toMatchObject({
      "k8s/healthy.yaml": "linted",
      "k8s/alias.yaml": "linted",
      "k8s/escape.yaml": "skipped: symbolic link to outside the scanned tree",
      "k8s/dangling.yaml": "skipped: broken symbolic link",
      "k8s/huge.yaml": "skipped: larger than 5 MB",
      "long.tf": "skipped: a line longer than 1 MB (irsa-lint's limit for HCL)",
    });
    expect(doc.summary.files.unchecked).toBeGreaterThanOrEqual(2);
    if (canLock) expect(status["k8s/locked.yaml"]).toBe("failed: permission denied");
    if (hasFifo) expect(status["k8s/pipe.yaml"]).toBe("skipped: not a regular file");
    expect(Object.keys(status).some((f) => f.includes("loop"))).toBe(false);
    expect(doc.findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual(expect.arrayContaining(["k8s/alias.yaml:7", "k8s/healthy.yaml:7"]));
    expect(doc.findings.some((f: { message: string }) => f.message.includes("outside"))).toBe(false);
  });

  it("writes nothing to the scanned tree", async () => {
    const before = treeHash(root);
    await run(["--format", "sarif", "."]);
    await run(["--verbose", "."]);
    expect(treeHash(root)).toBe(before);
  });

  it("--strict exits 2 when a file could not be parsed; --max-file-size moves the size limit", async () => {
    writeFileSync(join(root, "k8s/broken.yaml"), "apiVersion: v1\nkind: ServiceAccount\nmetadata: [\n");
    expect((await run(["."])).code).toBe(1);
    expect((await run(["--strict", "."])).code).toBe(2);
    rmSync(join(root, "k8s/broken.yaml"));
    const small = JSON.parse((await run(["--format", "json", "--max-file-size", "0.0001", "."])).stdout);
    expect(small.files.find((f: { file: string }) => f.file === "k8s/healthy.yaml").status).toBe("skipped");
  });

  it("file() reads no file git ignores, and no text chosen by a file's contents is quoted, however short", async () => {
    const repo = mkdtempSync(join(tmpdir(), "irsa-lint-ignored-"));
    try {
      writeFileSync(join(repo, ".gitignore"), "secrets.env\n");
      writeFileSync(join(repo, "secrets.env"), "TOPSECRET9\n");
      writeFileSync(join(repo, "short.txt"), "sk3\n");
      writeFileSync(
        join(repo, "main.tf"),
        `resource "kubernetes_service_account" "ignored" {
  metadata {
    name      = "ignored"
    namespace = "apps"
    annotations = { "eks.amazonaws.com/role-arn" = "arn:aws:iam::123456789012:role/\${trimspace(file("secrets.env"))}" }
  }
}
locals {
  chars = split("", "abcdefghijklmnopqrstuvwxyz0123456789")
  # Rebuilt from literal characters, each kept by comparing it with the file's text.
  rebuilt = join("", [for i in range(3) : join("", [for c in local.chars : c if substr(file("short.txt"), i, 1) == c])])
}
resource "kubernetes_service_account" "rebuilt" {
  metadata {
    name      = "rebuilt"
    namespace = "apps"
    annotations = { "eks.amazonaws.com/role-arn" = "arn:aws:iam::123456789012:role/\${local.rebuilt}", "eks.amazonaws.com/token-expiration" = local.rebuilt }
  }
}
`,
      );
      const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: repo, stdio: "ignore" });
      git("init", "-q");
      for (const format of ["stylish", "json", "sarif", "github"]) {
        let out = "";
        await main(["--format", format, "--verbose", "."], { stdout: (t) => (out += t), stderr: (t) => (out += t), cwd: repo, color: false });
        expect(out, format).not.toContain("TOPSECRET");
        expect(out, format).not.toMatch(/\bsk3\b/);
      }
      let json = "";
      await main(["--format", "json", "."], { stdout: (t) => (json += t), stderr: () => {}, cwd: repo, color: false });
      const doc = JSON.parse(json);
      expect(doc.links.find((l: { serviceAccount: string }) => l.serviceAccount === "apps/ignored").status).toBe("not-resolved");
      // The rebuilt name is known (the file is tracked-or-not-ignored), so the token expiration rule judges it, quoting nothing.
      expect(doc.findings.map((f: { ruleId: string }) => f.ruleId)).toContain("token-expiration-minimum");
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it("leaves out a file git still lists but the work tree no longer has", async () => {
    const repo = mkdtempSync(join(tmpdir(), "irsa-lint-gone-"));
    try {
      writeFileSync(join(repo, "kept.yaml"), healthy);
      writeFileSync(join(repo, "deleted.yaml"), healthy.replace("healthy", "deleted"));
      const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: repo, stdio: "ignore" });
      git("init", "-q");
      git("add", ".");
      git("commit", "-qm", "init");
      rmSync(join(repo, "deleted.yaml"));
      let stdout = "";
      await main(["--format", "json", "."], { stdout: (t) => (stdout += t), stderr: () => {}, cwd: repo, color: false });
      expect(JSON.parse(stdout).files.map((f: { file: string }) => f.file)).toEqual(["kept.yaml"]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});

const ROOT = resolve(import.meta.dirname, "..");
const CLI = join(ROOT, "dist/cli.js");

/** The built CLI in its own process, its heap capped: a case that needs more aborts instead of passing. */
function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const run = spawnSync(process.execPath, ["--max-old-space-size=300", CLI, ...args], { cwd, env: { ...env, NO_COLOR: "1" }, encoding: "utf8", maxBuffer: 1 << 28 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, signal: run.signal };
}

/** A line the GitHub runner would take for a workflow command that irsa-lint did not mean to write. */
const forged = (out: string, ours = /^::(error|warning|notice) (file=|title=irsa-lint)/) => out.split("\n").filter((l) => (/^\s*::/.test(l) && !ours.test(l)) || l.includes("##["));

describe("hostile cases (fixtures/hostile/*), each in a process of at most 300 MB of heap", () => {
  for (const name of hostileCases()) {
    it(`${name}: exits with a verdict, writes nothing, forges no workflow command`, () => {
      const dir = join(FIXTURES, "hostile", name);
      const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));
      const before = treeHash(dir);
      const json = cli(["--format", "json", "."], dir);
      expect(json.signal).toBeNull();
      const doc = JSON.parse(json.stdout);
      // Findings fail the run; so does anything not checked but a Helm template (unless --allow-incomplete).
      const s = doc.summary;
      const incomplete = s.files.failed + s.incomplete + s.files.unchecked - s.files.templates + s.notChecked > 0;
      expect(json.code).toBe(expected.findings.length || incomplete ? 1 : 0);
      if (incomplete && !expected.findings.length) expect(cli(["--allow-incomplete", "."], dir).code).toBe(0);
      expect(doc.findings.map((f: { ruleId: string; file: string; line: number }) => `${f.ruleId}@${f.file}:${f.line}`).sort()).toEqual(expected.findings.map((f: { rule: string; file: string; line: number }) => `${f.rule}@${f.file}:${f.line}`).sort());
      expect(doc.summary.incomplete).toBe(expected.incomplete?.length ?? 0);
      expect(forged(json.stdout)).toEqual([]);
      for (const format of ["stylish", "github", "sarif"]) {
        const run = cli(["--format", format, "."], dir);
        expect(forged(run.stdout)).toEqual([]);
        expect(forged(run.stderr)).toEqual([]);
      }
      const strict = cli(["--strict", "."], dir);
      const failedOrIncomplete = (expected.incomplete?.length ?? 0) > 0 || (expected.notChecked?.length ?? 0) > 0 || Object.values(expected.files ?? {}).includes("failed");
      if (failedOrIncomplete) expect(strict.code).toBe(2);
      expect(treeHash(dir)).toBe(before);
    });
  }
});

describe("what a pull request cannot make irsa-lint do", () => {
  const repo = mkdtempSync(join(tmpdir(), "irsa-lint-pr-"));
  const outsideFile = join(outside, "victim.txt");
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const token = "ghs_0123456789abcdefTOKENabcdef0123456789";
  mkdirSync(join(repo, ".git"), { recursive: true });
  writeFileSync(join(repo, ".git/config"), `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${token}\n`);
  writeFileSync(join(repo, "secret.txt"), `${token}\n`);
  writeFileSync(
    join(repo, "main.tf"),
    `resource "kubernetes_service_account_v1" "git" {
  metadata {
    name      = "git"
    namespace = "apps"
    annotations = { "eks.amazonaws.com/role-arn" = "arn:aws:iam::111122223333:role/\${file(".git/config")}" }
  }
}

resource "kubernetes_service_account_v1" "dotted" {
  metadata {
    name      = "dotted"
    namespace = "apps"
    annotations = { "eks.amazonaws.com/role-arn" = "arn:aws:iam::111122223333:role/\${join(".", split("", trimspace(file("secret.txt"))))}" }
  }
}
`,
  );

  it("never prints what file() read from .git, nor a token it read elsewhere, whole or re-spelled", () => {
    for (const format of ["stylish", "json", "sarif", "github"]) {
      const { stdout, stderr } = cli(["--format", format, "--verbose", "."], repo);
      const all = stdout + stderr;
      expect(all).not.toContain("abcdefTOKENabcdef");
      expect(all).not.toContain(token.split("").join("."));
      expect(all).not.toContain("extraheader");
    }
  });

  it("shows a file over the size cap as not checked in every format", () => {
    writeFileSync(join(repo, "padded.tf"), `# ${"x".repeat(5 * 1024 * 1024)}\n`);
    try {
      expect(cli(["."], repo).stdout).toMatch(/^ {2}padded\.tf {2}skipped {2}larger than 5 MB$/m);
      expect(cli(["--format", "github", "."], repo).stdout).toContain("::warning file=padded.tf,title=irsa-lint skipped a file::not checked: larger than 5 MB");
      const sarif = JSON.parse(cli(["--format", "sarif", "."], repo).stdout);
      expect(sarif.runs[0].invocations[0].toolExecutionNotifications).toContainEqual(expect.objectContaining({ level: "warning", message: { text: "padded.tf not checked: larger than 5 MB" } }));
    } finally {
      rmSync(join(repo, "padded.tf"));
    }
  });

  it("writes --output and --write-baseline through no symbolic link, and creates missing folders", () => {
    writeFileSync(outsideFile, "untouched\n");
    symlinkSync(outsideFile, join(repo, "report.sarif"));
    symlinkSync(outside, join(repo, "reports"));
    try {
      for (const [flag, target] of [["--output", "report.sarif"], ["--write-baseline", "report.sarif"], ["--output", "reports/x.sarif"]]) {
        const run = cli(["--format", "sarif", flag, target, "."], repo);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/symbolic link/);
      }
      expect(readFileSync(outsideFile, "utf8")).toBe("untouched\n");
      expect(readdirSync(outside).sort()).toEqual(["secret.yaml", "victim.txt"]);
      expect(cli(["--format", "sarif", "--output", "new/deeper/out.sarif", "."], repo).code).toBe(1);
      expect(JSON.parse(readFileSync(join(repo, "new/deeper/out.sarif"), "utf8")).version).toBe("2.1.0");
    } finally {
      rmSync(join(repo, "report.sarif"));
      rmSync(join(repo, "reports"));
      rmSync(join(repo, "new"), { recursive: true });
    }
  });

  it("follows a symbolic --var-file, config or --baseline only to a file inside the workspace, quoting nothing of it", () => {
    writeFileSync(outsideFile, 'password = "hunter2-outside"\n[broken');
    for (const [link, args] of [["prod.tfvars", ["--var-file", "prod.tfvars"]], ["baseline.json", ["--baseline", "baseline.json"]], [".irsa-lint.yaml", []]] as const) {
      symlinkSync(outsideFile, join(repo, link));
      try {
        const run = cli([...args, "."], repo);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/symbolic link out of the workspace/);
        expect(run.stderr).not.toContain("hunter2");
      } finally {
        rmSync(join(repo, link));
      }
    }
  });

  it("rejects a malformed baseline and a config alias bomb with one line, never an internal error", () => {
    writeFileSync(join(repo, "baseline.json"), '{"version":2,"findings":[null]}');
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`)].join("\n");
    writeFileSync(join(repo, "bomb.yaml"), `${bomb}\n`);
    try {
      const baseline = cli(["--baseline", "baseline.json", "."], repo);
      expect([baseline.code, baseline.stderr.split("\n")[0]]).toEqual([2, "irsa-lint: --baseline baseline.json: not an irsa-lint baseline (version 2, findings with fingerprints)"]);
      const config = cli(["--config", "bomb.yaml", "."], repo);
      expect([config.code, config.stderr.split("\n")[0]]).toEqual([2, "irsa-lint: bomb.yaml: its aliases expand too far to be a configuration"]);
    } finally {
      rmSync(join(repo, "baseline.json"));
      rmSync(join(repo, "bomb.yaml"));
    }
  });
});

describe("without git", () => {
  it("lints the files the repository's index tracks, whatever a committed .gitignore says", () => {
    const repo = mkdtempSync(join(tmpdir(), "irsa-lint-nogit-"));
    try {
      const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: repo, stdio: "ignore" });
      git("init", "-q");
      writeFileSync(join(repo, "sa.yaml"), healthy);
      git("add", ".");
      git("commit", "-qm", "init");
      writeFileSync(join(repo, ".gitignore"), "*.yaml\n"); // the pull request's change
      const noGit = { ...process.env, PATH: "/nonexistent" };
      const run = cli(["--format", "json", "."], repo, noGit);
      expect(JSON.parse(run.stdout).files.map((f: { file: string }) => f.file)).toEqual(["sa.yaml"]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
