import { emptyDeclarations, mergeDeclarations } from "../core/declarations.js";
import type { Diagnostic, FileStatus } from "../core/diagnostic.js";
import { compareLocations, fileStart } from "../core/location.js";
import type { Value } from "../core/value.js";
import { discover, type DiscoveredFile } from "../discover/discover.js";
import type { HclFile } from "../parse/hcl/ast.js";
import { createHclParser, type HclParser } from "../parse/hcl/parser.js";
import { parseIamJson, parseJsonWithPositions } from "../parse/iam-json.js";
import { parseKubernetes } from "../parse/kubernetes.js";
import { terraformJsonToHcl } from "../parse/terraform-json.js";
import type { FileParseResult } from "../parse/result.js";
import { evaluateTerraform } from "../terraform/project.js";
import { link } from "../model/link.js";
import { readSource } from "./read.js";
import { runRules } from "./run-rules.js";
import type { Finding, Rule, Severity } from "./rule.js";

export interface LintOptions {
  paths: string[];
  cwd: string;
  rules: Rule[];
  /** Per-rule severity overrides; "off" disables a rule. */
  severities?: Record<string, Severity | "off">;
  accountId?: string;
  extraVars?: Map<string, Value>;
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
  const { files, roots, missing } = await discover(options.paths, options.cwd);
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
    mergeDeclarations(declarations, result.declarations);
    diagnostics.push(...result.diagnostics);
    const error = result.diagnostics.find((d) => d.level === "error");
    if (error) statuses.push({ file: file.path, status: "failed", reason: error.message, location: error.location });
    else if (result.skipped) statuses.push({ file: file.path, status: "skipped", reason: result.skipped });
    else statuses.push({ file: file.path, status: "linted" });
  }

  if (hclFiles.length) {
    const tf = evaluateTerraform({ files: hclFiles, tfvars, scanRoots: roots, cwd: options.cwd, accountId: options.accountId, extraVars: options.extraVars, hcl });
    mergeDeclarations(declarations, tf.declarations);
    diagnostics.push(...tf.diagnostics);
  }

  const kinds = new Map(files.map((f) => [f.path, f.kind]));
  const roleSourcesFailed = statuses.some((s) => s.status === "failed" && kinds.get(s.file) !== "kubernetes");
  const model = link(declarations, { roleSourcesFailed });
  const findings = runRules(model, options.rules, options.severities ?? {});
  findings.sort((a, b) => compareLocations(a.location, b.location) || (a.ruleId < b.ruleId ? -1 : 1));
  return { findings, files: statuses, diagnostics, missingPaths: missing };
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
