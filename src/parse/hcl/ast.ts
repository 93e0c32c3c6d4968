import type { SourceLocation } from "../../core/location.js";

/** HCL syntax as irsa-lint evaluates it: tree-sitter's tree, reduced to what carries meaning. */
export interface HclFile {
  file: string;
  body: Body;
  /** Source text, kept so heredoc JSON can be re-parsed with positions in this file. */
  text: string;
}

/**
 * A file the evaluator reads, its AST built each time it is asked for: ASTs of thousands of files
 * held at once cost more in garbage collection than building each when needed.
 */
export interface HclSource {
  file: string;
  text: string;
  ast(): HclFile;
}

/** A source whose AST is already built (Terraform JSON, tests). */
export function builtSource(ast: HclFile): HclSource {
  return { file: ast.file, text: ast.text, ast: () => ast };
}

export interface Body {
  attributes: Attribute[];
  blocks: Block[];
}

export interface Attribute {
  name: string;
  nameLoc: SourceLocation;
  expr: Expr;
  loc: SourceLocation;
}

export interface Block {
  type: string;
  labels: string[];
  labelLocs: SourceLocation[];
  body: Body;
  loc: SourceLocation;
  /** The block's first line (`resource "a" "b" {`): where findings about the whole block point. */
  headerLoc: SourceLocation;
}

export type TemplatePart =
  /**
   * Literal text. `raw` is the source slice at `offset`; `verbatim` says it reads the same as
   * `value` to a JSON parser (no escapes; heredoc indentation is insignificant in JSON).
   */
  | { type: "text"; value: string; raw: string; offset: number; verbatim: boolean; loc: SourceLocation }
  | { type: "interp"; expr: Expr }
  | { type: "if"; cond: Expr; then: TemplatePart[]; else: TemplatePart[]; loc: SourceLocation }
  | { type: "for"; keyVar?: string; valueVar: string; collection: Expr; body: TemplatePart[]; loc: SourceLocation };

export type Traversal =
  | { type: "attr"; name: string; loc: SourceLocation }
  | { type: "index"; index: Expr; loc: SourceLocation }
  | { type: "splat"; loc: SourceLocation };

export type Expr =
  | { type: "literal"; value: string | number | boolean | null; loc: SourceLocation }
  /** A heredoc's text starts on the line after `loc`'s, `indent` columns in (what `<<-` removed). */
  | { type: "template"; parts: TemplatePart[]; heredoc: boolean; indent?: number; loc: SourceLocation }
  | { type: "tuple"; items: Expr[]; loc: SourceLocation }
  | { type: "object"; items: ObjectItem[]; loc: SourceLocation }
  | { type: "variable"; name: string; loc: SourceLocation }
  | { type: "traverse"; object: Expr; steps: Traversal[]; loc: SourceLocation }
  | { type: "call"; name: string; args: Expr[]; expandLast: boolean; loc: SourceLocation }
  | { type: "conditional"; cond: Expr; then: Expr; else: Expr; loc: SourceLocation }
  | { type: "binary"; op: string; left: Expr; right: Expr; loc: SourceLocation }
  | { type: "unary"; op: string; operand: Expr; loc: SourceLocation }
  | {
      type: "for";
      kind: "tuple" | "object";
      keyVar?: string;
      valueVar: string;
      collection: Expr;
      keyExpr?: Expr;
      valueExpr: Expr;
      cond?: Expr;
      group: boolean;
      loc: SourceLocation;
    }
  | { type: "invalid"; loc: SourceLocation };

export interface ObjectItem {
  /** A bare identifier key is a literal name; a parenthesised or quoted one is an expression. */
  key: Expr;
  value: Expr;
  loc: SourceLocation;
}
