import { list, obj, unknown, type UnknownValue, type Value } from "../core/value.js";
import type { Block, Body } from "../parse/hcl/ast.js";
import { iterate } from "./convert.js";
import type { Evaluator } from "./evaluator.js";
import type { Scope } from "./scope.js";

export interface BlockInstance {
  block: Block;
  scope: Scope;
}

/**
 * The nested blocks of one type in a body, with `dynamic "type"` blocks expanded over their
 * for_each. An unknown for_each is returned as `unknown`: the caller must treat the set as partial.
 */
export function nestedBlocks(body: Body, type: string, scope: Scope, ev: Evaluator): { blocks: BlockInstance[]; unknown?: UnknownValue } {
  const blocks: BlockInstance[] = [];
  let partial: UnknownValue | undefined;
  for (const block of body.blocks) {
    if (block.type === type) blocks.push({ block, scope });
    if (block.type !== "dynamic" || block.labels[0] !== type) continue;
    const forEach = block.body.attributes.find((a) => a.name === "for_each");
    const content = block.body.blocks.find((b) => b.type === "content");
    if (!forEach || !content) continue;
    const iteratorAttr = block.body.attributes.find((a) => a.name === "iterator");
    const iterator = iteratorAttr?.expr.type === "variable" ? iteratorAttr.expr.name : type;
    const collection = ev.eval(forEach.expr, scope);
    const pairs = iterate(collection);
    if (!pairs) {
      partial = collection.kind === "unknown" ? collection : unknown(`dynamic "${type}" for_each is not a collection`, forEach.loc);
      continue;
    }
    for (const [key, value] of pairs) {
      const binding = obj(new Map([["key", key], ["value", value]]), value.loc);
      blocks.push({ block: { ...content, type, labels: [] }, scope: scope.with({ [iterator]: binding }) });
    }
  }
  return { blocks, unknown: partial };
}

export function attributeValue(body: Body, name: string, scope: Scope, ev: Evaluator): Value | undefined {
  const attr = body.attributes.find((a) => a.name === name);
  return attr ? ev.eval(attr.expr, scope) : undefined;
}

/** Arguments Terraform reads from a block's body, not as attributes of the object it declares. */
const META = new Set(["count", "for_each", "depends_on", "provider", "lifecycle", "provisioner", "connection", "dynamic"]);

/**
 * A resource block's arguments as the object other expressions reference: attributes (a null one
 * is not set, as Terraform reads it) and nested blocks as lists of objects
 * (`kubernetes_namespace_v1.x.metadata[0].name`). A nested block repeated by a `dynamic` whose
 * for_each is not known is unknown, never a guess.
 */
export function blockAttributes(body: Body, scope: Scope, ev: Evaluator, depth = 0): Map<string, Value> {
  const attrs = new Map<string, Value>();
  for (const attr of body.attributes) {
    if (META.has(attr.name)) continue;
    const v = ev.eval(attr.expr, scope);
    if (v.kind !== "null") attrs.set(attr.name, v);
  }
  if (depth > 8) return attrs;
  const types = new Set(body.blocks.map((b) => (b.type === "dynamic" ? b.labels[0] : b.type)).filter((t): t is string => !!t && !META.has(t) && !attrs.has(t)));
  for (const type of types) {
    const found = nestedBlocks(body, type, scope, ev);
    const first = body.blocks.find((b) => b.type === type || (b.type === "dynamic" && b.labels[0] === type))!;
    if (found.unknown) attrs.set(type, found.unknown);
    else attrs.set(type, list(found.blocks.map((b) => obj(blockAttributes(b.block.body, b.scope, ev, depth + 1), b.block.loc)), first.loc));
  }
  return attrs;
}
