import { mergeDeclarations, emptyDeclarations } from "../core/declarations.js";
import type { Diagnostic, FileStatus } from "../core/diagnostic.js";
import { compareLocations } from "../core/location.js";
import type { Value } from "../core/value.js";
import { discover, displayPath, type DiscoveredFile } from "../discover/discover.js";
import { link } from "../model/link.js";
import { unresolvedNotes } from "../model/unresolved.js";
import { permissionDocuments } from "../model/documents.js";
import { loadCatalog, servicesOf } from "../iam/catalog.js";
import { knownString } from "../core/value.js";
import type { HclFile } from "../parse/hcl/ast.js";
import { createHclParser, type HclParser } from "../parse/hcl/parser.js";
import { evaluateTerraform } from "../terraform/project.js";
import { applyKustomizations } from "./kustomize.js";
import { parseFiles } from "./parse-pool.js";
import type { AnyRule, Finding } from "./rule.js";
import { runRules, type RuleSetting } from "./run-rules.js";
import { applyBaseline, applyDirectives, assignFingerprints, type Baseline } from "./suppress.js";
import { cliVars, readVarFiles } from "./variables.js";

export { InputError } from "./variables.js";

export interface LintOptions {
  paths: string[];
  cwd: string;
  rules: AnyRule[];
  /** Per-rule severity and options, from the config file. */
  settings?: Record<string, RuleSetting>;
  accountId?: string;
  /** `--var-file` paths (tfvars HCL or JSON), applied to every root in order, before `vars`. */
  varFiles?: string[];
  /** `--var name=value` pairs. */
  vars?: Array<[string, string]>;
  /** Config `include`/`exclude` globs, relative to `globBase` (the config file's folder). */
  include?: string[];
  exclude?: string[];
  globBase?: string;
  /** Findings recorded earlier (`--baseline`): they are reported as suppressed. */
  baseline?: Baseline;
  /** Files larger than this are skipped with a reason (default 5 MB). */
  maxFileBytes?: number;
  /** Parse threads (`--threads`); by default worker threads only for large scans. */
  threads?: number;
  /** A parser to share between runs (tests, fuzzing); by default one is made when HCL is found. */
  hclParser?: Promise<HclParser>;
}

export interface LintResult {
  /** Findings in force, sorted by location. */
  findings: Finding[];
  /** Findings an inline comment or the baseline suppresses: reported as such, never failing a run. */
  suppressed: Finding[];
  files: FileStatus[];
  /** Tool diagnostics: parse errors, unresolved Terraform, skipped inputs. */
  diagnostics: Diagnostic[];
  missingPaths: string[];
}

/** The whole pipeline: discover → parse → evaluate → link → rules. Pure but for reading files. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const discovered = await discover(options.paths, options.cwd);
  const files = await selectFiles(discovered.files, options);
  let parser: Promise<HclParser> | undefined = options.hclParser;
  // WebAssembly start costs tens of milliseconds: only when there is HCL to parse.
  const hcl = () => (parser ??= createHclParser());

  const outcomes = await parseFiles(files, hcl, options.maxFileBytes, options.threads);
  applyKustomizations(outcomes);

  const declarations = emptyDeclarations();
  const diagnostics: Diagnostic[] = [];
  for (const o of outcomes) {
    mergeDeclarations(declarations, o.declarations);
    diagnostics.push(...o.diagnostics);
  }
  const hclFiles = outcomes.flatMap((o) => (o.hcl ? [o.hcl] : []));
  let terraformFailed = false;
  if (hclFiles.length) {
    const parserReady = await hcl();
    const extraVars = await readVarFiles(options.varFiles ?? [], options.cwd, parserReady);
    for (const [name, value] of cliVars(options.vars ?? [], parserReady)) extraVars.set(name, value);
    const tfvars = outcomes.flatMap((o) => (o.tfvars ? [o.tfvars] : [])) as Array<{ file: string; values: HclFile | Value }>;
    const tf = evaluateTerraform({ files: hclFiles, tfvars, scanRoots: discovered.roots, cwd: options.cwd, accountId: options.accountId, extraVars, hcl: parserReady });
    mergeDeclarations(declarations, tf.declarations);
    diagnostics.push(...tf.diagnostics);
    terraformFailed = tf.failedRoots.length > 0;
  }

  const statuses = outcomes.map((o) => o.status);
  const kinds = new Map(files.map((f) => [f.path, f.kind]));
  const roleSourcesFailed = terraformFailed || statuses.some((s) => s.status === "failed" && kinds.get(s.file) !== "kubernetes");
  const model = link(declarations, { roleSourcesFailed });
  diagnostics.push(...unresolvedNotes(model));
  // Only for the services policies name, and only when there are policies: start-up stays fast.
  const services = servicesOf(permissionDocuments(model).flatMap((d) => d.document.statements.flatMap((s) => [...s.actions, ...s.notActions].map((a) => knownString(a) ?? ""))));
  if (services.size) model.catalog = await loadCatalog(services);
  const { findings, crashes } = runRules(model, options.rules, options.settings ?? {});
  diagnostics.push(...crashes);
  findings.push(...applyDirectives(findings, outcomes.flatMap((o) => o.directives), new Set(options.rules.map((r) => r.id))));
  findings.sort((a, b) => compareLocations(a.location, b.location) || (a.ruleId < b.ruleId ? -1 : 1));
  assignFingerprints(findings);
  if (options.baseline) applyBaseline(findings, options.baseline);
  return {
    findings: findings.filter((f) => !f.suppression),
    suppressed: findings.filter((f) => f.suppression),
    files: statuses,
    diagnostics,
    missingPaths: discovered.missing,
  };
}

/** Applies the config's include and exclude globs, relative to the config file's folder. */
async function selectFiles(files: DiscoveredFile[], options: LintOptions): Promise<DiscoveredFile[]> {
  if (!options.include?.length && !options.exclude?.length) return files;
  const { default: picomatch } = await import("picomatch");
  const base = options.globBase ?? options.cwd;
  const included = options.include?.length ? picomatch(options.include, { dot: true }) : () => true;
  const excluded = options.exclude?.length ? picomatch(options.exclude, { dot: true }) : () => false;
  return files.filter((f) => {
    const rel = displayPath(f.absolute, base);
    return included(rel) && !excluded(rel);
  });
}
