import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  readSource,
  readStdin
} from "./chunk-Z4QXSMQ6.mjs";
import {
  InputLimitError,
  LineIndex,
  MAX_NESTING,
  emptyDeclarations,
  excessiveNesting,
  fileStart,
  obj,
  parseIamJson,
  parseJsonWithPositions,
  parseKubernetes,
  parseMarkdown,
  parseScript,
  unknown
} from "./chunk-NHPH4HMX.mjs";

// src/parse/hcl/parser.ts
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

// src/parse/hcl/syntax-tree.ts
var OPAQUE = [
  ...["string_lit", "variable_expr", "numeric_lit", "bool_lit", "null_lit"],
  ...["block_start", "block_end", "object_start", "object_end", "tuple_start", "tuple_end", "heredoc_start"]
];
function grammarOf(types, named) {
  return { types, named, opaque: types.map((t) => OPAQUE.includes(t)) };
}
var STRIDE = 4;
function flatten(cursor, text, grammar) {
  let nodes = new Int32Array(STRIDE * 256);
  let count = 0;
  const open = [];
  try {
    for (; ; ) {
      if ((count + 1) * STRIDE > nodes.length) {
        const grown = new Int32Array(nodes.length * 2);
        grown.set(nodes);
        nodes = grown;
      }
      const at = count * STRIDE;
      nodes[at] = cursor.typeId();
      nodes[at + 1] = cursor.startIndex();
      nodes[at + 2] = cursor.endIndex();
      open.push(count++);
      if (!grammar.opaque[nodes[at]] && cursor.gotoFirstChild()) continue;
      nodes[open.pop() * STRIDE + 3] = count;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return { text, nodes: nodes.slice(0, count * STRIDE), grammar };
        nodes[open.pop() * STRIDE + 3] = count;
      }
    }
  } finally {
    cursor.close();
  }
}
var SyntaxNode = class _SyntaxNode {
  constructor(tree, index) {
    this.tree = tree;
    this.index = index;
  }
  tree;
  index;
  get type() {
    return this.tree.grammar.types[this.tree.nodes[this.index * STRIDE]] ?? "ERROR";
  }
  get isNamed() {
    return this.tree.grammar.named[this.tree.nodes[this.index * STRIDE]] ?? true;
  }
  get startIndex() {
    return this.tree.nodes[this.index * STRIDE + 1];
  }
  get endIndex() {
    return this.tree.nodes[this.index * STRIDE + 2];
  }
  get text() {
    return this.tree.text.slice(this.startIndex, this.endIndex);
  }
  kids;
  /** Children in order, comments left out (they carry no meaning for evaluation); made once per node. */
  get children() {
    return this.kids ??= this.readChildren();
  }
  readChildren() {
    const { nodes } = this.tree;
    const out = [];
    const end = nodes[this.index * STRIDE + 3];
    for (let c = this.index + 1; c < end; c = nodes[c * STRIDE + 3]) {
      const child = new _SyntaxNode(this.tree, c);
      if (child.type !== "comment") out.push(child);
    }
    return out;
  }
};
function rootOf(tree) {
  return new SyntaxNode(tree, 0);
}

// src/parse/hcl/text.ts
var ESCAPES = { n: "\n", r: "\r", t: "	", '"': '"', "\\": "\\" };
function unescapeQuoted(raw) {
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{/g, (m, esc) => {
    if (m === "$${") return "${";
    if (m === "%%{") return "%{";
    if (esc && esc.length > 1) return String.fromCodePoint(parseInt(esc.slice(1), 16));
    return ESCAPES[esc ?? ""] ?? m;
  });
}
function unescapeHeredoc(raw) {
  return raw.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
}
function stripped(parts) {
  let min = Infinity;
  let atLineStart = true;
  for (const p of parts) {
    if (p.type !== "text") {
      atLineStart = false;
      continue;
    }
    const lines = p.value.split("\n");
    lines.forEach((line, i) => {
      if (i > 0) atLineStart = true;
      if (atLineStart && (line.trim() !== "" || i === lines.length - 1)) {
        if (line.trim() !== "") min = Math.min(min, line.length - line.trimStart().length);
      }
      if (line !== "") atLineStart = false;
    });
  }
  if (!Number.isFinite(min) || min === 0) return { parts, indent: 0 };
  let lineStart = true;
  const out = parts.map((p) => {
    if (p.type !== "text") {
      lineStart = false;
      return p;
    }
    const value = p.value.split("\n").map((line, i) => {
      const strip = i > 0 || lineStart;
      return strip ? line.replace(new RegExp(`^[ \\t]{0,${min}}`), "") : line;
    }).join("\n");
    lineStart = p.value.endsWith("\n");
    return { ...p, value };
  });
  return { parts: out, indent: min };
}

// src/parse/hcl/convert.ts
function convertSyntaxTree(file, tree) {
  const converter = new HclConverter(file, tree.text);
  const body = rootOf(tree).children.find((n) => n.type === "body");
  return { file, text: tree.text, body: body ? converter.body(body) : { attributes: [], blocks: [] } };
}
var NestingError = class extends InputLimitError {
  constructor(location) {
    super(`HCL expression nested more than ${MAX_NESTING} levels deep`, location);
  }
};
var HclConverter = class {
  constructor(file, text) {
    this.file = file;
    this.text = text;
    this.lines = new LineIndex(text);
  }
  file;
  text;
  lines;
  /** Expressions being converted, one inside the other: bounded, so no input exhausts the stack. */
  depth = 0;
  loc(n) {
    return this.offsetLoc(n.startIndex, n.endIndex);
  }
  offsetLoc(start, end) {
    return this.lines.span(this.file, start, end);
  }
  body(n) {
    const body = { attributes: [], blocks: [] };
    for (const c of n.children) {
      if (c.type === "attribute") body.attributes.push(this.attribute(c));
      else if (c.type === "block") body.blocks.push(this.block(c));
    }
    return body;
  }
  attribute(n) {
    const children = n.children;
    const name = children.find((c) => c.type === "identifier");
    const expr = children.find((c) => c.type === "expression");
    return {
      name: name.text,
      nameLoc: this.loc(name),
      expr: expr ? this.expr(expr) : { type: "invalid", loc: this.loc(n) },
      loc: this.loc(n)
    };
  }
  block(n) {
    const children = n.children;
    const labels = [];
    const labelLocs = [];
    for (const c of children.slice(1)) {
      if (c.type === "block_start") break;
      labels.push(c.type === "string_lit" ? this.stringLiteral(c) : c.text);
      labelLocs.push(this.loc(c));
    }
    const inner = children.find((c) => c.type === "body");
    const start = children.find((c) => c.type === "block_start") ?? n;
    const loc = this.loc(n);
    const header = this.loc(start);
    return {
      type: children[0].text,
      labels,
      labelLocs,
      body: inner ? this.body(inner) : { attributes: [], blocks: [] },
      loc,
      headerLoc: { ...loc, endLine: header.endLine, endColumn: header.endColumn }
    };
  }
  expr(n) {
    return this.nested(n, () => this.exprAt(n));
  }
  nested(n, convert) {
    if (++this.depth > MAX_NESTING) throw new NestingError(this.loc(n));
    try {
      return convert();
    } finally {
      this.depth--;
    }
  }
  exprAt(n) {
    switch (n.type) {
      case "literal_value":
        return this.literal(firstNamed(n));
      case "collection_value":
      case "template_expr":
      case "operation":
        return this.expr(firstNamed(n));
      case "for_expr":
        return this.forExpr(firstNamed(n));
    }
    const loc = this.loc(n);
    switch (n.type) {
      case "expression":
        return this.term(n.children, loc);
      case "variable_expr":
        return { type: "variable", name: n.text, loc };
      case "tuple":
        return { type: "tuple", items: n.children.filter((c) => c.type === "expression").map((c) => this.expr(c)), loc };
      case "object":
        return { type: "object", items: n.children.filter((c) => c.type === "object_elem").map((c) => this.objectItem(c)), loc };
      case "quoted_template":
        return { type: "template", parts: this.quotedParts(n), heredoc: false, loc };
      case "heredoc_template":
        return { type: "template", ...this.heredocParts(n), heredoc: true, loc };
      case "function_call":
        return this.call(n);
      case "conditional":
        return this.conditional(n);
      case "binary_operation":
        return this.binary(n);
      case "unary_operation": {
        const [op, ...operand] = n.children;
        return { type: "unary", op: op.type, operand: this.term(operand, this.spanLoc(operand)), loc };
      }
      default:
        return { type: "invalid", loc };
    }
  }
  /**
   * `a + b + c` nests to the left, one level per operator: a chain of thousands of terms is valid
   * Terraform, so the chain is walked in a loop and only its right operands recurse.
   */
  binary(n) {
    const links = [];
    for (let cur = n; cur; ) {
      const children = cur.children;
      const at = children.findIndex((c, i) => i > 0 && !c.isNamed && c.type !== "(" && c.type !== ")" && !this.inParens(children, i));
      links.push({ node: cur, children, at });
      const inner = at === 1 && children[0].type === "operation" ? firstNamed(children[0]) : void 0;
      cur = inner?.type === "binary_operation" ? inner : void 0;
    }
    let expr;
    for (let i = links.length - 1; i >= 0; i--) {
      const { node, children, at } = links[i];
      const left = children.slice(0, at);
      const right = children.slice(at + 1);
      expr = { type: "binary", op: children[at].type, left: expr ?? this.term(left, this.spanLoc(left)), right: this.term(right, this.spanLoc(right)), loc: this.loc(node) };
    }
    return expr;
  }
  /**
   * The grammar nests `a ? b : c ? d : e` as `(a ? b : c) ? d : e`; HCL reads it as
   * `a ? b : (c ? d : e)`. The unparenthesised chain of conditions is walked in a loop and rebuilt
   * nesting to the right.
   */
  conditional(n) {
    const frames = [];
    for (let cur = n; cur; ) {
      const parts = cur.children.filter((c) => c.type === "expression");
      frames.push(parts);
      const inner = parts[0].children.length === 1 && parts[0].children[0].type === "conditional" ? parts[0].children[0] : void 0;
      cur = inner;
    }
    frames.reverse();
    const conditions = [frames[0][0], ...frames.slice(0, -1).map((f) => f[2])];
    let expr = this.expr(frames[frames.length - 1][2]);
    for (let i = frames.length - 1; i >= 0; i--) {
      expr = { type: "conditional", cond: this.expr(conditions[i]), then: this.expr(frames[i][1]), else: expr, loc: this.offsetLoc(conditions[i].startIndex, n.endIndex) };
    }
    return expr;
  }
  /** A term: a base expression (maybe parenthesised) followed by attribute, index and splat steps. */
  term(children, loc) {
    if (children.length === 0) return { type: "invalid", loc };
    let base;
    let i;
    if (children[0].type === "(") {
      base = this.expr(children[1]);
      i = 3;
    } else {
      base = this.expr(children[0]);
      i = 1;
    }
    const steps = children.slice(i).flatMap((c) => this.traversal(c));
    return steps.length ? { type: "traverse", object: base, steps, loc } : base;
  }
  spanLoc(nodes) {
    return this.offsetLoc(nodes[0].startIndex, nodes[nodes.length - 1].endIndex);
  }
  inParens(children, index) {
    let depth = 0;
    for (let i = 0; i < index; i++) depth += children[i].type === "(" ? 1 : children[i].type === ")" ? -1 : 0;
    return depth > 0;
  }
  literal(n) {
    const loc = this.loc(n);
    switch (n.type) {
      case "numeric_lit":
        return { type: "literal", value: Number(n.text), loc };
      case "bool_lit":
        return { type: "literal", value: n.text === "true", loc };
      case "null_lit":
        return { type: "literal", value: null, loc };
      case "string_lit":
        return { type: "template", parts: this.quotedParts(n), heredoc: false, loc };
      default:
        return { type: "invalid", loc };
    }
  }
  objectItem(n) {
    const operands = n.children.filter((c) => c.isNamed);
    const keyNode = operands[0];
    const valueNode = operands.length > 1 ? operands[operands.length - 1] : void 0;
    let key = this.expr(keyNode);
    if (key.type === "variable") key = { type: "literal", value: key.name, loc: key.loc };
    return { key, value: valueNode ? this.expr(valueNode) : { type: "invalid", loc: this.loc(n) }, loc: this.loc(n) };
  }
  traversal(n) {
    const loc = this.loc(n);
    switch (n.type) {
      case "get_attr":
        return [{ type: "attr", name: n.children.find((c) => c.type === "identifier")?.text ?? "", loc }];
      case "index": {
        const inner = firstNamed(n);
        if (inner.type === "legacy_index") return [{ type: "index", index: { type: "literal", value: Number(inner.text.slice(1)), loc }, loc }];
        const e = inner.children.find((c) => c.type === "expression");
        return [{ type: "index", index: e ? this.expr(e) : { type: "invalid", loc }, loc }];
      }
      case "splat": {
        const inner = firstNamed(n);
        return [{ type: "splat", loc }, ...inner.children.slice(1).flatMap((c) => this.traversal(c))];
      }
      default:
        return [];
    }
  }
  call(n) {
    const children = n.children;
    const args = children.find((c) => c.type === "function_arguments");
    const argNodes = args ? args.children : [];
    return {
      type: "call",
      name: children.filter((c) => c.type === "identifier").map((c) => c.text).join("::"),
      args: argNodes.filter((c) => c.type === "expression").map((c) => this.expr(c)),
      expandLast: argNodes.some((c) => c.type === "ellipsis"),
      loc: this.loc(n)
    };
  }
  forExpr(n) {
    const children = n.children;
    const intro = children.find((c) => c.type === "for_intro");
    const vars = intro.children.filter((c) => c.type === "identifier").map((c) => c.text);
    const collection = intro.children.find((c) => c.type === "expression");
    const exprs = children.filter((c) => c.type === "expression").map((c) => this.expr(c));
    const cond = children.find((c) => c.type === "for_cond");
    const condExpr = cond && cond.children.find((c) => c.type === "expression");
    const isObject = n.type === "for_object_expr";
    return {
      type: "for",
      kind: isObject ? "object" : "tuple",
      keyVar: vars.length > 1 ? vars[0] : void 0,
      valueVar: vars[vars.length - 1],
      collection: this.expr(collection),
      keyExpr: isObject ? exprs[0] : void 0,
      valueExpr: isObject ? exprs[1] : exprs[0],
      cond: condExpr ? this.expr(condExpr) : void 0,
      group: children.some((c) => c.type === "ellipsis"),
      loc: this.loc(n)
    };
  }
  /** The literal text of a quoted string with no interpolation (block labels, keys). */
  stringLiteral(n) {
    return this.quotedParts(n).map((p) => p.type === "text" ? p.value : "").join("");
  }
  quotedParts(n) {
    if (n.type === "string_lit") return this.templateParts([], n.startIndex + 1, n.endIndex - 1, false);
    const children = n.children;
    const open = children[0];
    const close = children[children.length - 1];
    const end = close?.type === "quoted_template_end" ? close.startIndex : n.endIndex;
    return this.templateParts(children, open.endIndex, end, false);
  }
  heredocParts(n) {
    const children = n.children;
    const idents = children.filter((c) => c.type === "heredoc_identifier");
    const openEnd = idents[0]?.endIndex ?? n.startIndex;
    const newline = this.text.indexOf("\n", openEnd);
    const from = newline < 0 ? n.endIndex : newline + 1;
    const close = idents.length > 1 ? idents[idents.length - 1] : void 0;
    const to = close ? close.startIndex - (this.lines.position(close.startIndex).column - 1) : n.endIndex;
    const parts = this.templateParts(children, from, Math.max(from, to), true);
    const strip = children[0]?.text === "<<-";
    return strip ? stripped(parts) : { parts, indent: 0 };
  }
  /**
   * Template content between `from` and `to`: interpolations and directives are parsed, everything
   * else is literal text read from the source (tree-sitter leaves whitespace out of its literals).
   */
  templateParts(children, from, to, heredoc) {
    const parts = [];
    let cursor = from;
    const pushText = (start, end) => {
      if (end <= start) return;
      const raw = this.text.slice(start, end);
      const value = heredoc ? unescapeHeredoc(raw) : unescapeQuoted(raw);
      parts.push({ type: "text", value, raw, offset: start, verbatim: value === raw, loc: this.offsetLoc(start, end) });
    };
    for (const c of children) {
      if (c.startIndex < from || c.endIndex > to) continue;
      if (c.type === "template_interpolation") {
        pushText(cursor, c.startIndex);
        const e = c.children.find((k) => k.type === "expression");
        parts.push({ type: "interp", expr: e ? this.expr(e) : { type: "invalid", loc: this.loc(c) } });
        cursor = c.endIndex;
      } else if (c.type === "template_directive") {
        pushText(cursor, c.startIndex);
        const d = this.nested(c, () => this.directive(firstNamed(c), heredoc));
        if (d) parts.push(d);
        cursor = c.endIndex;
      }
    }
    pushText(cursor, to);
    return parts;
  }
  directive(n, heredoc) {
    const children = n.children;
    const loc = this.loc(n);
    if (n.type === "template_if") {
      const intro = children.find((c) => c.type === "template_if_intro");
      const elseIntro = children.find((c) => c.type === "template_else_intro");
      const end = children.find((c) => c.type === "template_if_end");
      const stop = end?.startIndex ?? n.endIndex;
      const cond = intro.children.find((c) => c.type === "expression");
      return {
        type: "if",
        cond: cond ? this.expr(cond) : { type: "invalid", loc },
        then: this.templateParts(children, intro.endIndex, elseIntro?.startIndex ?? stop, heredoc),
        else: elseIntro ? this.templateParts(children, elseIntro.endIndex, stop, heredoc) : [],
        loc
      };
    }
    if (n.type === "template_for") {
      const start = children.find((c) => c.type === "template_for_start");
      const end = children.find((c) => c.type === "template_for_end");
      const vars = start.children.filter((c) => c.type === "identifier").map((c) => c.text);
      const coll = start.children.find((c) => c.type === "expression");
      return {
        type: "for",
        keyVar: vars.length > 1 ? vars[0] : void 0,
        valueVar: vars[vars.length - 1],
        collection: coll ? this.expr(coll) : { type: "invalid", loc },
        body: this.templateParts(children, start.endIndex, end?.startIndex ?? n.endIndex, heredoc),
        loc
      };
    }
    return void 0;
  }
};
function firstNamed(n) {
  return n.children.find((c) => c.isNamed) ?? n;
}

// src/parse/hcl/tree-walk.ts
var EXPORTS = [
  "_ts_init",
  "_ts_tree_cursor_current_node_type_id_wasm",
  "_ts_tree_cursor_start_index_wasm",
  "_ts_tree_cursor_end_index_wasm",
  "_ts_tree_cursor_goto_first_child_wasm",
  "_ts_tree_cursor_goto_next_sibling_wasm",
  "_ts_tree_cursor_goto_parent_wasm"
];
function publicWalk(tree, cursor = tree.walk()) {
  return {
    typeId: () => cursor.nodeTypeId,
    startIndex: () => cursor.startIndex,
    endIndex: () => cursor.endIndex,
    gotoFirstChild: () => cursor.gotoFirstChild(),
    gotoNextSibling: () => cursor.gotoNextSibling(),
    gotoParent: () => cursor.gotoParent(),
    close: () => cursor.delete()
  };
}
function directWalker(module) {
  const m = module;
  if (!(m.HEAP32 instanceof Int32Array) || !EXPORTS.every((name) => typeof m[name] === "function")) return void 0;
  const c = m;
  const transfer = c._ts_init() >> 2;
  return (tree) => {
    const cursor = tree.walk();
    const handles = cursor.handles;
    if (!Array.isArray(handles) || handles.length !== 4) return publicWalk(tree, cursor);
    const address = tree[0];
    return {
      typeId: () => c._ts_tree_cursor_current_node_type_id_wasm(address),
      startIndex: () => c._ts_tree_cursor_start_index_wasm(address),
      endIndex: () => c._ts_tree_cursor_end_index_wasm(address),
      gotoFirstChild: () => c._ts_tree_cursor_goto_first_child_wasm(address) === 1,
      gotoNextSibling: () => c._ts_tree_cursor_goto_next_sibling_wasm(address) === 1,
      gotoParent: () => c._ts_tree_cursor_goto_parent_wasm(address) === 1,
      close: () => {
        for (let i = 0; i < 4; i++) handles[i] = c.HEAP32[transfer + i];
        cursor.delete();
      }
    };
  };
}

// src/parse/hcl/parser.ts
function wasmPath(name, packagePath) {
  for (const rel of [`./wasm/${name}`, `../wasm/${name}`, `../../../wasm/${name}`]) {
    const candidate = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(candidate)) return candidate;
  }
  return createRequire(import.meta.url).resolve(packagePath);
}
var wasmModule = {};
async function createHclParser(options = {}) {
  if (options.baselineOnly) (await import("node:v8")).setFlagsFromString("--liftoff-only");
  const { Language, Parser } = await import("./web-tree-sitter-EHXRFWD6.mjs");
  const runtime = wasmPath("web-tree-sitter.wasm", "web-tree-sitter/web-tree-sitter.wasm");
  wasmModule.locateFile ??= () => runtime;
  await Parser.init(wasmModule);
  const walk = directWalker(wasmModule) ?? publicWalk;
  const language = await Language.load(wasmPath("tree-sitter-terraform.wasm", "@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm"));
  const parser = new Parser();
  parser.setLanguage(language);
  const types = Array.from({ length: language.nodeTypeCount }, (_, id) => language.nodeTypeForId(id) ?? "ERROR");
  const grammar = grammarOf(types, types.map((_, id) => language.nodeTypeIsNamed(id)));
  const syntax = (file, source) => {
    const text = source.includes("\0") ? source.replaceAll("\0", " ") : source;
    const deep = excessiveNesting(text);
    if (deep !== void 0) {
      const at = new LineIndex(text).position(deep);
      return { errors: [{ level: "error", message: "HCL nested too deeply to read", location: { file, line: at.line, column: at.column, endLine: at.line, endColumn: at.column + 1 } }] };
    }
    const tree = parser.parse(text);
    if (!tree) return { errors: [{ level: "error", message: "HCL parser gave no tree", location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 } }] };
    try {
      if (!tree.rootNode.hasError) return { tree: flatten(walk(tree), text, grammar), errors: [] };
      const bad = firstError(tree.rootNode);
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
    }
  };
}
function firstError(root) {
  let n = root;
  for (; ; ) {
    if (n.isError || n.isMissing) return n;
    let next;
    for (let i = 0; i < n.childCount && !next; i++) {
      const c = n.child(i);
      if (c.hasError || c.isMissing) next = c;
    }
    if (!next) return n.hasError ? n : void 0;
    n = next;
  }
}

// src/engine/parse-files.ts
import { posix } from "node:path";

// src/parse/directives.ts
var DIRECTIVE = /(?:#|\/\/)\s*irsa-lint-disable-(next-line|line|file)\b([^\n]*)$/;
function scanDirectives(file, text) {
  if (!text.includes("irsa-lint-disable")) return [];
  const directives = [];
  const lines = text.split("\n");
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    const m = DIRECTIVE.exec(line);
    if (!m) return;
    const [body, reason] = splitReason(m[2]);
    const column = (m.index ?? 0) + 1;
    directives.push({
      kind: m[1],
      rules: body.split(/[\s,]+/).filter(Boolean),
      reason,
      loc: { file, line: i + 1, column, endLine: i + 1, endColumn: line.length + 1 }
    });
  });
  return directives;
}
function splitReason(rest) {
  const at = rest.indexOf(" --");
  if (at < 0) return [rest, void 0];
  const reason = rest.slice(at + 3).trim();
  return [rest.slice(0, at), reason || void 0];
}

// src/parse/hcl/ast.ts
function builtSource(ast) {
  return { file: ast.file, text: ast.text, ast: () => ast };
}

// src/parse/terraform-json.ts
var NESTED_BLOCKS = /* @__PURE__ */ new Set(["statement", "principals", "not_principals", "condition", "inline_policy", "metadata", "dynamic", "content"]);
var LABELS = { resource: 2, data: 2, module: 1, variable: 1, output: 1, provider: 1 };
function terraformJsonToHcl(file, value, hcl) {
  const body = { attributes: [], blocks: [] };
  if (value.kind === "object") {
    for (const [type, content] of value.entries) {
      if (type === "//") continue;
      if (type === "locals") {
        for (const b of bodies(content)) body.blocks.push(block("locals", [], [], toBody(b, hcl, true), b.loc));
        continue;
      }
      labelled(type, content, LABELS[type] ?? 0, [], [], body, hcl);
    }
  }
  return { file, text: "", body };
}
function labelled(type, v, depth, labels, labelLocs, out, hcl) {
  if (depth === 0) {
    for (const b of bodies(v)) out.blocks.push(block(type, labels, labelLocs, toBody(b, hcl, false), b.loc));
    return;
  }
  if (v.kind !== "object") return;
  for (const [label, inner] of v.entries) labelled(type, inner, depth - 1, [...labels, label], [...labelLocs, v.keyLocs.get(label) ?? v.loc], out, hcl);
}
function bodies(v) {
  return v.kind === "list" ? v.items : [v];
}
function block(type, labels, labelLocs, body, loc) {
  return { type, labels, labelLocs, body, loc, headerLoc: labelLocs[labelLocs.length - 1] ?? loc };
}
function toBody(v, hcl, allAttributes) {
  const body = { attributes: [], blocks: [] };
  if (v.kind !== "object") return body;
  for (const [key, inner] of v.entries) {
    if (key === "//") continue;
    const keyLoc = v.keyLocs.get(key) ?? v.loc;
    if (!allAttributes && NESTED_BLOCKS.has(key) && (inner.kind === "object" || inner.kind === "list")) {
      if (key === "dynamic" && inner.kind === "object") {
        for (const [label, content] of inner.entries)
          for (const b of bodies(content)) body.blocks.push(block("dynamic", [label], [inner.keyLocs.get(label) ?? inner.loc], toBody(b, hcl, false), b.loc));
      } else for (const b of bodies(inner)) body.blocks.push(block(key, [], [], toBody(b, hcl, false), b.loc));
      continue;
    }
    const attr = { name: key, nameLoc: keyLoc, expr: toExpr(inner, hcl), loc: keyLoc };
    body.attributes.push(attr);
  }
  return body;
}
function toExpr(v, hcl) {
  switch (v.kind) {
    case "string":
      return template(v.value, v.loc, hcl);
    case "number":
    case "bool":
      return { type: "literal", value: v.value, loc: v.loc };
    case "null":
      return { type: "literal", value: null, loc: v.loc };
    case "list":
      return { type: "tuple", items: v.items.map((i) => toExpr(i, hcl)), loc: v.loc };
    case "object":
      return {
        type: "object",
        items: [...v.entries].map(([k, val]) => ({ key: template(k, v.keyLocs.get(k) ?? v.loc, hcl), value: toExpr(val, hcl), loc: v.keyLocs.get(k) ?? v.loc })),
        loc: v.loc
      };
    default:
      return { type: "invalid", loc: v.loc };
  }
}
function template(text, loc, hcl) {
  if (!text.includes("${") && !text.includes("%{")) return { type: "literal", value: text, loc };
  const escaped = text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
  const parsed = hcl.parse(loc.file, `x = "${escaped}"
`);
  const expr = parsed.file?.body.attributes[0]?.expr;
  return expr ? relocate(expr, loc) : { type: "invalid", loc };
}
function relocate(node, loc) {
  if (Array.isArray(node)) return node.map((n) => relocate(n, loc));
  if (!node || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === "loc" ? loc : k === "verbatim" ? false : relocate(v, loc);
  return out;
}

// src/engine/parse-files.ts
var feedsTerraform = (f) => f.kind === "terraform" || f.kind === "terraform-json" || f.kind === "tfvars" || f.kind === "tfvars-json";
var needsHcl = (f) => feedsTerraform(f) && f.kind !== "tfvars-json";
async function parseSourceFile(file, hcl, read, source = readInput(file, read)) {
  const outcome = { status: { file: file.path, status: "linted" }, declarations: emptyDeclarations(), diagnostics: [], directives: [] };
  const fail = (reason, location = fileStart(file.path)) => {
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
    const result = parseText(file, source.text, needsHcl(file) ? await hcl() : void 0, outcome);
    outcome.declarations = result.declarations;
    outcome.diagnostics.push(...result.diagnostics);
    if (file.kind !== "iam-json" && file.kind !== "tfvars-json") outcome.directives = scanDirectives(file.path, source.text);
    if (result.unlisted) outcome.gone = true;
    const error = result.diagnostics.find((d) => d.level === "error");
    if (error) outcome.status = { file: file.path, status: "failed", reason: error.message, location: error.location };
    else if (result.skipped) outcome.status = { file: file.path, status: "skipped", reason: result.skipped, ...result.unchecked ? { unchecked: result.unchecked } : {} };
    return outcome;
  } catch (e) {
    if (e instanceof InputLimitError) return fail(e.message, e.location);
    return fail(`internal error while parsing (please report it): ${e.message}`);
  }
}
function readInput(file, read) {
  if (!file.stdin && read.overlay && Object.hasOwn(read.overlay, file.absolute)) return { text: read.overlay[file.absolute] };
  return file.stdin ? readStdin(read.maxBytes) : readSource(file.absolute, read.maxBytes, read.roots);
}
function parseText(file, text, hcl, outcome) {
  const empty = { declarations: emptyDeclarations(), diagnostics: [] };
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
      if (longestLine(text) > MAX_HCL_LINE) return { ...empty, skipped: `a line longer than ${MAX_HCL_LINE / 1024 / 1024} MB (irsa-lint's limit for HCL)`, unchecked: true };
      const parsed = hcl.syntax(file.path, text);
      if (parsed.tree) outcome.syntax = { tree: parsed.tree, kind: file.kind };
      const templates = templatesNamed(file.path, text);
      if (templates.length) outcome.templates = templates;
      return { ...empty, diagnostics: parsed.errors };
    }
    case "tfvars-json":
    case "terraform-json": {
      const parsed = parseJsonWithPositions(file.path, text);
      if (!parsed.value) return { ...empty, diagnostics: [jsonError(file.path, parsed.error)] };
      if (file.kind === "tfvars-json") outcome.tfvars = { file: file.path, values: parsed.value };
      else outcome.hcl = terraformJsonToHcl(file.path, parsed.value, hcl);
      return empty;
    }
  }
}
function templatedTfvars(file, text, outcome) {
  const loc = { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const names = [...text.matchAll(/^\s*([A-Za-z_][\w-]*)\s*=/gm)].map((m) => m[1]);
  outcome.tfvars = { file, values: obj(new Map(names.map((n) => [n, unknown(`var.${n} is set by the template ${file} when it is rendered`, loc)])), loc) };
  return { declarations: emptyDeclarations(), diagnostics: [{ level: "note", message: `${file} is a template of tfvars ({{ }} or \${}): the variables it sets are not known`, location: loc }], skipped: "a template of tfvars: the variables it sets are not known" };
}
var MAX_HCL_LINE = 1024 * 1024;
function longestLine(text) {
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
function terraformSource(outcome) {
  if (outcome.hcl) return builtSource(outcome.hcl);
  if (outcome.syntax?.kind !== "terraform") return void 0;
  const { tree } = outcome.syntax;
  const file = outcome.status.file;
  return { file, text: tree.text, ast: () => convertSyntaxTree(file, tree) };
}
function tfvarsOf(outcome) {
  if (outcome.syntax?.kind === "tfvars") return { file: outcome.status.file, values: convertSyntaxTree(outcome.status.file, outcome.syntax.tree) };
  return outcome.tfvars;
}
function jsonError(file, e) {
  return { level: "error", message: `JSON syntax error: ${e.message}`, location: { file, line: e.line, column: e.column, endLine: e.line, endColumn: e.column + 1 } };
}
function templatesNamed(file, text) {
  const dir = posix.dirname(file);
  return [...text.matchAll(/templatefile\(\s*"\$\{path\.module\}\/([^"$]+)"/g)].map((m) => posix.normalize(posix.join(dir, m[1])));
}

export {
  createHclParser,
  feedsTerraform,
  needsHcl,
  parseSourceFile,
  readInput,
  terraformSource,
  tfvarsOf
};
