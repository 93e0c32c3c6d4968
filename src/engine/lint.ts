import { emptyDeclarations, mergeDeclarations } from "../core/declarations.js";
import type { Diagnostic, FileStatus } from "../core/diagnostic.js";
import { compareLocations, fileStart, formatLocation } from "../core/location.js";
import { str, type Value } from "../core/value.js";
import { resolve } from "node:path";
import { discover, displayPath, type DiscoveredFile } from "../discover/discover.js";
import type { HclFile } from "../parse/hcl/ast.js";
import { createHclParser, type HclParser } from "../parse/hcl/parser.js";
import { parseIamJson, parseJsonWithPositions } from "../parse/iam-json.js";
import { parseKubernetes } from "../parse/kubernetes.js";
import { terraformJsonToHcl } from "../parse/terraform-json.js";
import type { FileParseResult } from "../parse/result.js";
import { evaluateTerraform, tfvarsValues } from "../terraform/project.js";
import { link } from "../model/link.js";
import { unresolvedNotes } from "../model/unresolved.js";
import { readSource } from "./read.js";
import { runRules, type RuleSetting } from "./run-rules.js";
import { applyBaseline, applyDirectives, assignFingerprints, type Baseline } from "./suppress.js";
import { scanDirectives, type Directive } from "../parse/directives.js";
import picomatch from "picomatch";
import type { AnyRule, Finding } from "./rule.js";

export interface LintOptions {
  paths: string[];
  cwd: string;
  rules: AnyRule[];
  /** Per-rule severity and options, from the config file. */
  settings?: Record<string, RuleSetting>;
  accountId?: string;
  /** `--var-file` paths (tfvars HCL or JSON), applied to every root in order, before `vars`. */
  varFiles?: string[];
  /** `--var name=value`: a string, or an HCL list or map when the value starts with [ or {. */
  vars?: Array<[string, string]>;
  /** Config `include`/`exclude` globs, relative to `globBase` (the config file's folder). */
  include?: string[];
  exclude?: string[];
  globBase?: string;
  /** Findings recorded earlier (`--baseline`): they are reported as suppressed. */
  baseline?: Baseline;
}

export interface LintResult {
  findings: Finding[];
  files: FileStatus[];
  /** Tool diagnostics: parse errors, unresolved Terraform, skipped inputs. */
  diagnostics: Diagnostic[];
  missingPaths: string[];
}

/** The whole pipeline: discover → parse → evaluate → link → rules. Pure but for reading files. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const discovered = await discover(options.paths, options.cwd);
  const { roots, missing } = discovered;
  const files = selectFiles(discovered.files, options);
  const directives: Directive[] = [];
  const declarations = emptyDeclarations();
  const statuses: FileStatus[] = [];
  const diagnostics: Diagnostic[] = [];
  const hclFiles: HclFile[] = [];
  const tfvars: Array<{ file: string; values: HclFile | Value }> = [];
  let hcl: HclParser | undefined;

  for (const file of files) {
    const read = await readSource(file.absolute);
    if ("skipped" in read) {
      statuses.push({ file: file.path, status: "skipped", reason: read.skipped });
      continue;
    }
    if ("failed" in read) {
      const location = fileStart(file.path);
      statuses.push({ file: file.path, status: "failed", reason: read.failed, location });
      diagnostics.push({ level: "error", message: read.failed, location });
      continue;
    }
    if ((file.kind === "terraform" || file.kind === "terraform-json" || file.kind === "tfvars") && !hcl) hcl = await createHclParser();
    const result = parseFile(file, read.text, hcl, hclFiles, tfvars);
    if (file.kind !== "iam-json" && file.kind !== "tfvars-json") directives.push(...scanDirectives(file.path, read.text));
    mergeDeclarations(declarations, result.declarations);
    diagnostics.push(...result.diagnostics);
    const error = result.diagnostics.find((d) => d.level === "error");
    if (error) statuses.push({ file: file.path, status: "failed", reason: error.message, location: error.location });
    else if (result.skipped) statuses.push({ file: file.path, status: "skipped", reason: result.skipped });
    else statuses.push({ file: file.path, status: "linted" });
  }

  if (hclFiles.length) {
    const extraVars = await readVarFiles(options.varFiles ?? [], options.cwd, hcl!);
    for (const [name, value] of cliVars(options.vars ?? [], hcl!)) extraVars.set(name, value);
    const tf = evaluateTerraform({ files: hclFiles, tfvars, scanRoots: roots, cwd: options.cwd, accountId: options.accountId, extraVars, hcl });
    mergeDeclarations(declarations, tf.declarations);
    diagnostics.push(...tf.diagnostics);
  }

  const kinds = new Map(files.map((f) => [f.path, f.kind]));
  const roleSourcesFailed = statuses.some((s) => s.status === "failed" && kinds.get(s.file) !== "kubernetes");
  const model = link(declarations, { roleSourcesFailed });
  diagnostics.push(...unresolvedNotes(model));
  const findings = runRules(model, options.rules, options.settings ?? {});
  findings.push(...applyDirectives(findings, directives, new Set(options.rules.map((r) => r.id))));
  findings.sort((a, b) => compareLocations(a.location, b.location) || (a.ruleId < b.ruleId ? -1 : 1));
  assignFingerprints(findings);
  if (options.baseline) applyBaseline(findings, options.baseline);
  return { findings, files: statuses, diagnostics, missingPaths: missing };
}

/** Applies the config's include and exclude globs, relative to the config file's folder. */
function selectFiles(files: DiscoveredFile[], options: LintOptions): DiscoveredFile[] {
  if (!options.include?.length && !options.exclude?.length) return files;
  const base = options.globBase ?? options.cwd;
  const included = options.include?.length ? picomatch(options.include, { dot: true }) : () => true;
  const excluded = options.exclude?.length ? picomatch(options.exclude, { dot: true }) : () => false;
  return files.filter((f) => {
    const rel = displayPath(f.absolute, base);
    return included(rel) && !excluded(rel);
  });
}

function parseFile(
  file: DiscoveredFile,
  text: string,
  hcl: HclParser | undefined,
  hclFiles: HclFile[],
  tfvars: Array<{ file: string; values: HclFile | Value }>,
): FileParseResult {
  const empty: FileParseResult = { declarations: emptyDeclarations(), diagnostics: [] };
  switch (file.kind) {
    case "kubernetes":
      return parseKubernetes(file.path, text);
    case "iam-json":
      return parseIamJson(file.path, text);
    case "terraform":
    case "tfvars": {
      const parsed = hcl!.parse(file.path, text);
      if (parsed.file) (file.kind === "terraform" ? hclFiles.push(parsed.file) : tfvars.push({ file: file.path, values: parsed.file }));
      return { ...empty, diagnostics: parsed.errors };
    }
    case "tfvars-json": {
      const parsed = parseJsonWithPositions(file.path, text);
      if (parsed.value) {
        tfvars.push({ file: file.path, values: parsed.value });
        return empty;
      }
      return { ...empty, diagnostics: [jsonError(file.path, parsed.error!)] };
    }
    case "terraform-json": {
      const parsed = parseJsonWithPositions(file.path, text);
      if (parsed.value) {
        hclFiles.push(terraformJsonToHcl(file.path, parsed.value, hcl!));
        return empty;
      }
      return { ...empty, diagnostics: [jsonError(file.path, parsed.error!)] };
    }
  }
}

function jsonError(file: string, e: { message: string; line: number; column: number }): Diagnostic {
  return { level: "error", message: `JSON syntax error: ${e.message}`, location: { file, line: e.line, column: e.column, endLine: e.line, endColumn: e.column + 1 } };
}

/** `--var-file` values. A file that cannot be read or parsed is a usage problem: it throws. */
async function readVarFiles(paths: string[], cwd: string, hcl: HclParser): Promise<Map<string, Value>> {
  const values = new Map<string, Value>();
  for (const path of paths) {
    const display = displayPath(resolve(cwd, path), cwd);
    const read = await readSource(resolve(cwd, path));
    if (!("text" in read)) throw new InputError(`--var-file ${path}: ${"skipped" in read ? read.skipped : read.failed}`);
    let source: HclFile | Value | undefined;
    if (path.endsWith(".json")) {
      const parsed = parseJsonWithPositions(display, read.text);
      if (parsed.error) throw new InputError(`--var-file ${display}:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}`);
      source = parsed.value;
    } else {
      const parsed = hcl.parse(display, read.text);
      if (parsed.errors[0]) throw new InputError(`--var-file ${formatLocation(parsed.errors[0].location)}: ${parsed.errors[0].message}`);
      source = parsed.file;
    }
    for (const [k, v] of tfvarsValues(source!)) values.set(k, v);
  }
  return values;
}

function cliVars(pairs: Array<[string, string]>, hcl: HclParser): Map<string, Value> {
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

/** A problem with what the user asked for (not with a scanned file): the CLI exits 2. */
export class InputError extends Error {}
