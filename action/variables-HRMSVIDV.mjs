import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  InputError,
  readNamedInput
} from "./chunk-USNEO4FM.mjs";
import "./chunk-Z4QXSMQ6.mjs";
import {
  tfvarsValues
} from "./chunk-2MJ4FEAF.mjs";
import "./chunk-N7Y6AN5C.mjs";
import {
  displayPath,
  formatLocation,
  parseJsonWithPositions,
  str
} from "./chunk-NHPH4HMX.mjs";
import "./chunk-JUKLW5JI.mjs";

// src/engine/variables.ts
import { resolve } from "node:path";
async function readVarFiles(paths, cwd, hcl) {
  const values = /* @__PURE__ */ new Map();
  for (const path of paths) {
    const display = displayPath(resolve(cwd, path), cwd);
    const read = readNamedInput(resolve(cwd, path), cwd);
    if ("error" in read) throw new InputError(`--var-file ${path}: ${read.error}`);
    let source;
    if (path.endsWith(".json")) {
      const parsed = parseJsonWithPositions(display, read.text);
      if (parsed.error) throw new InputError(`--var-file ${display}:${parsed.error.line}:${parsed.error.column}: not valid JSON`);
      source = parsed.value;
    } else {
      const parsed = hcl.parse(display, read.text);
      if (parsed.errors[0]) throw new InputError(`--var-file ${formatLocation(parsed.errors[0].location)}: not valid HCL`);
      source = parsed.file;
    }
    for (const [k, v] of tfvarsValues(source)) values.set(k, v);
  }
  return values;
}
function cliVars(pairs, hcl) {
  const values = /* @__PURE__ */ new Map();
  for (const [name, text] of pairs) {
    const at = { file: "--var", line: 1, column: 1, endLine: 1, endColumn: text.length + 1 };
    if (!/^\s*[[{]/.test(text)) {
      values.set(name, str(text, at));
      continue;
    }
    const parsed = hcl.parse("--var", `${name} = ${text}
`);
    if (!parsed.file) throw new InputError(`--var ${name}: ${parsed.errors[0]?.message ?? "not a valid value"}`);
    for (const [k, v] of tfvarsValues(parsed.file)) values.set(k, v);
  }
  return values;
}
export {
  cliVars,
  readVarFiles
};
