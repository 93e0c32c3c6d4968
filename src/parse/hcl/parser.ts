import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Node } from "web-tree-sitter";
import type { Diagnostic } from "../../core/diagnostic.js";
import { LineIndex } from "../../core/lines.js";
import { excessiveNesting } from "../../core/nesting.js";
import type { HclFile } from "./ast.js";
import { convertSyntaxTree } from "./convert.js";
import { flatten, grammarOf, type SyntaxTree } from "./syntax-tree.js";
import { directWalker, publicWalk } from "./tree-walk.js";

export interface HclParseResult {
  file?: HclFile;
  errors: Diagnostic[];
}

export interface HclParser {
  parse(file: string, text: string): HclParseResult;
  /** The syntax tree alone, for a parse worker to send on; `convertSyntaxTree` makes the AST. */
  syntax(file: string, text: string): { tree?: SyntaxTree; errors: Diagnostic[] };
}

/**
 * Finds a WebAssembly file: next to the Action's bundle (`wasm/`), above the CLI's bundle
 * (`dist/bundle/` → `dist/wasm/`), in the compiled tree, or in node_modules from source.
 */
function wasmPath(name: string, packagePath: string): string {
  for (const rel of [`./wasm/${name}`, `../wasm/${name}`, `../../../wasm/${name}`]) {
    const candidate = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(candidate)) return candidate;
  }
  return createRequire(import.meta.url).resolve(packagePath);
}

/** The options web-tree-sitter's WebAssembly module is built on, once per thread: it becomes the module. */
const wasmModule: { locateFile?: () => string } = {};

/** Loads the HCL grammar. WebAssembly start costs tens of milliseconds: call only when there is HCL. */
export async function createHclParser(options: { baselineOnly?: boolean } = {}): Promise<HclParser> {
  // V8 compiles WebAssembly twice: quickly (Liftoff), then optimised in the background, and the
  // main thread waits ~150 ms for the latter at its next event-loop turn. For a few files the
  // quick code is fast enough: skip the wait. The flag is process-wide; a CLI run is one scan.
  if (options.baselineOnly) (await import("node:v8")).setFlagsFromString("--liftoff-only");
  const { Language, Parser } = await import("web-tree-sitter");
  const runtime = wasmPath("web-tree-sitter.wasm", "web-tree-sitter/web-tree-sitter.wasm");
  wasmModule.locateFile ??= () => runtime;
  await Parser.init(wasmModule);
  const walk = directWalker(wasmModule) ?? publicWalk;
  const language = await Language.load(wasmPath("tree-sitter-terraform.wasm", "@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm"));
  const parser = new Parser();
  parser.setLanguage(language);
  const types = Array.from({ length: language.nodeTypeCount }, (_, id) => language.nodeTypeForId(id) ?? "ERROR");
  const grammar = grammarOf(types, types.map((_, id) => language.nodeTypeIsNamed(id)));
  const syntax = (file: string, source: string): { tree?: SyntaxTree; errors: Diagnostic[] } => {
    // tree-sitter's lexer reads a NUL byte as the end of input; Terraform reads past one in a
    // comment. A space in its place keeps every offset.
    const text = source.includes("\0") ? source.replaceAll("\0", " ") : source;
    const deep = excessiveNesting(text);
    if (deep !== undefined) {
      const at = new LineIndex(text).position(deep);
      return { errors: [{ level: "error", message: "HCL nested too deeply to read", location: { file, line: at.line, column: at.column, endLine: at.line, endColumn: at.column + 1 } }] };
    }
    const tree = parser.parse(text);
    if (!tree) return { errors: [{ level: "error", message: "HCL parser gave no tree", location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 } }] };
    try {
      if (!tree.rootNode.hasError) return { tree: flatten(walk(tree), text, grammar), errors: [] };
      const bad = firstError(tree.rootNode)!;
      const lines = new LineIndex(text);
      const [start, end] = [lines.position(bad.startIndex), lines.position(bad.endIndex)];
      const what = bad.isMissing ? `missing ${bad.type}` : `unexpected ${JSON.stringify(bad.text.slice(0, 30).split("\n")[0])}`;
      return { errors: [{ level: "error", message: `HCL syntax error: ${what}`, location: { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column } }] };
    } finally {
      tree.delete();
    }
  };
  return {
    syntax,
    parse(file, text) {
      const { tree, errors } = syntax(file, text);
      return tree ? { file: convertSyntaxTree(file, tree), errors } : { errors };
    },
  };
}

/** The innermost erroneous node on the path of first errors (a loop: a long operator chain is deep). */
function firstError(root: Node): Node | undefined {
  let n = root;
  for (;;) {
    if (n.isError || n.isMissing) return n;
    let next: Node | undefined;
    for (let i = 0; i < n.childCount && !next; i++) {
      const c = n.child(i)!;
      if (c.hasError || c.isMissing) next = c;
    }
    if (!next) return n.hasError ? n : undefined;
    n = next;
  }
}
