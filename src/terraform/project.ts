import { posix } from "node:path";
import { emptyDeclarations, mergeDeclarations, type Declarations } from "../core/declarations.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { str, type Value } from "../core/value.js";
import type { HclFile, HclSource } from "../parse/hcl/ast.js";
import type { HclParser } from "../parse/hcl/parser.js";
import { Evaluator } from "./evaluator.js";
import { extractDeclarations } from "./extract.js";
import { Host, NO_FILES, NO_REFERENCES } from "./host.js";
import { TerraformModule } from "./module.js";
import { EMPTY_SCOPE } from "./scope.js";

export interface TerraformInput {
  /** Parsed `.tf` files, by display path. */
  files: HclSource[];
  /** Parsed `.tfvars` files (HCL) and `.tfvars.json` values, by display path. */
  tfvars: Array<{ file: string; values: HclFile | Value }>;
  /** Absolute roots of the scan: file() never reads outside them. */
  scanRoots: string[];
  cwd: string;
  accountId?: string;
  /** `--var-file` and `--var` values, applied to every root after its own tfvars. */
  extraVars?: Map<string, Value>;
  /** For templatefile(): template files are parsed when a template is rendered. */
  hcl?: HclParser;
}


/**
 * Evaluates every Terraform root in the scan and returns what it declares. `breathe` is awaited
 * between roots: the engine uses it to keep parse workers busy meanwhile.
 */
export async function evaluateTerraform(
  input: TerraformInput,
  breathe: () => Promise<void> | undefined = () => undefined,
): Promise<{ declarations: Declarations; diagnostics: Diagnostic[]; failedRoots: string[] }> {
  const failedRoots: string[] = [];
  const sourcesByDir = groupByDir(input.files, (f) => f.file);
  const tfvarsByDir = groupByDir(input.tfvars, (t) => t.file);
  // A root's ASTs are built for its evaluation and dropped after it; a module folder's are kept,
  // since several roots may call it.
  const kept = new Map<string, HclFile[]>();
  const astsIn = (dir: string, keep: boolean) => {
    const known = kept.get(dir);
    if (known) return known;
    const asts = sourcesByDir.get(dir)?.map((s) => s.ast());
    if (asts && keep) kept.set(dir, asts);
    return asts;
  };
  const called = calledDirs(sourcesByDir, astsIn);
  const diagnostics: Diagnostic[] = [];
  const host = new Host(input.cwd, input.scanRoots, input.files, input.hcl);
  const declarations = emptyDeclarations();
  const accountId = input.accountId ? str(input.accountId, { file: "--account-id", line: 1, column: 1, endLine: 1, endColumn: 1 }) : undefined;
  for (const dir of [...sourcesByDir.keys()].sort()) {
    if (called.has(dir)) continue;
    await breathe();
    const inputs = new Map([...tfvarsFor(tfvarsByDir.get(dir) ?? []), ...(input.extraVars ?? [])]);
    try {
      const mod = new TerraformModule({
        dir,
        address: "",
        files: astsIn(dir, false)!,
        inputs,
        host: host.forRoot(dir),
        calls: { filesIn: (d) => astsIn(d, true), join: (d, s) => posix.normalize(posix.join(d, s)) },
        accountId,
        depth: 0,
        diagnostics,
      });
      mergeDeclarations(declarations, extractDeclarations(mod));
    } catch (e) {
      // An evaluator bug must not end the run: the root is reported and its roles stay unknown.
      const file = sourcesByDir.get(dir)![0].file;
      diagnostics.push({ level: "error", message: `internal error evaluating Terraform root ${dir} (please report it): ${(e as Error).message}`, location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 } });
      failedRoots.push(dir);
    }
  }
  return { declarations, diagnostics, failedRoots };
}

/** Folders that some scanned module calls with a local source: they are modules, not roots. */
function calledDirs(sourcesByDir: Map<string, HclSource[]>, astsIn: (dir: string, keep: boolean) => HclFile[] | undefined): Set<string> {
  const called = new Set<string>();
  for (const [dir, sources] of sourcesByDir) {
    // Only folders whose text calls a module need their ASTs now.
    if (!sources.some((s) => /\bmodule\b/.test(s.text))) continue;
    for (const f of astsIn(dir, true) ?? [])
      for (const b of f.body.blocks) {
        if (b.type !== "module") continue;
        const src = b.body.attributes.find((a) => a.name === "source");
        const text = src?.expr.type === "template" && src.expr.parts.length === 1 && src.expr.parts[0].type === "text" ? src.expr.parts[0].value : undefined;
        if (text && (text.startsWith("./") || text.startsWith("../"))) {
          const target = posix.normalize(posix.join(dir, text));
          if (target !== dir) called.add(target);
        }
      }
  }
  return called;
}

function groupByDir<T>(items: T[], path: (item: T) => string): Map<string, T[]> {
  const byDir = new Map<string, T[]>();
  for (const item of items) {
    const dir = posix.dirname(path(item));
    const list = byDir.get(dir);
    if (list) list.push(item);
    else byDir.set(dir, [item]);
  }
  return byDir;
}

/** A folder's terraform.tfvars, then *.auto.tfvars in lexical order, as Terraform applies them. */
function tfvarsFor(mine: TerraformInput["tfvars"]): Map<string, Value> {
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

