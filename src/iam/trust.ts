import { knownString, type Value } from "../core/value.js";
import type { Condition, Statement } from "./document.js";
import { parseOperator } from "./evaluate.js";

export const WEB_IDENTITY_ACTION = "sts:AssumeRoleWithWebIdentity";
export const STS_AUDIENCE = "sts.amazonaws.com";

export function subject(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`;
}

/** What conditions on a claim admit, for messages: `sub "a", "b"`, or `every sub except "c"`. */
export function describeClaim(conditions: readonly Condition[], claim: "sub" | "aud"): string {
  const parts = conditions.map((c) => {
    const values = valuesText(c.values);
    const op = parseOperator(knownString(c.operator) ?? "");
    return op?.negated ? `every ${claim} except ${values}` : `${claim} ${values}`;
  });
  return parts.length ? parts.join(" and ") : `(no ${claim})`;
}

export function valuesText(values: Value[]): string {
  return values.map((v) => JSON.stringify(knownString(v) ?? "${…}")).join(", ");
}

/** The OIDC provider host a statement's Federated principal names, for messages. */
export function providerOf(s: Statement): string {
  for (const p of s.principals) {
    if (p.type !== "Federated") continue;
    // A Terraform-built ARN has unknown partition and account, but its host is known.
    const v = p.value;
    const arn = v.kind === "template" ? v.parts.map((x) => (typeof x === "string" ? x : "\u0000")).join("") : knownString(v);
    const at = arn?.indexOf("oidc-provider/") ?? -1;
    const host = at >= 0 ? arn!.slice(at + "oidc-provider/".length) : "";
    if (host && !host.includes("\u0000")) return host;
  }
  return "<provider>";
}

/** `system:serviceaccount:<namespace>:<name>` split, or undefined for another kind of subject. */
export function parseSubject(sub: string): { namespace: string; name: string } | undefined {
  const m = /^system:serviceaccount:([^:]*):([^:]*)$/.exec(sub);
  return m ? { namespace: m[1], name: m[2] } : undefined;
}
