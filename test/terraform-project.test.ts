import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { knownString } from "../src/core/value.js";
import { lint } from "../src/engine/lint.js";
import { link } from "../src/model/link.js";
import { FIXTURES } from "./helpers.js";

describe("Terraform roots and modules", () => {
  it("a local module outside the scanned paths is noted, not guessed", async () => {
    const cwd = join(FIXTURES, "local-modules");
    const result = await lint({ paths: ["terraform/envs/prod"], cwd, rules: [] });
    expect(result.files.every((f) => f.status === "linted")).toBe(true);
    // The module folder is not in the scanned paths, so its roles are not known: nothing to link.
    expect(result.diagnostics.some((d) => /modules\/irsa-role is not in the scanned tree/.test(d.message))).toBe(true);
  });

  it("evaluates each root once and each module instance with its own arguments", async () => {
    const { evaluateTerraform } = await import("../src/terraform/project.js");
    const { createHclParser } = await import("../src/parse/hcl/parser.js");
    const { builtSource } = await import("../src/parse/hcl/ast.js");
    const { readFileSync } = await import("node:fs");
    const parser = await createHclParser();
    const cwd = join(FIXTURES, "local-modules");
    const files = ["terraform/envs/prod/main.tf", "terraform/modules/irsa-role/main.tf"].map((f) => parser.parse(f, readFileSync(join(cwd, f), "utf8")).file!);
    const tfvars = [{ file: "terraform/envs/prod/terraform.tfvars", values: parser.parse("terraform/envs/prod/terraform.tfvars", readFileSync(join(cwd, "terraform/envs/prod/terraform.tfvars"), "utf8")).file! }];
    const { declarations } = await evaluateTerraform({ files: files.map(builtSource), tfvars, scanRoots: [cwd], cwd });
    expect(declarations.roles.map((r) => [r.address, knownString(r.name)])).toEqual([
      ['module.team_role["media"].aws_iam_role.this', "media-prod"],
      ['module.team_role["orders"].aws_iam_role.this', "orders-prod"],
      ['module.team_role["search"].aws_iam_role.this', "search-prod"],
    ]);
    const model = link(declarations);
    const search = model.roles.find((r) => r.displayName === "search-prod")!;
    expect(search.policies).toHaveLength(1);
    expect(model.serviceAccounts.map((s) => [s.key, s.origin])).toEqual([["search/search", "terraform"]]);
    expect(model.rolesOf(model.serviceAccounts[0]).map((r) => r.displayName)).toEqual(["search-prod"]);
  });

  it("gives the same result whatever order the files arrive in, evaluating as they do", async () => {
    const { evaluateTerraform, TerraformEvaluation } = await import("../src/terraform/project.js");
    const { createHclParser } = await import("../src/parse/hcl/parser.js");
    const { builtSource } = await import("../src/parse/hcl/ast.js");
    const { readFileSync } = await import("node:fs");
    const parser = await createHclParser();
    const cwd = join(FIXTURES, "local-modules");
    const paths = ["terraform/envs/dev/main.tf", "terraform/envs/prod/main.tf", "terraform/envs/prod/terraform.tfvars", "terraform/modules/irsa-role/main.tf"];
    const parsed = new Map(paths.map((f) => [f, parser.parse(f, readFileSync(join(cwd, f), "utf8")).file!]));
    const tf = paths.filter((p) => p.endsWith(".tf"));
    const expected = evaluateTerraform({ files: tf.map((f) => builtSource(parsed.get(f)!)), tfvars: [{ file: paths[2], values: parsed.get(paths[2])! }], scanRoots: [cwd], cwd });
    expect(expected.declarations.roles.length).toBeGreaterThan(3);
    // The module folder first, last, and in between; evaluating whatever is ready after each file.
    for (const order of [[3, 0, 1, 2], [0, 1, 2, 3], [1, 3, 2, 0], [2, 0, 3, 1]]) {
      const evaluation = new TerraformEvaluation({ scanRoots: [cwd], cwd }, paths);
      for (const i of order) {
        const file = paths[i];
        evaluation.add(file, file.endsWith(".tfvars") ? { tfvars: { file, values: parsed.get(file)! } } : { source: builtSource(parsed.get(file)!) });
        evaluation.evaluateReady();
      }
      expect(evaluation.finish()).toEqual(expected);
    }
  });
});
