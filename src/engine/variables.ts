import { resolve } from "node:path";
import { formatLocation } from "../core/location.js";
import { str, type Value } from "../core/value.js";
import { displayPath } from "../discover/discover.js";
import type { HclFile } from "../parse/hcl/ast.js";
import type { HclParser } from "../parse/hcl/parser.js";
import { parseJsonWithPositions } from "../parse/iam-json.js";
import { tfvarsValues } from "../terraform/project.js";
import { InputError } from "./errors.js";
import { readNamedInput } from "./read-input.js";


/** `--var-file` values, in order. A file that cannot be read or parsed is a usage problem. */
export async function readVarFiles(paths: string[], cwd: string, hcl: HclParser): Promise<Map<string, Value>> {
  const values = new Map<string, Value>();
  for (const path of paths) {
    const display = displayPath(resolve(cwd, path), cwd);
    const read = readNamedInput(resolve(cwd, path), cwd);
    if ("error" in read) throw new InputError(`--var-file ${path}: ${read.error}`);
    let source: HclFile | Value | undefined;
    if (path.endsWith(".json")) {
      const parsed = parseJsonWithPositions(display, read.text);
      if (parsed.error) throw new InputError(`--var-file ${display}:${parsed.error.line}:${parsed.error.column}: not valid JSON`);
      source = parsed.value;
    } else {
      const parsed = hcl.parse(display, read.text);
      // The position only: a parser message quotes the text, which need not be the user's to show.
      if (parsed.errors[0]) throw new InputError(`--var-file ${formatLocation(parsed.errors[0].location)}: not valid HCL`);
      source = parsed.file;
    }
    for (const [k, v] of tfvarsValues(source!)) values.set(k, v);
  }
  return values;
}

/** `--var name=value`: a string, or an HCL list or map when the value starts with [ or {. */
export function cliVars(pairs: Array<[string, string]>, hcl: HclParser): Map<string, Value> {
  const values = new Map<string, Value>();
  for (const [name, text] of pairs) {
    const at = { file: "--var", line: 1, column: 1, endLine: 1, endColumn: text.length + 1 };
    if (!/^\s*[[{]/.test(text)) {
      values.set(name, str(text, at));
      continue;
    }
    const parsed = hcl.parse("--var", `${name} = ${text}\n`);
    if (!parsed.file) throw new InputError(`--var ${name}: ${parsed.errors[0]?.message ?? "not a valid value"}`);
    for (const [k, v] of tfvarsValues(parsed.file)) values.set(k, v);
  }
  return values;
}
