import type { SourceLocation } from "../core/location.js";
import { asItems, firstUnknown, getEntryLoose, knownString, str, type ObjectValue, type UnknownValue, type Value } from "../core/value.js";

/** An IAM policy document read from any source, every element located. */
export interface PolicyDocument {
  loc: SourceLocation;
  statements: Statement[];
  /** False when part of the statement list is not known: absence proves nothing then. */
  complete: boolean;
  /** The part of the statement list not known, when it is not complete: what messages say is missing. */
  gap?: UnknownValue;
}

export interface Statement {
  loc: SourceLocation;
  index: number;
  sid?: string;
  effect?: Value;
  actions: Value[];
  notActions: Value[];
  resources: Value[];
  notResources: Value[];
  principals: Principal[];
  notPrincipals: Principal[];
  conditions: Condition[];
  /** Where `Action`/`Resource`/`Principal` are written, for findings about a missing value. */
  actionLoc?: SourceLocation;
  /** Every key of the statement and of its Condition is known. */
  complete: boolean;
  /**
   * Whom and what the statement is about is known: its Effect, its actions and its principals.
   * A statement that is not decided may or may not admit anyone: no "nobody is admitted" claim.
   */
  decided: boolean;
}

export interface Principal {
  /** AWS, Federated, Service, CanonicalUser, or "*" for `Principal: "*"`. */
  type: string;
  value: Value;
}

export interface Condition {
  operator: Value;
  key: Value;
  values: Value[];
  /** Location of the key (and operator) in the source. */
  loc: SourceLocation;
  valuesLoc: SourceLocation;
}

/** Reads a located Value shaped like IAM JSON. Anything not known stays unknown, never guessed. */
export function readPolicyDocument(v: Value): PolicyDocument {
  if (v.kind !== "object") return { loc: v.loc, statements: [], complete: false, gap: firstUnknown(v) };
  const raw = getEntryLoose(v, "Statement");
  if (!raw) return { loc: v.loc, statements: [], complete: true };
  const complete = raw.kind === "list" || raw.kind === "object";
  const statements = asItems(raw)
    .filter((s): s is ObjectValue => s.kind === "object")
    .map((s, index) => readStatement(s, index));
  const unread = complete ? asItems(raw).find((s) => s.kind !== "object") : raw;
  return { loc: v.loc, statements, complete: !unread, ...(unread ? { gap: firstUnknown(unread) } : {}) };
}

function readStatement(s: ObjectValue, index: number): Statement {
  const get = (k: string) => getEntryLoose(s, k);
  const principal = get("Principal");
  const notPrincipal = get("NotPrincipal");
  const conditions = readConditions(get("Condition"));
  const unknownParts = [...s.entries.keys()].some((k) => k.startsWith("\u0000"));
  const principals = readPrincipals(principal);
  const notPrincipals = readPrincipals(notPrincipal);
  const actions = asItems(get("Action"));
  const notActions = asItems(get("NotAction"));
  const known = (v: Value) => knownString(v) !== undefined;
  const decided =
    known(get("Effect") ?? str("Allow", s.loc)) &&
    [principal, notPrincipal].every((p) => p === undefined || p.kind === "object" || p.kind === "string") &&
    [...principals, ...notPrincipals].every((p) => known(p.value) || namesOne(p)) &&
    [get("Action"), get("NotAction")].every((a) => a === undefined || a.kind === "list" || known(a)) &&
    [...actions, ...notActions].every(known);
  return {
    loc: s.loc,
    index,
    sid: knownString(get("Sid")),
    effect: get("Effect"),
    actions,
    notActions,
    resources: asItems(get("Resource")),
    notResources: asItems(get("NotResource")),
    principals,
    notPrincipals,
    conditions: conditions.conditions,
    actionLoc: (get("Action") ?? get("NotAction"))?.loc,
    complete: !unknownParts && conditions.complete && [principal, get("Condition")].every((p) => p === undefined || p.kind === "object" || p.kind === "string"),
    decided: decided && !unknownParts,
  };
}

/**
 * A principal whose text is partly unknown still names one principal when it is a Federated
 * provider's ARN built from a known host, or an attribute of a declared provider
 * (`aws_iam_openid_connect_provider.eks.arn`): whom the statement is about is decided.
 */
function namesOne(p: Principal): boolean {
  if (p.type !== "Federated") return false;
  if (p.value.origin) return true;
  return p.value.kind === "template" && p.value.parts.some((x) => typeof x === "string" && x.includes("oidc-provider/"));
}

function readPrincipals(v: Value | undefined): Principal[] {
  if (!v) return [];
  // Only the text "*" is everyone; a principal not known is nobody in particular, never "*".
  if (v.kind !== "object") return knownString(v) === "*" ? [{ type: "*", value: v }] : [];
  const out: Principal[] = [];
  for (const [type, ids] of v.entries) for (const value of asItems(ids)) out.push({ type, value });
  return out;
}

function readConditions(v: Value | undefined): { conditions: Condition[]; complete: boolean } {
  if (!v) return { conditions: [], complete: true };
  if (v.kind !== "object") return { conditions: [], complete: false };
  const conditions: Condition[] = [];
  let complete = true;
  for (const [op, inner] of v.entries) {
    if (op.startsWith("\u0000") && !v.keyValues?.has(op)) complete = false;
    if (inner.kind !== "object") {
      complete = false;
      continue;
    }
    const operator = v.keyValues?.get(op) ?? str(op, v.keyLocs.get(op) ?? inner.loc);
    for (const [key, values] of inner.entries) {
      const keyValue = inner.keyValues?.get(key) ?? str(key, inner.keyLocs.get(key) ?? values.loc);
      conditions.push({ operator, key: keyValue, values: asItems(values), loc: inner.keyLocs.get(key) ?? values.loc, valuesLoc: values.loc });
    }
  }
  return { conditions, complete };
}
