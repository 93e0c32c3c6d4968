import { InputLimitError } from "../../core/diagnostic.js";
import { LineIndex } from "../../core/lines.js";
import { MAX_NESTING } from "../../core/nesting.js";
import type { SourceLocation } from "../../core/location.js";
import type { Attribute, Block, Body, Expr, HclFile, ObjectItem, TemplatePart, Traversal } from "./ast.js";
import { rootOf, type SyntaxNode, type SyntaxTree } from "./syntax-tree.js";
import { stripped, unescapeHeredoc, unescapeQuoted } from "./text.js";

/** The HCL AST of a file from its flattened syntax tree (one without syntax errors). */
export function convertSyntaxTree(file: string, tree: SyntaxTree): HclFile {
  const converter = new HclConverter(file, tree.text);
  const body = rootOf(tree).children.find((n) => n.type === "body");
  return { file, text: tree.text, body: body ? converter.body(body) : { attributes: [], blocks: [] } };
}

type Node = SyntaxNode;

/** An expression nested deeper than any configuration (`!!!!…x`, `((…))`): the file is not read. */
export class NestingError extends InputLimitError {
  constructor(location: SourceLocation) {
    super(`HCL expression nested more than ${MAX_NESTING} levels deep`, location);
  }
}

/** Turns tree-sitter's concrete syntax tree for one file into the HCL AST, keeping positions. */
class HclConverter {
  private readonly lines: LineIndex;
  /** Expressions being converted, one inside the other: bounded, so no input exhausts the stack. */
  private depth = 0;

  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {
    this.lines = new LineIndex(text);
  }

  private loc(n: Node): SourceLocation {
    return this.offsetLoc(n.startIndex, n.endIndex);
  }

  private offsetLoc(start: number, end: number): SourceLocation {
    return this.lines.span(this.file, start, end);
  }

  body(n: Node): Body {
    const body: Body = { attributes: [], blocks: [] };
    for (const c of n.children) {
      if (c.type === "attribute") body.attributes.push(this.attribute(c));
      else if (c.type === "block") body.blocks.push(this.block(c));
    }
    return body;
  }

  private attribute(n: Node): Attribute {
    const children = n.children;
    const name = children.find((c) => c.type === "identifier")!;
    const expr = children.find((c) => c.type === "expression");
    return {
      name: name.text,
      nameLoc: this.loc(name),
      expr: expr ? this.expr(expr) : { type: "invalid", loc: this.loc(n) },
      loc: this.loc(n),
    };
  }

  private block(n: Node): Block {
    const children = n.children;
    const labels: string[] = [];
    const labelLocs: SourceLocation[] = [];
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
      headerLoc: { ...loc, endLine: header.endLine, endColumn: header.endColumn },
    };
  }

  private expr(n: Node): Expr {
    return this.nested(n, () => this.exprAt(n));
  }

  private nested<T>(n: Node, convert: () => T): T {
    if (++this.depth > MAX_NESTING) throw new NestingError(this.loc(n));
    try {
      return convert();
    } finally {
      this.depth--;
    }
  }

  private exprAt(n: Node): Expr {
    // Wrappers (literal_value, template_expr, ...) are their child: no location of their own.
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
  private binary(n: Node): Expr {
    const links: Array<{ node: Node; children: readonly Node[]; at: number }> = [];
    for (let cur: Node | undefined = n; cur; ) {
      // Operands are inlined terms (`var.env == "x"` has variable_expr, get_attr, "==", ...).
      const children: readonly Node[] = cur.children;
      const at: number = children.findIndex((c, i) => i > 0 && !c.isNamed && c.type !== "(" && c.type !== ")" && !this.inParens(children, i));
      links.push({ node: cur, children, at });
      const inner: Node | undefined = at === 1 && children[0].type === "operation" ? firstNamed(children[0]) : undefined;
      cur = inner?.type === "binary_operation" ? inner : undefined;
    }
    let expr: Expr | undefined;
    for (let i = links.length - 1; i >= 0; i--) {
      const { node, children, at } = links[i];
      const left = children.slice(0, at);
      const right = children.slice(at + 1);
      expr = { type: "binary", op: children[at].type, left: expr ?? this.term(left, this.spanLoc(left)), right: this.term(right, this.spanLoc(right)), loc: this.loc(node) };
    }
    return expr!;
  }

  /**
   * The grammar nests `a ? b : c ? d : e` as `(a ? b : c) ? d : e`; HCL reads it as
   * `a ? b : (c ? d : e)`. The unparenthesised chain of conditions is walked in a loop and rebuilt
   * nesting to the right.
   */
  private conditional(n: Node): Expr {
    const frames: Node[][] = [];
    for (let cur: Node | undefined = n; cur; ) {
      const parts: Node[] = cur.children.filter((c) => c.type === "expression");
      frames.push(parts);
      const inner: Node | undefined = parts[0].children.length === 1 && parts[0].children[0].type === "conditional" ? parts[0].children[0] : undefined;
      cur = inner;
    }
    frames.reverse(); // innermost first: its condition is the chain's first
    const conditions = [frames[0][0], ...frames.slice(0, -1).map((f) => f[2])];
    let expr = this.expr(frames[frames.length - 1][2]);
    for (let i = frames.length - 1; i >= 0; i--) {
      expr = { type: "conditional", cond: this.expr(conditions[i]), then: this.expr(frames[i][1]), else: expr, loc: this.offsetLoc(conditions[i].startIndex, n.endIndex) };
    }
    return expr;
  }

  /** A term: a base expression (maybe parenthesised) followed by attribute, index and splat steps. */
  private term(children: readonly Node[], loc: SourceLocation): Expr {
    if (children.length === 0) return { type: "invalid", loc };
    let base: Expr;
    let i: number;
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

  private spanLoc(nodes: readonly Node[]): SourceLocation {
    return this.offsetLoc(nodes[0].startIndex, nodes[nodes.length - 1].endIndex);
  }

  private inParens(children: readonly Node[], index: number): boolean {
    let depth = 0;
    for (let i = 0; i < index; i++) depth += children[i].type === "(" ? 1 : children[i].type === ")" ? -1 : 0;
    return depth > 0;
  }

  private literal(n: Node): Expr {
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

  private objectItem(n: Node): ObjectItem {
    // `key = value` or `key: value`: the first and last expressions.
    const operands = n.children.filter((c) => c.isNamed);
    const keyNode = operands[0];
    const valueNode = operands.length > 1 ? operands[operands.length - 1] : undefined;
    let key = this.expr(keyNode);
    // A bare identifier key names the attribute; it is not a variable reference.
    if (key.type === "variable") key = { type: "literal", value: key.name, loc: key.loc };
    return { key, value: valueNode ? this.expr(valueNode) : { type: "invalid", loc: this.loc(n) }, loc: this.loc(n) };
  }

  private traversal(n: Node): Traversal[] {
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

  private call(n: Node): Expr {
    const children = n.children;
    const args = children.find((c) => c.type === "function_arguments");
    const argNodes = args ? args.children : [];
    return {
      type: "call",
      name: children.filter((c) => c.type === "identifier").map((c) => c.text).join("::"),
      args: argNodes.filter((c) => c.type === "expression").map((c) => this.expr(c)),
      expandLast: argNodes.some((c) => c.type === "ellipsis"),
      loc: this.loc(n),
    };
  }

  private forExpr(n: Node): Expr {
    const children = n.children;
    const intro = children.find((c) => c.type === "for_intro")!;
    const vars = intro.children.filter((c) => c.type === "identifier").map((c) => c.text);
    const collection = intro.children.find((c) => c.type === "expression")!;
    const exprs = children.filter((c) => c.type === "expression").map((c) => this.expr(c));
    const cond = children.find((c) => c.type === "for_cond");
    const condExpr = cond && cond.children.find((c) => c.type === "expression");
    const isObject = n.type === "for_object_expr";
    return {
      type: "for",
      kind: isObject ? "object" : "tuple",
      keyVar: vars.length > 1 ? vars[0] : undefined,
      valueVar: vars[vars.length - 1],
      collection: this.expr(collection),
      keyExpr: isObject ? exprs[0] : undefined,
      valueExpr: isObject ? exprs[1] : exprs[0],
      cond: condExpr ? this.expr(condExpr) : undefined,
      group: children.some((c) => c.type === "ellipsis"),
      loc: this.loc(n),
    };
  }

  /** The literal text of a quoted string with no interpolation (block labels, keys). */
  private stringLiteral(n: Node): string {
    return this.quotedParts(n)
      .map((p) => (p.type === "text" ? p.value : ""))
      .join("");
  }

  private quotedParts(n: Node): TemplatePart[] {
    // A string literal is copied without its tokens (OPAQUE): its text lies between its quotes.
    if (n.type === "string_lit") return this.templateParts([], n.startIndex + 1, n.endIndex - 1, false);
    const children = n.children;
    const open = children[0];
    const close = children[children.length - 1];
    const end = close?.type === "quoted_template_end" ? close.startIndex : n.endIndex;
    return this.templateParts(children, open.endIndex, end, false);
  }

  private heredocParts(n: Node): { parts: TemplatePart[]; indent: number } {
    const children = n.children;
    const idents = children.filter((c) => c.type === "heredoc_identifier");
    const openEnd = idents[0]?.endIndex ?? n.startIndex;
    const newline = this.text.indexOf("\n", openEnd);
    const from = newline < 0 ? n.endIndex : newline + 1;
    const close = idents.length > 1 ? idents[idents.length - 1] : undefined;
    const to = close ? close.startIndex - (this.lines.position(close.startIndex).column - 1) : n.endIndex;
    const parts = this.templateParts(children, from, Math.max(from, to), true);
    const strip = children[0]?.text === "<<-";
    return strip ? stripped(parts) : { parts, indent: 0 };
  }

  /**
   * Template content between `from` and `to`: interpolations and directives are parsed, everything
   * else is literal text read from the source (tree-sitter leaves whitespace out of its literals).
   */
  private templateParts(children: readonly Node[], from: number, to: number, heredoc: boolean): TemplatePart[] {
    const parts: TemplatePart[] = [];
    let cursor = from;
    const pushText = (start: number, end: number) => {
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

  private directive(n: Node, heredoc: boolean): TemplatePart | undefined {
    const children = n.children;
    const loc = this.loc(n);
    if (n.type === "template_if") {
      const intro = children.find((c) => c.type === "template_if_intro")!;
      const elseIntro = children.find((c) => c.type === "template_else_intro");
      const end = children.find((c) => c.type === "template_if_end");
      const stop = end?.startIndex ?? n.endIndex;
      const cond = intro.children.find((c) => c.type === "expression");
      return {
        type: "if",
        cond: cond ? this.expr(cond) : { type: "invalid", loc },
        then: this.templateParts(children, intro.endIndex, elseIntro?.startIndex ?? stop, heredoc),
        else: elseIntro ? this.templateParts(children, elseIntro.endIndex, stop, heredoc) : [],
        loc,
      };
    }
    if (n.type === "template_for") {
      const start = children.find((c) => c.type === "template_for_start")!;
      const end = children.find((c) => c.type === "template_for_end");
      const vars = start.children.filter((c) => c.type === "identifier").map((c) => c.text);
      const coll = start.children.find((c) => c.type === "expression");
      return {
        type: "for",
        keyVar: vars.length > 1 ? vars[0] : undefined,
        valueVar: vars[vars.length - 1],
        collection: coll ? this.expr(coll) : { type: "invalid", loc },
        body: this.templateParts(children, start.endIndex, end?.startIndex ?? n.endIndex, heredoc),
        loc,
      };
    }
    return undefined;
  }
}

/** The first named child that is not a comment. */
function firstNamed(n: Node): Node {
  return n.children.find((c) => c.isNamed) ?? n;
}

