import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { rules } from "../rules/index.js";
import { lint } from "../src/engine/lint.js";

/** Every text the YAML library parses with positions, as JSON (YAML 1.2 documents) or YAML. */
const positioned = vi.hoisted(() => ({ json: [] as string[], yaml: [] as string[] }));
vi.mock("yaml", async (original) => {
  const yaml = await original<typeof import("yaml")>();
  return {
    ...yaml,
    parseDocument: (text: string, options?: Parameters<typeof yaml.parseDocument>[1]) => {
      (options?.version === "1.2" ? positioned.json : positioned.yaml).push(text);
      return yaml.parseDocument(text, options);
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), "irsa-lint-json-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, data: unknown): string {
  mkdirSync(join(dir, path, ".."), { recursive: true });
  const text = typeof data === "string" ? data : JSON.stringify(data, null, 2);
  writeFileSync(join(dir, path), text);
  return text;
}

const TRUST = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Federated: "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC" }, Action: "sts:AssumeRoleWithWebIdentity" }] };

describe("which JSON files are parsed with positions", () => {
  it("only IAM documents, CloudFormation templates and account exports: dashboards, packages and test data are recognised by their top-level keys", async () => {
    // A dashboard that names IAM words everywhere but at its top level, about 460 KB.
    const panels = Array.from({ length: 900 }, (_, id) => ({ id, title: `Resources Role Statement ${id}`, targets: [{ expr: `sum(rate(x{pod=~"${"a".repeat(300)}"}[5m]))` }] }));
    const dashboard = write("dashboards/big.json", { title: "Statement", panels, templating: { list: [{ name: "Role" }] } });
    expect(dashboard.length).toBeGreaterThan(400_000);
    write("package.json", { name: "x", scripts: { Resources: "echo Role" } });
    write("tsconfig.json", { compilerOptions: { strict: true } });
    write("test/data/list.json", [{ Statement: [] }]);
    write("test/data/nested.json", { data: { Statement: [], Role: {} } });
    const iam = [
      write("iam/trust.json", TRUST),
      write("iam/role.json", { Role: { RoleName: "app", Arn: "arn:aws:iam::123456789012:role/app", AssumeRolePolicyDocument: TRUST } }),
      write("iam/export.json", { RoleDetailList: [{ RoleName: "app", Arn: "arn:aws:iam::123456789012:role/app", AssumeRolePolicyDocument: TRUST }], Policies: [] }),
      write("cfn/stack.json", { AWSTemplateFormatVersion: "2010-09-09", Resources: { Role: { Type: "AWS::IAM::Role", Properties: { AssumeRolePolicyDocument: TRUST } } } }),
    ];
    const broken = write("iam/broken.json", '{ "Statement": [ }');
    positioned.json.length = 0;
    const result = await lint({ paths: ["."], cwd: dir, rules });
    expect(positioned.json.sort()).toEqual([...iam, broken].sort());
    expect(positioned.yaml).toEqual([]);
    const status = Object.fromEntries(result.files.map((f) => [f.file, f.status]));
    expect(status).toMatchObject({ "dashboards/big.json": "skipped", "package.json": "skipped", "test/data/list.json": "skipped", "test/data/nested.json": "skipped", "iam/broken.json": "failed" });
  });
});
