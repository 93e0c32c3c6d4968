import { and, anyTri, globMatches, matchValue, not, or, type Tri } from "../core/match.js";
import { memoised } from "../core/collections.js";
import { knownString, str, type UnknownValue, type Value } from "../core/value.js";
import type { Condition, PolicyDocument, Principal, Statement } from "./document.js";

/**
 * IAM's evaluation of a trust policy for one web-identity token, three-valued: "maybe" wherever a
 * part of the policy or of the request is not known. Semantics from AWS's IAM reference (policy
 * evaluation logic, condition operators, single- and multivalued context keys) and checked against
 * an IAM policy simulator in test/trust-oracle.test.ts:
 * - an explicit Deny that applies refuses the request whatever the Allows say;
 * - condition keys are matched case-insensitively, values case-sensitively but for `IgnoreCase`;
 * - the values of one key are ORed, or NORed by a negated operator; keys and operators are ANDed;
 * - a key absent from the request makes a condition false, a negated one true, `IfExists` and
 *   `ForAllValues:` true, `Null: true` true.
 */

/** The claims of the token: a value, or undefined when the question leaves it open. */
export interface TokenRequest {
  action: string;
  /** The token's issuer as a Federated principal ARN; by default each provider the IRSA statements name. */
  provider?: string;
  sub?: string;
  aud?: string;
}

export type Claim = "sub" | "aud";

/** The token claim a condition key names (`<issuer>:sub`, any case), if it is one. */
export function claimOf(key: Value): Claim | "other" | undefined {
  const text = key.kind === "string" ? key.value : key.kind === "template" ? lastText(key.parts) : undefined;
  if (text === undefined) return undefined;
  const m = /:(sub|aud)$/i.exec(text);
  if (m) return m[1].toLowerCase() as Claim;
  // A key whose text is partly unknown but ends otherwise may still be any key.
  return key.kind === "string" ? "other" : undefined;
}

function lastText(parts: Array<string | UnknownValue>): string | undefined {
  const last = parts[parts.length - 1];
  return typeof last === "string" ? last : undefined;
}

/** The conditions of a statement on one claim. */
export function conditionsOn(s: Statement, claim: Claim): readonly Condition[] {
  return claimConditions(s)[claim];
}

/** Every rule asks about the same statements: their conditions by claim, sorted out once. */
const claimConditions = memoised((s: Statement): Record<Claim, readonly Condition[]> => ({
  sub: s.conditions.filter((c) => claimOf(c.key) === "sub"),
  aud: s.conditions.filter((c) => claimOf(c.key) === "aud"),
}));

interface Operator {
  base: string;
  negated: boolean;
  ignoreCase: boolean;
  glob: boolean;
  ifExists: boolean;
  qualifier?: "ForAnyValue" | "ForAllValues";
}

const STRING_OPERATORS = /^String(Not)?(Equals|EqualsIgnoreCase|Like)$/;

export function parseOperator(text: string): Operator | undefined {
  if (operators.has(text)) return operators.get(text);
  const op = readOperator(text);
  operators.set(text, op);
  return op;
}

/** Operators by their text: a policy set names a handful, and evaluation asks about each many times. */
const operators = new Map<string, Operator | undefined>();

function readOperator(text: string): Operator | undefined {
  const m = /^(?:(ForAnyValue|ForAllValues):)?(.+?)(IfExists)?$/.exec(text);
  if (!m) return undefined;
  const base = m[2];
  const s = STRING_OPERATORS.exec(base);
  if (!s && base !== "Null") return undefined;
  return {
    base,
    negated: !!s?.[1],
    ignoreCase: s?.[2] === "EqualsIgnoreCase",
    glob: s?.[2] === "Like",
    ifExists: !!m[3],
    qualifier: m[1] as Operator["qualifier"],
  };
}

/** Whether a condition holds for the token. */
export function conditionHolds(c: Condition, request: TokenRequest): Tri {
  const { op, claim } = readCondition(c);
  // Another key (aws:SourceIp, a tag, another claim): what the request carries for it is not known.
  if (!op || !claim || claim === "other") return "maybe";
  if (op.base === "Null") {
    if (op.qualifier || op.ifExists) return "maybe";
    // Token claims are always present: `Null: false` holds, `Null: true` does not.
    return anyTri(c.values.map((v) => (knownString(v) === undefined ? "maybe" : knownString(v) === "false" ? "yes" : "no")));
  }
  const actual = request[claim];
  if (actual === undefined) return "maybe";
  // The claims are single-valued and present: ForAnyValue/ForAllValues and IfExists change nothing.
  const matched = anyTri(c.values.map((v) => valueMatches(v, actual, op)));
  return op.negated ? not(matched) : matched;
}

/** A condition's operator and claim, read once: rules evaluate the same conditions for many tokens. */
const readCondition = memoised((c: Condition): { op?: Operator; claim?: Claim | "other" } => {
  const text = knownString(c.operator);
  return { op: text === undefined ? undefined : parseOperator(text), claim: claimOf(c.key) };
});

function valueMatches(v: Value, actual: string, op: Operator): Tri {
  const known = knownString(v);
  // A policy variable (`${aws:username}`) is replaced at evaluation time with what is not known here.
  if (known?.includes("${") || (v.kind === "template" && v.parts.some((p) => typeof p === "string" && p.includes("${")))) return "maybe";
  if (op.ignoreCase) return known === undefined ? (v.kind === "unknown" ? "maybe" : lowerMatch(v, actual)) : known.toLowerCase() === actual.toLowerCase() ? "yes" : "no";
  return matchValue(v, actual, op.glob);
}

function lowerMatch(v: Value, actual: string): Tri {
  if (v.kind !== "template") return "no";
  const lowered = { ...v, parts: v.parts.map((p) => (typeof p === "string" ? p.toLowerCase() : p)) };
  return matchValue(lowered, actual.toLowerCase());
}


/** Whether a statement's Action/NotAction covers `action` (IAM action names ignore case). */
export function actionApplies(s: Statement, action: string): Tri {
  if (s.actions.length) return namesAction(s.actions, action);
  if (s.notActions.length) return not(namesAction(s.notActions, action));
  return "maybe";
}

/** Whether one of the action patterns matches `action`. */
function namesAction(patterns: Value[], action: string): Tri {
  let result: Tri = "no";
  for (const v of patterns) {
    const pattern = knownString(v);
    if (pattern === undefined) result = "maybe";
    else if (globMatches(pattern, action, true)) return "yes";
  }
  return result;
}

/** Whether all of a statement's conditions hold (each evaluated until one fails). */
export function conditionsHold(s: Statement, request: TokenRequest): Tri {
  let result: Tri = s.complete ? "yes" : "maybe";
  for (const c of s.conditions) {
    result = and(result, conditionHolds(c, request));
    if (result === "no") break;
  }
  return result;
}

/**
 * Whether a statement of this effect applies to the request, test by test, cheapest first: a
 * test that fails spares the ones after it (rules ask this thousands of times).
 */
function statementApplies(s: Statement, effect: "Allow" | "Deny", provider: Value | undefined, request: TokenRequest): Tri {
  let result = effectIs(s, effect);
  if (result !== "no") result = and(result, principalApplies(s, provider));
  if (result !== "no") result = and(result, actionApplies(s, request.action));
  if (result !== "no") result = and(result, conditionsHold(s, request));
  return result;
}

/** Why a request is refused or admitted, for messages. */
export interface Verdict {
  admitted: Tri;
  /** A Deny statement that certainly applies. */
  deny?: Statement;
  /** An Allow statement that certainly applies. */
  allow?: Statement;
}

/**
 * Whether the trust admits the token of one of the OIDC providers `allows` (its IRSA statements)
 * name: some statement allows it and none denies it. Every statement of the document takes part:
 * a Deny, an Allow to `"*"`, a statement not known, or a statement list not known in full.
 */
export function evaluateTrust(doc: PolicyDocument, allows: Statement[], request: TokenRequest): Verdict {
  // No statement names the cluster's provider: only one open to every principal could admit its token.
  if (allows.length === 0 && closed(doc)) return { admitted: "no" };
  // A statement list not known in full may hold an Allow or a Deny of anything.
  const unseen: Tri = doc.complete ? "no" : "maybe";
  let best: Verdict = { admitted: "no" };
  for (const provider of request.provider ? [str(request.provider, doc.loc)] : providersOf(allows)) {
    let allowed: Tri = unseen;
    let denied: Tri = unseen;
    let allow: Statement | undefined;
    let deny: Statement | undefined;
    for (const s of doc.statements) {
      const denies = statementApplies(s, "Deny", provider, request);
      if (denies === "yes") deny ??= s;
      denied = or(denied, denies);
      const admits = statementApplies(s, "Allow", provider, request);
      if (admits === "yes") allow ??= s;
      allowed = or(allowed, admits);
    }
    if (deny) {
      if (best.admitted === "no") best = { admitted: "no", deny };
      continue;
    }
    if (allowed === "yes" && denied === "no") return { admitted: "yes", allow };
    if (allowed !== "no") best = { admitted: "maybe" };
  }
  return best;
}

/** Whether every statement of a document is known and none is open to every principal (once per document). */
const closed = memoised((doc: PolicyDocument): boolean => doc.complete && doc.statements.every((s) => s.decided && !opensToAll(s)));

/**
 * Each OIDC provider the IRSA statements name, once; a token comes from one of them (or, none
 * named, from one not known). Rules pass the same (memoised) statement lists again and again.
 */
const providersOf = memoised((allows: Statement[]): Array<Value | undefined> => {
  const out = new Map<string, Value>();
  allows.forEach((s, i) =>
    s.principals.forEach((p, j) => {
      if (p.type === "Federated") out.set(render(p.value) ?? `\u0001${i}.${j}`, p.value);
    }),
  );
  return out.size ? [...out.values()] : [undefined];
});

function effectIs(s: Statement, effect: "Allow" | "Deny"): Tri {
  // IAM requires Effect; a statement without one is read as an Allow elsewhere in irsa-lint.
  const known = s.effect ? knownString(s.effect) : "Allow";
  return known === undefined ? "maybe" : known === effect ? "yes" : "no";
}

/** An Allow whose principal may be anyone's (`"*"`, NotPrincipal, or not known). */
function opensToAll(s: Statement): boolean {
  return effectIs(s, "Allow") !== "no" && (s.notPrincipals.length > 0 || s.principals.some((p) => p.type === "*" || (p.type === "AWS" && knownString(p.value) === "*")));
}

/** Whether a statement's Principal/NotPrincipal covers the provider (undefined: one not known). */
function principalApplies(s: Statement, provider: Value | undefined): Tri {
  if (s.principals.length) return anyTri(s.principals.map((p) => samePrincipal(p, provider)));
  if (s.notPrincipals.length) return not(anyTri(s.notPrincipals.map((p) => samePrincipal(p, provider))));
  return "maybe";
}

function samePrincipal(p: Principal, provider: Value | undefined): Tri {
  if (p.type === "*") return "yes";
  // An account (`"*"`, an ID, `:root`) stands for its IAM identities; whether AWS counts a web-identity
  // caller of that account among them is not documented, and simulators differ: not decided.
  if (p.type === "AWS") return /^(\*|\d{12}|arn:[^:]+:iam::\d{12}:root)$/.test(knownString(p.value) ?? "*") ? "maybe" : "no";
  if (p.type === "Service" || p.type === "CanonicalUser") return "no";
  // A principal type not known (`{ (local.kind) = ... }`) may be Federated.
  if (p.type !== "Federated") return "maybe";
  return provider ? sameValue(p.value, provider) : "maybe";
}

function sameValue(a: Value, b: Value): Tri {
  const x = knownString(a);
  const y = knownString(b);
  if (x !== undefined && y !== undefined) return x === y ? "yes" : "no";
  return render(a) === render(b) ? "yes" : "maybe";
}

/** A value's text with its unknown parts named by origin: two renderings equal are the same value. */
function render(v: Value): string | undefined {
  if (v.kind === "string") return v.value;
  const origin = (u: Value) => (u.origin ? `\u0000${u.origin.type}.${u.origin.address}.${u.origin.attribute ?? ""}` : undefined);
  if (v.kind === "unknown") return origin(v);
  if (v.kind !== "template") return undefined;
  let out = "";
  for (const p of v.parts) {
    const piece = typeof p === "string" ? p : origin(p);
    if (piece === undefined) return undefined;
    out += piece;
  }
  return out;
}
