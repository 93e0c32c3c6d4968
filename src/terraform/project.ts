import { readdirSync } from "node:fs";
import { posix, resolve } from "node:path";
import { pushTo } from "../core/collections.js";
import { emptyDeclarations, mergeDeclarations, type Declarations } from "../core/declarations.js";
import { InputLimitError, type Diagnostic } from "../core/diagnostic.js";
import { obj, str, unknown, type Value } from "../core/value.js";
import type { HclFile, HclSource } from "../parse/hcl/ast.js";
import type { HclParser } from "../parse/hcl/parser.js";
import { fileStart } from "../core/location.js";
import { Budget } from "./budget.js";
import { Evaluator } from "./evaluator.js";
import { extractDeclarations } from "./extract.js";
import { Host, NO_FILES, NO_REFERENCES, readConfined } from "./host.js";
import { TerraformModule, type ModuleOptions } from "./module.js";
import { backendOf, statesMatch, type Backend } from "./remote-state.js";
import { EMPTY_SCOPE } from "./scope.js";

export interface TerraformInput {
  /** Parsed `.tf` files, by display path. */
  files: HclSource[];
  /** Parsed `.tfvars` files (HCL) and `.tfvars.json` values, by display path. */
  tfvars: Tfvars[];
  /** Absolute roots of the scan: file() never reads outside them. */
  scanRoots: string[];
  /** Files file() may read inside them (tracked, or not ignored by git); every file when absent. */
  readable?: (absolute: string) => boolean;
  cwd: string;
  accountId?: string;
  /** `--var-file` and `--var` values, applied to every root after its own tfvars. */
  extraVars?: Map<string, Value>;
  /** For templatefile(): template files are parsed when a template is rendered. */
  hcl?: HclParser;
}

export type Tfvars = { file: string; values: HclFile | Value };

export interface TerraformResult {
  declarations: Declarations;
  diagnostics: Diagnostic[];
  failedRoots: string[];
  /** Strings computed from text file() and templatefile() read: messages never quote them whole. */
  fileTexts: ReadonlySet<string>;
  /** Files templatefile() rendered: their placeholders are Terraform's to fill, not declarations of their own. */
  rendered: ReadonlySet<string>;
}

/** Evaluates every Terraform root in the scan and returns what it declares. */
export function evaluateTerraform(input: TerraformInput): TerraformResult {
  const evaluation = new TerraformEvaluation(input, [...input.files.map((f) => f.file), ...input.tfvars.map((t) => t.file)]);
  for (const f of input.files) evaluation.add(f.file, { source: f });
  for (const t of input.tfvars) evaluation.add(t.file, { tfvars: t });
  return evaluation.finish();
}

interface RootResult {
  declarations: Declarations;
  diagnostics: Diagnostic[];
  failed: boolean;
}

/**
 * Evaluates Terraform roots as their files arrive, so that evaluation overlaps parsing: a folder
 * is evaluated once every Terraform file in it, and in the local modules it calls, has arrived
 * (parsed or not). Whether a folder is a root or a module others call is known only at the end:
 * a folder evaluated as a root and then found called is dropped. Results are merged in folder
 * order, so the outcome does not depend on when files arrived.
 */
export class TerraformEvaluation {
  private readonly sourcesByDir = new Map<string, HclSource[]>();
  private readonly tfvarsByDir = new Map<string, Tfvars[]>();
  /** Terraform files still to arrive, by folder. */
  private readonly pending = new Map<string, number>();
  /** Local module folders each scanned folder calls, and every folder some scanned folder calls. */
  private readonly calls = new Map<string, string[]>();
  private readonly called = new Set<string>();
  private readonly results = new Map<string, RootResult>();
  /** Folders ready to evaluate, in arrival order (`next` is the first not yet taken). */
  private readonly ready: string[] = [];
  private next = 0;
  private readonly waiting = new Set<string>();
  /** A module folder's ASTs are kept, since several roots may call it; a root's are dropped after use. */
  private readonly kept = new Map<string, HclFile[]>();
  private readonly host: Host;
  private readonly accountId?: Value;

  constructor(
    private readonly input: Omit<TerraformInput, "files" | "tfvars">,
    /** Display paths of every Terraform file (`.tf`, `.tf.json`, `.tfvars`, `.tfvars.json`) that will arrive. */
    expected: string[],
  ) {
    for (const file of expected) {
      const dir = posix.dirname(file);
      this.pending.set(dir, (this.pending.get(dir) ?? 0) + 1);
    }
    this.host = new Host(input.cwd, input.scanRoots, input.hcl, input.readable);
    this.accountId = input.accountId ? str(input.accountId, { file: "--account-id", line: 1, column: 1, endLine: 1, endColumn: 1 }) : undefined;
  }

  /** One expected file has arrived: with its source or values, or with nothing (it failed to parse, or is gone). */
  add(file: string, content: { source?: HclSource; tfvars?: Tfvars }): void {
    const dir = posix.dirname(file);
    if (content.source) {
      pushTo(this.sourcesByDir, dir, content.source);
      this.host.addText(content.source.file, content.source.text);
    }
    if (content.tfvars) pushTo(this.tfvarsByDir, dir, content.tfvars);
    const left = (this.pending.get(dir) ?? 1) - 1;
    this.pending.set(dir, left);
    if (left === 0) {
      this.waiting.add(dir);
      // A module folder's arrival may free the folders that call it; any other frees itself only.
      this.release(this.called.has(dir) ? [...this.waiting] : [dir]);
    }
  }

  /** Evaluates folders that are ready, for about `budgetMs`; says whether any is left ready. */
  evaluateReady(budgetMs = Infinity): boolean {
    const until = performance.now() + budgetMs;
    while (this.next < this.ready.length && performance.now() < until) {
      const dir = this.ready[this.next++];
      // A root reading another's state waits for every root to have arrived: any may be the one.
      if (!this.finishing && this.sourcesByDir.get(dir)?.some((s) => s.text.includes("terraform_remote_state"))) continue;
      if (!this.results.has(dir)) this.results.set(dir, this.evaluateRoot(dir));
    }
    return this.next < this.ready.length;
  }

  private finishing = false;
  private readonly backends = new Map<string, Backend>();
  private readonly remoteOutputs = new Map<string, Value>();

  /** The outputs of the scanned root whose state a `terraform_remote_state` read from `from` names (remote-state.ts). */
  private remoteState(from: string): ModuleOptions["remoteState"] {
    return (type, config) => {
      for (const dir of [...this.sourcesByDir.keys()].sort()) {
        if (dir === from || this.called.has(dir)) continue;
        let backend = this.backends.get(dir);
        if (!backend) this.backends.set(dir, (backend = backendOf(this.astsIn(dir, true) ?? [])));
        if (statesMatch(type, config, from, dir, backend)) return { outputs: this.outputsOf(dir), root: dir };
      }
      return undefined;
    };
  }

  /** A root's outputs, evaluated once (its own findings come from its own evaluation). */
  private outputsOf(dir: string): Value {
    const known = this.remoteOutputs.get(dir);
    if (known) return known;
    const loc = fileStart(this.sourcesByDir.get(dir)![0].file);
    // A state read back from a root that reads this one's: a cycle Terraform would not resolve either.
    this.remoteOutputs.set(dir, unknown(`the outputs of ${dir} depend on a remote state that depends on them`, loc));
    const mod = this.rootModule(dir, [], new Budget([]));
    const entries = new Map([...mod.outputs].map(([name, attr]) => [name, mod.evaluator.eval(attr.expr, EMPTY_SCOPE)]));
    const outputs = obj(entries, loc);
    outputs.openReason = `the state of ${dir}`;
    this.remoteOutputs.set(dir, outputs);
    return outputs;
  }

  /** After every expected file has arrived: evaluates what is left, and merges the roots' results in folder order. */
  finish(): TerraformResult {
    // Every folder with files is evaluated by now, whatever arrived or did not.
    this.finishing = true;
    for (const dir of this.sourcesByDir.keys()) if (!this.results.has(dir)) this.ready.push(dir);
    this.waiting.clear();
    this.evaluateReady();
    const called = this.called;
    const out: TerraformResult = { declarations: emptyDeclarations(), diagnostics: [], failedRoots: [], fileTexts: this.host.taint.texts, rendered: this.host.rendered };
    for (const dir of [...this.sourcesByDir.keys()].sort()) {
      const result = this.results.get(dir);
      if (called.has(dir) || !result) continue;
      mergeDeclarations(out.declarations, result.declarations);
      out.diagnostics.push(...result.diagnostics);
      if (result.failed) out.failedRoots.push(dir);
    }
    return out;
  }

  /** Moves waiting folders whose files, and whose modules' files, have all arrived to the ready queue. */
  private release(dirs: string[]): void {
    for (const dir of dirs) {
      if (!this.sourcesByDir.has(dir)) {
        this.waiting.delete(dir); // only failed files or variables here: nothing to evaluate
        continue;
      }
      if (this.arrived(dir, new Set())) {
        this.waiting.delete(dir);
        this.ready.push(dir);
      }
    }
  }

  private arrived(dir: string, seen: Set<string>): boolean {
    if (seen.has(dir)) return true;
    seen.add(dir);
    if ((this.pending.get(dir) ?? 0) > 0) return false;
    return this.callsOf(dir).every((d) => this.arrived(d, seen));
  }

  private callsOf(dir: string): string[] {
    let targets = this.calls.get(dir);
    if (targets) return targets;
    targets = [];
    // Only folders whose text names a module need their ASTs for this.
    if (this.sourcesByDir.get(dir)?.some((s) => /\bmodule\b/.test(s.text)))
      for (const f of this.astsIn(dir, true) ?? [])
        for (const b of f.body.blocks) {
          if (b.type !== "module") continue;
          const src = b.body.attributes.find((a) => a.name === "source");
          const text = src?.expr.type === "template" && src.expr.parts.length === 1 && src.expr.parts[0].type === "text" ? src.expr.parts[0].value : undefined;
          if (text && (text.startsWith("./") || text.startsWith("../"))) {
            const target = posix.normalize(posix.join(dir, text));
            if (target !== dir) {
              targets.push(target);
              this.called.add(target);
            }
          }
        }
    this.calls.set(dir, targets);
    return targets;
  }

  private astsIn(dir: string, keep: boolean): HclFile[] | undefined {
    const known = this.kept.get(dir);
    if (known) return known;
    const asts = this.sourcesByDir.get(dir)?.map((s) => s.ast()) ?? this.unscannedModule(dir);
    if (asts && (keep || !this.sourcesByDir.has(dir))) this.kept.set(dir, asts);
    return asts;
  }

  /**
   * A module folder under `.terraform/` (a local `source = "./.terraform/iam"`, or what `terraform
   * init` downloaded): discovery skips `.terraform`, but Terraform loads it, so its `.tf` files are
   * read here, through file()'s confinement (inside the scanned folders, no symbolic link, 5 MB).
   */
  private unscannedModule(dir: string): HclFile[] | undefined {
    if (!dir.split("/").includes(".terraform") || !this.input.hcl) return undefined;
    let names: string[];
    try {
      names = readdirSync(resolve(this.input.cwd, dir)).filter((n) => n.endsWith(".tf")).sort();
    } catch {
      return undefined;
    }
    const files: HclFile[] = [];
    for (const name of names) {
      const file = posix.join(dir, name);
      const text = readConfined(this.input.cwd, resolve(this.input.cwd, file), this.input.scanRoots);
      const parsed = text === undefined ? undefined : this.input.hcl.parse(file, text).file;
      if (parsed) {
        this.host.addText(file, text!);
        files.push(parsed);
      }
    }
    return files.length ? files : undefined;
  }

  private readonly moduleManifests = new Map<string, Map<string, string>>();

  /**
   * Where `terraform init` put a module call's source: `.terraform/modules/modules.json` of the
   * root maps each call's key to a folder (relative to the root), read through file()'s confinement.
   */
  private downloadedModule(root: string, key: string): string | undefined {
    let manifest = this.moduleManifests.get(root);
    if (!manifest) {
      manifest = new Map();
      const file = posix.join(root, ".terraform/modules/modules.json");
      const text = readConfined(this.input.cwd, resolve(this.input.cwd, file), this.input.scanRoots);
      try {
        const parsed = text === undefined ? undefined : (JSON.parse(text) as { Modules?: Array<{ Key?: unknown; Dir?: unknown }> });
        for (const m of parsed?.Modules ?? []) if (typeof m.Key === "string" && m.Key && typeof m.Dir === "string") manifest.set(m.Key, posix.normalize(posix.join(root, m.Dir)));
      } catch {
        // Not JSON: as if terraform init had not run.
      }
      this.moduleManifests.set(root, manifest);
    }
    return manifest.get(key);
  }

  /** A root folder as the module Terraform plans: its tfvars and --var values as inputs. */
  private rootModule(dir: string, diagnostics: Diagnostic[], budget: Budget): TerraformModule {
    const inputs = new Map([...tfvarsFor(this.tfvarsByDir.get(dir) ?? []), ...(this.input.extraVars ?? [])]);
    return new TerraformModule({
      dir,
      root: dir,
      address: "",
      files: this.astsIn(dir, this.backends.has(dir) || this.remoteOutputs.has(dir))!,
      inputs,
      host: this.host.forRoot(dir, budget),
      calls: { filesIn: (d) => this.astsIn(d, true), join: (d, s) => posix.normalize(posix.join(d, s)), downloaded: (root, key) => this.downloadedModule(root, key) },
      accountId: this.accountId,
      depth: 0,
      ancestors: [],
      diagnostics,
      budget,
      remoteState: this.remoteState(dir),
    });
  }

  private evaluateRoot(dir: string): RootResult {
    this.callsOf(dir); // every evaluated folder's calls are known, to tell roots from modules at the end
    const diagnostics: Diagnostic[] = [];
    const budget = new Budget(diagnostics);
    try {
      const mod = this.rootModule(dir, diagnostics, budget);
      const declarations = extractDeclarations(mod);
      // A folder no root calls, with no provider, backend or variable values, is a module's source
      // (terraform-aws-modules' own root): a role of unknown name there is a template, not a role.
      if (!this.input.extraVars?.size && !this.tfvarsByDir.get(dir)?.length && !mod.options.files.some(configuresDeployment))
        for (const role of declarations.roles) role.template = true;
      return { declarations, diagnostics, failed: false };
    } catch (e) {
      // The root is not checked: said as an error every format shows, never silently.
      const file = this.sourcesByDir.get(dir)![0].file;
      const location = e instanceof InputLimitError ? e.location : fileStart(file);
      const message =
        e instanceof InputLimitError
          ? `${e.message}: Terraform root ${dir} was not checked`
          : `internal error evaluating Terraform root ${dir}, which was not checked (please report it): ${(e as Error).message}`;
      return { declarations: emptyDeclarations(), diagnostics: [...diagnostics, { level: "error", message, location }], failed: true };
    }
  }
}

/** A folder's terraform.tfvars, then *.auto.tfvars in lexical order, as Terraform applies them. */
function tfvarsFor(mine: Tfvars[]): Map<string, Value> {
  const rank = (f: string) => (/(^|\/)terraform\.tfvars(\.json)?$/.test(f) ? 0 : 1);
  mine.sort((a, b) => rank(a.file) - rank(b.file) || (a.file < b.file ? -1 : 1));
  const values = new Map<string, Value>();
  for (const t of mine) for (const [k, v] of tfvarsValues(t.values)) values.set(k, v);
  return values;
}

export function tfvarsValues(source: HclFile | Value): Map<string, Value> {
  if ("kind" in source) return source.kind === "object" ? source.entries : new Map();
  // tfvars may hold only constant expressions: evaluate with nothing in scope.
  const ev = new Evaluator(NO_REFERENCES, NO_FILES);
  return new Map(source.body.attributes.map((a) => [a.name, ev.eval(a.expr, EMPTY_SCOPE)]));
}


/** A file that sets up a deployment: a provider configuration, or a backend or cloud block. */
function configuresDeployment(file: HclFile): boolean {
  return file.body.blocks.some((b) => b.type === "provider" || (b.type === "terraform" && b.body.blocks.some((inner) => inner.type === "backend" || inner.type === "cloud")));
}
