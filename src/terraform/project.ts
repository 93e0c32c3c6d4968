import { readFileSync, statSync } from "node:fs";
import { posix, resolve, sep } from "node:path";
import { emptyDeclarations, mergeDeclarations, type Declarations } from "../core/declarations.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { LineIndex } from "../core/lines.js";
import type { SourceLocation } from "../core/location.js";
import { str, unknown, type Value } from "../core/value.js";
import type { HclFile } from "../parse/hcl/ast.js";
import { parseJsonWithPositions, relocate } from "../parse/iam-json.js";
import { extractDeclarations } from "./extract.js";
import type { FunctionHost } from "./functions.js";
import { TerraformModule } from "./module.js";
import { Evaluator } from "./evaluator.js";
import { EMPTY_SCOPE } from "./scope.js";
import { failure } from "./convert.js";

export interface TerraformInput {
  /** Parsed `.tf` files, by display path. */
  files: HclFile[];
  /** Parsed `.tfvars` files (HCL) and `.tfvars.json` values, by display path. */
  tfvars: Array<{ file: string; values: HclFile | Value }>;
  /** Absolute roots of the scan: file() never reads outside them. */
  scanRoots: string[];
  cwd: string;
  accountId?: string;
  /** `--var-file` and `--var` values, applied to every root after its own tfvars. */
  extraVars?: Map<string, Value>;
}

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Evaluates every Terraform root in the scan and returns what it declares. */
export function evaluateTerraform(input: TerraformInput): { declarations: Declarations; diagnostics: Diagnostic[] } {
  const byDir = new Map<string, HclFile[]>();
  for (const f of input.files) {
    const dir = posix.dirname(f.file);
    byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
  }
  const called = calledDirs(byDir);
  const diagnostics: Diagnostic[] = [];
  const host = new Host(input, input.files);
  const declarations = emptyDeclarations();
  const accountId = input.accountId ? str(input.accountId, { file: "--account-id", line: 1, column: 1, endLine: 1, endColumn: 1 }) : undefined;
  for (const [dir, files] of [...byDir].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (called.has(dir)) continue;
    const inputs = new Map([...tfvarsFor(dir, input.tfvars), ...(input.extraVars ?? [])]);
    const mod = new TerraformModule({
      dir,
      address: "",
      files,
      inputs,
      host: host.forRoot(dir),
      calls: { filesIn: (d) => byDir.get(d), join: (d, s) => posix.normalize(posix.join(d, s)) },
      accountId,
      depth: 0,
      diagnostics,
    });
    mergeDeclarations(declarations, extractDeclarations(mod));
  }
  return { declarations, diagnostics };
}

/** Folders that some scanned module calls with a local source: they are modules, not roots. */
function calledDirs(byDir: Map<string, HclFile[]>): Set<string> {
  const called = new Set<string>();
  for (const [dir, files] of byDir)
    for (const f of files)
      for (const b of f.body.blocks) {
        if (b.type !== "module") continue;
        const src = b.body.attributes.find((a) => a.name === "source");
        const text = src?.expr.type === "template" && src.expr.parts.length === 1 && src.expr.parts[0].type === "text" ? src.expr.parts[0].value : undefined;
        if (text && (text.startsWith("./") || text.startsWith("../"))) {
          const target = posix.normalize(posix.join(dir, text));
          if (target !== dir) called.add(target);
        }
      }
  return called;
}

/** terraform.tfvars, then *.auto.tfvars in lexical order, as Terraform applies them. */
function tfvarsFor(dir: string, all: TerraformInput["tfvars"]): Map<string, Value> {
  const mine = all.filter((t) => posix.dirname(t.file) === dir);
  const rank = (f: string) => (/(^|\/)terraform\.tfvars(\.json)?$/.test(f) ? 0 : 1);
  mine.sort((a, b) => rank(a.file) - rank(b.file) || (a.file < b.file ? -1 : 1));
  const values = new Map<string, Value>();
  for (const t of mine) for (const [k, v] of tfvarsValues(t.values)) values.set(k, v);
  return values;
}

export function tfvarsValues(source: HclFile | Value): Map<string, Value> {
  if ("kind" in source) return source.kind === "object" ? source.entries : new Map();
  // tfvars may hold only constant expressions: evaluate with nothing in scope.
  const ev = new Evaluator({ resolve: (root, _s, loc) => ({ value: failure(`${root} is not allowed in tfvars`, loc), used: 0 }) }, NO_FILES);
  return new Map(source.body.attributes.map((a) => [a.name, ev.eval(a.expr, EMPTY_SCOPE)]));
}

const NO_FILES: FunctionHost = {
  readFile: () => ({ error: "file() is not available here" }),
  parseJson: (_t, _f, loc) => unknown("JSON not decoded here", loc),
  templateFile: (_p, _v, loc) => unknown("templatefile() is not available here", loc),
};

/** File access for Terraform functions: relative to the root, inside the scanned tree only. */
class Host {
  private readonly texts = new Map<string, string>();
  private readonly indexes = new Map<string, LineIndex>();

  constructor(
    private readonly input: TerraformInput,
    files: HclFile[],
  ) {
    for (const f of files) this.texts.set(f.file, f.text);
  }

  forRoot(rootDir: string): FunctionHost {
    return {
      readFile: (path, loc) => this.readFile(rootDir, path, loc),
      parseJson: (text, file, loc, verbatim) => this.parseJson(text, file, loc, verbatim),
      templateFile: (_p, _v, loc) => unknown("templatefile() is not evaluated yet", loc),
    };
  }

  private readFile(rootDir: string, path: string, loc: SourceLocation): { text: string; file: string } | { error: string } {
    const moduleDir = posix.dirname(loc.file);
    const fromCwd = path.startsWith(`${moduleDir}/`) || posix.isAbsolute(path);
    const display = fromCwd ? posix.normalize(path) : posix.normalize(posix.join(rootDir, path));
    const absolute = resolve(this.input.cwd, display);
    if (!this.input.scanRoots.some((r) => absolute === r || absolute.startsWith(r.endsWith(sep) ? r : r + sep)))
      return { error: `file ${path} is outside the scanned tree` };
    try {
      if (statSync(absolute).size > MAX_FILE_BYTES) return { error: `file ${path} is larger than 5 MB` };
      const text = readFileSync(absolute, "utf8").replace(/^\uFEFF/, "");
      this.texts.set(display, text);
      return { text, file: display };
    } catch {
      return { error: `file ${path} cannot be read` };
    }
  }

  private parseJson(text: string, file: string, loc: SourceLocation, verbatim?: { file: string; offset: number; text: string }): Value {
    let index: LineIndex | undefined;
    if (verbatim && this.texts.has(verbatim.file)) {
      index = this.indexes.get(verbatim.file) ?? new LineIndex(this.texts.get(verbatim.file)!);
      this.indexes.set(verbatim.file, index);
    }
    const parsed = index
      ? parseJsonWithPositions(verbatim!.file, verbatim!.text, (o) => index!.position(o), verbatim!.offset)
      : parseJsonWithPositions(file, text);
    if (!parsed.value) return failure(`invalid JSON: ${parsed.error?.message}`, loc);
    return index ? parsed.value : relocate(parsed.value, unknown("", loc));
  }
}
