import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../rules/index.js";
import { lint } from "../src/engine/lint.js";

const terraform = spawnSync("terraform", ["version"], { encoding: "utf8" }).status === 0;

describe("terraform show -json", () => {
  it.skipIf(!terraform)("reads what terraform itself writes (a configuration that needs no provider)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "irsa-lint-plan-"));
    try {
      writeFileSync(join(dir, "main.tf"), 'variable "team" {\n  default = "payments"\n}\noutput "role_name" {\n  value = "${var.team}-app"\n}\n');
      const run = (...args: string[]) => execFileSync("terraform", args, { cwd: dir, env: { ...process.env, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" }, stdio: ["ignore", "pipe", "ignore"] });
      run("init", "-backend=false", "-input=false");
      run("plan", "-input=false", "-out", "p.out");
      writeFileSync(join(dir, "plan.json"), run("show", "-json", "p.out"));
      const result = await lint({ paths: ["plan.json"], cwd: dir, rules });
      expect(result.files).toEqual([{ file: "plan.json", status: "linted" }]);
      expect(result.diagnostics.filter((d) => d.level === "error")).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
