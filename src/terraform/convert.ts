import type { SourceLocation } from "../core/location.js";
import { num, str, unknown, type TemplateValue, type UnknownValue, type Value } from "../core/value.js";

/** An evaluation error: like unknown, but `try()` and `can()` treat it as a failure. */
export function failure(reason: string, loc: SourceLocation): UnknownValue {
  return { ...unknown(reason, loc), error: true };
}

export function isFailure(v: Value): boolean {
  return v.kind === "unknown" && v.error === true;
}

/** Terraform's conversion of a primitive to string, as used by interpolation and string functions. */
export function asText(v: Value): string | undefined {
  if (v.kind === "string") return v.value;
  if (v.kind === "number") return String(v.value);
  if (v.kind === "bool") return String(v.value);
  return undefined;
}

/** The elements of a list, set or object in Terraform's iteration order (objects by key). */
export function iterate(v: Value): Array<[Value, Value]> | undefined {
  if (v.kind === "list") return v.items.map((item, i) => [num(i, item.loc), item]);
  if (v.kind === "object")
    return [...v.entries.keys()].sort().map((k) => [str(k, v.keyLocs.get(k) ?? v.loc), v.entries.get(k)!]);
  return undefined;
}

export function truthy(v: Value): boolean | undefined {
  if (v.kind === "bool") return v.value;
  if (v.kind === "string" && (v.value === "true" || v.value === "false")) return v.value === "true";
  return undefined;
}

/** Concatenates known text and values into a string or a partially known template. */
export function concatText(parts: Array<string | Value>, loc: SourceLocation): Value {
  const out: TemplateValue["parts"] = [];
  for (const p of parts) {
    if (typeof p === "string") out.push(p);
    else if (asText(p) !== undefined) out.push(asText(p)!);
    else if (p.kind === "template") out.push(...p.parts);
    else out.push(p.kind === "unknown" ? p : unknown(`${p.kind} in a string`, p.loc));
  }
  if (out.every((p) => typeof p === "string")) return str(out.join(""), loc);
  return { kind: "template", parts: out, loc };
}
