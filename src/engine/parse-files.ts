import { posix } from "node:path";
import { obj, unknown } from "../core/value.js";
import { parseMarkdown, parseScript } from "../parse/scripts.js";
import { emptyDeclarations, type Declarations } from "../core/declarations.js";
import { InputLimitError, type Diagnostic, type FileStatus } from "../core/diagnostic.js";
import { fileStart, type SourceLocation } from "../core/location.js";
import type { DiscoveredFile } from "../discover/discover.js";
import { scanDirectives, type Directive } from "../parse/directives.js";
import { builtSource, type HclFile, type HclSource } from "../parse/hcl/ast.js";
import { convertSyntaxTree } from "../parse/hcl/convert.js";
import type { HclParser } from "../parse/hcl/parser.js";
import type { SyntaxTree } from "../parse/hcl/syntax-tree.js";
import { parseIamJson, parseJsonWithPositions } from "../parse/iam-json.js";
import { parseKubernetes } from "../parse/kubernetes.js";
import type { FileParseResult } from "../parse/result.js";
import { terraformJsonToHcl } from "../parse/terraform-json.js";
import type { Tfvars } from "../terraform/project.js";
import { readSource, readStdin, type ReadResult } from "./read.js";

export interface ReadOptions {
  maxBytes?: number;
  /** The scanned roots: a symlink is read only when it resolves inside them. */
  roots: string[];
  /** Texts that stand for files' contents (absolute path → text): an editor's unsaved buffers. */
  overlay?: Record<string, string>;
}

/** Everything one source file contributes, whatever became of it. */
export interface FileOutcome {
  status: FileStatus;
  declarations: Declarations;
  diagnostics: Diagnostic[];
  directives: Directive[];
  /** Terraform files go on to the evaluator, which needs every file of a module at once. */
  hcl?: HclFile;
  tfvars?: Tfvars;
  /** Not part of the scan: listed by git but deleted from the work tree, or a Markdown file without IRSA commands. */
  gone?: boolean;
  /** An HCL file's syntax tree: it crosses threads cheaply, and becomes an AST on the evaluator's thread. */
  syntax?: { tree: SyntaxTree; kind: "terraform" | "tfvars" };
  /** Files a Terraform file names as templatefile("${path.module}/…"): templates, even where no instance renders them (count = 0). */
  templates?: string[];
}

/** Files the Terraform evaluator reads: configuration and variable values. */
export const feedsTerraform = (f: DiscoveredFile) => f.kind === "terraform" || f.kind === "terraform-json" || f.kind === "tfvars" || f.kind === "tfvars-json";

/** Files whose parsing needs the HCL grammar (Terraform JSON holds HCL expressions in its strings). */
export const needsHcl = (f: DiscoveredFile) => feedsTerraform(f) && f.kind !== "tfvars-json";

/**
 * Reads and parses one file. Every outcome is linted, skipped with a reason, or failed with a
 * position; even a parser bug becomes a failed file rather than ending the run.
 */
export async function parseSourceFile(file: DiscoveredFile, hcl: () => Promise<HclParser>, read: ReadOptions, source = readInput(file, read)): Promise<FileOutcome> {
  const outcome: FileOutcome = { status: { file: file.path, status: "linted" }, declarations: emptyDeclarations(), diagnostics: [], directives: [] };
  const fail = (reason: string, location: SourceLocation = fileStart(file.path)) => {
    outcome.status = { file: file.path, status: "failed", reason, location };
    outcome.diagnostics.push({ level: "error", message: reason, location });
    return outcome;
  };
  if ("gone" in source) {
    outcome.gone = true;
    return outcome;
  }
  if ("skipped" in source) {
    outcome.status = { file: file.path, status: "skipped", reason: source.skipped, unchecked: true };
    return outcome;
  }
  if ("failed" in source) return fail(source.failed);
  try {
    const result = parseText(file, source.text, needsHcl(file) ? await hcl() : undefined, outcome);
    outcome.declarations = result.declarations;
    outcome.diagnostics.push(...result.diagnostics);
    if (file.kind !== "iam-json" && file.kind !== "tfvars-json") outcome.directives = scanDirectives(file.path, source.text);
    if (result.unlisted) outcome.gone = true;
    const error = result.diagnostics.find((d) => d.level === "error");
    if (error) outcome.status = { file: file.path, status: "failed", reason: error.message, location: error.location };
    else if (result.skipped) outcome.status = { file: file.path, status: "skipped", reason: result.skipped, ...(result.unchecked ? { unchecked: result.unchecked } : {}) };
    return outcome;
  } catch (e) {
    if (e instanceof InputLimitError) return fail(e.message, e.location);
    return fail(`internal error while parsing (please report it): ${(e as Error).message}`);
  }
}

/** A file's text, or why there is none. */
export function readInput(file: DiscoveredFile, read: ReadOptions): ReadResult {
  if (!file.stdin && read.overlay && Object.hasOwn(read.overlay, file.absolute)) return { text: read.overlay[file.absolute] };
  return file.stdin ? readStdin(read.maxBytes) : readSource(file.absolute, read.maxBytes, read.roots);
}

function parseText(file: DiscoveredFile, text: string, hcl: HclParser | undefined, outcome: FileOutcome): FileParseResult {
  const empty: FileParseResult = { declarations: emptyDeclarations(), diagnostics: [] };
  switch (file.kind) {
    case "kubernetes":
      return parseKubernetes(file.path, text);
    case "iam-json":
      return parseIamJson(file.path, text);
    case "script":
    case "makefile":
      return parseScript(file.path, text, file.kind === "makefile");
    case "markdown":
      return parseMarkdown(file.path, text);
    case "tfvars":
    case "terraform": {
      if (file.kind === "tfvars" && /\{\{|\$\{/.test(text)) return templatedTfvars(file.path, text, outcome);
      // The HCL grammar parses a megabyte-long line in seconds and hundreds of MB: no configuration has one.
      if (longestLine(text) > MAX_HCL_LINE) return { ...empty, skipped: `a line longer than ${MAX_HCL_LINE / 1024 / 1024} MB (irsa-lint's limit for HCL)`, unchecked: true };
      const parsed = hcl!.syntax(file.path, text);
      if (parsed.tree) outcome.syntax = { tree: parsed.tree, kind: file.kind };
      const templates = templatesNamed(file.path, text);
      if (templates.length) outcome.templates = templates;
      return { ...empty, diagnostics: parsed.errors };
    }
    case "tfvars-json":
    case "terraform-json": {
      const parsed = parseJsonWithPositions(file.path, text);
      if (!parsed.value) return { ...empty, diagnostics: [jsonError(file.path, parsed.error!)] };
      if (file.kind === "tfvars-json") outcome.tfvars = { file: file.path, values: parsed.value };
      else outcome.hcl = terraformJsonToHcl(file.path, parsed.value, hcl!);
      return empty;
    }
  }
}

/**
 * A tfvars file that is a template (`{{ }}`, `${}` of a generator): its variables are set when it
 * is rendered, so each variable it assigns is unknown, never its default (the default is not what
 * is deployed). Read no further.
 */
function templatedTfvars(file: string, text: string, outcome: FileOutcome): FileParseResult {
  const loc = { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const names = [...text.matchAll(/^\s*([A-Za-z_][\w-]*)\s*=/gm)].map((m) => m[1]);
  outcome.tfvars = { file, values: obj(new Map(names.map((n) => [n, unknown(`var.${n} is set by the template ${file} when it is rendered`, loc)])), loc) };
  return { declarations: emptyDeclarations(), diagnostics: [{ level: "note", message: `${file} is a template of tfvars ({{ }} or \${}): the variables it sets are not known`, location: loc }], skipped: "a template of tfvars: the variables it sets are not known" };
}

/** The longest line an HCL file may have: Terraform code, heredoc policies included, stays far below it. */
const MAX_HCL_LINE = 1024 * 1024;

function longestLine(text: string): number {
  if (text.length <= MAX_HCL_LINE) return text.length;
  let longest = 0;
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf("\n", start);
    const stop = end < 0 ? text.length : end;
    longest = Math.max(longest, stop - start);
    start = stop + 1;
  }
  return longest;
}

/** The Terraform file an outcome holds, if any. */
export function terraformSource(outcome: FileOutcome): HclSource | undefined {
  if (outcome.hcl) return builtSource(outcome.hcl);
  if (outcome.syntax?.kind !== "terraform") return undefined;
  const { tree } = outcome.syntax;
  const file = outcome.status.file;
  return { file, text: tree.text, ast: () => convertSyntaxTree(file, tree) };
}

/** The variable values a `.tfvars` or `.tfvars.json` outcome holds, if any. */
export function tfvarsOf(outcome: FileOutcome): Tfvars | undefined {
  if (outcome.syntax?.kind === "tfvars") return { file: outcome.status.file, values: convertSyntaxTree(outcome.status.file, outcome.syntax.tree) };
  return outcome.tfvars;
}

export function jsonError(file: string, e: { message: string; line: number; column: number }): Diagnostic {
  return { level: "error", message: `JSON syntax error: ${e.message}`, location: { file, line: e.line, column: e.column, endLine: e.line, endColumn: e.column + 1 } };
}

/** `templatefile("${path.module}/x.yaml", …)` paths, relative to the scan like the file naming them. */
function templatesNamed(file: string, text: string): string[] {
  const dir = posix.dirname(file);
  return [...text.matchAll(/templatefile\(\s*"\$\{path\.module\}\/([^"$]+)"/g)].map((m) => posix.normalize(posix.join(dir, m[1])));
}
