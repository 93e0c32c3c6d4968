import type { SourceLocation } from "../core/location.js";
import { firstUnknown, isKnown, obj, str, toPlain, unknown, type Value } from "../core/value.js";
import type { Block } from "../parse/hcl/ast.js";
import type { Scope } from "./scope.js";
import { iamArn } from "./computed.js";

export interface DataSourceContext {
  attribute(block: Block, name: string, scope: Scope): Value | undefined;
  policyDocument(block: Block, scope: Scope): Value;
  accountId?: Value;
}

/** The value of one data source instance: what irsa-lint knows of it without calling AWS. */
export function dataSourceValue(block: Block, address: string, scope: Scope, ctx: DataSourceContext): Value {
  const type = block.labels[0];
  const loc = block.headerLoc;
  const entries = new Map<string, Value>();
  const notKnown = (what: string, l: SourceLocation = loc) => unknown(`depends on ${address}${what ? `.${what}` : ""}`, l);
  switch (type) {
    case "aws_iam_policy_document": {
      const document = ctx.policyDocument(block, scope);
      const json: Value = isKnown(document)
        ? { ...str(JSON.stringify(toPlain(document)), loc), json: document }
        : { kind: "template", parts: [firstUnknown(document)!], json: document, loc };
      entries.set("json", json);
      entries.set("minified_json", json);
      break;
    }
    case "aws_caller_identity":
      entries.set("account_id", ctx.accountId ?? notKnown("account_id"));
      break;
    case "aws_iam_role": {
      const name = ctx.attribute(block, "name", scope) ?? notKnown("name");
      entries.set("name", name);
      entries.set("arn", iamArn("role", undefined, name, ctx.accountId, loc));
      break;
    }
  }
  const value = obj(entries, loc);
  value.openReason = address;
  return value;
}
