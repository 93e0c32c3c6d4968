import type { SourceLocation } from "../core/location.js";
import { firstUnknown, getEntry, isKnown, jsonText, knownString, obj, unknown, withOrigin, type Value } from "../core/value.js";
import type { Block } from "../parse/hcl/ast.js";
import type { Scope } from "./scope.js";
import { iamArn } from "./computed.js";

export interface DataSourceContext {
  attribute(block: Block, name: string, scope: Scope): Value | undefined;
  policyDocument(block: Block, scope: Scope): Value;
  accountId?: Value;
  /** Another scanned root's outputs, when a remote state's backend and config name its state. */
  remoteState?(type: string, config: Value | undefined): { outputs: Value; root: string } | undefined;
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
        ? jsonText(document, loc)
        : { kind: "template", parts: [firstUnknown(document)!], json: document, loc };
      entries.set("json", json);
      entries.set("minified_json", json);
      break;
    }
    case "terraform_remote_state": {
      const type = knownString(ctx.attribute(block, "backend", scope));
      const config = ctx.attribute(block, "config", scope);
      const found = type === undefined ? undefined : ctx.remoteState?.(type, config);
      if (found) entries.set("outputs", withOrigin(found.outputs, { address, type: "data.terraform_remote_state" }));
      else {
        const named = [getEntry(config, "bucket"), getEntry(config, "key"), getEntry(config, "path"), getEntry(getEntry(config, "workspaces"), "name")].map(knownString).filter(Boolean).join("/");
        entries.set("outputs", withOrigin(unknown(`${address}: the ${type ?? "(not known)"} state ${named || "it reads"} is no scanned root's (its backend settings match none)`, loc), { address, type: "data.terraform_remote_state", attribute: "outputs" }));
      }
      break;
    }
    case "aws_caller_identity":
      entries.set("account_id", ctx.accountId ?? notKnown("account_id"));
      break;
    case "aws_iam_role": {
      // A role looked up, not declared here: its ARN links to no scanned role, and says so.
      const name = ctx.attribute(block, "name", scope) ?? notKnown("name");
      const origin = (attribute: string) => ({ address, type: "data.aws_iam_role", attribute });
      entries.set("name", withOrigin(name, origin("name")));
      entries.set("arn", withOrigin(iamArn("role", undefined, name, ctx.accountId, loc), origin("arn")));
      break;
    }
    case "aws_eks_cluster":
    case "aws_iam_openid_connect_provider":
      for (const attribute of type === "aws_eks_cluster" ? ["identity", "arn"] : ["arn", "url"])
        entries.set(attribute, withOrigin(notKnown(attribute), { address, type: `data.${type}`, attribute }));
      break;
  }
  const value = obj(entries, loc);
  value.openReason = address;
  value.openOrigin = { address, type: `data.${type}` };
  return value;
}
