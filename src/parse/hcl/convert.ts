import type { Node } from "web-tree-sitter";
import type { SourceLocation } from "../../core/location.js";
import type { Attribute, Block, Body, Expr, ObjectItem, TemplatePart, Traversal } from "./ast.js";
import { stripIndent, unescapeHeredoc, unescapeQuoted } from "./text.js";

/** Turns tree-sitter's concrete syntax tree for one file into the HCL AST, keeping positions. */
export class HclConverter {
  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {}

  loc(n: Node): SourceLocation {
    return {
      file: this.file,
      line: n.startPosition.row + 1,
      column: n.startPosition.column + 1,
      endLine: n.endPosition.row + 1,
      endColumn: n.endPosition.column + 1,
    };
  }

  private offsetLoc(start: number, end: number, near: Node): SourceLocation {
    // Positions of text between tree-sitter nodes: count from the enclosing node's start.
    const before = this.text.slice(near.startIndex, start);
    const inside = this.text.slice(start, end);
    const lineOf = (base: { row: number; column: number }, s: string) => {
      const nl = s.lastIndexOf("\n");
      const rows = s.split("\n").length - 1;
      return { row: base.row + rows, column: nl < 0 ? base.column + s.length : s.length - nl - 1 };
    };
    const a = lineOf(near.startPosition, before);
    const b = lineOf(a, inside);
    return { file: this.file, line: a.row + 1, column: a.column + 1, endLine: b.row + 1, endColumn: b.column + 1 };
  }

  body(n: Node): Body {
    const body: Body = { attributes: [], blocks: [] };
    for (const c of kids(n)) {
      if (c.type === "attribute") body.attributes.push(this.attribute(c));
      else if (c.type === "block") body.blocks.push(this.block(c));
    }
    return body;
  }

  private attribute(n: Node): Attribute {
    const name = kids(n).find((c) => c.type === "identifier")!;
    const expr = kids(n).find((c) => c.type === "expression");
    return {
      name: name.text,
      nameLoc: this.loc(name),
      expr: expr ? this.expr(expr) : { type: "invalid", loc: this.loc(n) },
      loc: this.loc(n),
    };
  }

  private block(n: Node): Block {
    const children = kids(n);
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
    return {
      type: children[0].text,
      labels,
      labelLocs,
      body: inner ? this.body(inner) : { attributes: [], blocks: [] },
      loc,
      headerLoc: { ...loc, endLine: start.endPosition.row + 1, endColumn: start.endPosition.column + 1 },
    };
  }

  expr(n: Node): Expr {
    const loc = this.loc(n);
    switch (n.type) {
      case "expression":
        return this.term(kids(n), loc);
      case "variable_expr":
        return { type: "variable", name: n.text, loc };
      case "literal_value":
        return this.literal(firstNamed(n));
      case "collection_value":
        return this.expr(firstNamed(n));
      case "tuple":
        return { type: "tuple", items: kids(n).filter((c) => c.type === "expression").map((c) => this.expr(c)), loc };
      case "object":
        return { type: "object", items: kids(n).filter((c) => c.type === "object_elem").map((c) => this.objectItem(c)), loc };
      case "template_expr":
        return this.expr(firstNamed(n));
      case "quoted_template":
        return { type: "template", parts: this.quotedParts(n), heredoc: false, loc };
      case "heredoc_template":
        return { type: "template", parts: this.heredocParts(n), heredoc: true, loc };
      case "function_call":
        return this.call(n);
      case "conditional": {
        const [cond, then, otherwise] = kids(n).filter((c) => c.type === "expression");
        return { type: "conditional", cond: this.expr(cond), then: this.expr(then), else: this.expr(otherwise), loc };
      }
      case "operation":
        return this.expr(firstNamed(n));
      case "binary_operation": {
        // Operands are inlined terms (`var.env == "x"` has variable_expr, get_attr, "==", ...).
        const children = kids(n);
        const at = children.findIndex((c, i) => i > 0 && !c.isNamed && c.type !== "(" && c.type !== ")" && !this.inParens(children, i));
        const left = children.slice(0, at);
        const right = children.slice(at + 1);
        return { type: "binary", op: children[at].type, left: this.term(left, this.spanLoc(left)), right: this.term(right, this.spanLoc(right)), loc };
      }
      case "unary_operation": {
        const [op, ...operand] = kids(n);
        return { type: "unary", op: op.type, operand: this.term(operand, this.spanLoc(operand)), loc };
      }
      case "for_expr":
        return this.forExpr(firstNamed(n));
      default:
        return { type: "invalid", loc };
    }
  }

  /** A term: a base expression (maybe parenthesised) followed by attribute, index and splat steps. */
  private term(children: Node[], loc: SourceLocation): Expr {
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

  private spanLoc(nodes: Node[]): SourceLocation {
    const a = this.loc(nodes[0]);
    const b = this.loc(nodes[nodes.length - 1]);
    return { ...a, endLine: b.endLine, endColumn: b.endColumn };
  }

  private inParens(children: Node[], index: number): boolean {
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
    const keyNode = n.childForFieldName("key")!;
    const valueNode = n.childForFieldName("val")!;
    let key = this.expr(keyNode);
    // A bare identifier key names the attribute; it is not a variable reference.
    if (key.type === "variable") key = { type: "literal", value: key.name, loc: key.loc };
    return { key, value: valueNode ? this.expr(valueNode) : { type: "invalid", loc: this.loc(n) }, loc: this.loc(n) };
  }

  private traversal(n: Node): Traversal[] {
    const loc = this.loc(n);
    switch (n.type) {
      case "get_attr":
        return [{ type: "attr", name: kids(n).find((c) => c.type === "identifier")?.text ?? "", loc }];
      case "index": {
        const inner = firstNamed(n);
        if (inner.type === "legacy_index") return [{ type: "index", index: { type: "literal", value: Number(inner.text.slice(1)), loc }, loc }];
        const e = kids(inner).find((c) => c.type === "expression");
        return [{ type: "index", index: e ? this.expr(e) : { type: "invalid", loc }, loc }];
      }
      case "splat": {
        const inner = firstNamed(n);
        return [{ type: "splat", loc }, ...kids(inner).slice(1).flatMap((c) => this.traversal(c))];
      }
      default:
        return [];
    }
  }

  private call(n: Node): Expr {
    const children = kids(n);
    const args = children.find((c) => c.type === "function_arguments");
    const argNodes = args ? kids(args) : [];
    return {
      type: "call",
      name: children.filter((c) => c.type === "identifier").map((c) => c.text).join("::"),
      args: argNodes.filter((c) => c.type === "expression").map((c) => this.expr(c)),
      expandLast: argNodes.some((c) => c.type === "ellipsis"),
      loc: this.loc(n),
    };
  }

  private forExpr(n: Node): Expr {
    const children = kids(n);
    const intro = children.find((c) => c.type === "for_intro")!;
    const vars = kids(intro).filter((c) => c.type === "identifier").map((c) => c.text);
    const collection = kids(intro).find((c) => c.type === "expression")!;
    const exprs = children.filter((c) => c.type === "expression").map((c) => this.expr(c));
    const cond = children.find((c) => c.type === "for_cond");
    const condExpr = cond && kids(cond).find((c) => c.type === "expression");
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
  stringLiteral(n: Node): string {
    return this.quotedParts(n)
      .map((p) => (p.type === "text" ? p.value : ""))
      .join("");
  }

  private quotedParts(n: Node): TemplatePart[] {
    const children = kids(n);
    const open = children[0];
    const close = children[children.length - 1];
    const end = close?.type === "quoted_template_end" ? close.startIndex : n.endIndex;
    return this.templateParts(children, open.endIndex, end, n, false);
  }

  private heredocParts(n: Node): TemplatePart[] {
    const children = kids(n);
    const idents = children.filter((c) => c.type === "heredoc_identifier");
    const openEnd = idents[0]?.endIndex ?? n.startIndex;
    const newline = this.text.indexOf("\n", openEnd);
    const from = newline < 0 ? n.endIndex : newline + 1;
    const close = idents.length > 1 ? idents[idents.length - 1] : undefined;
    const to = close ? close.startIndex - close.startPosition.column : n.endIndex;
    const parts = this.templateParts(children, from, Math.max(from, to), n, true);
    const strip = children[0]?.text === "<<-";
    return strip ? stripIndent(parts) : parts;
  }

  /**
   * Template content between `from` and `to`: interpolations and directives are parsed, everything
   * else is literal text read from the source (tree-sitter leaves whitespace out of its literals).
   */
  private templateParts(children: Node[], from: number, to: number, near: Node, heredoc: boolean): TemplatePart[] {
    const parts: TemplatePart[] = [];
    let cursor = from;
    const pushText = (start: number, end: number) => {
      if (end <= start) return;
      const raw = this.text.slice(start, end);
      const value = heredoc ? unescapeHeredoc(raw) : unescapeQuoted(raw);
      parts.push({ type: "text", value, raw, offset: start, verbatim: value === raw, loc: this.offsetLoc(start, end, near) });
    };
    for (const c of children) {
      if (c.startIndex < from || c.endIndex > to) continue;
      if (c.type === "template_interpolation") {
        pushText(cursor, c.startIndex);
        const e = kids(c).find((k) => k.type === "expression");
        parts.push({ type: "interp", expr: e ? this.expr(e) : { type: "invalid", loc: this.loc(c) } });
        cursor = c.endIndex;
      } else if (c.type === "template_directive") {
        pushText(cursor, c.startIndex);
        const d = this.directive(firstNamed(c), heredoc);
        if (d) parts.push(d);
        cursor = c.endIndex;
      }
    }
    pushText(cursor, to);
    return parts;
  }

  private directive(n: Node, heredoc: boolean): TemplatePart | undefined {
    const children = kids(n);
    const loc = this.loc(n);
    if (n.type === "template_if") {
      const intro = children.find((c) => c.type === "template_if_intro")!;
      const elseIntro = children.find((c) => c.type === "template_else_intro");
      const end = children.find((c) => c.type === "template_if_end");
      const stop = end?.startIndex ?? n.endIndex;
      const cond = kids(intro).find((c) => c.type === "expression");
      return {
        type: "if",
        cond: cond ? this.expr(cond) : { type: "invalid", loc },
        then: this.templateParts(children, intro.endIndex, elseIntro?.startIndex ?? stop, n, heredoc),
        else: elseIntro ? this.templateParts(children, elseIntro.endIndex, stop, n, heredoc) : [],
        loc,
      };
    }
    if (n.type === "template_for") {
      const start = children.find((c) => c.type === "template_for_start")!;
      const end = children.find((c) => c.type === "template_for_end");
      const vars = kids(start).filter((c) => c.type === "identifier").map((c) => c.text);
      const coll = kids(start).find((c) => c.type === "expression");
      return {
        type: "for",
        keyVar: vars.length > 1 ? vars[0] : undefined,
        valueVar: vars[vars.length - 1],
        collection: coll ? this.expr(coll) : { type: "invalid", loc },
        body: this.templateParts(children, start.endIndex, end?.startIndex ?? n.endIndex, n, heredoc),
        loc,
      };
    }
    return undefined;
  }
}

/** The first named child that is not a comment. */
function firstNamed(n: Node): Node {
  return kids(n).find((c) => c.isNamed) ?? n;
}

export function kids(n: Node): Node[] {
  // One call into WebAssembly for all children (and cached by the node), not one per child.
  return n.children.filter((c): c is Node => c !== null && c.type !== "comment");
}
