import { createHclParser } from "../src/parse/hcl/parser.js";
import type { Value } from "../src/core/value.js";
import { Budget } from "../src/terraform/budget.js";
import { TerraformModule } from "../src/terraform/module.js";
import type { FunctionHost } from "../src/terraform/functions.js";
import type { Diagnostic } from "../src/core/diagnostic.js";
import { unknown } from "../src/core/value.js";

const parser = await createHclParser();

export const NO_FILES: FunctionHost = {
  readFile: () => ({ error: "no files in this test" }),
  parseJson: (_t, _f, loc) => unknown("not decoded in this test", loc),
  templateFile: (_p, _v, loc) => unknown("not in this test", loc),
};

/** A root module from HCL source, for evaluating its locals in tests. */
export function moduleOf(source: string, inputs: Record<string, Value> = {}, host: FunctionHost = NO_FILES): TerraformModule {
  const parsed = parser.parse("main.tf", source);
  if (!parsed.file) throw new Error(parsed.errors[0]?.message);
  const diagnostics: Diagnostic[] = [];
  return new TerraformModule({
    dir: ".",
    root: ".",
    address: "",
    files: [parsed.file],
    inputs: new Map(Object.entries(inputs)),
    host,
    calls: { filesIn: () => undefined, join: (a, b) => `${a}/${b}` },
    depth: 0,
    ancestors: [],
    diagnostics,
    budget: new Budget(diagnostics),
  });
}

export function local(source: string, name: string): Value {
  const mod = moduleOf(source);
  return mod.local(name, { file: "main.tf", line: 1, column: 1, endLine: 1, endColumn: 1 });
}
