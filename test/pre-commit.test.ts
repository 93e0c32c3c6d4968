import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES } from "./helpers.js";

const ROOT = resolve(import.meta.dirname, "..");
const [hook] = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8"));
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const repo = mkdtempSync(join(tmpdir(), "irsa-lint-pre-commit-"));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

/** Runs the hook's entry the way pre-commit does: the installed bin, from the repository root, no file names. */
function runHook() {
  expect(hook.entry).toBe("irsa-lint");
  return spawnSync(process.execPath, [join(ROOT, pkg.bin[hook.entry])], { cwd: repo, encoding: "utf8" });
}

describe("pre-commit hook", () => {
  it("is a node hook that lints the whole repository, filtered to the files it reads", () => {
    expect(hook).toMatchObject({ id: "irsa-lint", language: "node", pass_filenames: false });
    const files = new RegExp(hook.files);
    for (const f of ["k8s/sa.yaml", "k8s/sa.yml", "main.tf", "main.tf.json", "prod.tfvars", "iam/policy.json"]) expect(files.test(f)).toBe(true);
    for (const f of ["README.md", "main.go"]) expect(files.test(f)).toBe(false);
  });

  it("fails a commit that breaks IRSA wiring and passes once it is fixed", () => {
    spawnSync("git", ["init", "-q"], { cwd: repo });
    cpSync(join(FIXTURES, "seed-payments-api"), repo, { recursive: true });
    rmSync(join(repo, "expected.json"));
    const clean = runHook();
    expect(clean.status).toBe(0);

    const sa = join(repo, "k8s/serviceaccount.yaml");
    writeFileSync(sa, readFileSync(sa, "utf8").replace("payments-api-production", "payments-api-prod"));
    const broken = runHook();
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain("k8s/serviceaccount.yaml\n  7:33  error  ServiceAccount team-payments/payments-api annotates role payments-api-prod");
  });

  it("honours the repository's .gitignore", () => {
    writeFileSync(join(repo, ".gitignore"), "k8s/\n");
    const ignored = runHook();
    expect(ignored.status).toBe(0);
  });
});
