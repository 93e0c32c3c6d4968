import type { SourceLocation } from "../core/location.js";
import { asItems, getEntry, list, obj, str, unknown, type ObjectValue, type Value } from "../core/value.js";
import type { Block } from "../parse/hcl/ast.js";
import { asText } from "./convert.js";
import { attributeValue, nestedBlocks, type BlockInstance } from "./blocks.js";
import type { Evaluator } from "./evaluator.js";
import type { Scope } from "./scope.js";

/**
 * Builds the IAM JSON document a `data "aws_iam_policy_document"` renders, as a located Value, so
 * policy rules read it exactly like a JSON file. Each element points at the HCL that wrote it.
 */
export function policyDocumentValue(block: Block, scope: Scope, ev: Evaluator, decode: (json: Value) => Value): Value {
  const body = block.body;
  const statements: Value[] = [];
  for (const source of asItems(attributeValue(body, "source_policy_documents", scope, ev)))
    statements.push(...documentStatements(decode(source), source.loc));
  const own = nestedBlocks(body, "statement", scope, ev);
  statements.push(...own.blocks.map((s) => statementValue(s, ev)));
  if (own.unknown) statements.push(unknown(`statements from a dynamic block: ${own.unknown.reason}`, own.unknown.loc));
  for (const override of asItems(attributeValue(body, "override_policy_documents", scope, ev))) {
    for (const stmt of documentStatements(decode(override), override.loc)) {
      const sid = asText(getEntry(stmt, "Sid") ?? { kind: "null", loc: stmt.loc });
      const at = sid ? statements.findIndex((s) => asText(getEntry(s, "Sid") ?? { kind: "null", loc: s.loc }) === sid) : -1;
      if (at >= 0) statements[at] = stmt;
      else statements.push(stmt);
    }
  }
  const entries = new Map<string, Value>([
    ["Version", attributeValue(body, "version", scope, ev) ?? str("2012-10-17", block.headerLoc)],
    ["Statement", list(statements, block.loc)],
  ]);
  return obj(entries, block.loc);
}

function documentStatements(doc: Value, loc: SourceLocation): Value[] {
  if (doc.kind === "unknown" || doc.kind === "template") return [unknown("source policy document not known", loc)];
  return asItems(getEntry(doc, "Statement"));
}

function statementValue({ block, scope }: BlockInstance, ev: Evaluator): Value {
  const body = block.body;
  const entries = new Map<string, Value>();
  const keyLocs = new Map<string, SourceLocation>();
  const put = (key: string, attr: string, fallback?: Value) => {
    const a = body.attributes.find((x) => x.name === attr);
    const given = a ? ev.eval(a.expr, scope) : undefined;
    // A null argument is not set (`actions = statement.value.actions` of an omitted optional attribute).
    const v = given && given.kind !== "null" ? given : fallback;
    if (!v) return;
    entries.set(key, v);
    keyLocs.set(key, a?.nameLoc ?? block.headerLoc);
  };
  put("Sid", "sid");
  put("Effect", "effect", str("Allow", block.headerLoc));
  put("Action", "actions");
  put("NotAction", "not_actions");
  put("Resource", "resources");
  put("NotResource", "not_resources");
  // A dynamic block whose for_each is not known leaves the statement incomplete: its elements are
  // not known, and none is made up (an invented NotPrincipal would trust everyone).
  let incomplete: Value | undefined;
  for (const [key, type] of [["Principal", "principals"], ["NotPrincipal", "not_principals"]] as const) {
    const found = nestedBlocks(body, type, scope, ev);
    incomplete ??= found.unknown;
    const principals = principalValue({ blocks: found.blocks }, block.headerLoc, ev);
    if (principals) entries.set(key, principals), keyLocs.set(key, principals.loc);
  }
  const foundConditions = nestedBlocks(body, "condition", scope, ev);
  incomplete ??= foundConditions.unknown;
  const conditions = conditionValue({ blocks: foundConditions.blocks }, block.headerLoc, ev);
  if (conditions) entries.set("Condition", conditions), keyLocs.set("Condition", conditions.loc);
  if (incomplete) entries.set("\u0000incomplete", unknown(`a dynamic block of the statement: ${incomplete.kind === "unknown" ? incomplete.reason : "not known"}`, incomplete.loc));
  return obj(entries, block.loc, keyLocs);
}

/** Groups `{type, identifiers}` blocks by type, as IAM JSON writes principals. */
function principalValue(found: ReturnType<typeof nestedBlocks>, loc: SourceLocation, ev: Evaluator): Value | undefined {
  if (!found.blocks.length) return undefined;
  return groupBlocks(found, loc, ev, "type", (b) => [["", attributeValue(b.block.body, "identifiers", b.scope, ev)]]);
}

/** Groups `{test, variable, values}` blocks into IAM's `{operator: {key: values}}`. */
function conditionValue(found: ReturnType<typeof nestedBlocks>, loc: SourceLocation, ev: Evaluator): Value | undefined {
  if (!found.blocks.length) return undefined;
  return groupBlocks(found, loc, ev, "test", (b) => [[
    attributeValue(b.block.body, "variable", b.scope, ev) ?? unknown("condition without variable", b.block.headerLoc),
    attributeValue(b.block.body, "values", b.scope, ev),
  ]]);
}

function groupBlocks(
  found: ReturnType<typeof nestedBlocks>,
  loc: SourceLocation,
  ev: Evaluator,
  keyAttr: string,
  inner: (b: BlockInstance) => Array<[Value | "", Value | undefined]>,
): ObjectValue {
  const outer = obj(new Map(), found.blocks[0]?.block.loc ?? loc);
  for (const b of found.blocks) {
    const keyValue = attributeValue(b.block.body, keyAttr, b.scope, ev) ?? unknown(`${keyAttr} not set`, b.block.headerLoc);
    const key = asText(keyValue) ?? `\u0000${keyValue.loc.line}:${keyValue.loc.column}`;
    if (keyValue.kind !== "string") (outer.keyValues ??= new Map()).set(key, keyValue);
    outer.keyLocs.set(key, keyValue.loc);
    for (const [sub, value] of inner(b)) {
      if (sub === "") {
        // Principals: identifiers of the same type accumulate into one list.
        const prev = outer.entries.get(key);
        const items = [...asItems(prev), ...asItems(value)];
        outer.entries.set(key, list(items, value?.loc ?? b.block.loc));
        continue;
      }
      let group = outer.entries.get(key) as ObjectValue | undefined;
      if (!group) outer.entries.set(key, (group = obj(new Map(), b.block.loc)));
      const subKey = asText(sub) ?? `\u0000${sub.loc.line}:${sub.loc.column}`;
      if (sub.kind !== "string") (group.keyValues ??= new Map()).set(subKey, sub);
      group.keyLocs.set(subKey, sub.loc);
      group.entries.set(subKey, value ?? unknown("condition without values", b.block.headerLoc));
    }
  }
  return outer;
}
