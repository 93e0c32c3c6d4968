import { RE2JS } from "re2js";
import type { SourceLocation } from "../core/location.js";
import { bool, firstUnknown, isKnown, jsonText, list, num, obj, str, toPlain, unknown, type Value } from "../core/value.js";
import { LIMITS, type Budget } from "./budget.js";
import type { FileTaint } from "./taint.js";
import { asText, failure, isFailure } from "./convert.js";
import { ENCODING_FUNCTIONS, UNEVALUATED_FUNCTIONS } from "./encoding-functions.js";

/** What functions need from outside: reading files relative to the module, inside the scanned tree. */
export interface FunctionHost {
  readFile(path: string, loc: SourceLocation): { text: string; file: string } | { error: string };
  /** Parses JSON text read from `file` with positions, for jsondecode and file(). */
  parseJson(text: string, file: string, loc: SourceLocation, verbatim?: { file: string; offset: number; text: string }): Value;
  templateFile(path: string, vars: Value, loc: SourceLocation): Value;
  /** The evaluating root's budget, which templates rendered by templatefile() share. */
  budget?: Budget;
  /** Tracks strings computed from file text, which messages never quote whole. */
  taint?: FileTaint;
}

/** Functions whose result is a structure, not text: decoding a policy read by file() is not tracked. */
const DECODERS = new Set(["jsondecode", "yamldecode"]);

/** A function asked to build a value past irsa-lint's limits (`format("%500000000s")`). */
class TooLarge extends Error {}

type Arg = () => Value;
type Impl = (args: Value[], loc: SourceLocation, host: FunctionHost) => Value;

const texts = (args: Value[]) => args.map(asText);

function strict(impl: Impl): Impl {
  // A function of an unknown argument is unknown. Unknown elements inside a known collection
  // pass through (as in Terraform), so concat() or jsonencode() of a partly known list keeps the rest.
  return (args, loc, host) => {
    for (const a of args) {
      // What it was computed from stays known: `replace(<cluster issuer>, "https://", "")` is still the issuer.
      if (a.kind === "unknown") return a.error ? a : { ...unknown(a.reason, loc), ...(a.origin ? { origin: a.origin } : {}) };
      if (a.kind === "template") {
        const part = firstUnknown(a);
        return { ...unknown(part?.reason ?? "argument not known", loc), ...(part?.origin ? { origin: part.origin } : {}) };
      }
    }
    return impl(args, loc, host);
  };
}

function stringFn(f: (...s: string[]) => string): Impl {
  return strict((args, loc) => {
    const t = texts(args);
    return t.some((x) => x === undefined) ? failure("expects strings", loc) : str(f(...(t as string[])), loc);
  });
}

function listOf(v: Value): Value[] | undefined {
  return v.kind === "list" ? v.items : undefined;
}

/**
 * Terraform's regular expressions are Go's RE2: matched here by RE2's own algorithm (re2js), in
 * time linear in the text, where JavaScript's engine backtracks exponentially on `(a+)+$`.
 */
function regexReplace(text: string, pattern: string, replacement: string): string {
  const matcher = RE2JS.compile(pattern).matcher(text);
  let out = "";
  let last = 0;
  while (matcher.find()) {
    out += text.slice(last, matcher.start()) + expandGo(replacement, matcher);
    last = matcher.end();
  }
  return out + text.slice(last);
}

/** Go's regexp Expand: `$1`, `$name`, `${name}`, `$$`; a group that does not exist is empty. */
function expandGo(template: string, matcher: { group(g: number | string): string | null }): string {
  return template.replace(/\$(\$|\{([^}]*)\}|[A-Za-z0-9_]+)/g, (_, name: string, braced?: string) => {
    if (name === "$") return "$";
    const group = braced ?? name;
    try {
      return matcher.group(/^\d+$/.test(group) ? Number(group) : group) ?? "";
    } catch {
      return "";
    }
  });
}

const FUNCTIONS: Record<string, Impl> = {
  jsonencode: strict(([v], loc) => {
    // The text of a partly known document is not known, but its structure is: keep it for rules.
    if (isKnown(v)) return jsonText(v, loc);
    return { kind: "template", parts: [firstUnknown(v) ?? unknown("part of the document is not known", loc)], json: v, loc };
  }),
  // JSON is YAML: yamlencode's text differs from Terraform's, but its structure is the same.
  yamlencode: (args, loc, host) => FUNCTIONS.jsonencode(args, loc, host),
  jsondecode: ([v], loc, host) => {
    if ((v.kind === "string" || v.kind === "template") && v.json) return v.json;
    if (v.kind === "unknown" || v.kind === "template") return unknown(firstUnknown(v)?.reason ?? "not known", loc);
    if (v.kind !== "string") return failure("jsondecode expects a string", loc);
    return host.parseJson(v.value, loc.file, loc, v.verbatimFrom);
  },
  format: strict(([f, ...rest], loc) => {
    const fmt = asText(f);
    if (fmt === undefined) return failure("format expects a string", loc);
    let i = 0;
    const out = fmt.replace(/%(%|([-0]*)(\d*)(?:\.(\d+))?([sdvqft]))/g, (m, all: string, flags: string, width: string, _precision, verb: string) => {
      if (all === "%") return "%";
      const v = rest[i++];
      if (!v) return m;
      let text = asText(v) ?? JSON.stringify(toPlain(v));
      if (verb === "q") text = JSON.stringify(text);
      const w = Number(width || 0);
      if (w > LIMITS.stringLength) throw new TooLarge();
      if (flags.includes("-")) return text.padEnd(w);
      return flags.includes("0") && verb === "d" ? text.padStart(w, "0") : text.padStart(w);
    });
    return str(out, loc);
  }),
  replace: stringFn((s, search, repl) => {
    if (search.length > 1 && search.startsWith("/") && search.endsWith("/")) return regexReplace(s, search.slice(1, -1), repl);
    return s.split(search).join(repl);
  }),
  lower: stringFn((s) => s.toLowerCase()),
  upper: stringFn((s) => s.toUpperCase()),
  trimprefix: stringFn((s, p) => (s.startsWith(p) ? s.slice(p.length) : s)),
  trimsuffix: stringFn((s, p) => (p && s.endsWith(p) ? s.slice(0, -p.length) : s)),
  trimspace: stringFn((s) => s.trim()),
  trim: stringFn((s, chars) => {
    const set = new Set(chars);
    let a = 0;
    let b = s.length;
    while (a < b && set.has(s[a])) a++;
    while (b > a && set.has(s[b - 1])) b--;
    return s.slice(a, b);
  }),
  substr: strict(([s, o, l], loc) => {
    const text = asText(s) ?? "";
    const offset = Number(asText(o));
    const length = Number(asText(l));
    const start = offset < 0 ? text.length + offset : offset;
    return str(length < 0 ? text.slice(start) : text.slice(start, start + length), loc);
  }),
  tostring: strict(([v], loc) => (asText(v) !== undefined ? str(asText(v)!, loc) : v.kind === "null" ? v : failure("tostring expects a primitive", loc))),
  tonumber: strict(([v], loc) => (Number.isNaN(Number(asText(v))) ? failure("not a number", loc) : num(Number(asText(v)), loc))),
  tobool: strict(([v], loc) => (asText(v) === "true" || asText(v) === "false" ? bool(asText(v) === "true", loc) : failure("not a bool", loc))),
  join: strict(([sep, ...lists], loc) => {
    const items = lists.flatMap((l) => listOf(l) ?? []);
    const t = items.map(asText);
    return t.some((x) => x === undefined) ? failure("join expects strings", loc) : str(t.join(asText(sep) ?? ""), loc);
  }),
  split: strict(([sep, s], loc) => list((asText(s) ?? "").split(asText(sep) ?? "").map((p) => str(p, loc)), loc)),
  concat: strict((args, loc) => list(args.flatMap((a) => listOf(a) ?? []), loc)),
  flatten: strict(([v], loc) => {
    const flat = (x: Value): Value[] => (x.kind === "list" ? x.items.flatMap(flat) : [x]);
    return list(flat(v), loc);
  }),
  distinct: strict(([v], loc) => {
    const seen = new Set<string>();
    return list((listOf(v) ?? []).filter((x) => !seen.has(JSON.stringify(toPlain(x))) && !!seen.add(JSON.stringify(toPlain(x)))), loc);
  }),
  compact: strict(([v], loc) => list((listOf(v) ?? []).filter((x) => x.kind !== "null" && asText(x) !== ""), loc)),
  merge: strict((args, loc) => {
    const entries = new Map<string, Value>();
    const keyLocs = new Map<string, SourceLocation>();
    for (const a of args) if (a.kind === "object") for (const [k, v] of a.entries) entries.set(k, v), keyLocs.set(k, a.keyLocs.get(k) ?? a.loc);
    return obj(entries, loc, keyLocs);
  }),
  keys: strict(([v], loc) => (v.kind === "object" ? list([...v.entries.keys()].sort().map((k) => str(k, v.keyLocs.get(k) ?? loc)), loc) : failure("keys expects a map", loc))),
  values: strict(([v], loc) => (v.kind === "object" ? list([...v.entries.keys()].sort().map((k) => v.entries.get(k)!), loc) : failure("values expects a map", loc))),
  length: strict(([v], loc) => {
    if (v.kind === "list") return num(v.items.length, loc);
    if (v.kind === "object") return num(v.entries.size, loc);
    const t = asText(v);
    return t === undefined ? failure("length of a non-collection", loc) : num([...t].length, loc);
  }),
  element: strict(([l, i], loc) => {
    const items = listOf(l);
    const n = Number(asText(i));
    return items && items.length ? items[n % items.length] : failure("element of an empty list", loc);
  }),
  contains: strict(([l, v], loc) => bool((listOf(l) ?? []).some((x) => JSON.stringify(toPlain(x)) === JSON.stringify(toPlain(v))), loc)),
  startswith: stringFn((s, p) => String(s.startsWith(p))),
  endswith: stringFn((s, p) => String(s.endsWith(p))),
  one: strict(([l], loc) => {
    const items = listOf(l) ?? [];
    return items.length === 0 ? { kind: "null", loc } : items.length === 1 ? items[0] : failure("one() of more than one element", loc);
  }),
  toset: (args, loc, host) => FUNCTIONS.distinct(args, loc, host),
  tolist: strict(([v]) => v),
  tomap: strict(([v]) => v),
  file: strict(([p], loc, host) => {
    const path = asText(p);
    if (path === undefined) return failure("file expects a path", loc);
    const read = host.readFile(path, loc);
    if ("error" in read) return unknown(read.error, loc);
    const value = str(read.text, loc);
    value.verbatimFrom = { file: read.file, offset: 0, text: read.text };
    return host.taint ? host.taint.mark(value) : value;
  }),
};

/** Functions that decide themselves which arguments to evaluate (try, can, coalesce, ...). */
type LazyImpl = (args: Arg[], loc: SourceLocation, host: FunctionHost) => Value;

const LAZY_FUNCTIONS: Record<string, LazyImpl> = {
  templatefile: ([p, vars], loc, host) => {
    const path = asText(p());
    return path === undefined ? unknown("templatefile path not known", loc) : host.templateFile(path, vars(), loc);
  },
  lookup: ([m, k, d], loc) => {
    const map = m();
    const key = asText(k());
    if (map.kind === "unknown") return map;
    if (map.kind !== "object" || key === undefined) return unknown("lookup on a value not known", loc);
    return map.entries.get(key) ?? (d ? d() : failure(`lookup: no key ${key}`, loc));
  },
  try: (args, loc) => {
    for (const a of args) {
      const v = a();
      if (!isFailure(v)) return v;
    }
    return failure("no try() argument succeeded", loc);
  },
  can: ([a], loc) => {
    const v = a();
    return v.kind === "unknown" && !v.error ? unknown(v.reason, loc) : bool(!isFailure(v), loc);
  },
  coalesce: (args, loc) => {
    for (const a of args) {
      const v = a();
      // A string with known, non-empty text is neither null nor empty, whatever its unknown parts.
      if (v.kind === "template" && v.parts.some((p) => typeof p === "string" && p !== "")) return v;
      if (v.kind === "unknown" || v.kind === "template") return unknown("coalesce of a value not known", loc);
      if (v.kind !== "null" && asText(v) !== "") return v;
    }
    return failure("coalesce: no non-null argument", loc);
  },
  coalescelist: (args, loc) => {
    for (const a of args) {
      const v = a();
      if (v.kind === "unknown") return unknown("coalescelist of a value not known", loc);
      if (v.kind === "list" && v.items.length) return v;
    }
    return failure("coalescelist: no non-empty list", loc);
  },
};

/**
 * A text function applied to the known parts of a partly known string: `indent(8, templatefile(...))`
 * of a values file whose role ARN is not known keeps every other line of it.
 */
function textParts(f: (s: string, first: boolean, last: boolean) => string): Impl {
  return (args, loc) => {
    const v = args[args.length - 1];
    if (v.kind === "string") return str(f(v.value, true, true), loc);
    if (v.kind !== "template") return v.kind === "unknown" ? unknown(v.reason, loc) : failure("expects a string", loc);
    const parts = v.parts.map((p, i) => (typeof p === "string" ? f(p, i === 0, i === v.parts.length - 1) : p));
    return { kind: "template", parts, loc };
  };
}

/** More functions IAM and EKS code calls, each as Terraform defines it. */
Object.assign(FUNCTIONS, {
  indent: (args: Value[], loc: SourceLocation, host: FunctionHost) => {
    const n = Number(asText(args[0]));
    if (!Number.isInteger(n) || n < 0 || n > 1000) return failure("indent expects a number of spaces", loc);
    return textParts((s) => s.replace(/\n/g, `\n${" ".repeat(n)}`))(args, loc, host);
  },
  chomp: textParts((s, _first, last) => (last ? s.replace(/(\r?\n)+$/, "") : s)),
  basename: stringFn((p) => p.replace(/\/+$/, "").split("/").pop() ?? ""),
  dirname: stringFn((p) => (p.includes("/") ? p.replace(/\/[^/]*$/, "") || "/" : ".")),
  title: stringFn((s) => s.replace(/\b\w/g, (c) => c.toUpperCase())),
  strrev: stringFn((s) => [...s].reverse().join("")),
  regex: strict(([p, s], loc) => regexMatch(asText(p), asText(s), loc, false)),
  regexall: strict(([p, s], loc) => regexMatch(asText(p), asText(s), loc, true)),
  range: strict((args, loc) => {
    const n = args.map((a) => Number(asText(a)));
    const [start, end, step] = n.length === 1 ? [0, n[0], 1] : [n[0], n[1], n[2] ?? (n[1] >= n[0] ? 1 : -1)];
    if (!Number.isFinite(start) || !Number.isFinite(end) || !Number.isFinite(step) || step === 0) return failure("range expects numbers and a non-zero step", loc);
    if (Math.abs((end - start) / step) > LIMITS.collectionSize) throw new TooLarge();
    const items: Value[] = [];
    for (let x = start; step > 0 ? x < end : x > end; x += step) items.push(num(x, loc));
    return list(items, loc);
  }),
  zipmap: strict(([k, v], loc) => {
    const keys = listOf(k);
    const values = listOf(v);
    if (!keys || !values || keys.length !== values.length) return failure("zipmap expects two lists of one length", loc);
    const entries = new Map<string, Value>();
    keys.forEach((key, i) => entries.set(asText(key) ?? "", values[i]));
    return obj(entries, loc);
  }),
  formatlist: strict((args, loc, host) => {
    const lists = args.slice(1).map(listOf);
    const n = Math.max(0, ...lists.map((l) => l?.length ?? 0));
    if (!lists.some((l) => l)) return failure("formatlist expects a list argument", loc);
    const rows = Array.from({ length: n }, (_, i) => FUNCTIONS.format([args[0], ...args.slice(1).map((a, j) => lists[j]?.[i] ?? a)], loc, host));
    return list(rows, loc);
  }),
  sort: strict(([l], loc) => list([...(listOf(l) ?? [])].sort((a, b) => ((asText(a) ?? "") < (asText(b) ?? "") ? -1 : 1)), loc)),
  reverse: strict(([l], loc) => list([...(listOf(l) ?? [])].reverse(), loc)),
  slice: strict(([l, a, b], loc) => list((listOf(l) ?? []).slice(Number(asText(a)), Number(asText(b))), loc)),
  alltrue: strict(([l], loc) => bool((listOf(l) ?? []).every((x) => asText(x) === "true"), loc)),
  anytrue: strict(([l], loc) => bool((listOf(l) ?? []).some((x) => asText(x) === "true"), loc)),
  max: strict((args, loc) => num(Math.max(...args.flatMap((a) => listOf(a) ?? [a]).map((a) => Number(asText(a)))), loc)),
  min: strict((args, loc) => num(Math.min(...args.flatMap((a) => listOf(a) ?? [a]).map((a) => Number(asText(a)))), loc)),
} satisfies Record<string, Impl>);

for (const [name, impl] of Object.entries(ENCODING_FUNCTIONS)) FUNCTIONS[name] = strict(impl);

/** `regex` (the first match) and `regexall` (every match), on RE2 like Terraform. */
function regexMatch(pattern: string | undefined, text: string | undefined, loc: SourceLocation, all: boolean): Value {
  if (pattern === undefined || text === undefined) return failure("regex expects strings", loc);
  const re = RE2JS.compile(pattern);
  const matcher = re.matcher(text);
  const names = Object.keys(re.namedGroups());
  const one = (): Value => {
    if (names.length) return obj(new Map(names.map((n) => [n, str(matcher.group(n) ?? "", loc)])), loc);
    if (re.groupCount() === 0) return str(matcher.group(0) ?? "", loc);
    return list(Array.from({ length: re.groupCount() }, (_, i) => str(matcher.group(i + 1) ?? "", loc)), loc);
  };
  if (!all) return matcher.find() ? one() : failure("regex: no match", loc);
  const found: Value[] = [];
  while (matcher.find()) found.push(one());
  return list(found, loc);
}

export function callFunction(name: string, args: Arg[], loc: SourceLocation, host: FunctionHost): Value {
  const bare = name.replace(/^core::/, "");
  // Own properties only: `constructor()` or `__proto__()` in a configuration names no function.
  const lazy = Object.hasOwn(LAZY_FUNCTIONS, bare) ? LAZY_FUNCTIONS[bare] : undefined;
  const impl = Object.hasOwn(FUNCTIONS, bare) ? FUNCTIONS[bare] : undefined;
  if (!lazy && !impl) {
    // Provider functions (`provider::aws::arn_parse`) and Terraform's others are not evaluated; any other name is no function.
    if (bare.includes("::") || UNEVALUATED_FUNCTIONS.has(bare)) return unknown(`function ${name}() is not evaluated by irsa-lint`, loc);
    return failure(`Terraform has no function ${name}(): the configuration would not plan`, loc);
  }
  const arity = ARITY[bare];
  if (arity && (args.length < arity[0] || args.length > arity[1])) return failure(`${name}() takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]} to ${arity[1]}`} arguments, not ${args.length}`, loc);
  try {
    if (lazy) return lazy(args, loc, host);
    const values = args.map((a) => a());
    const result = impl!(values, loc, host);
    return host.taint && !DECODERS.has(bare) && values.some((v) => host.taint!.has(v)) ? host.taint.spread(result) : result;
  } catch (e) {
    if (e instanceof TooLarge && host.budget) return host.budget.exceeded("stringLength", loc);
    // Terraform rejects such a call (an invalid regular expression, say): an error value, not a crash.
    return failure(`${name}(): ${(e as Error).message}`, loc);
  }
}

/** Argument counts Terraform accepts, for functions whose implementation reads fixed positions. */
const ARITY: Record<string, [number, number]> = {
  jsonencode: [1, 1], yamlencode: [1, 1], jsondecode: [1, 1], format: [1, Infinity], replace: [3, 3],
  lower: [1, 1], upper: [1, 1], trimprefix: [2, 2], trimsuffix: [2, 2], trimspace: [1, 1], trim: [2, 2],
  substr: [3, 3], tostring: [1, 1], tonumber: [1, 1], tobool: [1, 1], join: [2, Infinity], split: [2, 2],
  concat: [0, Infinity], flatten: [1, 1], distinct: [1, 1], compact: [1, 1], merge: [0, Infinity], keys: [1, 1],
  values: [1, 1], length: [1, 1], element: [2, 2], contains: [2, 2], startswith: [2, 2], endswith: [2, 2],
  one: [1, 1], toset: [1, 1], tolist: [1, 1], tomap: [1, 1], file: [1, 1], templatefile: [2, 2],
  lookup: [2, 3], try: [1, Infinity], can: [1, 1], coalesce: [1, Infinity], coalescelist: [1, Infinity],
  basename: [1, 1], dirname: [1, 1], title: [1, 1], strrev: [1, 1], regex: [2, 2], regexall: [2, 2], range: [1, 3],
  zipmap: [2, 2], formatlist: [1, Infinity], sort: [1, 1], reverse: [1, 1], slice: [3, 3], alltrue: [1, 1], anytrue: [1, 1],
  max: [1, Infinity], min: [1, Infinity], indent: [2, 2], chomp: [1, 1], yamldecode: [1, 1], base64decode: [1, 1],
  base64encode: [1, 1], urlencode: [1, 1], csvdecode: [1, 1],
};

