import { parse as shellParse } from "shell-quote";
import { emptyDeclarations, type Declarations } from "../core/declarations.js";
import type { SourceLocation } from "../core/location.js";
import { str, unknown, type UnknownValue, type Value } from "../core/value.js";
import { readEksctl } from "./eksctl.js";
import type { FileParseResult } from "./result.js";
import { obj, list } from "../core/value.js";
import { parseRenderedYaml } from "./rendered-yaml.js";

/**
 * IRSA created by commands teams keep in shell scripts, Makefiles and workflow `run:` steps, as the
 * IRSA guides write them: `eksctl create iamserviceaccount` declares a ServiceAccount (unless
 * `--role-only`) and the role eksctl creates for it, as a ClusterConfig `iam.serviceAccounts` entry
 * does; `aws iam create-role --role-name X --assume-role-policy-document file://trust.json`
 * declares role X whose trust is that file, and `attach-role-policy` / `put-role-policy` attach
 * policies to it. Commands are split with a shell tokenizer (shell-quote); a variable the script
 * assigns a literal is known, any other (`$CLUSTER`) is an unknown part.
 */
export function parseScript(file: string, text: string, makefile = false): FileParseResult {
  const result: FileParseResult = { declarations: emptyDeclarations(), diagnostics: [] };
  if (!/eksctl\s+create\s+iamserviceaccount|aws\s+iam\s+(create-role|attach-role-policy|put-role-policy)/.test(text)) return { ...result, skipped: "no eksctl or aws iam command that creates IRSA" };
  readCommands(file, text, { line: 1, column: 1, indent: 0 }, result.declarations, makefile);
  return result;
}

/** Reads the commands of a script's text, which starts at `at` in `file` (a workflow step's `run:` block). */
export function readCommands(file: string, text: string, at: { line: number; column: number; indent: number }, out: Declarations, makefile = false): void {
  const variables = new Map<string, string>();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    let logical = lines[i];
    // A command goes on past a line ending in a backslash, and past the newlines inside a quoted string.
    for (;;) {
      if (i + 1 >= lines.length) break;
      if (/\\\r?$/.test(logical)) logical = logical.replace(/\\\r?$/, " ") + lines[++i];
      else if (openQuote(logical)) logical = `${logical}\n${lines[++i]}`;
      else break;
    }
    const physical = lines[first];
    const line = at.line + first;
    const column = (needle: string) => {
      const found = needle ? physical.indexOf(needle) : -1;
      return (first === 0 ? at.column : at.indent + 1) + Math.max(0, found);
    };
    const loc = (needle = ""): SourceLocation => {
      const c = column(needle);
      return { file, line, column: c, endLine: line, endColumn: c + Math.max(1, needle.length) };
    };
    let source = logical;
    if (makefile) {
      const assignment = /^([A-Za-z_][A-Za-z0-9_]*)\s*[:?]?=\s*(.*)$/.exec(source);
      if (assignment && !/[$`]/.test(assignment[2])) variables.set(assignment[1], assignment[2].trim());
      source = source.replace(/^\t[@+-]*/, "").replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, "${$1}").replace(/\$\$/g, "$");
    }
    let tokens: ReturnType<typeof shellParse>;
    try {
      tokens = shellParse(source, (key) => `\u0000${key}\u0000`);
    } catch {
      continue;
    }
    for (const command of commands(tokens)) {
      const assigned = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(command.join(" "));
      if (assigned && command.length <= 2 && !assigned[2].includes("\u0000")) {
        variables.set(assigned[1], assigned[2]);
        continue;
      }
      const value = (token: string): Value => tokenValue(token, variables, loc(rawOf(token)));
      if (command[0] === "eksctl" && command[1] === "create" && command[2] === "iamserviceaccount") eksctlCommand(options(command.slice(3)), value, loc(command[0]), out);
      else if (command[0] === "aws" && command[1] === "iam") awsIamCommand(command[2], options(command.slice(3)), value, loc(command[0]), file, out);
    }
  }
}

/** Whether a line leaves a quote open (shell rules: `\` escapes in double quotes and outside, not in single quotes; `#` starts a comment). */
function openQuote(text: string): boolean {
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = "";
    } else if (c === "\\") i++;
    else if (quote === '"') {
      if (c === '"') quote = "";
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]))) return false;
  }
  return quote !== "";
}

/** The simple commands of a token list (split at `;`, `&&`, `||`, `|`), without comments and redirections. */
function commands(tokens: ReturnType<typeof shellParse>): string[][] {
  const out: string[][] = [[]];
  for (const t of tokens) {
    if (typeof t === "string") out[out.length - 1].push(t);
    else if ("op" in t && t.op !== "glob") out.push([]);
    else if ("op" in t && t.op === "glob") out[out.length - 1].push(t.pattern);
  }
  return out.filter((c) => c.length).map((c) => (c[0] === "sudo" ? c.slice(1) : c));
}

/** `--name x`, `--name=x` and flags, in order; repeated options keep every value. */
function options(args: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(args[i]);
    if (!m) continue;
    const value = m[2] ?? (args[i + 1] !== undefined && !args[i + 1].startsWith("--") ? args[++i] : "true");
    out.set(m[1], [...(out.get(m[1]) ?? []), value]);
  }
  return out;
}

/** A token's text as written, for locating it: its variables back as `$NAME`. */
function rawOf(token: string): string {
  return token.split("\u0000")[0];
}

/** A token as a value: its literal text, and each variable the script does not assign an unknown part. */
function tokenValue(token: string, variables: Map<string, string>, loc: SourceLocation): Value {
  const pieces = token.split("\u0000");
  const parts: Array<string | UnknownValue> = [];
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) {
      if (piece) parts.push(piece);
      return;
    }
    const [name, fallback] = piece.split(/:-/);
    const known = variables.get(name) ?? fallback;
    parts.push(known !== undefined ? known : { ...unknown(`$${name} is set outside the script`, loc), placeholder: `\${${name}}` });
  });
  const merged = parts.reduce<Array<string | UnknownValue>>((acc, p) => (typeof p === "string" && typeof acc[acc.length - 1] === "string" ? ((acc[acc.length - 1] = `${acc[acc.length - 1]}${p}`), acc) : (acc.push(p), acc)), []);
  if (merged.every((p) => typeof p === "string")) return str(merged.join(""), loc);
  return { kind: "template", parts: merged, loc };
}

/**
 * `eksctl create iamserviceaccount --name N --namespace NS --cluster C [--role-name R]
 * [--attach-policy-arn A]... [--role-only]`: read as the ClusterConfig entry it stands for.
 */
function eksctlCommand(opts: Map<string, string[]>, value: (token: string) => Value, at: SourceLocation, out: Declarations): void {
  const one = (k: string) => opts.get(k)?.[0];
  const name = one("name");
  if (name === undefined) return;
  const metadata = new Map<string, Value>([["name", value(name)], ["namespace", value(one("namespace") ?? "default")]]);
  const entry = new Map<string, Value>([["metadata", obj(metadata, at)]]);
  const roleName = one("role-name");
  if (roleName !== undefined) entry.set("roleName", value(roleName));
  const policies = opts.get("attach-policy-arn") ?? [];
  if (policies.length) entry.set("attachPolicyARNs", list(policies.map(value), at));
  const config = obj(new Map<string, Value>([["metadata", obj(new Map([["name", value(one("cluster") ?? "cluster")]]), at)], ["iam", obj(new Map([["serviceAccounts", list([obj(entry, at)], at)]]), at)]]), at);
  const declared = emptyDeclarations();
  readEksctl(config, declared);
  // --role-only: eksctl creates the role and leaves the ServiceAccount to someone else.
  if (one("role-only") !== "true") out.serviceAccounts.push(...declared.serviceAccounts);
  out.roles.push(...declared.roles);
}

/** `aws iam create-role`, `attach-role-policy`, `put-role-policy`: a role whose documents are files or inline JSON. */
function awsIamCommand(verb: string, opts: Map<string, string[]>, value: (token: string) => Value, at: SourceLocation, file: string, out: Declarations): void {
  const one = (k: string) => opts.get(k)?.[0];
  const roleName = one("role-name");
  if (roleName === undefined) return;
  const document = (token: string | undefined): Value => {
    if (token === undefined) return unknown("no policy document given", at);
    const path = /^file:\/\/(.+)$/.exec(token)?.[1];
    if (path !== undefined) return { ...unknown(`the policy document in ${path}`, at), placeholder: `file://${resolveFrom(file, path)}` };
    return parseRenderedYaml(value(token))[0] ?? unknown("the inline policy document is not valid JSON", at);
  };
  if (verb === "create-role") {
    out.roles.push({
      id: `aws iam create-role ${at.file}:${at.line} ${roleName}`,
      name: value(roleName),
      path: value(one("path") ?? "/"),
      trust: document(one("assume-role-policy-document")),
      loc: at,
      inlinePolicies: [],
      attachedPolicyArns: [],
      label: roleName.includes("\u0000") ? `the role aws iam create-role creates (${at.file}:${at.line})` : undefined,
    });
  } else if (verb === "attach-role-policy") {
    const arn = one("policy-arn");
    if (arn !== undefined) out.attachments.push({ role: value(roleName), policyArn: value(arn), loc: at });
  } else if (verb === "put-role-policy") {
    const name = one("policy-name") ?? "inline";
    out.attachments.push({ role: value(roleName), inline: { id: `aws iam put-role-policy ${at.file}:${at.line}`, name: value(name), path: str("/", at), document: document(one("policy-document")), loc: at }, loc: at });
  }
}

/** A `file://` path as the scan names files: relative to the script's folder. */
function resolveFrom(file: string, path: string): string {
  if (path.startsWith("/")) return path;
  const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "";
  const parts = [...(dir ? dir.split("/") : []), ...path.split("/")];
  const out: string[] = [];
  for (const p of parts) {
    if (p === "." || p === "") continue;
    if (p === ".." && out.length && out[out.length - 1] !== "..") out.pop();
    else out.push(p);
  }
  return out.join("/");
}
