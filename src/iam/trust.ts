import { endsWithKnown, matchValue, anyTri, type Tri } from "../core/match.js";
import { knownString, type Value } from "../core/value.js";
import type { Condition, PolicyDocument, Statement } from "./document.js";

export const WEB_IDENTITY_ACTION = "sts:AssumeRoleWithWebIdentity";
export const STS_AUDIENCE = "sts.amazonaws.com";

export function subject(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`;
}

/** Conditions on the token claim `<provider>:<claim>`; a key not known at all may be any claim. */
export function claimConditions(s: Statement, claim: "sub" | "aud"): { conditions: Condition[]; undecidable: boolean } {
  const conditions = s.conditions.filter((c) => endsWithKnown(c.key, `:${claim}`));
  const undecidable = !s.complete || s.conditions.some((c) => c.key.kind === "unknown");
  return { conditions, undecidable };
}

/** Whether one condition accepts a single-valued claim, by IAM's operator semantics. */
export function conditionAccepts(c: Condition, claim: string): Tri {
  const op = knownString(c.operator);
  if (op === undefined) return "maybe";
  const base = op.replace(/^(ForAnyValue|ForAllValues):/, "").replace(/IfExists$/, "");
  const ignoreCase = base.includes("IgnoreCase");
  const text = ignoreCase ? claim.toLowerCase() : claim;
  const glob = base.startsWith("StringLike") || base.startsWith("StringNotLike");
  const results = c.values.map((v) => matchValue(ignoreCase && v.kind === "string" ? { ...v, value: v.value.toLowerCase() } : v, text, glob));
  const any = anyTri(results);
  if (base.startsWith("StringEquals") || base === "StringLike") return any;
  if (base.startsWith("StringNotEquals") || base === "StringNotLike") return any === "yes" ? "no" : any === "no" ? "yes" : "maybe";
  return "maybe";
}

/** Whether a statement's conditions on `claim` accept the value (all conditions must). */
export function statementAccepts(s: Statement, claim: "sub" | "aud", value: string): Tri {
  const { conditions, undecidable } = claimConditions(s, claim);
  let result: Tri = "yes";
  for (const c of conditions) {
    const r = conditionAccepts(c, value);
    if (r === "no") return "no";
    if (r === "maybe") result = "maybe";
  }
  return undecidable && result === "yes" && conditions.length === 0 ? "maybe" : result;
}

/** Whether a trust admits a ServiceAccount's token subject through one of its IRSA statements. */
export function trustAdmits(doc: PolicyDocument, statements: Statement[], sub: string): Tri {
  const result = anyTri(statements.map((s) => statementAccepts(s, "sub", sub)));
  // A statement whose effect, principal or action is not known may be the one that admits it.
  return result === "no" && (!doc.complete || doc.statements.some((s) => !s.decided)) ? "maybe" : result;
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
