import { obj, unknown, type UnknownValue, type Value } from "../core/value.js";
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
