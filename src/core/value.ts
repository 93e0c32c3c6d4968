import type { SourceLocation } from "./location.js";

/**
 * A value read from a source file: known with its location, partially known (a string template
 * with unknown parts), or unknown with the reason. Rules never report on what is not known.
 */
export type Value =
  | StringValue
  | NumberValue
  | BoolValue
  | NullValue
  | ListValue
  | ObjectValue
  | TemplateValue
  | UnknownValue;

interface Located {
  loc: SourceLocation;
  /**
   * What the value is an attribute of, when it comes from a declared object: "the ARN of
   * aws_iam_role.app" links exactly even when the ARN's text is not known.
   */
  origin?: Origin;
}

/** The declared object an attribute value belongs to. */
export interface Origin {
  /** Instance address (`module.a.aws_iam_role.b[0]`; `[*]` for an instance whose key is not known). */
  address: string;
  /** Resource type (`aws_iam_role`), `data.<type>`, or `module:<source>` for an output of a module irsa-lint does not evaluate. */
  type: string;
  attribute?: string;
}

export interface StringValue extends Located {
  kind: "string";
  value: string;
  /** The structured value this string is the JSON encoding of (jsonencode, policy documents). */
  json?: Value;
  /**
   * Set when the text stands in a file from `offset` on as `text`, which parses as the same JSON
   * as `value`: offsets into `text` map back to the file.
   */
  verbatimFrom?: { file: string; offset: number; text: string };
  /** A YAML block scalar's text: each of its lines stands this many columns in from `loc.column`'s line start. */
  blockIndent?: number;
  /**
   * A template's rendering that kept the template's lines (`blockIndent` 0 from line 1): the
   * template's lines as written, so a position on a line the rendering changed is put at that
   * line's first column of text, never at a column of the rendered text.
   */
  templateLines?: string[];
}
export interface NumberValue extends Located {
  kind: "number";
  value: number;
}
export interface BoolValue extends Located {
  kind: "bool";
  value: boolean;
}
export interface NullValue extends Located {
  kind: "null";
}
export interface ListValue extends Located {
  kind: "list";
  items: Value[];
}
export interface ObjectValue extends Located {
  kind: "object";
  entries: Map<string, Value>;
  keyLocs: Map<string, SourceLocation>;
  /** Keys that are not fully known (Terraform `"${local.issuer}:sub" = ...`), by their map key. */
  keyValues?: Map<string, Value>;
  /** Set on Terraform resource objects: attributes not listed are computed at apply, so unknown. */
  openReason?: string;
  /** The declared resource such an object is: its attributes computed at apply keep it as their origin. */
  openOrigin?: Omit<Origin, "attribute">;
}
/** A string whose known parts are literal text and whose other parts are unknown. */
export interface TemplateValue extends Located {
  kind: "template";
  parts: Array<string | UnknownValue>;
  /** As on StringValue: the structure this (partly unknown) JSON text encodes. */
  json?: Value;
  /** As on StringValue. */
  blockIndent?: number;
}
export interface UnknownValue extends Located {
  kind: "unknown";
  reason: string;
  /** An evaluation error rather than a value not known before apply: `try()` moves past it. */
  error?: boolean;
  /** The text of a placeholder this stands for in a manifest (`${CARTS_IAM_ROLE}`), which a substitution may fill. */
  placeholder?: string;
  /**
   * A collection whose elements are not known in number or keys, but each of which is this value
   * (instances of a block with an unknown count or for_each): indexing it yields the element.
   */
  element?: Value;
  /**
   * The values it is one of, when only a condition is not known (`var.prod ? "*" : "s3:GetObject"`):
   * each with the condition under which the code writes it. Rules that judge what the code writes
   * may report a choice, naming its condition; everything else sees an unknown.
   */
  choices?: Choice[];
}

/** One branch of a conditional whose condition is not known. */
export interface Choice {
  value: Value;
  /** `var.prod is true`: when the code writes this value. */
  when: string;
}

/** The value with `origin` set, copied: values are shared (a local is read in many places). */
export function withOrigin<V extends Value>(v: V, origin: Origin): V {
  return { ...v, origin };
}

export const str = (value: string, loc: SourceLocation): StringValue => ({ kind: "string", value, loc });
/**
 * The JSON text of a known value, written out only when something reads it: rules read policy
 * documents through `json`, and most encoded documents are never read as text.
 */
export function jsonText(json: Value, loc: SourceLocation): StringValue {
  let text: string | undefined;
  return {
    kind: "string",
    get value() {
      return (text ??= JSON.stringify(toPlain(json)));
    },
    loc,
    json,
  };
}
/**
 * Whether the JSON text of `json` (as jsonText writes it) is certainly no longer than `limit`,
 * counted without writing it: every character as its longest escape, every number at its longest.
 */
export function jsonFitsIn(json: Value, limit: number): boolean {
  return jsonLengthBound(json, limit) <= limit;
}

/** An upper bound of the JSON text's length, or Infinity once it passes `limit`. */
function jsonLengthBound(json: Value, limit: number): number {
  const quoted = (length: number) => 2 + 6 * length;
  let total = 0;
  const pending: Value[] = [json];
  for (let v = pending.pop(); v; v = pending.pop()) {
    switch (v.kind) {
      case "string":
        // A document encoded inside another: its text is bounded from its structure too.
        total += v.json ? quoted(jsonLengthBound(v.json, (limit - total) / 6)) : quoted(v.value.length);
        break;
      case "number":
        total += 24;
        break;
      case "bool":
      case "null":
        total += 5;
        break;
      case "list":
        total += 2 + v.items.length;
        pending.push(...v.items);
        break;
      case "object":
        total += 2;
        for (const [key, value] of v.entries) {
          total += quoted(key.length) + 2;
          pending.push(value);
        }
        break;
      case "template":
        total += 2;
        for (const p of v.parts) total += 6 * (typeof p === "string" ? p.length : 4);
        break;
      case "unknown":
        total += quoted(4);
        break;
    }
    if (total > limit) return Infinity;
  }
  return total;
}

export const num = (value: number, loc: SourceLocation): NumberValue => ({ kind: "number", value, loc });
export const bool = (value: boolean, loc: SourceLocation): BoolValue => ({ kind: "bool", value, loc });
export const nul = (loc: SourceLocation): NullValue => ({ kind: "null", loc });
export const list = (items: Value[], loc: SourceLocation): ListValue => ({ kind: "list", items, loc });
export const unknown = (reason: string, loc: SourceLocation): UnknownValue => ({ kind: "unknown", reason, loc });

export function obj(
  entries: Map<string, Value>,
  loc: SourceLocation,
  keyLocs: Map<string, SourceLocation> = new Map(),
): ObjectValue {
  return { kind: "object", entries, loc, keyLocs };
}

export function isKnown(v: Value): boolean {
  switch (v.kind) {
    case "unknown":
    case "template":
      return false;
    case "list":
      return v.items.every(isKnown);
    case "object":
      return [...v.entries.values()].every(isKnown);
    default:
      return true;
  }
}

/** The first unknown inside a value, to explain why something could not be checked. */
export function firstUnknown(v: Value): UnknownValue | undefined {
  switch (v.kind) {
    case "unknown":
      return v;
    case "template":
      return v.parts.find((p): p is UnknownValue => typeof p !== "string");
    case "list":
      for (const item of v.items) {
        const u = firstUnknown(item);
        if (u) return u;
      }
      return undefined;
    case "object":
      for (const item of v.entries.values()) {
        const u = firstUnknown(item);
        if (u) return u;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** A known scalar as the string IAM and Kubernetes would see; undefined when not known. */
export function knownString(v: Value | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === "string") return v.value;
  if (v.kind === "number") return String(v.value);
  if (v.kind === "bool") return String(v.value);
  return undefined;
}

/** IAM accepts a string or a list of strings in most places: this flattens both. */
export function asItems(v: Value | undefined): Value[] {
  if (!v || v.kind === "null") return [];
  if (v.kind === "list") return v.items;
  return [v];
}

export function getEntry(v: Value | undefined, key: string): Value | undefined {
  return v?.kind === "object" ? v.entries.get(key) : undefined;
}

/** Like getEntry, but IAM element names are matched case-sensitively first, then insensitively. */
export function getEntryLoose(v: Value | undefined, key: string): Value | undefined {
  if (v?.kind !== "object") return undefined;
  const exact = v.entries.get(key);
  if (exact) return exact;
  const lower = key.toLowerCase();
  // Absent elements (NotAction, Sid, ...) are the common miss: compare lengths before case.
  for (const [k, val] of v.entries) if (k.length === key.length && k.toLowerCase() === lower) return val;
  return undefined;
}

/** Converts a known value into plain JSON data (for tests, JSON output and jsonencode). */
export function toPlain(v: Value): unknown {
  switch (v.kind) {
    case "string":
    case "number":
    case "bool":
      return v.value;
    case "null":
      return null;
    case "list":
      return v.items.map(toPlain);
    case "object":
      return Object.fromEntries([...v.entries].map(([k, val]) => [k, toPlain(val)]));
    case "template":
      return v.parts.map((p) => (typeof p === "string" ? p : "${?}")).join("");
    case "unknown":
      return "${?}";
  }
}

export function describeValue(v: Value): string {
  const plain = toPlain(v);
  return typeof plain === "string" ? plain : JSON.stringify(plain);
}

/**
 * A value as a person reads it in a report: known text as it is, an unknown part as the reference
 * it came from (`${module.eks.oidc_provider_arn}`), the placeholder written there, or `${…}`.
 */
export function displayValue(v: Value): string {
  const part = (u: UnknownValue) => (u.origin ? `\${${u.origin.address}${u.origin.attribute ? `.${u.origin.attribute}` : ""}}` : (u.placeholder ?? "${…}"));
  switch (v.kind) {
    case "template":
      return v.parts.map((p) => (typeof p === "string" ? p : part(p))).join("");
    case "unknown":
      return part(v);
    case "string":
      return v.value;
    default:
      return describeValue(v);
  }
}
