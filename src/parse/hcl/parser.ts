import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Node } from "web-tree-sitter";
import type { Diagnostic } from "../../core/diagnostic.js";
import type { HclFile } from "./ast.js";
import { HclConverter } from "./convert.js";

export interface HclParseResult {
  file?: HclFile;
  errors: Diagnostic[];
}

export interface HclParser {
  parse(file: string, text: string): HclParseResult;
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

/** Loads the HCL grammar. WebAssembly start costs tens of milliseconds: call only when there is HCL. */
export async function createHclParser(): Promise<HclParser> {
  const { Language, Parser } = await import("web-tree-sitter");
  const runtime = wasmPath("web-tree-sitter.wasm", "web-tree-sitter/web-tree-sitter.wasm");
  await Parser.init({ locateFile: () => runtime });
  const language = await Language.load(wasmPath("tree-sitter-terraform.wasm", "@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm"));
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    parse(file, text) {
      const tree = parser.parse(text);
      if (!tree) return { errors: [{ level: "error", message: "HCL parser gave no tree", location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 } }] };
      try {
        const converter = new HclConverter(file, text);
        if (tree.rootNode.hasError) {
          const bad = firstError(tree.rootNode)!;
          const loc = converter.loc(bad);
          const what = bad.isMissing ? `missing ${bad.type}` : `unexpected ${JSON.stringify(bad.text.slice(0, 30).split("\n")[0])}`;
          return { errors: [{ level: "error", message: `HCL syntax error: ${what}`, location: loc }] };
        }
        // Comments are named nodes too: the body is not always the first child.
        const body = tree.rootNode.namedChildren.find((n) => n?.type === "body");
        return { file: { file, text, body: body ? converter.body(body) : { attributes: [], blocks: [] } }, errors: [] };
      } finally {
        tree.delete();
      }
    },
  };
}

function firstError(n: Node): Node | undefined {
  if (n.isError || n.isMissing) return n;
  for (let i = 0; i < n.childCount; i++) {
    const c = n.child(i)!;
    if (c.hasError || c.isMissing) {
      const found = firstError(c);
      if (found) return found;
    }
  }
  return n.hasError ? n : undefined;
}
