import { parseDocument } from "yaml";
import type { SourceLocation } from "../core/location.js";
import { list, obj, str, unknown, type Value } from "../core/value.js";
import { relocate } from "../parse/iam-json.js";
import { yamlMessage, yamlToValue } from "../parse/yaml-value.js";
import { asText, failure } from "./convert.js";

/**
 * Terraform's encoding functions, as its documentation defines them: a policy written as
 * `yamldecode(...)` or `base64decode(...)` is as known as one written out, so its checks run.
 * Each takes known arguments (the caller passes unknowns through).
 */
export const ENCODING_FUNCTIONS: Record<string, (args: Value[], loc: SourceLocation) => Value> = {
  yamldecode: ([v], loc) => {
    const text = asText(v);
    if (text === undefined) return failure("yamldecode expects a string", loc);
    // Terraform reads YAML 1.2's core schema; the decoded document is located at the call.
    const doc = parseDocument(text, { version: "1.2", prettyErrors: false, uniqueKeys: false });
    if (doc.errors.length) return failure(`yamldecode: ${yamlMessage(doc.errors[0].message)}`, loc);
    if (doc.contents === null) return { kind: "null", loc };
    return relocate(yamlToValue(doc, doc.contents, loc.file, () => ({ line: loc.line, column: loc.column })), unknown("", loc));
  },
  base64decode: ([v], loc) => {
    const text = asText(v);
    if (text === undefined || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return failure("base64decode: the string is not valid base64", loc);
    try {
      return str(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(text, "base64")), loc);
    } catch {
      // Terraform refuses bytes that are not UTF-8 (textdecodebase64 is for other encodings).
      return failure("base64decode: the result is not UTF-8", loc);
    }
  },
  base64encode: ([v], loc) => {
    const text = asText(v);
    return text === undefined ? failure("base64encode expects a string", loc) : str(Buffer.from(text, "utf8").toString("base64"), loc);
  },
  urlencode: ([v], loc) => {
    const text = asText(v);
    // Go's url.QueryEscape: spaces as "+", everything but letters, digits and -_.~ escaped.
    return text === undefined ? failure("urlencode expects a string", loc) : str(encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, "+"), loc);
  },
  csvdecode: ([v], loc) => {
    const text = asText(v);
    if (text === undefined) return failure("csvdecode expects a string", loc);
    const rows = csvRows(text);
    if (!rows) return failure("csvdecode: the text is not valid CSV", loc);
    const [header, ...records] = rows;
    if (!header) return list([], loc);
    if (records.some((r) => r.length !== header.length)) return failure("csvdecode: a row has a different number of fields than the header", loc);
    return list(records.map((r) => obj(new Map(header.map((h, i) => [h, str(r[i], loc)])), loc)), loc);
  },
};

/** RFC 4180 records, as Go's encoding/csv reads them (Terraform's csvdecode); undefined on a malformed quote. */
function csvRows(text: string): string[][] | undefined {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
      continue;
    }
    if (c === '"' && field === "") (quoted = true), i++;
    else if (c === '"') return undefined;
    else if (c === ",") row.push(field), (field = ""), i++;
    else if (c === "\n" || c === "\r") {
      row.push(field);
      rows.push(row);
      (row = []), (field = "");
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else (field += c), i++;
  }
  if (quoted) return undefined;
  if (field !== "" || row.length) row.push(field), rows.push(row);
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}

/**
 * Functions Terraform has that irsa-lint does not evaluate: their calls are unknown. A name in
 * neither list is no Terraform function: the configuration would not plan.
 */
export const UNEVALUATED_FUNCTIONS = new Set([
  "abs", "abspath", "base64gzip", "base64sha256", "base64sha512", "bcrypt", "can", "ceil", "chunklist", "cidrhost", "cidrnetmask",
  "cidrsubnet", "cidrsubnets", "contains", "convert", "endswith", "ephemeralasnull", "file", "filebase64", "filebase64sha256",
  "filebase64sha512", "fileexists", "filemd5", "fileset", "filesha1", "filesha256", "filesha512", "floor", "formatdate", "index",
  "issensitive", "keys", "log", "matchkeys", "md5", "nonsensitive", "parseint", "pathexpand", "plantimestamp", "pow", "sensitive",
  "setintersection", "setproduct", "setsubtract", "setunion", "sha1", "sha256", "sha512", "signum", "strcontains", "sum",
  "templatestring", "textdecodebase64", "textencodebase64", "timeadd", "timecmp", "timestamp", "transpose", "type", "uuid", "uuidv5",
  "yamlencode", "jsonencode", "tobool", "tolist", "tomap", "tonumber", "toset", "tostring",
]);
