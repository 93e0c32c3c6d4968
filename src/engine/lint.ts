import type { IrsaModel } from "../model/model.js";
import { mergeDeclarations, emptyDeclarations } from "../core/declarations.js";
import { compileGlobs } from "../core/glob.js";
import { InputError } from "./errors.js";
import type { Diagnostic, FileStatus } from "../core/diagnostic.js";
import { compareLocations, type SourceLocation } from "../core/location.js";
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { repositoryRoot } from "../discover/repository.js";
import { discover, displayPath, type DiscoveredFile, type Discovery } from "../discover/discover.js";
import { link } from "../model/link.js";
import { unresolvedNotes } from "../model/unresolved.js";
import { allPermissionDocuments } from "../model/documents.js";
import { loadCatalog, servicesOf } from "../iam/catalog.js";
import { alternatives } from "../iam/alternatives.js";
import { knownString } from "../core/value.js";
import { createHclParser, type HclParser } from "../parse/hcl/parser.js";
import type { TerraformEvaluation } from "../terraform/project.js";
import { coverageOf, type LinkReport } from "./coverage.js";
import { applyCrossplane } from "./crossplane.js";
import { applyGitOps } from "./gitops.js";
import { attachDocumentFiles } from "./file-documents.js";
import { withoutPlanDuplicates } from "./plan-sources.js";
import { applyKustomizations } from "./kustomize.js";
import { feedsTerraform, needsHcl, terraformSource, tfvarsOf, type FileOutcome } from "./parse-files.js";
import { parseFiles, SLICE_MS, startWorkers } from "./parse-pool.js";
import { phaseTimer } from "./timing.js";
import type { AnyRule, Finding, NotChecked } from "./rule.js";
import { runRules, type RuleSetting } from "./run-rules.js";
import { applyBaseline, applyDirectives, assignFingerprints, spanText, type Baseline } from "./suppress.js";

export { InputError } from "./errors.js";

export interface LintOptions {
  paths: string[];
  cwd: string;
  /** The repository's top level, which fingerprints name files from (default: found from cwd). */
  root?: string;
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
  /** Texts that stand for files' contents (absolute path → text): the language server's unsaved buffers. */
  overlay?: Record<string, string>;
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
  /** Each role annotation and Pod Identity association: the role it resolved to, and whether it was checked. */
  links: LinkReport[];
  /** Baseline entries no finding matched: fixed, or gone (`--prune-baseline` drops them). */
  staleBaseline: Baseline["findings"];
  /** Elements rules needed and could not know (an Action from a variable without a value): checks not made. */
  notChecked: NotChecked[];
  /** The linked model the rules read: what `explain` and `graph` walk. */
  model: IrsaModel;
}

/**
 * Below this much HCL, optimising the grammar's WebAssembly costs more than it saves: measured on
 * 2 vCPUs, ~70 ms more on examples/ (3 KB), 5% more at 105 KB, even at 360 KB, 11% less at 520 KB.
 */
const FEW_HCL_BYTES = 384 * 1024;

/** The whole pipeline: discover → parse → evaluate → link → rules. Pure but for reading files. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const timer = phaseTimer();
  const workers = startWorkers(options.paths, options.cwd, options.threads);
  let scan: Scan;
  try {
    scan = await prepareScan(options);
  } catch (e) {
    await Promise.all((await workers).map((w) => w.terminate()));
    throw e;
  }
  const { discovered, files, hcl, terraform: setup } = scan;
  timer.mark("discover");
  // Terraform roots are evaluated on this thread as their files arrive, while workers parse on;
  // files that arrive before the evaluation is set up (parser, --var values) wait for it.
  let evaluation: TerraformEvaluation | undefined;
  let setupError: unknown;
  void setup?.then(
    (e) => (evaluation = e),
    (e) => (setupError = e),
  );
  const early: Array<[string, FileOutcome]> = [];
  const feed = (path: string, outcome: FileOutcome) => evaluation!.add(path, { source: terraformSource(outcome), tfvars: tfvarsOf(outcome) });
  const onOutcome = (file: DiscoveredFile, outcome: FileOutcome) => {
    if (!setup || !feedsTerraform(file)) return;
    if (evaluation) feed(file.path, outcome);
    else early.push([file.path, outcome]);
  };
  const between = () => {
    if (setupError) throw setupError;
    if (!evaluation) return false;
    for (const [path, outcome] of early.splice(0)) feed(path, outcome);
    return evaluation.evaluateReady(SLICE_MS);
  };
  const outcomes = await parseFiles(files, hcl, { maxBytes: options.maxFileBytes, roots: discovered.roots, threads: options.threads, onOutcome, between, ...(options.overlay ? { overlay: options.overlay } : {}) }, workers);
  timer.mark("parse");
  evaluation = await setup;
  for (const [path, outcome] of early.splice(0)) feed(path, outcome);
  const terraform = evaluation?.finish();
  timer.mark("terraform");
  applyKustomizations(outcomes);

  const declarations = emptyDeclarations();
  const diagnostics: Diagnostic[] = [];
  const templates = new Set(outcomes.flatMap((o) => o.templates ?? []));
  for (const o of outcomes) {
    // A manifest Terraform renders through templatefile() is declared by Terraform, filled in (or not at all, where no instance renders it).
    if (terraform?.rendered.has(o.status.file) || templates.has(o.status.file)) o.declarations = { ...o.declarations, serviceAccounts: [], workloads: [] };
    mergeDeclarations(declarations, o.declarations);
    diagnostics.push(...o.diagnostics);
  }
  if (terraform) {
    mergeDeclarations(declarations, terraform.declarations);
    diagnostics.push(...terraform.diagnostics);
  }
  dedupe(diagnostics);
  withoutPlanDuplicates(declarations);
  applyGitOps(declarations);
  applyCrossplane(declarations);
  attachDocumentFiles(declarations);

  const statuses = outcomes.filter((o) => !o.gone).map((o) => o.status);
  const kinds = new Map(files.map((f) => [f.path, f.kind]));
  // Files and roots that may declare roles but could not be read: "no role has that name" names them.
  const unparsedRoleSources = [...statuses.filter((s) => s.status === "failed" && kinds.get(s.file) !== "kubernetes").map((s) => s.file), ...(terraform?.failedRoots.map((dir) => `${dir}/`) ?? [])];
  // Infrastructure code (Terraform, eksctl, CloudFormation, files declaring roles) marks the projects of the scan.
  const infraFiles = [...files.filter((f) => feedsTerraform(f)).map((f) => f.path), ...declarations.infrastructure, ...declarations.roles.map((r) => r.loc.file), ...declarations.serviceAccounts.filter((sa) => sa.origin === "eksctl").map((sa) => sa.loc.file)];
  const model = link(declarations, { unparsedRoleSources, infraFiles });
  diagnostics.push(...unresolvedNotes(model));
  timer.mark("link");
  // Only for the services policies name, and only when there are policies: start-up stays fast.
  // Every action a policy may name, the branches of conditionals included.
  const services = servicesOf(allPermissionDocuments(model).flatMap((d) => d.document.statements.flatMap((s) => [...s.actions, ...s.notActions].flatMap((a) => (alternatives(a) ?? []).map((o) => knownString(o.value) ?? "")))));
  if (services.size) model.catalog = await loadCatalog(services);
  if (services.size && !model.catalog) {
    const first = allPermissionDocuments(model)[0].document;
    diagnostics.push({ level: "error", message: "the IAM action catalog could not be loaded: action names, action patterns and Resource \"*\" were not checked (policy-unknown-action, policy-no-wildcards)", location: first.loc });
  }
  timer.mark("catalog");
  const { findings, crashes, notChecked } = runRules(model, options.rules, options.settings ?? {}, terraform?.fileTexts, timer.rule);
  diagnostics.push(...crashes);
  findings.push(...applyDirectives(findings, outcomes.flatMap((o) => o.directives), new Set(options.rules.map((r) => r.id))));
  findings.sort((a, b) => compareLocations(a.location, b.location) || (a.ruleId < b.ruleId ? -1 : 1));
  // Identities name files relative to the repository root: the same from a subfolder or the top.
  const root = options.root ?? repositoryRoot(options.cwd);
  const span = spanReader(files, options.overlay);
  await assignFingerprints(findings, span, (file) => displayPath(resolve(options.cwd, file), root));
  // A fix is offered only where its text is written in the finding's span (not through a placeholder).
  for (const f of findings) if (f.suggestion) placeSuggestion(f, span);
  const staleBaseline = options.baseline ? applyBaseline(findings, options.baseline) : [];
  timer.mark("rules");
  timer.report();
  return {
    findings: findings.filter((f) => !f.suppression),
    suppressed: findings.filter((f) => f.suppression),
    files: statuses,
    diagnostics,
    missingPaths: discovered.missing,
    links: coverageOf(model, findings),
    staleBaseline,
    notChecked: notChecked.sort((a, b) => compareLocations(a.location, b.location)),
    model,
  };
}

/** The source text at a location, read back from the files the scan parsed (cached per file). */
function spanReader(files: DiscoveredFile[], overlay?: Record<string, string>): (loc: SourceLocation) => string | undefined {
  const byPath = new Map(files.filter((f) => !f.stdin).map((f) => [f.path, f.absolute]));
  const texts = new Map<string, string | undefined>();
  return (loc) => {
    if (!texts.has(loc.file)) {
      const absolute = byPath.get(loc.file);
      let text: string | undefined;
      try {
        text = absolute ? (overlay && Object.hasOwn(overlay, absolute) ? overlay[absolute] : readFileSync(absolute, "utf8")) : undefined;
      } catch {
        text = undefined;
      }
      texts.set(loc.file, text);
    }
    const text = texts.get(loc.file);
    return text === undefined ? undefined : spanText(text, loc);
  };
}

/** Where a finding's suggestion replaces its text (Suggestion.at), or no suggestion when the span does not hold it. */
function placeSuggestion(f: Finding, span: (loc: SourceLocation) => string | undefined): void {
  const text = span(f.location);
  const at = text?.indexOf(f.suggestion!.replace) ?? -1;
  if (at < 0 || f.suggestion!.replace.includes("\n")) {
    delete f.suggestion;
    return;
  }
  const before = text!.slice(0, at);
  const newlines = before.split("\n").length - 1;
  const line = f.location.line + newlines;
  const column = newlines ? at - before.lastIndexOf("\n") : f.location.column + at;
  f.suggestion = { ...f.suggestion!, at: { file: f.location.file, line, column, endLine: line, endColumn: column + f.suggestion!.replace.length } };
}

interface Scan {
  discovered: Discovery;
  files: DiscoveredFile[];
  hcl: () => Promise<HclParser>;
  /** Being set up while parsing starts; rejects on a bad --var-file or --var. */
  terraform?: Promise<TerraformEvaluation>;
}

/** What a run reads, and, when that includes Terraform, the evaluation its files will feed. */
async function prepareScan(options: LintOptions): Promise<Scan> {
  const discovered = await discover(options.paths, options.cwd);
  const files = selectFiles(discovered.files, options);
  let parser: Promise<HclParser> | undefined = options.hclParser;
  // WebAssembly start costs tens of milliseconds: only when there is HCL to parse.
  const hcl = () => (parser ??= createHclParser({ baselineOnly: littleHcl(files.filter(needsHcl)) }));
  const terraformFiles = files.filter(feedsTerraform);
  if (!terraformFiles.length) return { discovered, files, hcl };
  const terraform = startTerraform(options, discovered, terraformFiles, hcl);
  terraform.catch(() => {}); // thrown where the run awaits it, not as an unhandled rejection
  return { discovered, files, hcl, terraform };
}

/** Whether the HCL files hold less than FEW_HCL_BYTES: sizes are looked up only until they reach it. */
function littleHcl(files: DiscoveredFile[]): boolean {
  let bytes = 0;
  for (const f of files) {
    bytes += f.stdin ? 0 : (statSync(f.absolute, { throwIfNoEntry: false })?.size ?? 0);
    if (bytes >= FEW_HCL_BYTES) return false;
  }
  return true;
}

async function startTerraform(options: LintOptions, discovered: Discovery, terraformFiles: DiscoveredFile[], hcl: () => Promise<HclParser>): Promise<TerraformEvaluation> {
  // Loaded only when there is Terraform: a run on manifests alone starts without it.
  const [{ TerraformEvaluation }, { cliVars, readVarFiles }, parserReady] = await Promise.all([import("../terraform/project.js"), import("./variables.js"), hcl()]);
  const extraVars = await readVarFiles(options.varFiles ?? [], options.cwd, parserReady);
  for (const [name, value] of cliVars(options.vars ?? [], parserReady)) extraVars.set(name, value);
  const input = { scanRoots: discovered.roots, readable: discovered.readable, cwd: options.cwd, accountId: options.accountId, extraVars, hcl: parserReady };
  return new TerraformEvaluation(input, terraformFiles.map((f) => f.path));
}

/** Applies the config's include and exclude globs, relative to the config file's folder. */
function selectFiles(files: DiscoveredFile[], options: LintOptions): DiscoveredFile[] {
  if (!options.include?.length && !options.exclude?.length) return files;
  const base = options.globBase ?? options.cwd;
  let included: (path: string) => boolean;
  let excluded: (path: string) => boolean;
  try {
    included = options.include?.length ? compileGlobs(options.include) : () => true;
    excluded = options.exclude?.length ? compileGlobs(options.exclude) : () => false;
  } catch (e) {
    throw new InputError(`config include/exclude: ${(e as Error).message}`);
  }
  return files.filter((f) => {
    const rel = displayPath(f.absolute, base);
    return included(rel) && !excluded(rel);
  });
}

/** Each instance of a module reports what its block says: a diagnostic is listed once per place. */
function dedupe(diagnostics: Diagnostic[]): void {
  const seen = new Set<string>();
  let kept = 0;
  for (const d of diagnostics) {
    const key = `${d.level}|${d.location.file}:${d.location.line}:${d.location.column}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics[kept++] = d;
  }
  diagnostics.length = kept;
}
