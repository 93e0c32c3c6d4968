import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "irsa-lint-install-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string; devDependencies: Record<string, string> };

function npm(args: string[], cwd: string) {
  const run = spawnSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
  if (run.status !== 0) throw new Error(`npm ${args.join(" ")}: ${run.stderr}`);
  return run.stdout;
}

describe("the published package", () => {
  it(
    "installs from its packed tarball into an empty prefix, without dev dependencies, and lints examples/",
    () => {
      // The dist/ that `npm test` just built: --ignore-scripts, so packing does not rebuild it under other tests.
      npm(["pack", "--ignore-scripts", "--silent", "--pack-destination", work], ROOT);
      const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"))!;
      expect(tarball).toBe(`irsa-lint-${pkg.version}.tgz`);
      const prefix = join(work, "prefix");
      npm(["install", "--global", "--prefix", prefix, "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", join(work, tarball)], work);

      const bin = join(prefix, "bin", "irsa-lint");
      const installed = join(prefix, "lib", "node_modules", "irsa-lint");
      // Dev-only packages (some, like picomatch, are also a dependency's dependency: not these).
      for (const dev of ["vitest", "fast-check", "typescript", "esbuild", "@cdktn/hcl2json", "@cloud-copilot/iam-simulate", "@tree-sitter-grammars/tree-sitter-hcl"]) {
        expect(Object.keys(pkg.devDependencies)).toContain(dev);
        expect(existsSync(join(installed, "node_modules", dev)), dev).toBe(false);
      }
      const version = spawnSync(bin, ["--version"], { encoding: "utf8" });
      expect(version.stdout).toBe(`${pkg.version}\n`);
      const run = spawnSync(bin, ["--no-color", "examples/"], { cwd: ROOT, encoding: "utf8" });
      expect(run.stderr).toBe("irsa-lint: 6 errors found\n");
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/^ {2}3 role annotations: 2 checked, 1 naming no scanned role$/m);
      expect(run.stdout).toContain("trust-subject-matches");
    },
    180_000,
  );
});
