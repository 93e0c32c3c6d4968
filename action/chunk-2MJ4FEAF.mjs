import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  RE2JS,
  pushTo
} from "./chunk-N7Y6AN5C.mjs";
import {
  InputLimitError,
  LineIndex,
  MAX_FILE_BYTES,
  asItems,
  bool,
  chartServiceAccounts,
  crossplaneInstall,
  emptyDeclarations,
  fileStart,
  firstUnknown,
  getEntry,
  insideRoots,
  isKnown,
  jsonFitsIn,
  jsonText,
  knownString,
  list,
  mergeDeclarations,
  mergeValues,
  nul,
  num,
  obj,
  parseJsonWithPositions,
  parseRenderedYaml,
  readManifestValue,
  relocate,
  require_dist,
  serviceAccountAnnotations,
  str,
  toPlain,
  unknown,
  valuesAt,
  withOrigin,
  yamlMessage,
  yamlToValue
} from "./chunk-NHPH4HMX.mjs";
import {
  __toESM
} from "./chunk-JUKLW5JI.mjs";

// src/terraform/project.ts
import { readdirSync } from "node:fs";
import { posix as posix3, resolve as resolve2 } from "node:path";

// src/terraform/budget.ts
var LIMITS = {
  /** Expressions evaluated per root, modules included: real roots use a few thousand. */
  steps: 1e6,
  /** Expressions evaluated one inside the other (references included), across modules. */
  depth: 250,
  /** Characters in one string value (a policy document read by file() is at most 5 MB). */
  stringLength: 16 * 1024 * 1024,
  /** Elements of one list or map, and instances of one count or for_each. */
  collectionSize: 1e5,
  /** Module instances evaluated per root. */
  moduleInstances: 1e4,
  /**
   * Characters of all the strings functions and templates create in one root: 335 bytes of
   * `format("%15000000s")` and a `for` over 400 elements ask for 6 GB. Real roots create a few MB.
   */
  stringBytes: 64 * 1024 * 1024,
  /** Wall-clock time one root may take, whatever else limits it. */
  milliseconds: 15e3
};
var WHAT = {
  steps: `evaluating this root takes more than ${LIMITS.steps.toLocaleString("en-US")} steps`,
  depth: `expressions and references nest more than ${LIMITS.depth} levels deep`,
  stringLength: `a string would be longer than ${LIMITS.stringLength / 1024 / 1024} MB`,
  collectionSize: `a collection would have more than ${LIMITS.collectionSize.toLocaleString("en-US")} elements`,
  moduleInstances: `the root would evaluate more than ${LIMITS.moduleInstances.toLocaleString("en-US")} module instances`,
  stringBytes: `its functions and templates would create more than ${LIMITS.stringBytes / 1024 / 1024} MB of text`,
  milliseconds: `evaluating this root takes longer than ${LIMITS.milliseconds / 1e3} seconds`
};
var Budget = class {
  constructor(diagnostics) {
    this.diagnostics = diagnostics;
  }
  diagnostics;
  steps = 0;
  depth = 0;
  moduleInstances = 0;
  stringBytes = 0;
  reported = /* @__PURE__ */ new Set();
  deadline = performance.now() + LIMITS.milliseconds;
  /** Whether the root's time is up (asked every few thousand steps: reading the clock is not free). */
  outOfTime() {
    return performance.now() > this.deadline;
  }
  /** The unknown a limit leaves, reported once per root and kind. */
  exceeded(kind, loc) {
    if (!this.reported.has(kind)) {
      this.reported.add(kind);
      this.diagnostics.push({ level: "error", message: `Terraform not fully evaluated: ${WHAT[kind]}; values that depend on it are unknown, so checks of this root may be incomplete`, location: loc });
    }
    return unknown(`irsa-lint's limit: ${WHAT[kind]}`, loc);
  }
  /** A value within the size limits, or the unknown that replaces it; a new string's length is charged. */
  bounded(v) {
    if (v.kind === "string" && !v.json && (this.stringBytes += v.value.length) > LIMITS.stringBytes) return this.exceeded("stringBytes", v.loc);
    if (v.kind === "string" && !(v.json && jsonFitsIn(v.json, LIMITS.stringLength)) && v.value.length > LIMITS.stringLength) return this.exceeded("stringLength", v.loc);
    if (v.kind === "list" && v.items.length > LIMITS.collectionSize) return this.exceeded("collectionSize", v.loc);
    if (v.kind === "object" && v.entries.size > LIMITS.collectionSize) return this.exceeded("collectionSize", v.loc);
    return v;
  }
};

// src/terraform/registry-outputs.ts
var SINGLE_RESOURCE_OUTPUTS = [
  [/^terraform-aws-modules\/s3-bucket\/aws$/, { s3_bucket_arn: ["aws_s3_bucket", "arn"], s3_bucket_id: ["aws_s3_bucket", "id"], s3_directory_bucket_arn: ["aws_s3_directory_bucket", "arn"] }],
  [/^terraform-aws-modules\/dynamodb-table\/aws$/, { dynamodb_table_arn: ["aws_dynamodb_table", "arn"], dynamodb_table_id: ["aws_dynamodb_table", "id"], dynamodb_table_stream_arn: ["aws_dynamodb_table", "stream_arn"] }],
  [/^terraform-aws-modules\/sqs\/aws$/, { queue_arn: ["aws_sqs_queue", "arn"], dead_letter_queue_arn: ["aws_sqs_queue", "arn"], this_sqs_queue_arn: ["aws_sqs_queue", "arn"] }],
  [/^terraform-aws-modules\/sns\/aws$/, { topic_arn: ["aws_sns_topic", "arn"] }],
  [/^terraform-aws-modules\/kms\/aws$/, { key_arn: ["aws_kms_key", "arn"] }],
  [/^terraform-aws-modules\/ecr\/aws$/, { repository_arn: ["aws_ecr_repository", "arn"] }],
  [/^terraform-aws-modules\/secrets-manager\/aws$/, { secret_arn: ["aws_secretsmanager_secret", "arn"] }]
];
function moduleOutputOrigin(module, name) {
  const source = module.type.slice("module:".length).replace(/\/\/.*$/, "");
  const outputs = SINGLE_RESOURCE_OUTPUTS.find(([pattern]) => pattern.test(source))?.[1];
  if (!outputs || !Object.hasOwn(outputs, name)) return { ...module, attribute: name };
  const [type, attribute] = outputs[name];
  return { address: `${module.address}.${type}.this`, type, attribute };
}

// src/terraform/convert.ts
function failure(reason, loc) {
  return { ...unknown(reason, loc), error: true };
}
function isFailure(v) {
  return v.kind === "unknown" && v.error === true;
}
function asText(v) {
  if (v.kind === "string") return v.value;
  if (v.kind === "number") return String(v.value);
  if (v.kind === "bool") return String(v.value);
  return void 0;
}
function iterate(v) {
  if (v.kind === "list") return v.items.map((item, i) => [num(i, item.loc), item]);
  if (v.kind === "object")
    return [...v.entries.keys()].sort().map((k) => [str(k, v.keyLocs.get(k) ?? v.loc), v.entries.get(k)]);
  return void 0;
}
function truthy(v) {
  if (v.kind === "bool") return v.value;
  if (v.kind === "string" && (v.value === "true" || v.value === "false")) return v.value === "true";
  return void 0;
}
function concatText(parts, loc) {
  const out = [];
  for (const p of parts) {
    if (typeof p === "string") out.push(p);
    else if (asText(p) !== void 0) out.push(asText(p));
    else if (p.kind === "template") out.push(...p.parts);
    else out.push(p.kind === "unknown" ? p : unknown(`${p.kind} in a string`, p.loc));
  }
  if (out.every((p) => typeof p === "string")) return str(out.join(""), loc);
  return { kind: "template", parts: out, loc };
}

// src/terraform/encoding-functions.ts
var import_yaml = __toESM(require_dist(), 1);
var ENCODING_FUNCTIONS = {
  yamldecode: ([v], loc) => {
    const text = asText(v);
    if (text === void 0) return failure("yamldecode expects a string", loc);
    const doc = (0, import_yaml.parseDocument)(text, { version: "1.2", prettyErrors: false, uniqueKeys: false });
    if (doc.errors.length) return failure(`yamldecode: ${yamlMessage(doc.errors[0].message)}`, loc);
    if (doc.contents === null) return { kind: "null", loc };
    return relocate(yamlToValue(doc, doc.contents, loc.file, () => ({ line: loc.line, column: loc.column })), unknown("", loc));
  },
  base64decode: ([v], loc) => {
    const text = asText(v);
    if (text === void 0 || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return failure("base64decode: the string is not valid base64", loc);
    try {
      return str(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(text, "base64")), loc);
    } catch {
      return failure("base64decode: the result is not UTF-8", loc);
    }
  },
  base64encode: ([v], loc) => {
    const text = asText(v);
    return text === void 0 ? failure("base64encode expects a string", loc) : str(Buffer.from(text, "utf8").toString("base64"), loc);
  },
  urlencode: ([v], loc) => {
    const text = asText(v);
    return text === void 0 ? failure("urlencode expects a string", loc) : str(encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, "+"), loc);
  },
  csvdecode: ([v], loc) => {
    const text = asText(v);
    if (text === void 0) return failure("csvdecode expects a string", loc);
    const rows = csvRows(text);
    if (!rows) return failure("csvdecode: the text is not valid CSV", loc);
    const [header, ...records] = rows;
    if (!header) return list([], loc);
    if (records.some((r) => r.length !== header.length)) return failure("csvdecode: a row has a different number of fields than the header", loc);
    return list(records.map((r) => obj(new Map(header.map((h, i) => [h, str(r[i], loc)])), loc)), loc);
  }
};
function csvRows(text) {
  const rows = [];
  let row = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += '"', i += 2;
      else if (c === '"') quoted = false, i++;
      else field += c, i++;
      continue;
    }
    if (c === '"' && field === "") quoted = true, i++;
    else if (c === '"') return void 0;
    else if (c === ",") row.push(field), field = "", i++;
    else if (c === "\n" || c === "\r") {
      row.push(field);
      rows.push(row);
      row = [], field = "";
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else field += c, i++;
  }
  if (quoted) return void 0;
  if (field !== "" || row.length) row.push(field), rows.push(row);
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}
var UNEVALUATED_FUNCTIONS = /* @__PURE__ */ new Set([
  "abs",
  "abspath",
  "base64gzip",
  "base64sha256",
  "base64sha512",
  "bcrypt",
  "can",
  "ceil",
  "chunklist",
  "cidrhost",
  "cidrnetmask",
  "cidrsubnet",
  "cidrsubnets",
  "contains",
  "convert",
  "endswith",
  "ephemeralasnull",
  "file",
  "filebase64",
  "filebase64sha256",
  "filebase64sha512",
  "fileexists",
  "filemd5",
  "fileset",
  "filesha1",
  "filesha256",
  "filesha512",
  "floor",
  "formatdate",
  "index",
  "issensitive",
  "keys",
  "log",
  "matchkeys",
  "md5",
  "nonsensitive",
  "parseint",
  "pathexpand",
  "plantimestamp",
  "pow",
  "sensitive",
  "setintersection",
  "setproduct",
  "setsubtract",
  "setunion",
  "sha1",
  "sha256",
  "sha512",
  "signum",
  "strcontains",
  "sum",
  "templatestring",
  "textdecodebase64",
  "textencodebase64",
  "timeadd",
  "timecmp",
  "timestamp",
  "transpose",
  "type",
  "uuid",
  "uuidv5",
  "yamlencode",
  "jsonencode",
  "tobool",
  "tolist",
  "tomap",
  "tonumber",
  "toset",
  "tostring"
]);

// src/terraform/functions.ts
var DECODERS = /* @__PURE__ */ new Set(["jsondecode", "yamldecode"]);
var TooLarge = class extends Error {
};
var texts = (args) => args.map(asText);
function strict(impl) {
  return (args, loc, host) => {
    for (const a of args) {
      if (a.kind === "unknown") return a.error ? a : { ...unknown(a.reason, loc), ...a.origin ? { origin: a.origin } : {} };
      if (a.kind === "template") {
        const part = firstUnknown(a);
        return { ...unknown(part?.reason ?? "argument not known", loc), ...part?.origin ? { origin: part.origin } : {} };
      }
    }
    return impl(args, loc, host);
  };
}
function stringFn(f) {
  return strict((args, loc) => {
    const t = texts(args);
    return t.some((x) => x === void 0) ? failure("expects strings", loc) : str(f(...t), loc);
  });
}
function listOf(v) {
  return v.kind === "list" ? v.items : void 0;
}
function regexReplace(text, pattern, replacement) {
  const matcher = RE2JS.compile(pattern).matcher(text);
  let out = "";
  let last = 0;
  while (matcher.find()) {
    out += text.slice(last, matcher.start()) + expandGo(replacement, matcher);
    last = matcher.end();
  }
  return out + text.slice(last);
}
function expandGo(template, matcher) {
  return template.replace(/\$(\$|\{([^}]*)\}|[A-Za-z0-9_]+)/g, (_, name, braced) => {
    if (name === "$") return "$";
    const group = braced ?? name;
    try {
      return matcher.group(/^\d+$/.test(group) ? Number(group) : group) ?? "";
    } catch {
      return "";
    }
  });
}
var FUNCTIONS = {
  jsonencode: strict(([v], loc) => {
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
    if (fmt === void 0) return failure("format expects a string", loc);
    let i = 0;
    const out = fmt.replace(/%(%|([-0]*)(\d*)(?:\.(\d+))?([sdvqft]))/g, (m, all, flags, width, _precision, verb) => {
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
  trimprefix: stringFn((s, p) => s.startsWith(p) ? s.slice(p.length) : s),
  trimsuffix: stringFn((s, p) => p && s.endsWith(p) ? s.slice(0, -p.length) : s),
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
  tostring: strict(([v], loc) => asText(v) !== void 0 ? str(asText(v), loc) : v.kind === "null" ? v : failure("tostring expects a primitive", loc)),
  tonumber: strict(([v], loc) => Number.isNaN(Number(asText(v))) ? failure("not a number", loc) : num(Number(asText(v)), loc)),
  tobool: strict(([v], loc) => asText(v) === "true" || asText(v) === "false" ? bool(asText(v) === "true", loc) : failure("not a bool", loc)),
  join: strict(([sep2, ...lists], loc) => {
    const items = lists.flatMap((l) => listOf(l) ?? []);
    const t = items.map(asText);
    return t.some((x) => x === void 0) ? failure("join expects strings", loc) : str(t.join(asText(sep2) ?? ""), loc);
  }),
  split: strict(([sep2, s], loc) => list((asText(s) ?? "").split(asText(sep2) ?? "").map((p) => str(p, loc)), loc)),
  concat: strict((args, loc) => list(args.flatMap((a) => listOf(a) ?? []), loc)),
  flatten: strict(([v], loc) => {
    const flat = (x) => x.kind === "list" ? x.items.flatMap(flat) : [x];
    return list(flat(v), loc);
  }),
  distinct: strict(([v], loc) => {
    const seen = /* @__PURE__ */ new Set();
    return list((listOf(v) ?? []).filter((x) => !seen.has(JSON.stringify(toPlain(x))) && !!seen.add(JSON.stringify(toPlain(x)))), loc);
  }),
  compact: strict(([v], loc) => list((listOf(v) ?? []).filter((x) => x.kind !== "null" && asText(x) !== ""), loc)),
  merge: strict((args, loc) => {
    const entries = /* @__PURE__ */ new Map();
    const keyLocs = /* @__PURE__ */ new Map();
    for (const a of args) if (a.kind === "object") for (const [k, v] of a.entries) entries.set(k, v), keyLocs.set(k, a.keyLocs.get(k) ?? a.loc);
    return obj(entries, loc, keyLocs);
  }),
  keys: strict(([v], loc) => v.kind === "object" ? list([...v.entries.keys()].sort().map((k) => str(k, v.keyLocs.get(k) ?? loc)), loc) : failure("keys expects a map", loc)),
  values: strict(([v], loc) => v.kind === "object" ? list([...v.entries.keys()].sort().map((k) => v.entries.get(k)), loc) : failure("values expects a map", loc)),
  length: strict(([v], loc) => {
    if (v.kind === "list") return num(v.items.length, loc);
    if (v.kind === "object") return num(v.entries.size, loc);
    const t = asText(v);
    return t === void 0 ? failure("length of a non-collection", loc) : num([...t].length, loc);
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
    if (path === void 0) return failure("file expects a path", loc);
    const read = host.readFile(path, loc);
    if ("error" in read) return unknown(read.error, loc);
    const value = str(read.text, loc);
    value.verbatimFrom = { file: read.file, offset: 0, text: read.text };
    return host.taint ? host.taint.mark(value) : value;
  })
};
var LAZY_FUNCTIONS = {
  templatefile: ([p, vars], loc, host) => {
    const path = asText(p());
    return path === void 0 ? unknown("templatefile path not known", loc) : host.templateFile(path, vars(), loc);
  },
  lookup: ([m, k, d], loc) => {
    const map = m();
    const key = asText(k());
    if (map.kind === "unknown") return map;
    if (map.kind !== "object" || key === void 0) return unknown("lookup on a value not known", loc);
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
  }
};
function textParts(f) {
  return (args, loc) => {
    const v = args[args.length - 1];
    if (v.kind === "string") return str(f(v.value, true, true), loc);
    if (v.kind !== "template") return v.kind === "unknown" ? unknown(v.reason, loc) : failure("expects a string", loc);
    const parts = v.parts.map((p, i) => typeof p === "string" ? f(p, i === 0, i === v.parts.length - 1) : p);
    return { kind: "template", parts, loc };
  };
}
Object.assign(FUNCTIONS, {
  indent: (args, loc, host) => {
    const n = Number(asText(args[0]));
    if (!Number.isInteger(n) || n < 0 || n > 1e3) return failure("indent expects a number of spaces", loc);
    return textParts((s) => s.replace(/\n/g, `
${" ".repeat(n)}`))(args, loc, host);
  },
  chomp: textParts((s, _first, last) => last ? s.replace(/(\r?\n)+$/, "") : s),
  basename: stringFn((p) => p.replace(/\/+$/, "").split("/").pop() ?? ""),
  dirname: stringFn((p) => p.includes("/") ? p.replace(/\/[^/]*$/, "") || "/" : "."),
  title: stringFn((s) => s.replace(/\b\w/g, (c) => c.toUpperCase())),
  strrev: stringFn((s) => [...s].reverse().join("")),
  regex: strict(([p, s], loc) => regexMatch(asText(p), asText(s), loc, false)),
  regexall: strict(([p, s], loc) => regexMatch(asText(p), asText(s), loc, true)),
  range: strict((args, loc) => {
    const n = args.map((a) => Number(asText(a)));
    const [start, end, step] = n.length === 1 ? [0, n[0], 1] : [n[0], n[1], n[2] ?? (n[1] >= n[0] ? 1 : -1)];
    if (!Number.isFinite(start) || !Number.isFinite(end) || !Number.isFinite(step) || step === 0) return failure("range expects numbers and a non-zero step", loc);
    if (Math.abs((end - start) / step) > LIMITS.collectionSize) throw new TooLarge();
    const items = [];
    for (let x = start; step > 0 ? x < end : x > end; x += step) items.push(num(x, loc));
    return list(items, loc);
  }),
  zipmap: strict(([k, v], loc) => {
    const keys = listOf(k);
    const values = listOf(v);
    if (!keys || !values || keys.length !== values.length) return failure("zipmap expects two lists of one length", loc);
    const entries = /* @__PURE__ */ new Map();
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
  sort: strict(([l], loc) => list([...listOf(l) ?? []].sort((a, b) => (asText(a) ?? "") < (asText(b) ?? "") ? -1 : 1), loc)),
  reverse: strict(([l], loc) => list([...listOf(l) ?? []].reverse(), loc)),
  slice: strict(([l, a, b], loc) => list((listOf(l) ?? []).slice(Number(asText(a)), Number(asText(b))), loc)),
  alltrue: strict(([l], loc) => bool((listOf(l) ?? []).every((x) => asText(x) === "true"), loc)),
  anytrue: strict(([l], loc) => bool((listOf(l) ?? []).some((x) => asText(x) === "true"), loc)),
  max: strict((args, loc) => num(Math.max(...args.flatMap((a) => listOf(a) ?? [a]).map((a) => Number(asText(a)))), loc)),
  min: strict((args, loc) => num(Math.min(...args.flatMap((a) => listOf(a) ?? [a]).map((a) => Number(asText(a)))), loc))
});
for (const [name, impl] of Object.entries(ENCODING_FUNCTIONS)) FUNCTIONS[name] = strict(impl);
function regexMatch(pattern, text, loc, all) {
  if (pattern === void 0 || text === void 0) return failure("regex expects strings", loc);
  const re = RE2JS.compile(pattern);
  const matcher = re.matcher(text);
  const names = Object.keys(re.namedGroups());
  const one = () => {
    if (names.length) return obj(new Map(names.map((n) => [n, str(matcher.group(n) ?? "", loc)])), loc);
    if (re.groupCount() === 0) return str(matcher.group(0) ?? "", loc);
    return list(Array.from({ length: re.groupCount() }, (_, i) => str(matcher.group(i + 1) ?? "", loc)), loc);
  };
  if (!all) return matcher.find() ? one() : failure("regex: no match", loc);
  const found = [];
  while (matcher.find()) found.push(one());
  return list(found, loc);
}
function callFunction(name, args, loc, host) {
  const bare = name.replace(/^core::/, "");
  const lazy = Object.hasOwn(LAZY_FUNCTIONS, bare) ? LAZY_FUNCTIONS[bare] : void 0;
  const impl = Object.hasOwn(FUNCTIONS, bare) ? FUNCTIONS[bare] : void 0;
  if (!lazy && !impl) {
    if (bare.includes("::") || UNEVALUATED_FUNCTIONS.has(bare)) return unknown(`function ${name}() is not evaluated by irsa-lint`, loc);
    return failure(`Terraform has no function ${name}(): the configuration would not plan`, loc);
  }
  const arity = ARITY[bare];
  if (arity && (args.length < arity[0] || args.length > arity[1])) return failure(`${name}() takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]} to ${arity[1]}`} arguments, not ${args.length}`, loc);
  try {
    if (lazy) return lazy(args, loc, host);
    const values = args.map((a) => a());
    const result = impl(values, loc, host);
    return host.taint && !DECODERS.has(bare) && values.some((v) => host.taint.has(v)) ? host.taint.spread(result) : result;
  } catch (e) {
    if (e instanceof TooLarge && host.budget) return host.budget.exceeded("stringLength", loc);
    return failure(`${name}(): ${e.message}`, loc);
  }
}
var ARITY = {
  jsonencode: [1, 1],
  yamlencode: [1, 1],
  jsondecode: [1, 1],
  format: [1, Infinity],
  replace: [3, 3],
  lower: [1, 1],
  upper: [1, 1],
  trimprefix: [2, 2],
  trimsuffix: [2, 2],
  trimspace: [1, 1],
  trim: [2, 2],
  substr: [3, 3],
  tostring: [1, 1],
  tonumber: [1, 1],
  tobool: [1, 1],
  join: [2, Infinity],
  split: [2, 2],
  concat: [0, Infinity],
  flatten: [1, 1],
  distinct: [1, 1],
  compact: [1, 1],
  merge: [0, Infinity],
  keys: [1, 1],
  values: [1, 1],
  length: [1, 1],
  element: [2, 2],
  contains: [2, 2],
  startswith: [2, 2],
  endswith: [2, 2],
  one: [1, 1],
  toset: [1, 1],
  tolist: [1, 1],
  tomap: [1, 1],
  file: [1, 1],
  templatefile: [2, 2],
  lookup: [2, 3],
  try: [1, Infinity],
  can: [1, 1],
  coalesce: [1, Infinity],
  coalescelist: [1, Infinity],
  basename: [1, 1],
  dirname: [1, 1],
  title: [1, 1],
  strrev: [1, 1],
  regex: [2, 2],
  regexall: [2, 2],
  range: [1, 3],
  zipmap: [2, 2],
  formatlist: [1, Infinity],
  sort: [1, 1],
  reverse: [1, 1],
  slice: [3, 3],
  alltrue: [1, 1],
  anytrue: [1, 1],
  max: [1, Infinity],
  min: [1, Infinity],
  indent: [2, 2],
  chomp: [1, 1],
  yamldecode: [1, 1],
  base64decode: [1, 1],
  base64encode: [1, 1],
  urlencode: [1, 1],
  csvdecode: [1, 1]
};

// src/terraform/expr-text.ts
function describeCondition(e) {
  const text = exprText(e, 3);
  return text !== void 0 && text.length <= 80 ? text : `the condition at line ${e.loc.line}`;
}
function exprText(e, depth) {
  if (depth < 0) return void 0;
  switch (e.type) {
    case "variable":
      return e.name;
    case "literal":
      return JSON.stringify(e.value);
    case "traverse": {
      let out = exprText(e.object, depth - 1);
      for (const step of e.steps) {
        if (out === void 0) return void 0;
        out += step.type === "attr" ? `.${step.name}` : step.type === "splat" ? "[*]" : `[${exprText(step.index, depth - 1) ?? "\u2026"}]`;
      }
      return out;
    }
    case "unary": {
      const operand = exprText(e.operand, depth - 1);
      return operand === void 0 ? void 0 : `${e.op}${operand}`;
    }
    case "binary": {
      const [left, right] = [exprText(e.left, depth - 1), exprText(e.right, depth - 1)];
      return left === void 0 || right === void 0 ? void 0 : `${left} ${e.op} ${right}`;
    }
    default:
      return void 0;
  }
}

// src/terraform/evaluator.ts
var Evaluator = class {
  constructor(resolver, host, budget = host.budget ?? new Budget([])) {
    this.resolver = resolver;
    this.host = host;
    this.budget = budget;
  }
  resolver;
  host;
  budget;
  eval(e, scope) {
    const budget = this.budget;
    if (++budget.steps > LIMITS.steps) return budget.exceeded("steps", e.loc);
    if ((budget.steps & 4095) === 0 && budget.outOfTime()) return budget.exceeded("milliseconds", e.loc);
    if (budget.depth >= LIMITS.depth) return budget.exceeded("depth", e.loc);
    budget.depth++;
    try {
      return this.evalInner(e, scope);
    } finally {
      budget.depth--;
    }
  }
  evalInner(e, scope) {
    switch (e.type) {
      case "literal":
        if (e.value === null) return nul(e.loc);
        if (typeof e.value === "string") return str(e.value, e.loc);
        if (typeof e.value === "number") return num(e.value, e.loc);
        return bool(e.value, e.loc);
      case "template": {
        const value = this.template(e.parts, scope, e.loc);
        if (!e.heredoc || value.kind !== "template" || value.loc !== e.loc) return value;
        return { ...value, loc: { ...e.loc, line: e.loc.line + 1, column: 1 }, blockIndent: e.indent ?? 0 };
      }
      case "tuple":
        return list(e.items.map((i) => this.eval(i, scope)), e.loc);
      case "object":
        return this.object(e, scope);
      case "variable":
        return this.reference(e.name, [], e.loc, scope);
      case "traverse":
        if (e.object.type === "variable") return this.reference(e.object.name, e.steps, e.loc, scope);
        return this.traverse(this.eval(e.object, scope), e.steps, scope, e.loc);
      case "call":
        return this.call(e, scope);
      case "conditional":
        return this.conditional(e.cond, e.then, e.else, scope, e.loc);
      case "binary":
        return this.binaryChain(e, scope);
      case "unary":
        return unary(e.op, this.eval(e.operand, scope), e.loc);
      case "for":
        return this.forExpr(e, scope);
      case "invalid":
        return failure("invalid expression", e.loc);
    }
  }
  /** `a + b + ... + z` nests to the left, one level per operator: evaluated in a loop. */
  binaryChain(e, scope) {
    const chain = [e];
    for (let left = e.left; left.type === "binary"; left = left.left) chain.push(left);
    let value = this.eval(chain[chain.length - 1].left, scope);
    for (let i = chain.length - 1; i >= 0; i--) {
      if (++this.budget.steps > LIMITS.steps) return this.budget.exceeded("steps", chain[i].loc);
      const right = this.eval(chain[i].right, scope);
      const left = value;
      value = binary(chain[i].op, left, right, chain[i].loc);
      if (this.host.taint && (this.host.taint.has(left) || this.host.taint.has(right))) value = this.host.taint.spread(value);
    }
    return value;
  }
  reference(root2, steps, loc, scope) {
    const bound = scope.get(root2);
    if (bound) return this.traverse(bound, steps, scope, loc);
    const { value, used } = this.resolver.resolve(root2, steps, loc);
    return this.traverse(value, steps.slice(used), scope, loc);
  }
  /** Applies attribute, index and splat steps to a value. */
  traverse(value, steps, scope, loc) {
    let v = value;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      if (v.kind === "unknown") {
        if (v.element && step.type === "index") {
          v = v.element;
          continue;
        }
        if (v.element && step.type === "splat") return { ...unknown(v.reason, loc), element: this.traverse(v.element, steps.slice(i + 1), scope, loc) };
        if (v.origin && v.origin.attribute === void 0 && step.type === "attr") return withOrigin({ ...v, loc }, v.origin.type.startsWith("module:") ? moduleOutputOrigin(v.origin, step.name) : { ...v.origin, attribute: step.name });
        return v;
      }
      if (step.type === "splat") {
        const rest = steps.slice(i + 1);
        if (v.kind === "null") return list([], loc);
        const items = v.kind === "list" ? v.items : v.kind === "object" ? [...v.entries.values()] : [v];
        return list(items.map((item) => this.traverse(item, rest, scope, loc)), loc);
      }
      const key = step.type === "attr" ? str(step.name, step.loc) : this.eval(step.index, scope);
      v = index(v, key, step.loc);
    }
    return v;
  }
  object(e, scope) {
    const entries = /* @__PURE__ */ new Map();
    const keyLocs = /* @__PURE__ */ new Map();
    const keyValues = /* @__PURE__ */ new Map();
    for (const item of e.items) {
      const key = this.eval(item.key, scope);
      const text = asText(key) ?? templateKey(key);
      if (key.kind !== "string") keyValues.set(text, key);
      entries.set(text, this.eval(item.value, scope));
      keyLocs.set(text, item.key.loc);
    }
    const result = obj(entries, e.loc, keyLocs);
    if (keyValues.size) result.keyValues = keyValues;
    return result;
  }
  call(e, scope) {
    const lazy = e.args.map((a) => () => this.eval(a, scope));
    if (e.expandLast && lazy.length) {
      const last = lazy.pop()();
      if (last.kind !== "list") return unknown(`arguments of ${e.name}(...) not known`, e.loc);
      for (const item of last.items) lazy.push(() => item);
    }
    return this.budget.bounded(callFunction(e.name, lazy, e.loc, this.host));
  }
  conditional(condExpr, thenExpr, elseExpr, scope, loc) {
    const cond = this.eval(condExpr, scope);
    const decided = truthy(cond);
    if (decided !== void 0) return this.taintedBy(cond, this.eval(decided ? thenExpr : elseExpr, scope));
    if (cond.kind !== "unknown") return failure("condition is not a bool", loc);
    const result = unknown(`depends on a condition that is not known: ${cond.reason}`, loc);
    if (cond.error) return result;
    const condition = describeCondition(condExpr);
    const choices = [...choicesOf(this.eval(thenExpr, scope), `${condition} is true`), ...choicesOf(this.eval(elseExpr, scope), `${condition} is false`)];
    return choices.length <= MAX_CHOICES ? { ...result, choices } : result;
  }
  forExpr(e, scope) {
    const collection = this.eval(e.collection, scope);
    const pairs = iterate(collection);
    if (!pairs) return collection.kind === "unknown" ? unknown(collection.reason, e.loc) : failure("for over a value that is not a collection", e.loc);
    const items = [];
    const entries = /* @__PURE__ */ new Map();
    const grouped = /* @__PURE__ */ new Map();
    let filteredByFile = false;
    for (const [k, v] of pairs) {
      const inner = scope.with(e.keyVar ? { [e.keyVar]: k, [e.valueVar]: v } : { [e.valueVar]: v });
      if (e.cond) {
        const filter = this.eval(e.cond, inner);
        const keep2 = truthy(filter);
        if (keep2 === void 0) return unknown("for expression filter is not known", e.loc);
        filteredByFile ||= !!this.host.taint?.has(filter);
        if (!keep2) continue;
      }
      const value = this.eval(e.valueExpr, inner);
      if (items.length + entries.size >= LIMITS.collectionSize) return this.budget.exceeded("collectionSize", e.loc);
      if (e.kind === "tuple") {
        items.push(value);
        continue;
      }
      const key = asText(this.eval(e.keyExpr, inner));
      if (key === void 0) return unknown("for expression key is not known", e.loc);
      if (e.group) pushTo(grouped, key, value);
      else entries.set(key, value);
    }
    const taint = (v) => filteredByFile ? this.host.taint.spread(v) : v;
    if (e.kind === "tuple") return taint(list(items, e.loc));
    for (const [k, vs] of grouped) entries.set(k, list(vs, e.loc));
    return taint(obj(entries, e.loc));
  }
  /** `result`, tainted when `by` (a condition) was computed from a file's text. */
  taintedBy(by, result) {
    return this.host.taint?.has(by) ? this.host.taint.spread(result) : result;
  }
  /** Evaluates template parts; unknown interpolations make a partially known template. */
  template(parts, scope, loc) {
    if (parts.length === 1 && parts[0].type === "interp") return this.eval(parts[0].expr, scope);
    const out = [];
    const tainted = { from: false };
    const fail = this.templateInto(parts, scope, out, tainted);
    if (fail) return fail;
    const value = this.joinTemplate(out, parts, loc);
    return tainted.from && this.host.taint ? this.host.taint.mark(value) : value;
  }
  joinTemplate(out, parts, loc) {
    const length = out.reduce((n, p) => n + (typeof p === "string" ? p.length : 0), 0);
    if (length > LIMITS.stringLength) return this.budget.exceeded("stringLength", loc);
    if (parts.length > 1 && (this.budget.stringBytes += length) > LIMITS.stringBytes) return this.budget.exceeded("stringBytes", loc);
    const merged = mergeParts(out);
    if (merged.every((p) => typeof p === "string")) {
      const value = str(merged.join(""), loc);
      const only = parts.length === 1 && parts[0].type === "text" ? parts[0] : void 0;
      if (only?.verbatim) value.verbatimFrom = { file: loc.file, offset: only.offset, text: only.raw };
      return value;
    }
    const template = { kind: "template", parts: merged, loc };
    return template;
  }
  templateInto(parts, scope, out, tainted) {
    for (const part of parts) {
      if (part.type === "text") out.push(part.value);
      else if (part.type === "interp") {
        const v = this.eval(part.expr, scope);
        if (this.host.taint?.has(v)) tainted.from = true;
        const text = asText(v);
        if (text !== void 0) out.push(text);
        else if (v.kind === "template") out.push(...v.origin ? [{ ...unknown(firstUnknown(v)?.reason ?? "not fully known", v.loc), origin: v.origin }] : v.parts);
        else if (v.kind === "unknown") {
          if (v.error) return v;
          out.push(v);
        } else return failure(`cannot interpolate a ${v.kind} into a string`, v.loc);
      } else if (part.type === "if") {
        const cond = truthy(this.eval(part.cond, scope));
        if (cond === void 0) out.push(unknown("template condition not known", part.loc));
        else {
          const fail = this.templateInto(cond ? part.then : part.else, scope, out, tainted);
          if (fail) return fail;
        }
      } else {
        const pairs = iterate(this.eval(part.collection, scope));
        if (!pairs) {
          out.push(unknown("template for collection not known", part.loc));
          continue;
        }
        for (const [k, v] of pairs) {
          if (++this.budget.steps > LIMITS.steps) return this.budget.exceeded("steps", part.loc);
          const inner = scope.with(part.keyVar ? { [part.keyVar]: k, [part.valueVar]: v } : { [part.valueVar]: v });
          const fail = this.templateInto(part.body, inner, out, tainted);
          if (fail) return fail;
        }
      }
    }
    return void 0;
  }
};
var MAX_CHOICES = 16;
function choicesOf(v, when) {
  if (v.kind === "unknown" && v.choices) return v.choices.map((c) => ({ value: c.value, when: `${when} and ${c.when}` }));
  return v.kind === "unknown" && v.error ? [] : [{ value: v, when }];
}
function mergeParts(parts) {
  const out = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (typeof p === "string" && typeof last === "string") out[out.length - 1] = last + p;
    else if (p !== "") out.push(p);
  }
  return out;
}
function templateKey(key) {
  if (key.kind === "template") return key.parts.map((p) => typeof p === "string" ? p : "\0").join("");
  return `\0${key.kind}@${key.loc.line}:${key.loc.column}`;
}
function index(v, key, loc) {
  if (v.kind === "unknown") return v;
  if (key.kind === "unknown" || key.kind === "template") return unknown("index not known", loc);
  if (v.kind === "list") {
    const i = key.kind === "number" ? key.value : Number(asText(key));
    return Number.isInteger(i) && i >= 0 && i < v.items.length ? v.items[i] : failure(`index ${i} out of range`, loc);
  }
  if (v.kind === "object") {
    const k = asText(key);
    if (k !== void 0 && v.entries.has(k)) return v.entries.get(k);
    if (v.openReason) return { ...unknown(`${v.openReason}.${k}`, loc), ...v.openOrigin && k !== void 0 ? { origin: { ...v.openOrigin, attribute: k } } : {} };
    return failure(`no attribute or key ${JSON.stringify(k)}`, loc);
  }
  return failure(`cannot index a ${v.kind}`, loc);
}
function binary(op, a, b, loc) {
  if (op === "&&" || op === "||") {
    const x2 = truthy(a);
    const y2 = truthy(b);
    if (op === "&&" && (x2 === false || y2 === false)) return bool(false, loc);
    if (op === "||" && (x2 === true || y2 === true)) return bool(true, loc);
    if (x2 === void 0 || y2 === void 0) return unknown("operand not known", loc);
    return bool(op === "&&" ? x2 && y2 : x2 || y2, loc);
  }
  if (a.kind === "unknown") return a;
  if (b.kind === "unknown") return b;
  if (op === "==" || op === "!=") {
    if (a.kind === "template" || b.kind === "template") return unknown("operand not known", loc);
    const equal = JSON.stringify(plainOf(a)) === JSON.stringify(plainOf(b));
    return bool(op === "==" ? equal : !equal, loc);
  }
  const x = a.kind === "number" ? a.value : Number(asText(a));
  const y = b.kind === "number" ? b.value : Number(asText(b));
  if (Number.isNaN(x) || Number.isNaN(y)) return failure(`operator ${op} needs numbers`, loc);
  switch (op) {
    case "+":
      return num(x + y, loc);
    case "-":
      return num(x - y, loc);
    case "*":
      return num(x * y, loc);
    case "/":
      return num(x / y, loc);
    case "%":
      return num(x % y, loc);
    case "<":
      return bool(x < y, loc);
    case ">":
      return bool(x > y, loc);
    case "<=":
      return bool(x <= y, loc);
    case ">=":
      return bool(x >= y, loc);
    default:
      return failure(`unknown operator ${op}`, loc);
  }
}
function plainOf(v) {
  switch (v.kind) {
    case "string":
    case "number":
    case "bool":
      return v.value;
    case "null":
      return null;
    case "list":
      return v.items.map(plainOf);
    case "object":
      return Object.fromEntries([...v.entries].sort(([a], [b]) => a < b ? -1 : 1).map(([k, x]) => [k, plainOf(x)]));
    default:
      return void 0;
  }
}
function unary(op, v, loc) {
  if (v.kind === "unknown") return v;
  if (op === "!") {
    const t = truthy(v);
    return t === void 0 ? failure("! needs a bool", loc) : bool(!t, loc);
  }
  const n = v.kind === "number" ? v.value : Number(asText(v));
  return Number.isNaN(n) ? failure("- needs a number", loc) : num(-n, loc);
}

// src/terraform/addons.ts
var ADDON_SERVICE_ACCOUNTS = {
  "vpc-cni": { namespace: "kube-system", name: "aws-node" },
  "aws-ebs-csi-driver": { namespace: "kube-system", name: "ebs-csi-controller-sa" },
  "aws-efs-csi-driver": { namespace: "kube-system", name: "efs-csi-controller-sa" },
  "aws-fsx-csi-driver": { namespace: "kube-system", name: "fsx-csi-controller-sa" },
  "aws-mountpoint-s3-csi-driver": { namespace: "kube-system", name: "s3-csi-driver-sa" },
  "amazon-cloudwatch-observability": { namespace: "amazon-cloudwatch", name: "cloudwatch-agent" },
  "external-dns": { namespace: "external-dns", name: "external-dns" }
};
function addonDeclarations(name, settings, loc, out, note) {
  const sa = name === void 0 ? void 0 : ADDON_SERVICE_ACCOUNTS[name];
  const hasRole = settings.roleArn && settings.roleArn.kind !== "null";
  if (!sa) {
    if (hasRole || settings.podIdentity.length) note(`EKS add-on ${name ?? "(name not known)"}: irsa-lint does not know which ServiceAccount it runs as, so its role is not checked`);
    return;
  }
  if (hasRole) out.serviceAccounts.push({ ...sa, loc, roleArn: settings.roleArn, origin: "terraform" });
  for (const association of settings.podIdentity) {
    const roleArn = getEntry(association, "role_arn");
    if (!roleArn) continue;
    const account = getEntry(association, "service_account");
    out.podIdentityAssociations.push({
      namespace: { kind: "string", value: sa.namespace, loc: association.loc },
      serviceAccount: account && knownString(account) !== void 0 ? account : { kind: "string", value: sa.name, loc: association.loc },
      roleArn,
      ...settings.cluster ? { cluster: settings.cluster } : {},
      loc: association.loc
    });
  }
}
function moduleAddons(addons) {
  if (addons?.kind !== "object") return [];
  return [...addons.entries].map(([key, settings]) => ({ name: knownString(getEntry(settings, "name")) ?? (key.startsWith("\0") ? void 0 : key), settings, loc: addons.keyLocs.get(key) ?? settings.loc }));
}
var podIdentityOf = (settings) => asItems(getEntry(settings, "pod_identity_association"));

// src/terraform/blocks.ts
function nestedBlocks(body, type, scope, ev) {
  const blocks = [];
  let partial;
  for (const block of body.blocks) {
    if (block.type === type) blocks.push({ block, scope });
    if (block.type !== "dynamic" || block.labels[0] !== type) continue;
    const forEach = block.body.attributes.find((a) => a.name === "for_each");
    const content = block.body.blocks.find((b) => b.type === "content");
    if (!forEach || !content) continue;
    const iteratorAttr = block.body.attributes.find((a) => a.name === "iterator");
    const iterator = iteratorAttr?.expr.type === "variable" ? iteratorAttr.expr.name : type;
    const collection = ev.eval(forEach.expr, scope);
    const pairs = iterate(collection);
    if (!pairs) {
      partial = collection.kind === "unknown" ? collection : unknown(`dynamic "${type}" for_each is not a collection`, forEach.loc);
      continue;
    }
    for (const [key, value] of pairs) {
      const binding = obj(/* @__PURE__ */ new Map([["key", key], ["value", value]]), value.loc);
      blocks.push({ block: { ...content, type, labels: [] }, scope: scope.with({ [iterator]: binding }) });
    }
  }
  return { blocks, unknown: partial };
}
function attributeValue(body, name, scope, ev) {
  const attr2 = body.attributes.find((a) => a.name === name);
  return attr2 ? ev.eval(attr2.expr, scope) : void 0;
}
var META = /* @__PURE__ */ new Set(["count", "for_each", "depends_on", "provider", "lifecycle", "provisioner", "connection", "dynamic"]);
function blockAttributes(body, scope, ev, depth = 0) {
  const attrs = /* @__PURE__ */ new Map();
  for (const attr2 of body.attributes) {
    if (META.has(attr2.name)) continue;
    const v = ev.eval(attr2.expr, scope);
    if (v.kind !== "null") attrs.set(attr2.name, v);
  }
  if (depth > 8) return attrs;
  const types = new Set(body.blocks.map((b) => b.type === "dynamic" ? b.labels[0] : b.type).filter((t) => !!t && !META.has(t) && !attrs.has(t)));
  for (const type of types) {
    const found = nestedBlocks(body, type, scope, ev);
    const first = body.blocks.find((b) => b.type === type || b.type === "dynamic" && b.labels[0] === type);
    if (found.unknown) attrs.set(type, found.unknown);
    else attrs.set(type, list(found.blocks.map((b) => obj(blockAttributes(b.block.body, b.scope, ev, depth + 1), b.block.loc)), first.loc));
  }
  return attrs;
}

// src/terraform/clusters.ts
function clusterRef(v, root2) {
  if (!v || v.kind === "null") return void 0;
  const origin = "origin" in v ? v.origin : void 0;
  const address = origin?.address.replace(/\[[^\]]*\]/g, "");
  const declaring = address && /(^|\.|::)(module\.[^.]+|aws_eks_cluster\.[^.]+)$/.test(address);
  return { ...declaring ? { id: address.includes("::") ? address.replace("::", " ") : `${root2} ${address}` } : {}, name: v };
}
function enabledOf(mod, block, scope, name) {
  const inner = nestedBlocks(block.body, name, scope, mod.evaluator).blocks[0];
  const enabled = inner?.block.body.attributes.find((a) => a.name === "enabled");
  return enabled ? mod.evaluator.eval(enabled.expr, inner.scope) : void 0;
}
var root = (mod) => mod.options.root;
function readEksCluster(attrs, address, block, mod, out, scope) {
  const autoMode = enabledOf(mod, block, scope, "compute_config");
  out.clusters.push({ id: `${root(mod)} ${address.replace(/\[[^\]]*\]/g, "")}`, label: address, name: attrs.get("name"), ...autoMode ? { autoMode } : {}, loc: block.headerLoc });
}
function readEksAddon(attrs, block, mod, out) {
  out.addons.push({ name: attrs.get("addon_name") ?? unknown("addon_name not set", block.headerLoc), cluster: clusterRef(attrs.get("cluster_name"), root(mod)), loc: block.headerLoc });
}
function readHelmRelease(attrs, block, out) {
  out.addons.push({ name: attrs.get("chart") ?? unknown("chart not set", block.headerLoc), loc: block.headerLoc });
}
function readFargateProfile(attrs, address, block, mod, out, scope) {
  const { blocks, unknown: partial } = nestedBlocks(block.body, "selector", scope, mod.evaluator);
  const cluster = clusterRef(attrs.get("cluster_name"), root(mod));
  if (partial) out.fargateSelectors.push({ profile: address, cluster, namespace: partial, labels: false, loc: block.headerLoc });
  for (const { block: selector, scope: inner } of blocks) {
    const attr2 = (name) => selector.body.attributes.find((a) => a.name === name);
    const namespace = attr2("namespace");
    if (!namespace) continue;
    const value = mod.evaluator.eval(namespace.expr, inner);
    out.fargateSelectors.push({ profile: address, cluster, namespace: value, labels: hasLabels(attr2("labels") && mod.evaluator.eval(attr2("labels").expr, inner)), loc: value.loc });
  }
}
function hasLabels(v) {
  if (!v || v.kind === "null") return false;
  return v.kind !== "object" || v.entries.size > 0;
}
function readEksModule(mod, name, block, scope, out, kind) {
  const attr2 = (arg) => {
    const v = mod.attribute(block, arg, scope);
    return v && v.kind !== "null" ? v : void 0;
  };
  const id = `${root(mod)} ${mod.options.address.replace(/\[[^\]]*\]/g, "")}module.${name}`;
  const cluster = kind === "eks" ? { id, name: attr2("cluster_name") ?? attr2("name") } : clusterRef(attr2("cluster_name"), root(mod)) ?? {};
  if (kind === "eks") {
    const compute = attr2("cluster_compute_config") ?? attr2("compute_config");
    const autoMode = getEntry(compute, "enabled");
    out.clusters.push({ id, label: `module.${name}`, ...cluster.name ? { name: cluster.name } : {}, ...autoMode ? { autoMode } : compute && compute.kind !== "object" ? { autoMode: compute } : {}, loc: block.headerLoc });
  }
  for (const arg of kind === "eks" ? ["cluster_addons", "addons"] : ["eks_addons"]) {
    const value = attr2(arg);
    if (!value) continue;
    if (value.kind !== "object") out.addons.push({ name: unknown(`module.${name} ${arg} is not known`, value.loc), cluster, loc: value.loc });
    for (const addon of moduleAddons(value)) out.addons.push({ name: addon.name === void 0 ? unknown(`an add-on name of module.${name} is not known`, addon.loc) : { kind: "string", value: addon.name, loc: addon.loc }, cluster, loc: addon.loc });
  }
  if (kind === "eks") readModuleFargate(attr2("fargate_profiles"), `module.${name}`, cluster, out);
  return cluster;
}
function readModuleFargate(profiles, label, cluster, out) {
  if (!profiles) return;
  if (profiles.kind !== "object") {
    out.fargateSelectors.push({ profile: `${label} fargate_profiles`, cluster, namespace: unknown(`${label} fargate_profiles is not known`, profiles.loc), labels: false, loc: profiles.loc });
    return;
  }
  for (const [key, profile] of profiles.entries) {
    const selectors = getEntry(profile, "selectors");
    if (selectors && selectors.kind !== "list") out.fargateSelectors.push({ profile: `${label} fargate_profiles.${key}`, cluster, namespace: unknown("selectors not known", selectors.loc), labels: false, loc: selectors.loc });
    for (const selector of asItems(selectors)) {
      const namespace = getEntry(selector, "namespace");
      if (namespace) out.fargateSelectors.push({ profile: `${label} fargate_profiles.${key}`, cluster, namespace, labels: hasLabels(getEntry(selector, "labels")), loc: namespace.loc });
    }
  }
}
var withCluster = (cluster) => cluster ? { cluster } : {};

// src/terraform/computed.ts
function iamArn(kind, path, name, account, loc) {
  return concatText(
    [
      "arn:",
      unknown("partition (depends on data.aws_partition)", loc),
      ":iam::",
      account ?? unknown("account id (known after apply)", loc),
      `:${kind}`,
      path ?? "/",
      name
    ],
    loc
  );
}
var LINKED = {
  aws_iam_role: ["arn", "name", "id", "unique_id"],
  aws_iam_policy: ["arn", "name", "id"],
  aws_iam_openid_connect_provider: ["arn", "url"],
  aws_eks_cluster: ["identity", "arn", "name"]
};
function withComputedAttributes(type, address, id, attrs, loc, account) {
  const entries = new Map(attrs);
  const set = (k, v) => {
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
    const host = url && asText(url) !== void 0 ? str(asText(url).replace(/^https:\/\//, ""), url.loc) : unknown(`${address}.url not known`, loc);
    set("arn", iamArn("oidc-provider/", str("", loc), host, account, loc));
  } else if (type === "aws_eks_cluster") {
    set("identity", unknown(`${address}.identity is known after apply`, loc));
  }
  for (const attribute of LINKED[type] ?? []) {
    const v = entries.get(attribute);
    if (v && v.kind !== "null" && !v.origin) entries.set(attribute, withOrigin(v, { address: id, type, attribute }));
  }
  const result = obj(entries, loc);
  result.openReason = address;
  result.openOrigin = { address: id, type };
  return result;
}

// src/terraform/irsa-module.ts
var REGISTRY = /^(?:registry\.terraform\.io\/)?terraform-aws-modules\/iam\/aws\/\/modules\/(iam-role-for-service-accounts(?:-eks)?|iam-assumable-role-with-oidc)\/?$/;
function irsaModuleGeneration(source) {
  const m = REGISTRY.exec(source);
  if (!m) return void 0;
  return m[1] === "iam-assumable-role-with-oidc" ? "oidc" : m[1] === "iam-role-for-service-accounts-eks" ? "v5" : "v6";
}
var ARGS = {
  v5: { create: "create_role", name: "role_name", prefix: "role_name_prefix", path: "role_path", test: "assume_role_condition_test", policies: "role_policy_arns" },
  v6: { create: "create", name: "name", prefix: "", path: "path", test: "trust_condition_test", policies: "policies" },
  oidc: { create: "create_role", name: "role_name", prefix: "role_name_prefix", path: "role_path", test: "", policies: "role_policy_arns" }
};
var OUTPUTS = {
  v5: { arn: "iam_role_arn", name: "iam_role_name", path: "iam_role_path", id: "iam_role_unique_id" },
  v6: { arn: "arn", name: "name", path: "path", id: "unique_id" },
  oidc: { arn: "iam_role_arn", name: "iam_role_name", path: "iam_role_path", id: "iam_role_unique_id" }
};
var CREATES_BY_DEFAULT = { v5: true, v6: true, oidc: false };
function irsaModuleRole(generation, args, address, id, loc, accountId) {
  const names = ARGS[generation];
  const arg = (k) => k ? args.get(k) : void 0;
  const create = truthy(arg(names.create) ?? str(String(CREATES_BY_DEFAULT[generation]), loc));
  if (create === false) return { attachments: [], outputs: obj(/* @__PURE__ */ new Map(), loc) };
  let name;
  let namePrefix;
  if (generation === "v5" || generation === "oidc") {
    const given = arg(names.name);
    const prefix = arg(names.prefix);
    namePrefix = given && given.kind !== "null" ? void 0 : prefix && prefix.kind !== "null" ? prefix : str("terraform-", loc);
    name = given && given.kind !== "null" ? given : unknown(`${address}: role name is generated by Terraform`, loc);
  } else {
    const base = arg(names.name) ?? str("", loc);
    const usePrefix = truthy(arg("use_name_prefix") ?? str("true", loc));
    if (usePrefix === false) name = base;
    else {
      namePrefix = concatText([base, "-"], base.loc);
      name = unknown(`${address}: use_name_prefix adds a random suffix to the role name`, loc);
    }
  }
  const path = arg(names.path) ?? str("/", loc);
  const test = arg(names.test) ?? str("StringEquals", loc);
  const role = {
    id,
    address,
    name,
    namePrefix,
    ...namePrefix ? { generatedSuffix: "terraform" } : {},
    path,
    trust: generation === "oidc" ? oidcTrustDocument(args, loc, accountId) : trustDocument(args.get("oidc_providers"), test, loc),
    loc,
    inlinePolicies: [],
    attachedPolicyArns: [],
    generatedTrust: true
  };
  const attachments = [];
  const policies = arg(names.policies);
  for (const [, arn2] of (policies && iterate(policies)) ?? []) attachments.push({ role: name, policyArn: arn2, loc: arn2.loc, roleId: id });
  const out = OUTPUTS[generation];
  const origin = (attribute) => ({ address: id, type: "aws_iam_role", attribute });
  const arn = withOrigin(namePrefix ? unknown(`${address}: role name has a generated suffix`, loc) : iamArn("role", path, name, accountId, loc), origin("arn"));
  const outputs = obj(
    /* @__PURE__ */ new Map([
      [out.arn, arn],
      [out.name, withOrigin(name, origin("name"))],
      [out.path, path],
      [out.id, unknown(`${address}.${out.id} is known after apply`, loc)]
    ]),
    loc
  );
  outputs.openReason = address;
  return { role, attachments, outputs };
}
function trustDocument(providers, test, loc) {
  if (!providers) return document([], loc);
  const pairs = iterate(providers);
  if (!pairs) return document([unknown("oidc_providers not known", providers.loc)], loc);
  return document(pairs.map(([, p]) => statement(p, test)), providers.loc);
}
function document(statements, loc) {
  return obj(/* @__PURE__ */ new Map([["Version", str("2012-10-17", loc)], ["Statement", list(statements, loc)]]), loc);
}
function statement(provider, test) {
  const loc = provider.loc;
  const arn = getEntry(provider, "provider_arn") ?? unknown("provider_arn not set", loc);
  const host = providerHost(arn);
  const accounts = getEntry(provider, "namespace_service_accounts");
  const subjects = asItems(accounts).map((sa) => concatText(["system:serviceaccount:", sa], sa.loc));
  const conditionKey = (suffix) => concatText([host, suffix], arn.loc);
  const sub = conditionKey(":sub");
  const aud = conditionKey(":aud");
  const subKey = asText(sub) ?? "\0sub";
  const audKey = asText(aud) ?? "\0aud";
  const inner = obj(
    /* @__PURE__ */ new Map([
      [subKey, list(subjects, accounts?.loc ?? loc)],
      [audKey, list([str("sts.amazonaws.com", loc)], loc)]
    ]),
    loc,
    /* @__PURE__ */ new Map([[subKey, accounts?.loc ?? loc], [audKey, loc]])
  );
  inner.keyValues = /* @__PURE__ */ new Map([[subKey, sub], [audKey, aud]]);
  const testKey = asText(test) ?? "\0test";
  const condition = obj(/* @__PURE__ */ new Map([[testKey, inner]]), loc, /* @__PURE__ */ new Map([[testKey, test.loc]]));
  if (test.kind !== "string") condition.keyValues = /* @__PURE__ */ new Map([[testKey, test]]);
  return obj(
    /* @__PURE__ */ new Map([
      ["Effect", str("Allow", loc)],
      ["Action", str("sts:AssumeRoleWithWebIdentity", loc)],
      ["Principal", obj(/* @__PURE__ */ new Map([["Federated", arn]]), arn.loc)],
      ["Condition", condition]
    ]),
    loc
  );
}
function providerHost(arn) {
  const text = asText(arn);
  if (text !== void 0) return str(text.replace(/^(.*provider\/)/, ""), arn.loc);
  return unknown(`OIDC provider of ${arn.kind === "unknown" ? arn.reason : "the module call"}`, arn.loc);
}
function oidcTrustDocument(args, loc, accountId) {
  if (args.get("provider_urls")?.kind === "unknown") return document([unknown("provider_urls not known", loc)], loc);
  const urls = [...asItems(args.get("provider_urls")), ...args.get("provider_url") ? [args.get("provider_url")] : []];
  const hosts = urls.filter((u) => asText(u) !== "").map((u) => asText(u) !== void 0 ? str(asText(u).replace("https://", ""), u.loc) : u);
  const extra = args.get("provider_trust_policy_conditions");
  return document(
    hosts.map((host) => {
      const hostKey = (suffix) => concatText([host, suffix], host.loc);
      const conditions = [
        ["StringEquals", hostKey(":sub"), args.get("oidc_fully_qualified_subjects")],
        ["StringLike", hostKey(":sub"), args.get("oidc_subjects_with_wildcards")],
        ["StringLike", hostKey(":aud"), args.get("oidc_fully_qualified_audiences")]
      ];
      const byTest = /* @__PURE__ */ new Map();
      const put = (test, key, values) => {
        let inner = byTest.get(test);
        if (!inner) byTest.set(test, inner = obj(/* @__PURE__ */ new Map(), values.loc));
        const text = asText(key) ?? `\0${inner.entries.size}`;
        inner.entries.set(text, values);
        inner.keyLocs.set(text, values.loc);
        if (asText(key) === void 0) (inner.keyValues ??= /* @__PURE__ */ new Map()).set(text, key);
      };
      for (const [test, key, values] of conditions) if (values && values.kind !== "null" && (values.kind !== "list" || values.items.length)) put(test, key, values);
      const extras = extra && extra.kind !== "null" ? iterate(extra) : [];
      if (!extras) return unknown("provider_trust_policy_conditions not known", extra.loc);
      for (const [, c] of extras) put(asText(getEntry(c, "test") ?? unknown("", c.loc)) ?? "\0test", getEntry(c, "variable") ?? unknown("condition variable", c.loc), getEntry(c, "values") ?? unknown("condition values", c.loc));
      const provider = iamArn("oidc-provider/", str("", host.loc), host, accountId, loc);
      return obj(
        /* @__PURE__ */ new Map([
          ["Effect", str("Allow", loc)],
          ["Action", list([str("sts:AssumeRoleWithWebIdentity", loc), str("sts:TagSession", loc)], loc)],
          ["Principal", obj(/* @__PURE__ */ new Map([["Federated", provider]]), loc)],
          ["Condition", obj(new Map(byTest), loc)]
        ]),
        loc
      );
    }),
    loc
  );
}

// src/terraform/role-modules.ts
var SOURCES = [
  [/^(?:registry\.terraform\.io\/)?terraform-aws-modules\/iam\/aws\/\/modules\/iam-assumable-role\/?$/, "assumable-role"],
  [/^(?:registry\.terraform\.io\/)?terraform-aws-modules\/eks-pod-identity\/aws\/?$/, "pod-identity"]
];
function roleModuleKind(source) {
  return SOURCES.find(([re]) => re.test(source))?.[1];
}
function roleModule(kind, args, address, id, loc, accountId, root2 = "") {
  const arg = (k) => args.get(k)?.kind === "null" ? void 0 : args.get(k);
  const creates = truthy(arg(kind === "pod-identity" ? "create" : "create_role") ?? str(String(kind === "pod-identity"), loc));
  if (creates === false) return { attachments: [], associations: [], outputs: obj(/* @__PURE__ */ new Map(), loc) };
  const given = arg(kind === "pod-identity" ? "name" : "role_name");
  const usePrefix = kind === "pod-identity" ? truthy(arg("use_name_prefix") ?? str("true", loc)) !== false : false;
  const prefix = kind === "pod-identity" ? usePrefix && given ? concatText([given, "-"], given.loc) : void 0 : arg("role_name_prefix");
  const name = given && !usePrefix ? given : unknown(`${address}: role name is generated by Terraform`, loc);
  const namePrefix = given && !usePrefix ? void 0 : prefix ?? str("terraform-", loc);
  const path = arg(kind === "pod-identity" ? "path" : "role_path") ?? str("/", loc);
  const role = {
    id,
    address,
    name,
    ...namePrefix ? { namePrefix, generatedSuffix: "terraform" } : {},
    path,
    trust: kind === "pod-identity" ? podIdentityTrust(arg("trust_policy_conditions"), loc) : assumableTrust(arg, loc),
    loc,
    inlinePolicies: [],
    attachedPolicyArns: [],
    generatedTrust: true
  };
  const origin = (attribute) => ({ address: id, type: "aws_iam_role", attribute });
  const arn = withOrigin(namePrefix ? unknown(`${address}: role name has a generated suffix`, loc) : iamArn("role", path, name, accountId, loc), origin("arn"));
  const policies = arg(kind === "pod-identity" ? "additional_policy_arns" : "custom_role_policy_arns");
  const attachments = ((policies && iterate(policies)) ?? []).map(([, policyArn]) => ({ role: name, policyArn, loc: policyArn.loc, roleId: id }));
  const associations = [];
  for (const [, a] of kind === "pod-identity" && arg("associations") && iterate(arg("associations")) || []) {
    associations.push({
      namespace: getEntry(a, "namespace") ?? unknown("association namespace not set", a.loc),
      serviceAccount: getEntry(a, "service_account") ?? unknown("association service_account not set", a.loc),
      roleArn: arn,
      ...withCluster(clusterRef(getEntry(a, "cluster_name") ?? getEntry(arg("association_defaults"), "cluster_name"), root2)),
      loc: a.loc
    });
  }
  const outputs = obj(
    /* @__PURE__ */ new Map([
      ["iam_role_arn", arn],
      ["iam_role_name", withOrigin(name, origin("name"))],
      ["iam_role_path", path]
    ]),
    loc
  );
  outputs.openReason = address;
  return { role, attachments, associations, outputs };
}
function statement2(actions, principals, conditions, loc) {
  const entries = /* @__PURE__ */ new Map([
    ["Effect", str("Allow", loc)],
    ["Action", list(actions.map((a) => str(a, loc)), loc)],
    ["Principal", obj(principals, loc)]
  ]);
  const byTest = conditionsOf(conditions, loc);
  if (byTest) entries.set("Condition", byTest);
  return obj(entries, loc);
}
function conditionsOf(conditions, loc) {
  if (!conditions || conditions.kind === "null") return void 0;
  const pairs = iterate(conditions);
  if (!pairs) return obj(/* @__PURE__ */ new Map([["\0conditions", unknown("trust_policy_conditions not known", conditions.loc)]]), loc);
  if (!pairs.length) return void 0;
  const outer = obj(/* @__PURE__ */ new Map(), loc);
  for (const [, c] of pairs) {
    const test = asText(getEntry(c, "test") ?? unknown("", c.loc)) ?? `\0${outer.entries.size}`;
    let inner = outer.entries.get(test);
    if (!inner) outer.entries.set(test, inner = obj(/* @__PURE__ */ new Map(), c.loc));
    const variable = getEntry(c, "variable") ?? unknown("condition variable not set", c.loc);
    const key = asText(variable) ?? `\0${inner.entries.size}`;
    if (asText(variable) === void 0) (inner.keyValues ??= /* @__PURE__ */ new Map()).set(key, variable);
    inner.entries.set(key, getEntry(c, "values") ?? unknown("condition values not set", c.loc));
    inner.keyLocs.set(key, c.loc);
  }
  return outer;
}
function podIdentityTrust(conditions, loc) {
  const s = statement2(["sts:AssumeRole", "sts:TagSession"], /* @__PURE__ */ new Map([["Service", str("pods.eks.amazonaws.com", loc)]]), conditions, loc);
  return obj(/* @__PURE__ */ new Map([["Version", str("2012-10-17", loc)], ["Statement", list([s], loc)]]), loc);
}
function assumableTrust(arg, loc) {
  const custom = truthy(arg("create_custom_role_trust_policy") ?? str("false", loc));
  const mfa = truthy(arg("role_requires_mfa") ?? str("true", loc));
  if (custom !== false || mfa !== false) return unknown("the module's trust policy (custom, or requiring MFA) is not modelled", loc);
  const extra = asItems(arg("trusted_role_actions") ?? list([str("sts:AssumeRole", loc), str("sts:TagSession", loc)], loc)).map(asText);
  if (extra.some((a) => a === void 0)) return unknown("trusted_role_actions not known", loc);
  const actions = [.../* @__PURE__ */ new Set(["sts:AssumeRole", ...extra])];
  const principals = /* @__PURE__ */ new Map();
  for (const [type, key] of [["AWS", "trusted_role_arns"], ["Service", "trusted_role_services"]]) {
    const v = arg(key);
    if (v && (v.kind !== "list" || v.items.length)) principals.set(type, v);
  }
  const s = statement2(actions, principals, arg("trust_policy_conditions"), loc);
  return obj(/* @__PURE__ */ new Map([["Version", str("2012-10-17", loc)], ["Statement", list([s], loc)]]), loc);
}

// src/terraform/iam-role-v6.ts
var IAM_ROLE_V6 = /^(?:registry\.terraform\.io\/)?terraform-aws-modules\/iam\/aws\/\/modules\/iam-role\/?$/;
function iamRoleV6(args, address, id, loc, accountId) {
  const arg = (k) => args.get(k)?.kind === "null" ? void 0 : args.get(k);
  const flag = (k, fallback) => truthy(arg(k) ?? str(String(fallback), loc));
  if (flag("create", true) === false) return { attachments: [], outputs: obj(/* @__PURE__ */ new Map(), loc) };
  const given = arg("name");
  const usePrefix = flag("use_name_prefix", true);
  const name = given && usePrefix === false ? given : unknown(`${address}: role name is generated by Terraform`, loc);
  const namePrefix = usePrefix === false ? void 0 : given ? concatText([given, "-"], given.loc) : unknown(`${address}: name not known`, loc);
  const path = arg("path") ?? str("/", loc);
  const statements = [];
  if (flag("enable_oidc", false) !== false) statements.push(...oidcStatements(arg, accountId, loc));
  for (const k of ["enable_github_oidc", "enable_bitbucket_oidc", "enable_saml"]) if (flag(k, false) !== false) statements.push(unknown(`${address}: the ${k.replace(/^enable_/, "")} trust is not modelled`, loc));
  statements.push(...permissionStatements(arg("trust_policy_permissions"), loc));
  const role = {
    id,
    address,
    name,
    ...namePrefix ? { namePrefix, generatedSuffix: "terraform" } : {},
    path,
    trust: document2(statements, loc),
    loc,
    inlinePolicies: [],
    attachedPolicyArns: [],
    generatedTrust: true
  };
  if (flag("create_inline_policy", false) !== false) {
    const inline = { id: `${id}/inline`, address: `${address}.aws_iam_role_policy.this`, name: str(`${address} inline policy`, loc), path: str("/", loc), document: document2(permissionStatements(arg("inline_policy_permissions"), loc), loc), loc };
    role.inlinePolicies.push(inline);
  }
  const origin = (attribute) => ({ address: id, type: "aws_iam_role", attribute });
  const arn = withOrigin(namePrefix ? unknown(`${address}: role name has a generated suffix`, loc) : iamArn("role", path, name, accountId, loc), origin("arn"));
  const policies = arg("policies");
  const attachments = ((policies && iterate(policies)) ?? []).map(([, policyArn]) => ({ role: name, policyArn, loc: policyArn.loc, roleId: id }));
  const outputs = obj(/* @__PURE__ */ new Map([["arn", arn], ["name", withOrigin(name, origin("name"))], ["path", path]]), loc);
  outputs.openReason = address;
  return { role, attachments, outputs };
}
function document2(statements, loc) {
  return obj(/* @__PURE__ */ new Map([["Version", str("2012-10-17", loc)], ["Statement", list(statements, loc)]]), loc);
}
function oidcStatements(arg, accountId, loc) {
  const urls = arg("oidc_provider_urls");
  const pairs = urls ? iterate(urls) : [];
  if (!pairs) return [unknown("oidc_provider_urls not known", urls.loc)];
  const account = arg("oidc_account_id") ?? accountId;
  return pairs.map(([, url]) => {
    const host = asText(url) !== void 0 ? str(asText(url).replace(/^https:\/\//, ""), url.loc) : url;
    const key = (claim) => concatText([host, `:${claim}`], url.loc);
    const conditions = [
      ["StringEquals", key("sub"), arg("oidc_subjects")],
      ["StringLike", key("sub"), arg("oidc_wildcard_subjects")],
      ["StringEquals", key("aud"), arg("oidc_audiences")]
    ];
    const byTest = /* @__PURE__ */ new Map();
    for (const [test, variable, values] of conditions) {
      if (!values || values.kind === "list" && values.items.length === 0) continue;
      addCondition(byTest, test, variable, values, values.loc);
    }
    for (const c of asItems(arg("trust_policy_conditions"))) addCondition(byTest, asText(getEntry(c, "test") ?? unknown("", c.loc)) ?? "\0test", getEntry(c, "variable") ?? unknown("variable not set", c.loc), getEntry(c, "values") ?? unknown("values not set", c.loc), c.loc);
    const principal = obj(/* @__PURE__ */ new Map([["Federated", concatText(["arn:", unknown("partition", loc), ":iam::", account ?? unknown("account id (known after apply)", loc), ":oidc-provider/", host], url.loc)]]), url.loc);
    const entries = /* @__PURE__ */ new Map([
      ["Effect", str("Allow", url.loc)],
      ["Action", list([str("sts:TagSession", url.loc), str("sts:AssumeRoleWithWebIdentity", url.loc)], url.loc)],
      ["Principal", principal]
    ]);
    if (byTest.size) entries.set("Condition", obj(byTest, url.loc));
    return obj(entries, url.loc);
  });
}
function addCondition(byTest, test, variable, values, loc) {
  let inner = byTest.get(test);
  if (!inner) byTest.set(test, inner = obj(/* @__PURE__ */ new Map(), loc));
  const key = asText(variable) ?? `\0${inner.entries.size}`;
  if (asText(variable) === void 0) (inner.keyValues ??= /* @__PURE__ */ new Map()).set(key, variable);
  inner.entries.set(key, values);
  inner.keyLocs.set(key, loc);
}
function permissionStatements(map, loc) {
  if (!map || map.kind === "null") return [];
  const pairs = iterate(map);
  if (!pairs) return [unknown("the statements are not known", map.loc)];
  return pairs.map(([key, s]) => {
    const entries = /* @__PURE__ */ new Map([["Sid", getEntry(s, "sid") ?? key]]);
    entries.set("Effect", getEntry(s, "effect") ?? str("Allow", s.loc));
    for (const [from, to] of [["actions", "Action"], ["not_actions", "NotAction"], ["resources", "Resource"], ["not_resources", "NotResource"]]) {
      const v = getEntry(s, from);
      if (v && v.kind !== "null") entries.set(to, v);
    }
    for (const [from, to] of [["principals", "Principal"], ["not_principals", "NotPrincipal"]]) {
      const v = getEntry(s, from);
      if (!v || v.kind === "null") continue;
      const principals = /* @__PURE__ */ new Map();
      for (const p of asItems(v)) principals.set(asText(getEntry(p, "type") ?? unknown("", p.loc)) ?? `\0${principals.size}`, getEntry(p, "identifiers") ?? unknown("identifiers not set", p.loc));
      entries.set(to, obj(principals, v.loc));
    }
    const conditions = getEntry(s, "condition");
    if (conditions && conditions.kind !== "null") {
      const byTest = /* @__PURE__ */ new Map();
      for (const c of asItems(conditions)) addCondition(byTest, asText(getEntry(c, "test") ?? unknown("", c.loc)) ?? "\0test", getEntry(c, "variable") ?? unknown("variable not set", c.loc), getEntry(c, "values") ?? unknown("values not set", c.loc), c.loc);
      entries.set("Condition", obj(byTest, conditions.loc));
    }
    return obj(entries, s.loc ?? loc);
  });
}

// src/terraform/scope.ts
var Scope = class _Scope {
  constructor(vars = /* @__PURE__ */ new Map(), parent) {
    this.vars = vars;
    this.parent = parent;
  }
  vars;
  parent;
  get(name) {
    return this.vars.get(name) ?? this.parent?.get(name);
  }
  with(bindings) {
    return new _Scope(new Map(Object.entries(bindings)), this);
  }
};
var EMPTY_SCOPE = new Scope();

// src/terraform/modules.ts
var MAX_MODULE_DEPTH = 10;
function instanceAddress(base, key) {
  if (!key) return base;
  if (key.kind === "unknown") return `${base}[*]`;
  return key.kind === "number" ? `${base}[${key.value}]` : `${base}[${JSON.stringify(asText(key) ?? "?")}]`;
}
function moduleSource(parent, block) {
  const attr2 = block.body.attributes.find((a) => a.name === "source");
  return attr2 ? asText(parent.evaluator.eval(attr2.expr, EMPTY_SCOPE)) : void 0;
}
function isEvaluatedSource(source) {
  return !!source && (!!irsaModuleGeneration(source) || !!roleModuleKind(source) || IAM_ROLE_V6.test(source) || source.startsWith("./") || source.startsWith("../"));
}
function moduleInstances(parent, block, makeChild) {
  const name = block.labels[0];
  const base = `${parent.options.address}module.${name}`;
  const sourceAttr = block.body.attributes.find((a) => a.name === "source");
  const source = moduleSource(parent, block);
  if (source === void 0) return unknown(`${base}: source not known`, block.headerLoc);
  const known = parent.instances(block);
  const template = Array.isArray(known) || !isEvaluatedSource(source) ? void 0 : parent.templateInstance(block);
  const instances = Array.isArray(known) ? known : template ? [template] : void 0;
  if (!instances) return unknown(`${base}: count/for_each not known (${!Array.isArray(known) && known.kind === "unknown" ? known.reason : "not a collection"})`, block.headerLoc);
  const key = `${parent.options.address}module.${name}`.replace(/module\./g, "").replace(/\[[^\]]*\]/g, "");
  const downloadedDir = !source.startsWith("./") && !source.startsWith("../") ? parent.options.calls.downloaded?.(parent.options.root, key) : void 0;
  const downloadedFiles = downloadedDir !== void 0 ? parent.options.calls.filesIn(downloadedDir) : void 0;
  const generation = downloadedFiles ? void 0 : irsaModuleGeneration(source);
  const builtIn = downloadedFiles ? void 0 : roleModuleKind(source);
  const roleV6 = !downloadedFiles && IAM_ROLE_V6.test(source);
  const local = source.startsWith("./") || source.startsWith("../");
  const sourceDir = downloadedFiles ? downloadedDir : parent.options.calls.join(parent.options.dir, source);
  const files = downloadedFiles ?? (local ? parent.options.calls.filesIn(sourceDir) : void 0);
  if (!generation && !builtIn && !roleV6 && !files) {
    parent.diagnostics.push({
      level: "note",
      message: local ? `module ${base}: ${source} is not in the scanned tree; its outputs are unknown` : `module ${base}: registry module ${source} is not evaluated; its outputs are unknown`,
      location: sourceAttr.loc
    });
    return withOrigin(unknown(`${base} comes from ${source}, which irsa-lint does not evaluate`, block.headerLoc), { address: base, type: `module:${source.replace(/^registry\.terraform\.io\//, "")}` });
  }
  if (local || downloadedFiles) {
    const dir = sourceDir;
    if (dir === parent.options.dir || parent.options.ancestors.includes(dir)) {
      parent.diagnostics.push({ level: "error", message: `module "${name}" calls ${source}, a module it is itself called from: Terraform rejects this cycle; its outputs are unknown`, location: sourceAttr.loc });
      return unknown(`${base} calls itself`, block.headerLoc);
    }
  }
  if (parent.options.depth >= MAX_MODULE_DEPTH) {
    parent.diagnostics.push({ level: "error", message: `module "${name}" is nested more than ${MAX_MODULE_DEPTH} modules deep; its outputs are unknown`, location: block.headerLoc });
    return unknown(`${base}: modules nested too deeply`, block.headerLoc);
  }
  const budget = parent.options.budget;
  if ((budget.moduleInstances += instances.length) > LIMITS.moduleInstances) return budget.exceeded("moduleInstances", block.headerLoc);
  return instances.map((instance) => {
    const address = instanceAddress(base, instance.key);
    const args = /* @__PURE__ */ new Map();
    for (const attr2 of block.body.attributes) {
      if (!["source", "version", "count", "for_each", "providers", "depends_on"].includes(attr2.name))
        args.set(attr2.name, parent.evaluator.eval(attr2.expr, instance.scope));
    }
    if (builtIn) {
      const result = roleModule(builtIn, args, address, parent.id(address), block.headerLoc, parent.options.accountId, parent.options.root);
      return { key: instance.key, address, outputs: result.outputs, role: result.role, attachments: result.attachments, associations: result.associations };
    }
    if (roleV6) {
      const result = iamRoleV6(args, address, parent.id(address), block.headerLoc, parent.options.accountId);
      return { key: instance.key, address, outputs: result.outputs, role: result.role, attachments: result.attachments };
    }
    if (generation) {
      const result = irsaModuleRole(generation, args, address, parent.id(address), block.headerLoc, parent.options.accountId);
      return { key: instance.key, address, outputs: result.outputs, role: result.role, attachments: result.attachments };
    }
    const child = makeChild({ dir: sourceDir, address: `${address}.`, files, inputs: args });
    return { key: instance.key, address, outputs: childOutputs(child, block.headerLoc), child, attachments: [] };
  });
}
function childOutputs(child, loc) {
  const entries = /* @__PURE__ */ new Map();
  for (const [name, attr2] of child.outputs) entries.set(name, child.evaluator.eval(attr2.expr, EMPTY_SCOPE));
  const value = obj(entries, loc);
  value.openReason = child.options.address.slice(0, -1);
  return value;
}

// src/terraform/extract.ts
var attr = (attrs, name) => {
  const v = attrs.get(name);
  return v && v.kind !== "null" ? v : void 0;
};
var writtenAt = (block, attrs, name) => {
  const v = attr(attrs, name);
  const at = block.body.attributes.find((a) => a.name === name)?.expr.loc;
  return v && at && v.origin ? { ...v, loc: at } : v;
};
function policy(attrs, address, block, mod, documentKey = "policy") {
  const document3 = attr(attrs, documentKey);
  return {
    id: mod.id(address),
    address,
    name: attr(attrs, "name") ?? unknown(`${address}: name generated by AWS`, block.headerLoc),
    path: attr(attrs, "path") ?? str("/", block.headerLoc),
    document: document3 ? mod.decodeJson(document3) : unknown(`${address} has no ${documentKey}`, block.headerLoc),
    loc: block.headerLoc
  };
}
var optional = (key, v) => v && v.kind !== "null" ? { [key]: v } : {};
var HANDLERS = {
  aws_iam_role(attrs, address, block, mod, out, scope) {
    const trust = attr(attrs, "assume_role_policy");
    const given = mod.attribute(block, "name", scope);
    const generated = !given || given.kind === "null";
    const role = {
      id: mod.id(address),
      address,
      name: attrs.get("name"),
      namePrefix: generated ? attr(attrs, "name_prefix") ?? str("terraform-", block.headerLoc) : void 0,
      ...generated ? { generatedSuffix: "terraform" } : {},
      path: attr(attrs, "path") ?? str("/", block.headerLoc),
      trust: trust ? mod.decodeJson(trust) : void 0,
      loc: block.headerLoc,
      inlinePolicies: [],
      attachedPolicyArns: asItems(attr(attrs, "managed_policy_arns"))
    };
    for (const inline of nestedBlocks(block.body, "inline_policy", scope, mod.evaluator).blocks) {
      const inlineAttrs = new Map(inline.block.body.attributes.map((a) => [a.name, mod.evaluator.eval(a.expr, inline.scope)]));
      role.inlinePolicies.push(policy(inlineAttrs, `${address}.inline_policy`, inline.block, mod));
    }
    out.roles.push(role);
  },
  aws_iam_policy(attrs, address, block, mod, out) {
    out.policies.push(policy(attrs, address, block, mod));
  },
  aws_iam_role_policy(attrs, address, block, mod, out) {
    out.attachments.push({ role: attrs.get("role") ?? unknown("role not set", block.headerLoc), inline: policy(attrs, address, block, mod), loc: block.headerLoc });
  },
  aws_iam_role_policy_attachment(attrs, _address, block, _mod, out) {
    const role = attrs.get("role") ?? unknown("role not set", block.headerLoc);
    out.attachments.push({ role, policyArn: attrs.get("policy_arn") ?? unknown("policy_arn not set", block.headerLoc), loc: block.headerLoc });
  },
  aws_iam_policy_attachment(attrs, _address, block, _mod, out) {
    const arn = attrs.get("policy_arn") ?? unknown("policy_arn not set", block.headerLoc);
    for (const role of asItems(attr(attrs, "roles"))) out.attachments.push({ role, policyArn: arn, loc: block.headerLoc });
  },
  aws_iam_openid_connect_provider(attrs, address, block, mod, out) {
    out.oidcProviders.push({
      id: mod.id(address),
      url: attrs.get("url") ?? unknown("url not set", block.headerLoc),
      clientIds: attrs.get("client_id_list") ?? unknown("client_id_list not set", block.headerLoc),
      loc: block.headerLoc
    });
  },
  aws_eks_pod_identity_association(attrs, _address, block, _mod, out) {
    const missing = (what) => unknown(`${what} not set`, block.headerLoc);
    out.podIdentityAssociations.push({
      namespace: attrs.get("namespace") ?? missing("namespace"),
      serviceAccount: attrs.get("service_account") ?? missing("service_account"),
      roleArn: attrs.get("role_arn") ?? missing("role_arn"),
      ...attrs.has("disable_session_tags") ? { disableSessionTags: attrs.get("disable_session_tags") } : {},
      ...optional("targetRoleArn", attrs.get("target_role_arn")),
      ...withCluster(clusterRef(attrs.get("cluster_name"), _mod.options.root)),
      loc: block.headerLoc
    });
  },
  aws_launch_template(_attrs, address, block, mod, out, scope) {
    const options = nestedBlocks(block.body, "metadata_options", scope, mod.evaluator).blocks[0];
    if (!options) return;
    const value = (name) => {
      const a = options.block.body.attributes.find((x) => x.name === name);
      return a ? mod.evaluator.eval(a.expr, options.scope) : void 0;
    };
    out.nodeMetadata.push({ owner: address, ...optional("httpTokens", value("http_tokens")), ...optional("hopLimit", value("http_put_response_hop_limit")) });
  },
  aws_eks_addon(attrs, address, block, mod, out) {
    readEksAddon(attrs, block, mod, out);
    addonDeclarations(
      knownString(attrs.get("addon_name")),
      { roleArn: writtenAt(block, attrs, "service_account_role_arn"), podIdentity: podIdentityOf(obj(attrs, block.loc)), cluster: clusterRef(attrs.get("cluster_name"), mod.options.root) },
      block.headerLoc,
      out,
      (message) => mod.diagnostics.push({ level: "note", message: `${address}: ${message}`, location: block.headerLoc })
    );
  },
  aws_eks_cluster(attrs, address, block, mod, out, scope) {
    readEksCluster(attrs, address, block, mod, out, scope);
  },
  aws_eks_fargate_profile(attrs, address, block, mod, out, scope) {
    readFargateProfile(attrs, address, block, mod, out, scope);
  },
  kubernetes_service_account: serviceAccount,
  kubernetes_service_account_v1: serviceAccount,
  kubernetes_default_service_account: serviceAccount,
  kubernetes_default_service_account_v1: serviceAccount,
  kubernetes_config_map: configData("ConfigMap"),
  kubernetes_config_map_v1: configData("ConfigMap"),
  kubernetes_secret: configData("Secret"),
  kubernetes_secret_v1: configData("Secret"),
  helm_release(attrs, address, block, mod, out, scope) {
    readHelmRelease(attrs, block, out);
    helmRelease(attrs, address, block, mod, out, scope);
  },
  kubectl_manifest: manifests,
  kubernetes_manifest: manifests
};
function helmRelease(attrs, _address, block, mod, out, scope) {
  crossplaneInstall(attr(attrs, "chart"), attr(attrs, "namespace") ?? str("default", block.headerLoc), out);
  let values;
  for (const item of asItems(attr(attrs, "values"))) {
    const docs = (item.kind === "string" || item.kind === "template") && item.json ? [item.json] : parseRenderedYaml(item);
    for (const doc of docs) values = mergeValues(values, doc);
  }
  const setBlocks = nestedBlocks(block.body, "set", scope, mod.evaluator).blocks.map(
    (b) => new Map(b.block.body.attributes.map((a) => [a.name, { ...mod.evaluator.eval(a.expr, b.scope), loc: a.expr.loc }]))
  );
  const setList = block.body.attributes.some((a) => a.name === "set") ? asItems(attr(attrs, "set")).map((v) => v.kind === "object" ? v.entries : /* @__PURE__ */ new Map()) : [];
  for (const entry of [...setBlocks, ...setList]) {
    const name = knownString(entry.get("name"));
    const value = entry.get("value");
    if (name !== void 0 && value) values = mergeValues(values, valuesAt(name, value));
  }
  const release = { name: knownString(attr(attrs, "name")), chart: knownString(attr(attrs, "chart")) };
  out.serviceAccounts.push(...chartServiceAccounts(values, { namespace: attr(attrs, "namespace") ?? str("default", block.headerLoc), origin: "terraform", ...release }));
}
function manifests(attrs, _address, _block, _mod, out) {
  const result = { declarations: out, diagnostics: [] };
  const body = attr(attrs, "yaml_body");
  if (body) for (const doc of parseRenderedYaml(body)) readManifestValue(doc, result);
  const manifest = attr(attrs, "manifest");
  if (manifest?.kind === "object") readManifestValue(manifest, result);
}
function annotationAt(annotations, key) {
  const v = getEntry(annotations, key);
  const at = annotations?.kind === "object" ? annotations.keyLocs.get(key) : void 0;
  return v && at && v.origin ? { ...v, loc: at } : v;
}
function nameOf(v) {
  const known = knownString(v);
  return known !== void 0 ? { name: known } : { name: "<name not known>", nameKnown: false };
}
function namespaceOf(v) {
  if (!v || v.kind === "null") return { namespace: "default" };
  const known = knownString(v);
  return known !== void 0 ? { namespace: known } : { namespace: "<namespace not known>", namespaceKnown: false };
}
function serviceAccount(attrs, _address, block, mod, out, scope) {
  const metadata = nestedBlocks(block.body, "metadata", scope, mod.evaluator).blocks[0];
  if (!metadata) return;
  const meta = new Map(metadata.block.body.attributes.map((a) => [a.name, mod.evaluator.eval(a.expr, metadata.scope)]));
  const nameValue = /_default_service_account/.test(block.labels[0]) ? str("default", metadata.block.headerLoc) : meta.get("name");
  if (!nameValue || nameValue.kind === "null") return;
  const annotations = meta.get("annotations");
  out.serviceAccounts.push({
    ...nameOf(nameValue),
    ...namespaceOf(meta.get("namespace")),
    loc: nameValue.loc,
    ...serviceAccountAnnotations((key) => annotationAt(annotations, key)),
    automount: attrs.get("automount_service_account_token"),
    origin: "terraform"
  });
}
function configData(kind) {
  return (attrs, _address, block, mod, out, scope) => {
    const metadata = nestedBlocks(block.body, "metadata", scope, mod.evaluator).blocks[0];
    if (!metadata) return;
    const meta = new Map(metadata.block.body.attributes.map((a) => [a.name, mod.evaluator.eval(a.expr, metadata.scope)]));
    const name = knownString(meta.get("name"));
    if (name === void 0) return;
    const entries = (v) => v?.kind === "object" ? v.entries : /* @__PURE__ */ new Map();
    const located = (v) => new Map([...entries(v)].map(([k, x]) => [k, x.origin && v?.kind === "object" ? { ...x, loc: v.keyLocs.get(k) ?? x.loc } : x]));
    out.configData.push({
      kind,
      name,
      namespace: knownString(meta.get("namespace")),
      data: new Map([...located(attr(attrs, "data")), ...located(attr(attrs, "binary_data"))]),
      labels: new Map([...entries(meta.get("labels"))].flatMap(([k, v]) => knownString(v) !== void 0 ? [[k, knownString(v)]] : [])),
      annotations: located(meta.get("annotations")),
      loc: meta.get("name").loc
    });
  };
}
function extractDeclarations(mod) {
  const out = emptyDeclarations();
  for (const [key, block] of mod.resources) {
    const handler = HANDLERS[block.labels[0]];
    if (!handler) continue;
    const base = `${mod.options.address}${key}`;
    const known = mod.instances(block);
    const template = Array.isArray(known) ? void 0 : mod.templateInstance(block);
    const instances = Array.isArray(known) ? known : template ? [template] : [];
    if (!Array.isArray(known) && !template) {
      mod.diagnostics.push({ level: "note", message: `${base}: count/for_each is not valid (${known.kind === "unknown" ? known.reason : "not a collection"}); its instances are not checked`, location: block.headerLoc });
    }
    for (const instance of instances) {
      const address = instanceAddress(base, instance.key);
      const value = mod.instanceValue("resource", block, instance);
      if (value.kind === "object") handler(value.entries, address, block, mod, out, instance.scope);
    }
  }
  for (const [name, block] of mod.moduleBlocks) {
    const instances = mod.moduleCall(name);
    if (!Array.isArray(instances)) {
      if (instances?.origin?.type.startsWith("module:")) {
        out.roles.push(...rolesNamedIn(mod, name, block));
        const moduleScope = mod.templateInstance(block)?.scope ?? EMPTY_SCOPE;
        const chart = mod.attribute(block, "chart", moduleScope);
        if (chart) crossplaneInstall(chart, mod.attribute(block, "namespace", moduleScope) ?? unknown(`module.${name} namespace not set`, block.headerLoc), out);
        if (/(terraform-aws-modules\/eks\/aws|aws-ia\/eks-blueprints-addons\/aws)$/.test(instances.origin.type)) eksModuleAddons(mod, name, block, out, /eks-blueprints-addons/.test(instances.origin.type) ? "addons" : "eks");
        if (/terraform-aws-modules\/eks\/aws$/.test(instances.origin.type)) {
          out.nodeMetadata.push(...moduleNodeGroups(mod, name, block));
          const irsa = mod.attribute(block, "enable_irsa", mod.templateInstance(block)?.scope ?? EMPTY_SCOPE);
          if (irsa?.kind === "bool" && !irsa.value) out.clustersWithoutOidc.push({ address: instances.origin.address, root: mod.options.root, loc: irsa.loc });
        }
      }
      continue;
    }
    for (const instance of instances) {
      if (instance.role) out.roles.push(instance.role);
      out.attachments.push(...instance.attachments);
      out.podIdentityAssociations.push(...instance.associations ?? []);
      if (instance.child) {
        const inner = extractDeclarations(instance.child);
        for (const k of Object.keys(out)) out[k].push(...inner[k]);
      }
    }
  }
  return out;
}
function rolesNamedIn(mod, name, block) {
  const scope = mod.templateInstance(block)?.scope;
  const out = [];
  const source = block.body.attributes.find((a) => a.name === "source");
  const namesRoles = source !== void 0 && /iam|irsa|role|pod-identity/i.test(knownString(mod.evaluator.eval(source.expr, EMPTY_SCOPE)) ?? "");
  const visit = (v, path) => {
    if (v.kind === "object") for (const [k, inner] of v.entries) visit(inner, path ? `${path}.${k}` : k);
    else if ((/(^|[._])(iam_)?role_name$/.test(path) || namesRoles && path === "name") && (v.kind === "string" || v.kind === "template")) {
      const address = `${mod.options.address}module.${name}.${path}`;
      out.push({
        id: mod.id(address),
        address,
        name: { kind: "template", parts: [...v.kind === "string" ? [v.value] : v.parts, unknown("a suffix the module may add", v.loc)], loc: v.loc },
        path: unknown(`${address}: the module sets the path`, v.loc),
        loc: v.loc,
        inlinePolicies: [],
        attachedPolicyArns: []
      });
    }
  };
  for (const attr2 of block.body.attributes) if (!["source", "version", "count", "for_each", "providers", "depends_on"].includes(attr2.name)) visit(mod.evaluator.eval(attr2.expr, scope ?? EMPTY_SCOPE), attr2.name);
  return out;
}
function moduleNodeGroups(mod, name, block) {
  const scope = mod.templateInstance(block)?.scope ?? EMPTY_SCOPE;
  const out = [];
  const read = (owner, group) => {
    const options = getEntry(group, "metadata_options");
    if (options?.kind !== "object") return;
    const entry = (key) => getEntry(options, key);
    out.push({ owner, ...optional("httpTokens", entry("http_tokens")), ...optional("hopLimit", entry("http_put_response_hop_limit")) });
  };
  for (const arg of ["eks_managed_node_groups", "self_managed_node_groups"]) {
    const groups = mod.attribute(block, arg, scope);
    if (groups?.kind !== "object") continue;
    for (const [key, group] of groups.entries) read(`module.${name} ${arg}.${key}`, group);
    const inheriting = [...groups.entries].filter(([, group]) => group.kind === "object" && !getEntry(group, "metadata_options")).map(([key]) => key);
    if (inheriting.length) read(`module.${name} ${arg.replace("_groups", "_group_defaults")} (for ${inheriting.join(", ")})`, mod.attribute(block, arg.replace("_groups", "_group_defaults"), scope));
  }
  return out;
}
function eksModuleAddons(mod, name, block, out, kind) {
  const scope = mod.templateInstance(block)?.scope ?? EMPTY_SCOPE;
  const cluster = readEksModule(mod, name, block, scope, out, kind);
  for (const arg of ["cluster_addons", "addons", "eks_addons"]) {
    const value = mod.attribute(block, arg, scope);
    for (const addon of moduleAddons(value)) {
      addonDeclarations(
        addon.name,
        { roleArn: annotationAt(addon.settings, "service_account_role_arn"), podIdentity: podIdentityOf(addon.settings), cluster },
        addon.loc,
        out,
        (message) => mod.diagnostics.push({ level: "note", message: `module.${name}: ${message}`, location: addon.loc })
      );
    }
  }
}

// src/terraform/host.ts
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync } from "node:fs";
import { posix, relative, resolve, sep } from "node:path";

// src/terraform/taint.ts
var FileTaint = class {
  values = /* @__PURE__ */ new WeakSet();
  /** The tracked texts of the whole scan, for the engine to elide. */
  texts = /* @__PURE__ */ new Set();
  mark(v) {
    this.values.add(v);
    if (v.kind === "string" && v.value !== "") this.texts.add(v.value);
    return v;
  }
  /** Whether a value, or anything inside it, was computed from a file's text. */
  has(v) {
    if (this.values.has(v)) return true;
    if (v.kind === "list") return v.items.some((i) => this.has(i));
    if (v.kind === "object") {
      for (const item of v.entries.values()) if (this.has(item)) return true;
    }
    return false;
  }
  /** Marks a function's result, and every string inside it, when an argument was tainted. */
  spread(result) {
    this.mark(result);
    if (result.kind === "list") for (const i of result.items) this.spread(i);
    else if (result.kind === "object") for (const i of result.entries.values()) this.spread(i);
    return result;
  }
};

// src/terraform/host.ts
var TEMPLATE_PREFIX = "x = <<IRSA_LINT_TEMPLATE\n";
var NO_REFERENCES = {
  resolve: (root2, _steps, loc) => ({ value: failure(`${root2} cannot be referenced here`, loc), used: 0 })
};
var NO_FILES = {
  readFile: () => ({ error: "file() is not available here" }),
  parseJson: (_t, _f, loc) => unknown("JSON not decoded here", loc),
  templateFile: (_p, _v, loc) => unknown("templatefile() is not available here", loc)
};
var Host = class {
  constructor(cwd, scanRoots, hcl, readable) {
    this.cwd = cwd;
    this.scanRoots = scanRoots;
    this.hcl = hcl;
    this.readable = readable;
  }
  cwd;
  scanRoots;
  hcl;
  readable;
  texts = /* @__PURE__ */ new Map();
  taint = new FileTaint();
  /** Files read as templates (templatefile): Terraform renders them, so they are not manifests of their own. */
  rendered = /* @__PURE__ */ new Set();
  indexes = /* @__PURE__ */ new Map();
  /** Template files parsed once, whoever renders them how often. */
  templates = /* @__PURE__ */ new Map();
  /** A scanned Terraform file's text: JSON in its heredocs is placed in it, and file() reads it from here. */
  addText(file, text) {
    this.texts.set(file, text);
  }
  forRoot(rootDir, budget) {
    const host = {
      readFile: (path, loc) => this.readFile(rootDir, path, loc),
      parseJson: (text, file, loc, verbatim) => this.parseJson(text, file, loc, verbatim),
      templateFile: (path, vars, loc) => this.templateFile(path, vars, loc, host, rootDir),
      budget,
      taint: this.taint
    };
    return host;
  }
  readFile(rootDir, path, loc) {
    const moduleDir = posix.dirname(loc.file);
    const fromCwd = path.startsWith(`${moduleDir}/`) || posix.isAbsolute(path);
    const display = fromCwd ? posix.normalize(path) : posix.normalize(posix.join(rootDir, path));
    const text = readConfined(this.cwd, resolve(this.cwd, display), this.scanRoots, this.readable);
    if (text === void 0) return { error: `file ${path} is not read: file() reads only regular files of up to 5 MB inside the scanned folders that git tracks or does not ignore, not through symbolic links nor in version-control metadata (.git)` };
    this.texts.set(display, text);
    return { text, file: display };
  }
  parseJson(text, file, loc, verbatim) {
    let index2;
    if (verbatim && this.texts.has(verbatim.file)) {
      index2 = this.indexes.get(verbatim.file) ?? new LineIndex(this.texts.get(verbatim.file));
      this.indexes.set(verbatim.file, index2);
    }
    const parsed = index2 ? parseJsonWithPositions(verbatim.file, verbatim.text, (o) => index2.position(o), verbatim.offset) : parseJsonWithPositions(file, text);
    if (!parsed.value) return failure(`invalid JSON: ${parsed.error?.message}`, loc);
    return index2 ? parsed.value : relocate(parsed.value, unknown("", loc));
  }
  /** templatefile(): the file is an HCL template whose only names are the given variables. */
  templateFile(path, vars, loc, host, rootDir) {
    if (!this.hcl) return unknown("templatefile() needs the HCL parser", loc);
    const read = this.readFile(rootDir, path, loc);
    if ("error" in read) return unknown(read.error, loc);
    this.rendered.add(read.file);
    const expr = this.templateExpr(read.file, read.text);
    if (!expr) return unknown(`template ${path} has a syntax error`, loc);
    const pairs = iterate(vars);
    if (!pairs) return unknown("templatefile() variables not known", loc);
    const scope = EMPTY_SCOPE.with(Object.fromEntries(pairs.map(([k, v]) => [String(k.value), v])));
    const inner = { ...host, templateFile: (_p, _v, at) => failure("templatefile() cannot be called from inside a template (Terraform refuses it)", at) };
    const rendered = new Evaluator(NO_REFERENCES, inner).eval(expr, scope);
    const lined = rendered.kind === "string" && rendered.verbatimFrom === void 0 && lineCount(rendered.value) === lineCount(read.text) ? { ...rendered, loc: { file: read.file, line: 1, column: 1, endLine: 1, endColumn: 1 }, blockIndent: 0, templateLines: read.text.split("\n") } : rendered;
    return this.taint.spread(lined);
  }
  /** A template file's expression, parsed once and moved back to its place in the file. */
  templateExpr(file, text) {
    const key = `${file}\0${text}`;
    if (this.templates.has(key)) return this.templates.get(key);
    const body = text.endsWith("\n") ? text : `${text}
`;
    const parsed = this.hcl.parse(file, `${TEMPLATE_PREFIX}${body}IRSA_LINT_TEMPLATE
`);
    const found = parsed.file?.body.attributes[0]?.expr;
    let expr;
    if (found) {
      expr = unwrap(found);
      expr.loc = { ...expr.loc, line: 1, column: 1 };
      if (expr.type === "template") expr.heredoc = false;
    }
    this.templates.set(key, expr);
    return expr;
  }
};
function unwrap(node) {
  if (Array.isArray(node)) return node.map(unwrap);
  if (!node || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "loc" && v && typeof v === "object") {
      const l = v;
      out[k] = { ...l, line: Math.max(1, l.line - 1), endLine: Math.max(1, l.endLine - 1) };
    } else if (k === "offset" && typeof v === "number") out[k] = v - TEMPLATE_PREFIX.length;
    else out[k] = unwrap(v);
  }
  return out;
}
var VCS_METADATA = /* @__PURE__ */ new Set([".git", ".hg", ".svn", ".bzr", "_darcs", ".jj", "CVS"]);
var NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
function readConfined(cwd, absolute, roots, readable) {
  let fd;
  try {
    const real = realpathSync(absolute);
    if (real !== resolve(realpathSync(cwd), relative(cwd, absolute))) return void 0;
    if (!insideRoots(real, roots) || real.split(sep).some((part) => VCS_METADATA.has(part))) return void 0;
    if (readable && !readable(real)) return void 0;
    fd = openSync(real, constants.O_RDONLY | NO_FOLLOW | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return void 0;
    return readFileSync(fd, "utf8").replace(/^\uFEFF/, "");
  } catch {
    return void 0;
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
var lineCount = (text) => text.replace(/\n$/, "").split("\n").length;

// src/terraform/data-sources.ts
function dataSourceValue(block, address, scope, ctx) {
  const type = block.labels[0];
  const loc = block.headerLoc;
  const entries = /* @__PURE__ */ new Map();
  const notKnown = (what, l = loc) => unknown(`depends on ${address}${what ? `.${what}` : ""}`, l);
  switch (type) {
    case "aws_iam_policy_document": {
      const document3 = ctx.policyDocument(block, scope);
      const json = isKnown(document3) ? jsonText(document3, loc) : { kind: "template", parts: [firstUnknown(document3)], json: document3, loc };
      entries.set("json", json);
      entries.set("minified_json", json);
      break;
    }
    case "terraform_remote_state": {
      const type2 = knownString(ctx.attribute(block, "backend", scope));
      const config = ctx.attribute(block, "config", scope);
      const found = type2 === void 0 ? void 0 : ctx.remoteState?.(type2, config);
      if (found) entries.set("outputs", withOrigin(found.outputs, { address, type: "data.terraform_remote_state" }));
      else {
        const named = [getEntry(config, "bucket"), getEntry(config, "key"), getEntry(config, "path"), getEntry(getEntry(config, "workspaces"), "name")].map(knownString).filter(Boolean).join("/");
        entries.set("outputs", withOrigin(unknown(`${address}: the ${type2 ?? "(not known)"} state ${named || "it reads"} is no scanned root's (its backend settings match none)`, loc), { address, type: "data.terraform_remote_state", attribute: "outputs" }));
      }
      break;
    }
    case "aws_caller_identity":
      entries.set("account_id", ctx.accountId ?? notKnown("account_id"));
      break;
    case "aws_iam_role": {
      const name = ctx.attribute(block, "name", scope) ?? notKnown("name");
      const origin = (attribute) => ({ address, type: "data.aws_iam_role", attribute });
      entries.set("name", withOrigin(name, origin("name")));
      entries.set("arn", withOrigin(iamArn("role", void 0, name, ctx.accountId, loc), origin("arn")));
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

// src/terraform/policy-document.ts
function policyDocumentValue(block, scope, ev, decode) {
  const body = block.body;
  const statements = [];
  for (const source of asItems(attributeValue(body, "source_policy_documents", scope, ev)))
    statements.push(...documentStatements(decode(source), source.loc));
  const own = nestedBlocks(body, "statement", scope, ev);
  statements.push(...own.blocks.map((s) => statementValue(s, ev)));
  if (own.unknown) statements.push(unknown(`statements from a dynamic block: ${own.unknown.reason}`, own.unknown.loc));
  for (const override of asItems(attributeValue(body, "override_policy_documents", scope, ev))) {
    for (const stmt of documentStatements(decode(override), override.loc)) {
      const sid = asText(getEntry(stmt, "Sid") ?? { kind: "null", loc: stmt.loc });
      const at = sid ? statements.findIndex((s) => asText(getEntry(s, "Sid") ?? { kind: "null", loc: s.loc }) === sid) : -1;
      if (at >= 0) statements[at] = stmt;
      else statements.push(stmt);
    }
  }
  const entries = /* @__PURE__ */ new Map([
    ["Version", attributeValue(body, "version", scope, ev) ?? str("2012-10-17", block.headerLoc)],
    ["Statement", list(statements, block.loc)]
  ]);
  return obj(entries, block.loc);
}
function documentStatements(doc, loc) {
  if (doc.kind === "unknown" || doc.kind === "template") return [unknown("source policy document not known", loc)];
  return asItems(getEntry(doc, "Statement"));
}
function statementValue({ block, scope }, ev) {
  const body = block.body;
  const entries = /* @__PURE__ */ new Map();
  const keyLocs = /* @__PURE__ */ new Map();
  const put = (key, attr2, fallback) => {
    const a = body.attributes.find((x) => x.name === attr2);
    const given = a ? ev.eval(a.expr, scope) : void 0;
    const v = given && given.kind !== "null" ? given : fallback;
    if (!v) return;
    entries.set(key, v);
    keyLocs.set(key, a?.nameLoc ?? block.headerLoc);
  };
  put("Sid", "sid");
  put("Effect", "effect", str("Allow", block.headerLoc));
  put("Action", "actions");
  put("NotAction", "not_actions");
  put("Resource", "resources");
  put("NotResource", "not_resources");
  let incomplete;
  for (const [key, type] of [["Principal", "principals"], ["NotPrincipal", "not_principals"]]) {
    const found = nestedBlocks(body, type, scope, ev);
    incomplete ??= found.unknown;
    const principals = principalValue({ blocks: found.blocks }, block.headerLoc, ev);
    if (principals) entries.set(key, principals), keyLocs.set(key, principals.loc);
  }
  const foundConditions = nestedBlocks(body, "condition", scope, ev);
  incomplete ??= foundConditions.unknown;
  const conditions = conditionValue({ blocks: foundConditions.blocks }, block.headerLoc, ev);
  if (conditions) entries.set("Condition", conditions), keyLocs.set("Condition", conditions.loc);
  if (incomplete) entries.set("\0incomplete", unknown(`a dynamic block of the statement: ${incomplete.kind === "unknown" ? incomplete.reason : "not known"}`, incomplete.loc));
  return obj(entries, block.loc, keyLocs);
}
function principalValue(found, loc, ev) {
  if (!found.blocks.length) return void 0;
  return groupBlocks(found, loc, ev, "type", (b) => [["", attributeValue(b.block.body, "identifiers", b.scope, ev)]]);
}
function conditionValue(found, loc, ev) {
  if (!found.blocks.length) return void 0;
  return groupBlocks(found, loc, ev, "test", (b) => [[
    attributeValue(b.block.body, "variable", b.scope, ev) ?? unknown("condition without variable", b.block.headerLoc),
    attributeValue(b.block.body, "values", b.scope, ev)
  ]]);
}
function groupBlocks(found, loc, ev, keyAttr, inner) {
  const outer = obj(/* @__PURE__ */ new Map(), found.blocks[0]?.block.loc ?? loc);
  for (const b of found.blocks) {
    const keyValue = attributeValue(b.block.body, keyAttr, b.scope, ev) ?? unknown(`${keyAttr} not set`, b.block.headerLoc);
    const key = asText(keyValue) ?? `\0${keyValue.loc.line}:${keyValue.loc.column}`;
    if (keyValue.kind !== "string") (outer.keyValues ??= /* @__PURE__ */ new Map()).set(key, keyValue);
    outer.keyLocs.set(key, keyValue.loc);
    for (const [sub, value] of inner(b)) {
      if (sub === "") {
        const prev = outer.entries.get(key);
        const items = [...asItems(prev), ...asItems(value)];
        outer.entries.set(key, list(items, value?.loc ?? b.block.loc));
        continue;
      }
      let group = outer.entries.get(key);
      if (!group) outer.entries.set(key, group = obj(/* @__PURE__ */ new Map(), b.block.loc));
      const subKey = asText(sub) ?? `\0${sub.loc.line}:${sub.loc.column}`;
      if (sub.kind !== "string") (group.keyValues ??= /* @__PURE__ */ new Map()).set(subKey, sub);
      group.keyLocs.set(subKey, sub.loc);
      group.entries.set(subKey, value ?? unknown("condition without values", b.block.headerLoc));
    }
  }
  return outer;
}

// src/terraform/types.ts
function convertToType(v, type, evalDefault) {
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
      return keep(v, list(v.items.map((i, n) => inner.items[n] ? convertToType(i, inner.items[n], evalDefault) : i), v.loc));
    case "map":
      if (v.kind !== "object" || !inner) return v;
      return keep(v, { ...v, entries: new Map([...v.entries].map(([k, x]) => [k, convertToType(x, inner, evalDefault)])) });
    case "object":
      return v.kind === "object" && inner?.type === "object" ? objectOf(v, inner, evalDefault) : v;
    default:
      return v;
  }
}
function objectOf(v, type, evalDefault) {
  const entries = /* @__PURE__ */ new Map();
  const keyLocs = new Map(v.keyLocs);
  for (const item of type.items) {
    const key = item.key.type === "literal" ? String(item.key.value) : item.key.type === "variable" ? item.key.name : void 0;
    if (key === void 0) continue;
    const given = v.entries.get(key);
    const optional2 = item.value.type === "call" && item.value.name === "optional" ? item.value : void 0;
    if (given && !(given.kind === "null" && optional2?.args[1])) entries.set(key, convertToType(given, item.value, evalDefault));
    else if (optional2) {
      const fallback = optional2.args[1] ? convertToType(evalDefault(optional2.args[1]), optional2.args[0], evalDefault) : nul(v.loc);
      entries.set(key, fallback);
      keyLocs.set(key, item.loc);
    }
  }
  for (const [k, x] of v.entries) if (k.startsWith("\0")) entries.set(k, x);
  const out = obj(entries, v.loc, keyLocs);
  if (v.keyValues) out.keyValues = v.keyValues;
  return keep(v, out);
}
function primitive(v, name) {
  const text = asText(v);
  switch (name) {
    case "string":
      return text !== void 0 && v.kind !== "string" ? keep(v, str(text, v.loc)) : v;
    case "number":
      return v.kind === "string" && text !== "" && !Number.isNaN(Number(text)) ? keep(v, num(Number(text), v.loc)) : v;
    case "bool":
      return v.kind === "string" && (text === "true" || text === "false") ? keep(v, bool(text === "true", v.loc)) : v;
    default:
      return v;
  }
}
function keep(from, to) {
  return from.origin ? { ...to, origin: from.origin } : to;
}

// src/terraform/module.ts
var TerraformModule = class _TerraformModule {
  constructor(options) {
    this.options = options;
    this.diagnostics = options.diagnostics;
    this.evaluator = new Evaluator(this, options.host, options.budget);
    for (const f of options.files) {
      for (const block of f.body.blocks) this.index(block);
    }
  }
  options;
  variables = /* @__PURE__ */ new Map();
  locals = /* @__PURE__ */ new Map();
  resources = /* @__PURE__ */ new Map();
  data = /* @__PURE__ */ new Map();
  moduleBlocks = /* @__PURE__ */ new Map();
  outputs = /* @__PURE__ */ new Map();
  diagnostics;
  evaluator;
  memo = /* @__PURE__ */ new Map();
  inProgress = [];
  index(block) {
    const [a, b] = block.labels;
    if (block.type === "variable" && a) this.variables.set(a, block);
    else if (block.type === "locals") for (const attr2 of block.body.attributes) this.locals.set(attr2.name, attr2);
    else if (block.type === "resource" && a && b) this.resources.set(`${a}.${b}`, block);
    else if (block.type === "data" && a && b) this.data.set(`${a}.${b}`, block);
    else if (block.type === "module" && a) this.moduleBlocks.set(a, block);
    else if (block.type === "output" && a) {
      const value = block.body.attributes.find((x) => x.name === "value");
      if (value) this.outputs.set(a, value);
    }
  }
  /** An address made unique in the scan: two roots calling one module declare the same addresses. */
  id(address) {
    return `${this.options.root}::${address}`;
  }
  /** Evaluates `key` once; a reference back into a value being evaluated is a cycle. */
  memoise(key, loc, compute) {
    const cached = this.memo.get(key);
    if (cached) return cached;
    if (this.inProgress.includes(key)) {
      const cycle = [...this.inProgress.slice(this.inProgress.indexOf(key)), key].join(" \u2192 ");
      this.diagnostics.push({ level: "warning", message: `Terraform reference cycle: ${cycle}`, location: loc });
      return failure(`reference cycle: ${cycle}`, loc);
    }
    this.inProgress.push(key);
    try {
      const value = compute();
      this.memo.set(key, value);
      return value;
    } finally {
      this.inProgress.pop();
    }
  }
  resolve(root2, steps, loc) {
    const first = steps[0]?.type === "attr" ? steps[0].name : void 0;
    const second = steps[1]?.type === "attr" ? steps[1].name : void 0;
    switch (root2) {
      case "var":
        return { value: first ? this.variable(first, loc) : failure("var needs a name", loc), used: 1 };
      case "local":
        return { value: first ? this.local(first, loc) : failure("local needs a name", loc), used: 1 };
      case "path":
        return { value: str(this.options.dir || ".", loc), used: 1 };
      case "terraform":
        return { value: unknown("terraform.workspace is chosen at run time", loc), used: 1 };
      case "each":
      case "count":
      case "self":
        return { value: failure(`${root2} is not available here`, loc), used: 0 };
      case "data":
        if (!first || !second) return { value: failure("data needs a type and a name", loc), used: 0 };
        return { value: this.blockReference("data", this.data, `${first}.${second}`, loc), used: 2 };
      case "module":
        if (!first) return { value: failure("module needs a name", loc), used: 0 };
        return { value: this.moduleReference(first, loc), used: 1 };
      default:
        if (!first) return { value: failure(`unknown reference ${root2}`, loc), used: 0 };
        return { value: this.blockReference("resource", this.resources, `${root2}.${first}`, loc), used: 1 };
    }
  }
  variable(name, loc) {
    const given = this.options.inputs.get(name);
    const block = this.variables.get(name);
    if (!block) return given ?? failure(`no variable "${name}" is declared`, loc);
    const def = block.body.attributes.find((a) => a.name === "default");
    if (!given && !def) return unknown(`var.${name} has no default and no value in the scanned tfvars`, loc);
    const type = block.body.attributes.find((a) => a.name === "type")?.expr;
    return this.memoise(`var.${name}`, loc, () => {
      const value = given && !(given.kind === "null" && def && nullable(block) === false) ? given : this.evaluator.eval(def.expr, EMPTY_SCOPE);
      return type ? convertToType(value, type, (e) => this.evaluator.eval(e, EMPTY_SCOPE)) : value;
    });
  }
  local(name, loc) {
    const attr2 = this.locals.get(name);
    if (!attr2) return failure(`no local "${name}" is declared`, loc);
    return this.memoise(`local.${name}`, loc, () => this.evaluator.eval(attr2.expr, EMPTY_SCOPE));
  }
  instanceCache = /* @__PURE__ */ new Map();
  /** count and for_each: one instance per element, each with its own `count`/`each` binding. */
  instances(block) {
    let found = this.instanceCache.get(block);
    if (!found) this.instanceCache.set(block, found = this.expandInstances(block));
    return found;
  }
  expandInstances(block) {
    const count = block.body.attributes.find((a) => a.name === "count");
    const forEach = block.body.attributes.find((a) => a.name === "for_each");
    if (!count && !forEach) return [{ scope: EMPTY_SCOPE }];
    if (count) {
      const n = this.evaluator.eval(count.expr, EMPTY_SCOPE);
      if (n.kind !== "number") return n.kind === "unknown" ? n : failure("count is not a number", count.loc);
      if (n.value > LIMITS.collectionSize) return this.options.budget.exceeded("collectionSize", count.loc);
      return Array.from({ length: Math.max(0, Math.floor(n.value)) }, (_, i) => {
        const key = { kind: "number", value: i, loc: count.loc };
        return { key, scope: EMPTY_SCOPE.with({ count: obj(/* @__PURE__ */ new Map([["index", key]]), count.loc) }) };
      });
    }
    const collection = this.evaluator.eval(forEach.expr, EMPTY_SCOPE);
    const pairs = iterate(collection);
    if (!pairs) return collection.kind === "unknown" ? collection : failure("for_each is not a map or set", forEach.loc);
    if (pairs.length > LIMITS.collectionSize) return this.options.budget.exceeded("collectionSize", forEach.loc);
    return pairs.map(([k, v]) => {
      const key = collection.kind === "list" ? v : k;
      return { key, scope: EMPTY_SCOPE.with({ each: obj(/* @__PURE__ */ new Map([["key", key], ["value", v]]), v.loc) }) };
    });
  }
  /**
   * An instance standing for all instances of a block whose count or for_each is not known: its
   * key, `count.index`, `each.key` and `each.value` are unknown, everything else is evaluated.
   * What does not depend on the key (a literal role name) is then known for every instance.
   */
  templateInstance(block) {
    const instances = this.instances(block);
    if (Array.isArray(instances) || instances.kind === "unknown" && instances.error) return void 0;
    const why = instances.kind === "unknown" ? instances.reason : "not a collection";
    const key = unknown(`instance key not known (${why})`, block.headerLoc);
    const binding = block.body.attributes.some((a) => a.name === "count") ? { count: obj(/* @__PURE__ */ new Map([["index", key]]), block.headerLoc) } : { each: obj(/* @__PURE__ */ new Map([["key", key], ["value", unknown(`each.value not known (${why})`, block.headerLoc)]]), block.headerLoc) };
    return { key, scope: EMPTY_SCOPE.with(binding) };
  }
  /** The value a resource or data reference stands for: one object, or a list/map of instances. */
  blockReference(kind, table, key, loc) {
    const block = table.get(key);
    const address = `${kind === "data" ? "data." : ""}${key}`;
    if (!block) return failure(`no ${kind} ${address} is declared`, loc);
    return this.memoise(address, loc, () => {
      const instances = this.instances(block);
      const one = (i) => this.instanceValue(kind, block, i);
      if (!Array.isArray(instances)) {
        const template = this.templateInstance(block);
        return { ...unknown(`instances of ${address} not known`, loc), ...template ? { element: one(template) } : {} };
      }
      if (!block.body.attributes.some((a) => a.name === "count" || a.name === "for_each")) return one(instances[0]);
      if (block.body.attributes.some((a) => a.name === "count")) return list(instances.map(one), block.loc);
      const entries = /* @__PURE__ */ new Map();
      for (const i of instances) entries.set(String(i.key.value), one(i));
      return obj(entries, block.loc);
    });
  }
  /** One instance's value, evaluated once whether a reference or the extraction asks first. */
  instanceValue(kind, block, instance) {
    const address = instanceAddress(`${this.options.address}${kind === "data" ? "data." : ""}${block.labels[0]}.${block.labels[1]}`, instance.key);
    return this.memoise(`${address}#instance`, block.headerLoc, () => this.evaluateInstance(kind, block, address, instance));
  }
  evaluateInstance(kind, block, address, instance) {
    if (kind === "data") {
      return dataSourceValue(block, address, instance.scope, {
        attribute: (b, name, scope) => this.attribute(b, name, scope),
        policyDocument: (b, scope) => policyDocumentValue(b, scope, this.evaluator, (json) => this.decodeJson(json)),
        accountId: this.options.accountId,
        remoteState: this.options.remoteState
      });
    }
    const attrs = blockAttributes(block.body, instance.scope, this.evaluator);
    return withComputedAttributes(block.labels[0], address, this.id(address), attrs, block.headerLoc, this.options.accountId);
  }
  attribute(block, name, scope) {
    const attr2 = block.body.attributes.find((a) => a.name === name);
    return attr2 ? this.evaluator.eval(attr2.expr, scope) : void 0;
  }
  /** A JSON string (jsonencode result, heredoc, file()) as its structured, located Value. */
  decodeJson(v) {
    if ((v.kind === "string" || v.kind === "template") && v.json) return v.json;
    if (v.kind === "template") return parseRenderedYaml(v)[0] ?? v;
    if (v.kind !== "string") return v;
    if (v.templateLines && !v.verbatimFrom) {
      const parsed = parseRenderedYaml(v)[0];
      return parsed ? onTemplateLines(parsed, v.value.split("\n"), v.templateLines) : this.options.host.parseJson(v.value, v.loc.file, v.loc);
    }
    return this.options.host.parseJson(v.value, v.verbatimFrom?.file ?? v.loc.file, v.loc, v.verbatimFrom);
  }
  children = /* @__PURE__ */ new Map();
  /** The instances of a module call, evaluated once and shared by references and extraction. */
  moduleCall(name) {
    const block = this.moduleBlocks.get(name);
    if (!block) return void 0;
    let found = this.children.get(name);
    if (!found) {
      found = moduleInstances(this, block, (child) => new _TerraformModule({ ...this.options, ...child, depth: this.options.depth + 1, ancestors: [...this.options.ancestors, this.options.dir] }));
      this.children.set(name, found);
    }
    return found;
  }
  moduleReference(name, loc) {
    const block = this.moduleBlocks.get(name);
    const instances = this.moduleCall(name);
    if (!block || !instances) return failure(`no module "${name}" is declared`, loc);
    if (!Array.isArray(instances)) return instances;
    if (instances.length === 1 && instances[0].key?.kind === "unknown") return { ...unknown(`instances of module.${name} not known`, loc), element: instances[0].outputs };
    if (block.body.attributes.some((a) => a.name === "count")) return list(instances.map((i) => i.outputs), block.loc);
    if (!block.body.attributes.some((a) => a.name === "for_each")) return instances[0]?.outputs ?? failure("module has no instance", loc);
    const entries = /* @__PURE__ */ new Map();
    for (const i of instances) entries.set(asText(i.key) ?? "", i.outputs);
    return obj(entries, block.loc);
  }
};
function nullable(block) {
  const attr2 = block.body.attributes.find((a) => a.name === "nullable");
  if (!attr2) return true;
  return attr2.expr.type === "literal" && typeof attr2.expr.value === "boolean" ? attr2.expr.value : void 0;
}
function onTemplateLines(v, rendered, template) {
  const move = (l) => {
    const i = l.line - 1;
    if (rendered[i] === template[i] || template[i] === void 0) return l;
    const column = template[i].length - template[i].trimStart().length + 1;
    return { ...l, column, endLine: l.line, endColumn: column };
  };
  switch (v.kind) {
    case "object":
      return { ...v, loc: move(v.loc), entries: new Map([...v.entries].map(([k, x]) => [k, onTemplateLines(x, rendered, template)])), keyLocs: new Map([...v.keyLocs].map(([k, l]) => [k, move(l)])) };
    case "list":
      return { ...v, loc: move(v.loc), items: v.items.map((x) => onTemplateLines(x, rendered, template)) };
    default:
      return { ...v, loc: move(v.loc) };
  }
}

// src/terraform/remote-state.ts
import { posix as posix2 } from "node:path";
var IDENTITY = {
  s3: ["bucket", "key"],
  gcs: ["bucket", "prefix"],
  azurerm: ["storage_account_name", "container_name", "key"],
  remote: ["organization", "workspaces.name"],
  cloud: ["organization", "workspaces.name"],
  http: ["address"],
  consul: ["address", "path"],
  pg: ["conn_str", "schema_name"],
  local: ["path"]
};
function backendOf(files) {
  for (const f of files)
    for (const t of f.body.blocks)
      if (t.type === "terraform")
        for (const b of t.body.blocks) {
          if (b.type !== "backend" && b.type !== "cloud") continue;
          const settings = /* @__PURE__ */ new Map();
          for (const a of b.body.attributes) {
            const text = literal(a.expr);
            if (text !== void 0) settings.set(a.name, text);
          }
          for (const inner of b.body.blocks)
            for (const a of inner.body.attributes) {
              const text = literal(a.expr);
              if (text !== void 0) settings.set(`${inner.type}.${a.name}`, text);
            }
          return { type: b.type === "cloud" ? "cloud" : b.labels[0] ?? "local", settings };
        }
  return { type: "local", settings: /* @__PURE__ */ new Map() };
}
function statesMatch(type, config, from, dir, backend) {
  const wanted = type === "remote" && backend.type === "cloud" ? "cloud" : type;
  if (wanted !== backend.type && !(wanted === "cloud" && backend.type === "remote")) return false;
  if (type === "local") {
    const path = knownString(getEntry(config, "path")) ?? "terraform.tfstate";
    const state = path.startsWith(`${from}/`) ? path : posix2.join(from, path);
    return posix2.normalize(state) === posix2.normalize(posix2.join(dir, backend.settings.get("path") ?? "terraform.tfstate"));
  }
  const keys = IDENTITY[wanted];
  if (!keys) return false;
  const setting = (key) => {
    const [first, second] = key.split(".");
    return knownString(second ? getEntry(getEntry(config, first), second) : getEntry(config, first));
  };
  return keys.every((key) => {
    const theirs = backend.settings.get(key);
    const ours = setting(key);
    return theirs !== void 0 && ours !== void 0 && theirs === ours;
  });
}
function literal(e) {
  if (e.type === "literal") return e.value === null ? void 0 : String(e.value);
  if (e.type === "template" && e.parts.length === 1 && e.parts[0].type === "text") return e.parts[0].value;
  return void 0;
}

// src/terraform/project.ts
function evaluateTerraform(input) {
  const evaluation = new TerraformEvaluation(input, [...input.files.map((f) => f.file), ...input.tfvars.map((t) => t.file)]);
  for (const f of input.files) evaluation.add(f.file, { source: f });
  for (const t of input.tfvars) evaluation.add(t.file, { tfvars: t });
  return evaluation.finish();
}
var TerraformEvaluation = class {
  constructor(input, expected) {
    this.input = input;
    for (const file of expected) {
      const dir = posix3.dirname(file);
      this.pending.set(dir, (this.pending.get(dir) ?? 0) + 1);
    }
    this.host = new Host(input.cwd, input.scanRoots, input.hcl, input.readable);
    this.accountId = input.accountId ? str(input.accountId, { file: "--account-id", line: 1, column: 1, endLine: 1, endColumn: 1 }) : void 0;
  }
  input;
  sourcesByDir = /* @__PURE__ */ new Map();
  tfvarsByDir = /* @__PURE__ */ new Map();
  /** Terraform files still to arrive, by folder. */
  pending = /* @__PURE__ */ new Map();
  /** Local module folders each scanned folder calls, and every folder some scanned folder calls. */
  calls = /* @__PURE__ */ new Map();
  called = /* @__PURE__ */ new Set();
  results = /* @__PURE__ */ new Map();
  /** Folders ready to evaluate, in arrival order (`next` is the first not yet taken). */
  ready = [];
  next = 0;
  waiting = /* @__PURE__ */ new Set();
  /** A module folder's ASTs are kept, since several roots may call it; a root's are dropped after use. */
  kept = /* @__PURE__ */ new Map();
  host;
  accountId;
  /** One expected file has arrived: with its source or values, or with nothing (it failed to parse, or is gone). */
  add(file, content) {
    const dir = posix3.dirname(file);
    if (content.source) {
      pushTo(this.sourcesByDir, dir, content.source);
      this.host.addText(content.source.file, content.source.text);
    }
    if (content.tfvars) pushTo(this.tfvarsByDir, dir, content.tfvars);
    const left = (this.pending.get(dir) ?? 1) - 1;
    this.pending.set(dir, left);
    if (left === 0) {
      this.waiting.add(dir);
      this.release(this.called.has(dir) ? [...this.waiting] : [dir]);
    }
  }
  /** Evaluates folders that are ready, for about `budgetMs`; says whether any is left ready. */
  evaluateReady(budgetMs = Infinity) {
    const until = performance.now() + budgetMs;
    while (this.next < this.ready.length && performance.now() < until) {
      const dir = this.ready[this.next++];
      if (!this.finishing && this.sourcesByDir.get(dir)?.some((s) => s.text.includes("terraform_remote_state"))) continue;
      if (!this.results.has(dir)) this.results.set(dir, this.evaluateRoot(dir));
    }
    return this.next < this.ready.length;
  }
  finishing = false;
  backends = /* @__PURE__ */ new Map();
  remoteOutputs = /* @__PURE__ */ new Map();
  /** The outputs of the scanned root whose state a `terraform_remote_state` read from `from` names (remote-state.ts). */
  remoteState(from) {
    return (type, config) => {
      for (const dir of [...this.sourcesByDir.keys()].sort()) {
        if (dir === from || this.called.has(dir)) continue;
        let backend = this.backends.get(dir);
        if (!backend) this.backends.set(dir, backend = backendOf(this.astsIn(dir, true) ?? []));
        if (statesMatch(type, config, from, dir, backend)) return { outputs: this.outputsOf(dir), root: dir };
      }
      return void 0;
    };
  }
  /** A root's outputs, evaluated once (its own findings come from its own evaluation). */
  outputsOf(dir) {
    const known = this.remoteOutputs.get(dir);
    if (known) return known;
    const loc = fileStart(this.sourcesByDir.get(dir)[0].file);
    this.remoteOutputs.set(dir, unknown(`the outputs of ${dir} depend on a remote state that depends on them`, loc));
    const mod = this.rootModule(dir, [], new Budget([]));
    const entries = new Map([...mod.outputs].map(([name, attr2]) => [name, mod.evaluator.eval(attr2.expr, EMPTY_SCOPE)]));
    const outputs = obj(entries, loc);
    outputs.openReason = `the state of ${dir}`;
    this.remoteOutputs.set(dir, outputs);
    return outputs;
  }
  /** After every expected file has arrived: evaluates what is left, and merges the roots' results in folder order. */
  finish() {
    this.finishing = true;
    for (const dir of this.sourcesByDir.keys()) if (!this.results.has(dir)) this.ready.push(dir);
    this.waiting.clear();
    this.evaluateReady();
    const called = this.called;
    const out = { declarations: emptyDeclarations(), diagnostics: [], failedRoots: [], fileTexts: this.host.taint.texts, rendered: this.host.rendered };
    for (const dir of [...this.sourcesByDir.keys()].sort()) {
      const result = this.results.get(dir);
      if (called.has(dir) || !result) continue;
      mergeDeclarations(out.declarations, result.declarations);
      out.diagnostics.push(...result.diagnostics);
      if (result.failed) out.failedRoots.push(dir);
    }
    return out;
  }
  /** Moves waiting folders whose files, and whose modules' files, have all arrived to the ready queue. */
  release(dirs) {
    for (const dir of dirs) {
      if (!this.sourcesByDir.has(dir)) {
        this.waiting.delete(dir);
        continue;
      }
      if (this.arrived(dir, /* @__PURE__ */ new Set())) {
        this.waiting.delete(dir);
        this.ready.push(dir);
      }
    }
  }
  arrived(dir, seen) {
    if (seen.has(dir)) return true;
    seen.add(dir);
    if ((this.pending.get(dir) ?? 0) > 0) return false;
    return this.callsOf(dir).every((d) => this.arrived(d, seen));
  }
  callsOf(dir) {
    let targets = this.calls.get(dir);
    if (targets) return targets;
    targets = [];
    if (this.sourcesByDir.get(dir)?.some((s) => /\bmodule\b/.test(s.text)))
      for (const f of this.astsIn(dir, true) ?? [])
        for (const b of f.body.blocks) {
          if (b.type !== "module") continue;
          const src = b.body.attributes.find((a) => a.name === "source");
          const text = src?.expr.type === "template" && src.expr.parts.length === 1 && src.expr.parts[0].type === "text" ? src.expr.parts[0].value : void 0;
          if (text && (text.startsWith("./") || text.startsWith("../"))) {
            const target = posix3.normalize(posix3.join(dir, text));
            if (target !== dir) {
              targets.push(target);
              this.called.add(target);
            }
          }
        }
    this.calls.set(dir, targets);
    return targets;
  }
  astsIn(dir, keep2) {
    const known = this.kept.get(dir);
    if (known) return known;
    const asts = this.sourcesByDir.get(dir)?.map((s) => s.ast()) ?? this.unscannedModule(dir);
    if (asts && (keep2 || !this.sourcesByDir.has(dir))) this.kept.set(dir, asts);
    return asts;
  }
  /**
   * A module folder under `.terraform/` (a local `source = "./.terraform/iam"`, or what `terraform
   * init` downloaded): discovery skips `.terraform`, but Terraform loads it, so its `.tf` files are
   * read here, through file()'s confinement (inside the scanned folders, no symbolic link, 5 MB).
   */
  unscannedModule(dir) {
    if (!dir.split("/").includes(".terraform") || !this.input.hcl) return void 0;
    let names;
    try {
      names = readdirSync(resolve2(this.input.cwd, dir)).filter((n) => n.endsWith(".tf")).sort();
    } catch {
      return void 0;
    }
    const files = [];
    for (const name of names) {
      const file = posix3.join(dir, name);
      const text = readConfined(this.input.cwd, resolve2(this.input.cwd, file), this.input.scanRoots);
      const parsed = text === void 0 ? void 0 : this.input.hcl.parse(file, text).file;
      if (parsed) {
        this.host.addText(file, text);
        files.push(parsed);
      }
    }
    return files.length ? files : void 0;
  }
  moduleManifests = /* @__PURE__ */ new Map();
  /**
   * Where `terraform init` put a module call's source: `.terraform/modules/modules.json` of the
   * root maps each call's key to a folder (relative to the root), read through file()'s confinement.
   */
  downloadedModule(root2, key) {
    let manifest = this.moduleManifests.get(root2);
    if (!manifest) {
      manifest = /* @__PURE__ */ new Map();
      const file = posix3.join(root2, ".terraform/modules/modules.json");
      const text = readConfined(this.input.cwd, resolve2(this.input.cwd, file), this.input.scanRoots);
      try {
        const parsed = text === void 0 ? void 0 : JSON.parse(text);
        for (const m of parsed?.Modules ?? []) if (typeof m.Key === "string" && m.Key && typeof m.Dir === "string") manifest.set(m.Key, posix3.normalize(posix3.join(root2, m.Dir)));
      } catch {
      }
      this.moduleManifests.set(root2, manifest);
    }
    return manifest.get(key);
  }
  /** A root folder as the module Terraform plans: its tfvars and --var values as inputs. */
  rootModule(dir, diagnostics, budget) {
    const inputs = new Map([...tfvarsFor(this.tfvarsByDir.get(dir) ?? []), ...this.input.extraVars ?? []]);
    return new TerraformModule({
      dir,
      root: dir,
      address: "",
      files: this.astsIn(dir, this.backends.has(dir) || this.remoteOutputs.has(dir)),
      inputs,
      host: this.host.forRoot(dir, budget),
      calls: { filesIn: (d) => this.astsIn(d, true), join: (d, s) => posix3.normalize(posix3.join(d, s)), downloaded: (root2, key) => this.downloadedModule(root2, key) },
      accountId: this.accountId,
      depth: 0,
      ancestors: [],
      diagnostics,
      budget,
      remoteState: this.remoteState(dir)
    });
  }
  evaluateRoot(dir) {
    this.callsOf(dir);
    const diagnostics = [];
    const budget = new Budget(diagnostics);
    try {
      const mod = this.rootModule(dir, diagnostics, budget);
      const declarations = extractDeclarations(mod);
      if (!this.input.extraVars?.size && !this.tfvarsByDir.get(dir)?.length && !mod.options.files.some(configuresDeployment))
        for (const role of declarations.roles) role.template = true;
      return { declarations, diagnostics, failed: false };
    } catch (e) {
      const file = this.sourcesByDir.get(dir)[0].file;
      const location = e instanceof InputLimitError ? e.location : fileStart(file);
      const message = e instanceof InputLimitError ? `${e.message}: Terraform root ${dir} was not checked` : `internal error evaluating Terraform root ${dir}, which was not checked (please report it): ${e.message}`;
      return { declarations: emptyDeclarations(), diagnostics: [...diagnostics, { level: "error", message, location }], failed: true };
    }
  }
};
function tfvarsFor(mine) {
  const rank = (f) => /(^|\/)terraform\.tfvars(\.json)?$/.test(f) ? 0 : 1;
  mine.sort((a, b) => rank(a.file) - rank(b.file) || (a.file < b.file ? -1 : 1));
  const values = /* @__PURE__ */ new Map();
  for (const t of mine) for (const [k, v] of tfvarsValues(t.values)) values.set(k, v);
  return values;
}
function tfvarsValues(source) {
  if ("kind" in source) return source.kind === "object" ? source.entries : /* @__PURE__ */ new Map();
  const ev = new Evaluator(NO_REFERENCES, NO_FILES);
  return new Map(source.body.attributes.map((a) => [a.name, ev.eval(a.expr, EMPTY_SCOPE)]));
}
function configuresDeployment(file) {
  return file.body.blocks.some((b) => b.type === "provider" || b.type === "terraform" && b.body.blocks.some((inner) => inner.type === "backend" || inner.type === "cloud"));
}

export {
  evaluateTerraform,
  TerraformEvaluation,
  tfvarsValues
};
