import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { globbySync } from "globby";
import { Language, Parser, type Node, type Tree } from "web-tree-sitter";
import { beforeAll, describe, expect, it } from "vitest";
import { flatten, grammarOf, OPAQUE, rootOf, type Grammar, type SyntaxNode } from "../src/parse/hcl/syntax-tree.js";
import { directWalker, publicWalk, type TreeWalk } from "../src/parse/hcl/tree-walk.js";

/**
 * The flattened copy of a syntax tree must be the tree tree-sitter built: same node types, same
 * ranges, same children in the same order (comments aside, which the copy's readers skip, and the
 * tokens of OPAQUE nodes, which it leaves out).
 */
const ROOT = resolve(import.meta.dirname, "..");
const FILES = globbySync(["fixtures/**/*.tf", "examples/**/*.tf", "test/data/**/*.tf"], { cwd: ROOT }).filter((f) => !f.includes("broken") && !f.includes("hostile"));
const require = createRequire(import.meta.url);

type Shape = [string, number, number, Shape[]];
const fromTreeSitter = (n: Node): Shape => [n.type, n.startIndex, n.endIndex, OPAQUE.includes(n.type) ? [] : n.children.filter((c): c is Node => !!c && c.type !== "comment").map(fromTreeSitter)];
const fromCopy = (n: SyntaxNode): Shape => [n.type, n.startIndex, n.endIndex, n.children.map(fromCopy)];

describe("flattened HCL syntax trees", () => {
  let parser: Parser;
  let grammar: Grammar;
  let direct: ((tree: Tree) => TreeWalk) | undefined;
  const wasmModule = { locateFile: () => require.resolve("web-tree-sitter/web-tree-sitter.wasm") };
  beforeAll(async () => {
    await Parser.init(wasmModule);
    direct = directWalker(wasmModule);
    const language = await Language.load(require.resolve("@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm"));
    parser = new Parser();
    parser.setLanguage(language);
    const types = Array.from({ length: language.nodeTypeCount }, (_, id) => language.nodeTypeForId(id) ?? "ERROR");
    grammar = grammarOf(types, types.map((_, id) => language.nodeTypeIsNamed(id)));
  });

  it.each(FILES)("%s keeps every node, range and child", (file) => {
    const text = readFileSync(resolve(ROOT, file), "utf8");
    const tree = parser.parse(text)!;
    try {
      const copy = flatten(publicWalk(tree), text, grammar);
      expect(copy.nodes.length % 4).toBe(0);
      expect(fromCopy(rootOf(copy))).toEqual(fromTreeSitter(tree.rootNode));
      expect(rootOf(copy).text).toBe(text.slice(tree.rootNode.startIndex, tree.rootNode.endIndex));
      expect(flatten(direct!(tree), text, grammar).nodes).toEqual(copy.nodes);
    } finally {
      tree.delete();
    }
  });

  it("keeps the range of every kind of token: operators, splats, heredocs, directives, comments", () => {
    const text = [
      "  # leading comment",
      'locals { /* inline */ a = [for k, v in var.m : "${k}=${v}" if v != null]',
      "  b = { for k, v in var.m : k => v... }",
      "  c = var.list[*].name",
      "  d = var.list.*.id",
      "  e = var.tuple.0 # a node that ends with a hidden token",
      "  f = -1.5e3 + 2 * (3 % 4) / 5 >= 6 && !false || true ? 0x1 : null",
      '  g = <<-EOT\n    %{~ if var.x ~}\n    x ${upper("y")}\n    %{ else }\n    z\n    %{ endif }\n    %{ for i in [1] }${i}%{ endfor }\n    EOT',
      '  h = "esc \\" \\n $${literal} %%{literal}" // trailing',
      "  i = provider::aws::arn_parse(\"x\")",
      "  j = f(var.args...)",
      "}",
      "",
    ].join("\n");
    const tree = parser.parse(text)!;
    expect(tree.rootNode.hasError).toBe(false);
    expect(fromCopy(rootOf(flatten(publicWalk(tree), text, grammar)))).toEqual(fromTreeSitter(tree.rootNode));
    expect(fromCopy(rootOf(flatten(direct!(tree), text, grammar)))).toEqual(fromTreeSitter(tree.rootNode));
    tree.delete();
  });

  it("copies trees larger than its first allocation and a tree of one node", () => {
    const big = Array.from({ length: 400 }, (_, i) => `a${i} = [${i}, "x\${var.y}"]`).join("\n");
    for (const text of [big, ""]) {
      const tree = parser.parse(text)!;
      for (const walk of [publicWalk, direct!]) expect(fromCopy(rootOf(flatten(walk(tree), text, grammar)))).toEqual(fromTreeSitter(tree.rootNode));
      tree.delete();
    }
  });

  it("walks trees through web-tree-sitter's own C functions with the locked version", () => {
    // If an upgrade renames them, parsing falls back to the public cursor, 2.5 times slower: notice it here.
    expect(direct).toBeDefined();
  });

  it("has the public cursor free the memory a direct walk ended with (its stack grows and moves)", () => {
    const m = wasmModule as unknown as Record<string, (tree?: number) => number> & { HEAP32: Int32Array };
    const transfer = m._ts_init() >> 2;
    const state = () => [...m.HEAP32.slice(transfer, transfer + 4)];
    const { _ts_tree_cursor_goto_parent_wasm: gotoParent, _ts_tree_cursor_delete_wasm: free } = m;
    let ended: number[] = [];
    let freed: number[] = [];
    m._ts_tree_cursor_goto_parent_wasm = (tree?: number) => {
      const moved = gotoParent(tree);
      ended = state();
      return moved;
    };
    m._ts_tree_cursor_delete_wasm = (tree?: number) => {
      freed = state();
      return free(tree);
    };
    try {
      // Whether the stack moves depends on what the heap holds next to it (earlier tests' trees):
      // deeper nesting until it does, and what is freed must be where the walk ended each time.
      let moved = false;
      for (const depth of [400, 1600, 6400]) {
        const text = `a = ${"[".repeat(depth)}1${"]".repeat(depth)}`;
        const tree = parser.parse(text)!;
        const probe = tree.walk();
        const started = (probe as unknown as { handles: number[] }).handles.slice();
        probe.delete();
        flatten(direct!(tree), text, grammar);
        tree.delete();
        expect(freed).toEqual(ended);
        if ((moved = ended[0] !== started[0])) break;
      }
      expect(moved).toBe(true);
    } finally {
      Object.assign(m, { _ts_tree_cursor_goto_parent_wasm: gotoParent, _ts_tree_cursor_delete_wasm: free });
    }
  });
});
