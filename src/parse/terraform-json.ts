import type { SourceLocation } from "../core/location.js";
import type { Value } from "../core/value.js";
import type { Attribute, Block, Body, Expr, HclFile } from "./hcl/ast.js";
import type { HclParser } from "./hcl/parser.js";

/**
 * Terraform's JSON syntax (`*.tf.json`) read into the same AST as native HCL. Without provider
 * schemas, a JSON object is a nested block only under the block names IRSA code uses; strings are
 * templates, parsed with the HCL parser and located at the JSON string.
 */
const NESTED_BLOCKS = new Set(["statement", "principals", "not_principals", "condition", "inline_policy", "metadata", "dynamic", "content"]);
const LABELS: Record<string, number> = { resource: 2, data: 2, module: 1, variable: 1, output: 1, provider: 1 };

export function terraformJsonToHcl(file: string, value: Value, hcl: HclParser): HclFile {
  const body: Body = { attributes: [], blocks: [] };
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

function labelled(type: string, v: Value, depth: number, labels: string[], labelLocs: SourceLocation[], out: Body, hcl: HclParser): void {
  if (depth === 0) {
    for (const b of bodies(v)) out.blocks.push(block(type, labels, labelLocs, toBody(b, hcl, false), b.loc));
    return;
  }
  if (v.kind !== "object") return;
  for (const [label, inner] of v.entries) labelled(type, inner, depth - 1, [...labels, label], [...labelLocs, v.keyLocs.get(label) ?? v.loc], out, hcl);
}

function bodies(v: Value): Value[] {
  return v.kind === "list" ? v.items : [v];
}

function block(type: string, labels: string[], labelLocs: SourceLocation[], body: Body, loc: SourceLocation): Block {
  return { type, labels, labelLocs, body, loc, headerLoc: labelLocs[labelLocs.length - 1] ?? loc };
}

function toBody(v: Value, hcl: HclParser, allAttributes: boolean): Body {
  const body: Body = { attributes: [], blocks: [] };
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
    const attr: Attribute = { name: key, nameLoc: keyLoc, expr: toExpr(inner, hcl), loc: keyLoc };
    body.attributes.push(attr);
  }
  return body;
}

function toExpr(v: Value, hcl: HclParser): Expr {
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
        loc: v.loc,
      };
    default:
      return { type: "invalid", loc: v.loc };
  }
}

/** A JSON string is an HCL template: parse it as one, and locate every part at the string. */
function template(text: string, loc: SourceLocation, hcl: HclParser): Expr {
  if (!text.includes("${") && !text.includes("%{")) return { type: "literal", value: text, loc };
  const escaped = text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
  const parsed = hcl.parse(loc.file, `x = "${escaped}"\n`);
  const expr = parsed.file?.body.attributes[0]?.expr;
  return expr ? relocate(expr, loc) : { type: "invalid", loc };
}

function relocate<T>(node: T, loc: SourceLocation): T {
  if (Array.isArray(node)) return node.map((n) => relocate(n, loc)) as T;
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === "loc" ? loc : k === "verbatim" ? false : relocate(v, loc);
  return out as T;
}
