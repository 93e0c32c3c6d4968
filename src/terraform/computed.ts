import type { SourceLocation } from "../core/location.js";
import { obj, str, unknown, withOrigin, type ObjectValue, type Value } from "../core/value.js";
import { asText, concatText } from "./convert.js";

/** `arn:<partition>:iam::<account>:<kind><path><name>`, the parts known only after apply left unknown. */
export function iamArn(kind: string, path: Value | undefined, name: Value, account: Value | undefined, loc: SourceLocation): Value {
  return concatText(
    [
      "arn:",
      unknown("partition (depends on data.aws_partition)", loc),
      ":iam::",
      account ?? unknown("account id (known after apply)", loc),
      `:${kind}`,
      path ?? "/",
      name,
    ],
    loc,
  );
}

/** Attributes whose values link by reference: each carries the object it belongs to. */
const LINKED: Record<string, string[]> = {
  aws_iam_role: ["arn", "name", "id", "unique_id"],
  aws_iam_policy: ["arn", "name", "id"],
  aws_iam_openid_connect_provider: ["arn", "url"],
  aws_eks_cluster: ["identity", "arn", "name"],
};

/** Attributes Terraform computes at apply that irsa-lint can still partly derive. */
export function withComputedAttributes(type: string, address: string, id: string, attrs: Map<string, Value>, loc: SourceLocation, account?: Value): ObjectValue {
  const entries = new Map(attrs);
  const set = (k: string, v: Value) => {
    if (!entries.has(k)) entries.set(k, v);
  };
  const name = entries.get("name") ?? unknown(`${address}.name is generated${entries.has("name_prefix") ? " from name_prefix" : ""}`, loc);
  if (type === "aws_iam_role" || type === "aws_iam_policy") {
    set("path", str("/", loc));
    set("name", name);
    const arn = iamArn(type === "aws_iam_role" ? "role" : "policy", entries.get("path"), name, account, loc);
    set("arn", arn);
    set("id", type === "aws_iam_role" ? name : arn);
  } else if (type === "aws_iam_openid_connect_provider") {
    const url = entries.get("url");
    const host = url && asText(url) !== undefined ? str(asText(url)!.replace(/^https:\/\//, ""), url.loc) : unknown(`${address}.url not known`, loc);
    set("arn", iamArn("oidc-provider/", str("", loc), host, account, loc));
  } else if (type === "aws_eks_cluster") {
    set("identity", unknown(`${address}.identity is known after apply`, loc));
  }
  for (const attribute of LINKED[type] ?? []) {
    const v = entries.get(attribute);
    // A value that already says where it comes from (a provider's url from the cluster's issuer) keeps it.
    if (v && v.kind !== "null" && !v.origin) entries.set(attribute, withOrigin(v, { address: id, type, attribute }));
  }
  const result = obj(entries, loc);
  result.openReason = address;
  result.openOrigin = { address: id, type };
  return result;
}
