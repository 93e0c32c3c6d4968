import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES } from "./helpers.js";

// The README and docs are instructions people copy: what they show must run as written.
const ROOT = resolve(import.meta.dirname, "..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");
const ACTION_DOC = readFileSync(join(ROOT, "docs/github-action.md"), "utf8");
const work = mkdtempSync(join(tmpdir(), "irsa-lint-docs-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Fenced blocks of a language, in order. */
const blocks = (text: string, lang: string) => [...text.matchAll(new RegExp("^```" + lang + "\\n([\\s\\S]*?)^```$", "gm"))].map((m) => m[1]);
const workflowOf = (text: string) => blocks(text, "yaml").find((b) => b.startsWith("# .github/workflows/irsa-lint.yml"))!;

describe("the documented GitHub workflow", () => {
  it("is one workflow: the README shows docs/github-action.md's, with current action majors and no tag that does not exist", () => {
    expect(workflowOf(README)).toBe(workflowOf(ACTION_DOC));
    const all = `${README}\n${ACTION_DOC}`;
    expect(all).not.toMatch(/actions\/checkout@v[1-4]\b|upload-sarif@v[1-3]\b/);
    // No release is tagged yet: neither the Action nor the hook may name a version tag.
    expect(all).not.toMatch(/irsa-lint\/irsa-lint@v\d|rev: v\d/);
  });

  it("runs its irsa-lint step verbatim through the runner simulation, on a repository without a baseline or var files", () => {
    const workflow = parse(workflowOf(ACTION_DOC));
    const steps = workflow.jobs["irsa-lint"].steps as Array<{ id?: string; uses?: string; if?: string; with?: Record<string, string> }>;
    const lint = steps.find((s) => s.uses?.startsWith("irsa-lint/irsa-lint@"))!;
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))!;
    expect(upload.if).toBe("always() && steps.lint.outputs.sarif-file != ''");
    const repo = join(work, "repo");
    const temp = join(work, "runner-temp");
    mkdirSync(temp, { recursive: true });
    cpSync(join(ROOT, "examples", "broken-payments-api"), repo, { recursive: true });
    // The runner's expressions: ${{ runner.temp }} is the only one the step uses.
    const inputs = Object.fromEntries(Object.entries(lint.with ?? {}).map(([k, v]) => [k, String(v).replaceAll("${{ runner.temp }}", temp)]));
    expect(Object.values(inputs).join(" ")).not.toContain("${{");
    const output = join(work, "github-output.txt");
    writeFileSync(output, "");
    const env: Record<string, string> = { PATH: process.env.PATH ?? "", GITHUB_WORKSPACE: repo, GITHUB_OUTPUT: output, RUNNER_TEMP: temp };
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8"));
    const run = spawnSync(process.execPath, [join(ROOT, action.runs.main)], { cwd: repo, env, encoding: "utf8" });
    expect(run.stderr).toBe("");
    // Exit 1 for the example's findings, with the SARIF written where the upload step reads it.
    expect(run.status).toBe(1);
    const outputs = Object.fromEntries(readFileSync(output, "utf8").trim().split("\n").map((l) => l.split(/=(.*)/s).slice(0, 2)));
    expect(outputs["sarif-file"]).toBe(join(temp, "irsa-lint.sarif"));
    expect(JSON.parse(readFileSync(outputs["sarif-file"], "utf8")).runs[0].results.length).toBeGreaterThan(0);
    expect(run.stdout).not.toMatch(/^::error file=/m); // annotations: false
  });
});

describe("the README's commands", () => {
  it("run as written against the examples: every `irsa-lint …` line of its sh blocks exits 0 or 1", () => {
    // A repository laid out as the README's commands assume: the broken example, its manifests in
    // k8s/, a plan beside its Terraform.
    const repo = join(work, "readme-repo");
    cpSync(join(ROOT, "examples", "broken-payments-api"), repo, { recursive: true });
    renameSync(join(repo, "kubernetes"), join(repo, "k8s"));
    cpSync(join(FIXTURES, "terraform-plan", "plan-only", "plan.json"), join(repo, "plan.json"));
    const docs = [README, ACTION_DOC, readFileSync(join(ROOT, "docs/configuration.md"), "utf8")];
    const COMMAND = /^(npx irsa-lint|irsa-lint|node \S*action\/cli\.mjs) /;
    const commands = docs
      .flatMap((d) => blocks(d, "sh"))
      .flatMap((b) => b.split("\n"))
      .map((l) => l.replace(/\s+#.*$/, "").trim())
      .filter((l) => COMMAND.test(l));
    expect(commands.length).toBeGreaterThanOrEqual(8);
    for (const command of commands) {
      // The installed bin and the committed bundle are one CLI (test/install.test.ts, test/action.test.ts);
      // the line runs in a shell, redirections and all.
      const bin = command.startsWith("node ") ? join(ROOT, "action/cli.mjs") : join(ROOT, "dist/cli.js");
      const line = `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} ${command.replace(COMMAND, "").replaceAll("path/to/your/repo", ".")}`;
      const run = spawnSync("/bin/sh", ["-c", line], { cwd: repo, encoding: "utf8" });
      expect([0, 1], `${command}: ${run.stderr}`).toContain(run.status);
    }
    expect(existsSync(join(repo, "irsa-lint.sarif"))).toBe(true);
  });
});

describe("npm run release", () => {
  it("bumps the version, dates the Unreleased changelog entry, commits and tags vX.Y.Z and the moving vX", () => {
    const repo = join(work, "release");
    mkdirSync(join(repo, "scripts"), { recursive: true });
    for (const f of ["package.json", "package-lock.json", "CHANGELOG.md", "scripts/release.mjs"]) cpSync(join(ROOT, f), join(repo, f));
    const git = (...args: string[]) => spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: repo, encoding: "utf8" });
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "base");
    const release = spawnSync(process.execPath, ["scripts/release.mjs", "9.8.7"], {
      cwd: repo,
      encoding: "utf8",
      env: { ...process.env, IRSA_LINT_RELEASE_SKIP_BUILD: "1", GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" },
    });
    expect(release.stderr).toBe("");
    expect(release.status).toBe(0);
    expect(JSON.parse(readFileSync(join(repo, "package.json"), "utf8")).version).toBe("9.8.7");
    expect(readFileSync(join(repo, "CHANGELOG.md"), "utf8")).toMatch(/^## Unreleased\n\n## 9\.8\.7 - \d{4}-\d\d-\d\d\n/m);
    expect(git("tag", "--list").stdout.trim().split("\n").sort()).toEqual(["v9", "v9.8.7"]);
    expect(git("log", "-1", "--format=%s").stdout.trim()).toBe("Release v9.8.7");
    expect(release.stdout).toContain("npm publish");
    // Refuses a tree with changes, and a version already tagged.
    expect(spawnSync(process.execPath, ["scripts/release.mjs", "9.8.7"], { cwd: repo, encoding: "utf8" }).stderr).toMatch(/tag v9\.8\.7 exists/);
  });
});
