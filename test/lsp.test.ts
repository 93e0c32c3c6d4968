import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { irsaRoleTf } from "../rules/examples.js";

const ROOT = resolve(import.meta.dirname, "..");
const nvim = spawnSync("nvim", ["--version"], { encoding: "utf8" });
const hasNeovim = nvim.status === 0;
const work = mkdtempSync(join(tmpdir(), "irsa-lint-lsp-"));
afterAll(() => process.env.KEEP_LSP ? undefined : rmSync(work, { recursive: true, force: true }));

describe("irsa-lint lsp", () => {
  it.runIf(hasNeovim)("serves a real client (Neovim's): diagnostics across files from unsaved buffers, hover, a code action, shutdown", () => {
    const repo = join(work, "repo");
    mkdirSync(join(repo, "k8s"), { recursive: true });
    mkdirSync(join(repo, "terraform"), { recursive: true });
    writeFileSync(join(repo, "k8s/sa.yaml"), "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: payments-api\n  namespace: team-payments\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api-prod\n");
    writeFileSync(join(repo, "terraform/role.tf"), irsaRoleTf("payments", "payments-api-production", "team-payments", "payments-api"));
    const out = join(work, "results.json");
    const run = spawnSync("nvim", ["--headless", "-n", "-u", "NONE", "-c", `luafile ${join(ROOT, "test/lsp/client.lua")}`], {
      cwd: repo,
      encoding: "utf8",
      timeout: 90_000,
      env: { ...process.env, IRSA_ROOT: repo, IRSA_CLI: join(ROOT, "dist/cli.js"), IRSA_OUT: out, XDG_STATE_HOME: join(work, "state"), XDG_DATA_HOME: join(work, "data") },
    });
    expect(run.error).toBeUndefined();
    const steps = Object.fromEntries((JSON.parse(readFileSync(out, "utf8")) as Array<{ step: string; value: unknown }>).map((r) => [r.step, r.value]));
    expect(steps.opened).toBe(true);
    expect(steps.diagnostics).toEqual([expect.objectContaining({ line: 7, col: 33, code: "role-arn-resolves", message: expect.stringContaining("did you mean payments-api-production?"), related: 1 })]);
    expect(steps.hover).toMatch(/\*\*ServiceAccount team-payments\/payments-api\*\*: the chain is broken/);
    expect(steps.action).toBe("Annotate role payments-api-production");
    expect(steps["line after fix"]).toBe("    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/payments-api-production");
    expect(steps.fixed).toBe(true);
    expect(steps["cross-file"]).toBe(true);
    expect(steps.stopped).toBe(true);
    // Nothing was written to the user's files: the fixes and edits lived in the editor's buffers.
    expect(readFileSync(join(repo, "k8s/sa.yaml"), "utf8")).toContain("role/payments-api-prod\n");
  }, 120_000);
});

describe("the VS Code extension (editors/vscode)", () => {
  it("starts irsa-lint lsp --stdio for YAML, Terraform and JSON, with vscode-languageclient its only dependency", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "editors/vscode/package.json"), "utf8"));
    expect(manifest).toMatchObject({ main: "./extension.js", engines: { vscode: expect.any(String) }, dependencies: { "vscode-languageclient": expect.any(String) } });
    expect(Object.keys(manifest.dependencies)).toEqual(["vscode-languageclient"]);
    const source = readFileSync(join(ROOT, "editors/vscode/extension.js"), "utf8");
    expect(source).toContain('"lsp", "--stdio"');
    for (const language of ["yaml", "terraform", "json"]) expect(source).toContain(`language: "${language}"`);
    expect(manifest.version).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
  });
});
