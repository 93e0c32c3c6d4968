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

describe("plan JSON launch templates", () => {
  it("reads metadata_options: tokens optional warns at the value, in a plan with an IRSA ServiceAccount", async () => {
    const dir = mkdtempSync(join(tmpdir(), "irsa-lint-plan-"));
    try {
      const resource = (address: string, type: string, values: object) => ({ address, mode: "managed", type, name: address.split(".")[1], values });
      const plan = {
        format_version: "1.2",
        terraform_version: "1.9.8",
        planned_values: {
          root_module: {
            resources: [
              resource("aws_launch_template.legacy", "aws_launch_template", { metadata_options: [{ http_tokens: "optional", http_put_response_hop_limit: 1 }] }),
              resource("aws_launch_template.locked", "aws_launch_template", { metadata_options: [{ http_tokens: "required", http_put_response_hop_limit: 1 }] }),
              resource("kubernetes_service_account_v1.reports", "kubernetes_service_account_v1", {
                metadata: [{ name: "reports", namespace: "reports", annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/reports" } }],
              }),
            ],
          },
        },
      };
      writeFileSync(join(dir, "plan.json"), JSON.stringify(plan, null, 2));
      const result = await lint({ paths: ["plan.json"], cwd: dir, rules });
      const findings = result.findings.filter((f) => f.ruleId === "node-imds-reachable");
      expect(findings.map((f) => [f.location.line, f.severity, f.message.split(" keeps")[0]])).toEqual([[15, "warning", "aws_launch_template.legacy"]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("plan JSON beside its Terraform at the scan's top folder", () => {
  it("counts each resource once, at its .tf declaration, as when scanned from the folder above", async () => {
    const dir = join(import.meta.dirname, "..", "fixtures", "terraform-plan", "with-sources");
    const top = await lint({ paths: ["."], cwd: dir, rules });
    const above = await lint({ paths: ["with-sources"], cwd: join(dir, ".."), rules });
    const where = (r: typeof top) => r.findings.map((f) => `${f.ruleId} ${f.location.file.replace(/^with-sources\//, "")}:${f.location.line}`).sort();
    expect(where(top)).toEqual(where(above));
    expect(where(top).every((w) => / main\.tf:/.test(w))).toBe(true);
  });
});
