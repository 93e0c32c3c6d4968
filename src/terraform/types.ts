import { bool, list, nul, num, obj, str, type ObjectValue, type Value } from "../core/value.js";
import type { Expr } from "../parse/hcl/ast.js";
import { asText } from "./convert.js";

/**
 * Converts a variable's value to its declared type, as Terraform does before the module sees it:
 * an attribute declared `optional(type[, default])` and omitted by the caller takes its default
 * (null without one), never stays absent for a reference to fail on; attributes the type does not
 * declare are dropped; primitives convert (`"8"` to 8 for a number). Unknown values stay unknown.
 */
export function convertToType(v: Value, type: Expr, evalDefault: (e: Expr) => Value): Value {
  if (v.kind === "unknown" || v.kind === "null") return v;
  if (type.type === "variable") return primitive(v, type.name);
  if (type.type !== "call") return v;
  const [inner] = type.args;
  switch (type.name) {
    case "optional":
      return inner ? convertToType(v, inner, evalDefault) : v;
    case "list":
    case "set":
      return v.kind === "list" && inner ? keep(v, list(v.items.map((i) => convertToType(i, inner, evalDefault)), v.loc)) : v;
    case "tuple":
      if (v.kind !== "list" || inner?.type !== "tuple") return v;
      return keep(v, list(v.items.map((i, n) => (inner.items[n] ? convertToType(i, inner.items[n], evalDefault) : i)), v.loc));
    case "map":
      if (v.kind !== "object" || !inner) return v;
      return keep(v, { ...v, entries: new Map([...v.entries].map(([k, x]) => [k, convertToType(x, inner, evalDefault)])) });
    case "object":
      return v.kind === "object" && inner?.type === "object" ? objectOf(v, inner, evalDefault) : v;
    default:
      return v;
  }
}

function objectOf(v: ObjectValue, type: Extract<Expr, { type: "object" }>, evalDefault: (e: Expr) => Value): Value {
  const entries = new Map<string, Value>();
  const keyLocs = new Map(v.keyLocs);
  for (const item of type.items) {
    const key = item.key.type === "literal" ? String(item.key.value) : item.key.type === "variable" ? item.key.name : undefined;
    if (key === undefined) continue;
    const given = v.entries.get(key);
    const optional = item.value.type === "call" && item.value.name === "optional" ? item.value : undefined;
    if (given && !(given.kind === "null" && optional?.args[1])) entries.set(key, convertToType(given, item.value, evalDefault));
    else if (optional) {
      const fallback = optional.args[1] ? convertToType(evalDefault(optional.args[1]), optional.args[0], evalDefault) : nul(v.loc);
      entries.set(key, fallback);
      keyLocs.set(key, item.loc);
    }
  }
  // Keys not fully known may be any attribute: kept, since dropping them would invent an absence.
  for (const [k, x] of v.entries) if (k.startsWith("\u0000")) entries.set(k, x);
  const out = obj(entries, v.loc, keyLocs);
  if (v.keyValues) out.keyValues = v.keyValues;
  return keep(v, out);
}

function primitive(v: Value, name: string): Value {
  const text = asText(v);
  switch (name) {
    case "string":
      return text !== undefined && v.kind !== "string" ? keep(v, str(text, v.loc)) : v;
    case "number":
      return v.kind === "string" && text !== "" && !Number.isNaN(Number(text)) ? keep(v, num(Number(text), v.loc)) : v;
    case "bool":
      return v.kind === "string" && (text === "true" || text === "false") ? keep(v, bool(text === "true", v.loc)) : v;
    default:
      return v;
  }
}

/** A converted value keeps what it was an attribute of. */
function keep<V extends Value>(from: Value, to: V): V {
  return from.origin ? { ...to, origin: from.origin } : to;
}
