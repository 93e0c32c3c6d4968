import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { irsaRoleTf } from "../rules/examples.js";

const ROOT = resolve(import.meta.dirname, "..");
const [hook] = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8"));
const work = mkdtempSync(join(tmpdir(), "irsa-lint-pre-commit-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const hasPreCommit = spawnSync("pre-commit", ["--version"]).status === 0;

const SA = "k8s/serviceaccount.yaml";
const ROLE = "terraform/payments.tf";
const SERVICE_ACCOUNT = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: payments-api
  namespace: team-payments
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api-production
`;
const V2_ROLE = irsaRoleTf("v2", "payments-api-v2", "team-payments", "payments-api");
let repo = "";

function git(...args: string[]) {
  const run = spawnSync("git", args, { cwd: repo, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`git ${args.join(" ")}: ${run.stderr}`);
  return run.stdout;
}

/** Runs the hook's entry the way pre-commit runs a script hook: the file itself, from the repository root, no file names. */
function runEntry() {
  const [script, ...args] = hook.entry.split(" ");
  return spawnSync(join(ROOT, script), args, { cwd: repo, encoding: "utf8" });
}

/** The real pre-commit, installing the hook from this checkout's committed tree. */
function tryRepo() {
  return spawnSync("pre-commit", ["try-repo", ROOT, "irsa-lint"], { cwd: repo, encoding: "utf8", env: { ...process.env, PRE_COMMIT_HOME: join(work, "cache") } });
}

const edit = (file: string, from: string, to: string) => writeFileSync(join(repo, file), readFileSync(join(repo, file), "utf8").replace(from, to));

beforeEach(() => {
  repo = mkdtempSync(join(work, "repo-"));
  git("init", "-q");
  git("config", "user.email", "ci@example.com");
  git("config", "user.name", "ci");
  mkdirSync(join(repo, "k8s"));
  mkdirSync(join(repo, "terraform"));
  writeFileSync(join(repo, SA), SERVICE_ACCOUNT);
  writeFileSync(join(repo, ROLE), irsaRoleTf("payments", "payments-api-production", "team-payments", "payments-api"));
  writeFileSync(join(repo, "terraform/reports.tf"), irsaRoleTf("reports", "reports-api", "team-reports", "reports-api"));
  git("add", "-A");
  git("commit", "-qm", "init");
});

describe("pre-commit hook", () => {
  it("is a script hook running the committed standalone bundle on the whole staged tree", () => {
    expect(hook).toMatchObject({ id: "irsa-lint", language: "script", entry: "action/cli.mjs --staged", pass_filenames: false, always_run: true });
    expect(() => accessSync(join(ROOT, "action/cli.mjs"), constants.X_OK)).not.toThrow();
    expect(readFileSync(join(ROOT, "action/cli.mjs"), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("passes a clean commit and fails one that deletes a role a ServiceAccount still annotates", () => {
    expect(runEntry().status).toBe(0);
    git("rm", "-q", ROLE);
    const broken = runEntry();
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain("annotates role payments-api-production, but no scanned role has that name");
  });

  it("lints what is staged: an untracked role file and an unstaged fix do not make a broken commit pass", () => {
    edit(SA, "payments-api-production", "payments-api-v2");
    git("add", SA);
    // The role exists in the work tree only, in a file the commit leaves out.
    writeFileSync(join(repo, "terraform/v2.tf"), V2_ROLE);
    const untracked = runEntry();
    expect(untracked.status).toBe(1);
    expect(untracked.stdout).toContain("annotates role payments-api-v2");
    // Work-tree linting (no --staged) sees the untracked file and passes: the commit would not.
    expect(spawnSync(join(ROOT, "action/cli.mjs"), [], { cwd: repo, encoding: "utf8" }).stdout).not.toContain("annotates role payments-api-v2");
    git("add", "terraform/v2.tf");
    expect(runEntry().status).toBe(0);
    // An edit left unstaged is not in the commit either.
    edit(SA, "payments-api-v2", "payments-api-production");
    git("add", SA);
    edit(SA, "payments-api-production", "payments-api-v2");
    expect(runEntry().status).toBe(0);
  });

  it("fails the commit of a .tf that does not parse, in the hook, the CLI and the Action alike, saying why", () => {
    writeFileSync(join(repo, "terraform/broken.tf"), 'resource "aws_iam_role" "x" {\n  name = "x"\n');
    git("add", "terraform/broken.tf");
    const hookRun = runEntry();
    expect(hookRun.status).toBe(1);
    expect(hookRun.stdout).toMatch(/^  terraform\/broken\.tf:3:1  error  HCL syntax error: missing }$/m);
    expect(hookRun.stderr).toContain("irsa-lint: not everything was checked: 1 file could not be parsed, so findings may be missing (--allow-incomplete accepts this)");
    const cli = spawnSync(process.execPath, [join(ROOT, "dist/cli.js"), "."], { cwd: repo, encoding: "utf8" });
    expect([cli.status, cli.stderr]).toEqual([1, expect.stringContaining("1 file could not be parsed")]);
    const output = join(repo, ".git", "github-output");
    writeFileSync(output, "");
    const action = spawnSync(process.execPath, [join(ROOT, "action/index.mjs")], { cwd: repo, encoding: "utf8", env: { PATH: process.env.PATH ?? "", GITHUB_WORKSPACE: repo, GITHUB_OUTPUT: output, "INPUT_SARIF-FILE": ".git/irsa-lint.sarif" } });
    expect([action.status, action.stdout]).toEqual([1, expect.stringContaining("::error title=irsa-lint::not everything was checked: 1 file could not be parsed")]);
    expect(spawnSync(join(ROOT, "action/cli.mjs"), ["--staged", "--allow-incomplete"], { cwd: repo, encoding: "utf8" }).status).toBe(0);
  });

  it.runIf(hasPreCommit)("installs and runs with the real pre-commit: fails a commit deleting an annotated role, and one whose annotation names an untracked role", () => {
    const clean = tryRepo();
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    git("rm", "-q", ROLE);
    const deleted = tryRepo();
    expect(deleted.status).toBe(1);
    expect(deleted.stdout).toContain("annotates role payments-api-production, but no scanned role has that name");
    git("reset", "-q", "--hard");
    edit(SA, "payments-api-production", "payments-api-v2");
    git("add", SA);
    writeFileSync(join(repo, "terraform/v2.tf"), V2_ROLE);
    const untracked = tryRepo();
    expect(untracked.status).toBe(1);
    expect(untracked.stdout).toContain("annotates role payments-api-v2");
    // A file that does not parse fails the commit too, and pre-commit shows why.
    git("reset", "-q", "--hard");
    writeFileSync(join(repo, "terraform/broken.tf"), 'resource "aws_iam_role" "x" {\n  name = "x"\n');
    git("add", "terraform/broken.tf");
    const broken = tryRepo();
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain("1 file could not be parsed, so findings may be missing");
  }, 90_000);
});
