import { posix } from "node:path";
import { parse as shellParse } from "shell-quote";
import { emptyDeclarations, type Declarations } from "../core/declarations.js";
import type { SourceLocation } from "../core/location.js";
import { str, unknown, type UnknownValue, type Value } from "../core/value.js";
import { readEksctl } from "./eksctl.js";
import { crossplaneInstall } from "./crossplane.js";
import type { FileParseResult } from "./result.js";
import { obj, list } from "../core/value.js";
import { parseRenderedYaml, renderedParts } from "./rendered-yaml.js";

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
  if (!IRSA_COMMAND.test(text)) return { ...result, skipped: "no eksctl or aws iam command that creates IRSA" };
  readCommands(file, text, { line: 1, column: 1, indent: 0 }, result.declarations, makefile);
  return result;
}

/**
 * What a script has set so far: variables with literal values, variables holding a here-document
 * (`read -r -d '' TRUST <<EOF`, `TRUST=$(cat <<EOF`), and files it wrote (`cat > trust.json <<EOF`,
 * `echo "$TRUST" > trust.json`), which `file://trust.json` then reads. Shared by the code blocks of one README.
 */
export interface ScriptState {
  variables: Map<string, string>;
  documents: Map<string, HereDocument>;
  files: Map<string, HereDocument>;
}

/** A here-document's text as a value, and where each of its rendered positions stands in the script. */
interface HereDocument {
  value: Value;
  locate: (line: number, column: number) => number;
}

export const newScriptState = (): ScriptState => ({ variables: new Map(), documents: new Map(), files: new Map() });

/**
 * A README or guide: its shell code blocks (```bash, sh, shell, zsh, console, or no language) read
 * as one script, in order, so a variable or trust file one block sets serves the next. In a
 * console block only `$ ` lines (and their continuations) are commands; the prompt is blanked,
 * columns kept. A file without IRSA commands is not reported at all.
 */
export function parseMarkdown(file: string, text: string): FileParseResult {
  const result: FileParseResult = { declarations: emptyDeclarations(), diagnostics: [] };
  if (!IRSA_COMMAND.test(text)) return { ...result, unlisted: true };
  const state = newScriptState();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, language] = open;
    let end = i + 1;
    while (end < lines.length && !(lines[end].trimStart().startsWith(fence) && lines[end].trim().replace(/[`~]/g, "") === "")) end++;
    if (SHELL_LANGUAGES.has(language.toLowerCase())) {
      const body = lines.slice(i + 1, end).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()));
      const console = language.toLowerCase() === "console" || body.some((l) => /^\$ /.test(l));
      let continued = false;
      const commands = console
        ? body.map((l) => {
            const command = /^\$ /.test(l) || continued;
            continued = command && /\\\s*$/.test(l);
            return command ? l.replace(/^\$ /, "  ") : "";
          })
        : body;
      readCommands(file, commands.join("\n"), { line: i + 2, column: indent.length + 1, indent: indent.length }, result.declarations, false, state);
    }
    i = end;
  }
  return result;
}

const IRSA_COMMAND = /eksctl\s+create\s+iamserviceaccount|aws\s+iam\s+(create-role|attach-role-policy|put-role-policy)|helm\s+(install|upgrade)\b[^\n]*crossplane/;
const SHELL_LANGUAGES = new Set(["", "bash", "sh", "shell", "zsh", "console", "terminal", "shell-session", "shellsession"]);

/** Reads the commands of a script's text, which starts at `at` in `file` (a workflow step's `run:` block). */
export function readCommands(file: string, text: string, at: { line: number; column: number; indent: number }, out: Declarations, makefile = false, state: ScriptState = newScriptState()): void {
  const { variables } = state;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    let logical = lines[i];
    const heredoc = HEREDOC.exec(logical);
    if (heredoc && !makefile) {
      i = readHeredoc(lines, i, heredoc, file, at.line, state);
      continue;
    }
    const written = ECHO_TO_FILE.exec(logical);
    if (written) {
      const document = state.documents.get(written[1]);
      if (document) state.files.set(resolveFrom(file, written[2]), document);
      continue;
    }
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
      if (assigned && command.length <= 2 && !assigned[2].includes("\u0000") && !assigned[2].includes("`")) {
        variables.set(assigned[1], assigned[2]);
        continue;
      }
      const value = (token: string): Value => state.documents.get(/^\u0000([A-Za-z_][A-Za-z0-9_]*)\u0000$/.exec(token)?.[1] ?? "")?.value ?? tokenValue(token, variables, loc(rawOf(token)));
      if (command[0] === "eksctl" && command[1] === "create" && command[2] === "iamserviceaccount") eksctlCommand(options(command.slice(3)), value, loc(command[0]), out);
      else if (command[0] === "helm" && (command[1] === "install" || command[1] === "upgrade")) helmCommand(command.slice(2), value, out);
      else if (command[0] === "aws" && command[1] === "iam") awsIamCommand(command[2], options(command.slice(3)), value, loc(command[0]), file, out, state.files);
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
function awsIamCommand(verb: string, opts: Map<string, string[]>, value: (token: string) => Value, at: SourceLocation, file: string, out: Declarations, written: Map<string, HereDocument>): void {
  const one = (k: string) => opts.get(k)?.[0];
  const roleName = one("role-name");
  if (roleName === undefined) return;
  const document = (token: string | undefined): Value => {
    if (token === undefined) return unknown("no policy document given", at);
    const path = /^file:\/\/(.+)$/.exec(token)?.[1];
    if (path !== undefined) {
      const here = written.get(resolveFrom(file, path));
      const parsed = here && parseRenderedYaml(here.value)[0];
      if (here) return parsed ? relocated(parsed, here.locate) : unknown(`the policy document the script writes to ${path} is not valid JSON`, here.value.loc);
      return { ...unknown(`the policy document in ${path}`, at), placeholder: `file://${resolveFrom(file, path)}` };
    }
    const given = value(token);
    return parseRenderedYaml(given)[0] ?? unknown("the inline policy document is not valid JSON", given.loc);
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
  return path.startsWith("/") ? path : posix.normalize(posix.join(posix.dirname(file), path));
}

/** A command that feeds a here-document: `cat > F <<EOF`, `cat <<'EOF' > F`, `tee F <<EOF`, `read -r -d '' V <<EOF`, `V=$(cat <<EOF`. */
const HEREDOC = /^\s*(?:(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=\$\(\s*cat\s*|read\s+(?:-\w+\s+(?:''\s+|""\s+)?)*([A-Za-z_][A-Za-z0-9_]*)\s*|cat\s*(?:>\s*(\S+)\s*)?|tee\s+(?:-a\s+)?(\S+)\s*)<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\6\s*(?:>\s*(\S+))?\s*$/;

/** `echo "$TRUST" > trust.json`, `printf '%s' "${TRUST}" > trust.json`: a here-document variable written to a file. */
const ECHO_TO_FILE = /^\s*(?:echo(?:\s+-[ne]+)?|printf\s+['"]%s(?:\\n)?['"])\s+"?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?"?\s*>\s*(\S+)\s*$/;

/** Reads the here-document opened at line `i`; returns the index of its closing line (and of the `)` of `$(cat <<EOF`). */
function readHeredoc(lines: string[], i: number, m: RegExpExecArray, file: string, firstLine: number, state: ScriptState): number {
  const [, assigned, read, catFile, teeFile, dash, quote, delimiter, afterFile] = m;
  let end = i + 1;
  const body: string[] = [];
  while (end < lines.length && (dash ? lines[end].replace(/^\t+/, "") : lines[end]).replace(/\r$/, "") !== delimiter) body.push(dash ? lines[end].replace(/^\t+/, "") : lines[end]), end++;
  if (end >= lines.length) return i;
  const loc: SourceLocation = { file, line: firstLine + i + 1, column: 1, endLine: firstLine + end - 1, endColumn: 1 };
  // A quoted delimiter keeps `$VAR` as written, often for envsubst later: never a value the script knows.
  const content = expand(body.join("\n"), quote ? new Map() : state.variables, loc);
  const target = catFile ?? teeFile ?? afterFile;
  if (target) state.files.set(resolveFrom(file, target.replace(/^["']|["']$/g, "")), content);
  const variable = assigned ?? read;
  if (variable) state.documents.set(variable, content);
  return assigned && /^\s*\)\s*$/.test(lines[end + 1] ?? "") ? end + 1 : end;
}

/**
 * A here-document's text with its `$VAR`/`${VAR}` expanded: a variable the script does not set, or
 * a `$(…)`, is an unknown part written `${VAR}`. Expansion moves what follows on a line; `locate`
 * maps a column of the text as parsed back to the script's.
 */
function expand(text: string, variables: Map<string, string>, loc: SourceLocation): HereDocument {
  const parts: Array<string | UnknownValue> = [];
  // Per part: the source text it stands for.
  const sources: string[] = [];
  let last = 0;
  for (const m of text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)|\$\([^)]*\)/g)) {
    if (m.index! > last) parts.push(text.slice(last, m.index)), sources.push(text.slice(last, m.index));
    const name = m[1] ?? m[2];
    const known = name === undefined ? undefined : variables.get(name);
    parts.push(known ?? { ...unknown(name ? `$${name} is set outside the script` : `${m[0]} is run when the script runs`, loc), placeholder: name ? `\${${name}}` : m[0] });
    sources.push(m[0]);
    last = m.index! + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last)), sources.push(text.slice(last));
  // Column shifts per line of the parsed text: [parsed column where the shift applies, source column there].
  const shifts = new Map<number, Array<[number, number]>>();
  let [line, parsedCol, sourceCol] = [0, 1, 1];
  renderedParts(parts).forEach((rendered, i) => {
    const source = sources[i];
    if (rendered === source) {
      for (const c of rendered) c === "\n" ? ([line, parsedCol, sourceCol] = [line + 1, 1, 1]) : (parsedCol++, sourceCol++);
      return;
    }
    // Substituted text (no newline in a variable the script sets on one line): everything after it moves.
    (shifts.get(line) ?? shifts.set(line, []).get(line)!).push([parsedCol + rendered.length, sourceCol + source.length]);
    parsedCol += rendered.length;
    sourceCol += source.length;
  });
  const locate = (atLine: number, column: number) => {
    let mapped = column;
    for (const [from, to] of shifts.get(atLine - loc.line) ?? []) if (column >= from) mapped = to + (column - from);
    return mapped;
  };
  const merged = parts.reduce<Array<string | UnknownValue>>((acc, p) => (typeof p === "string" && typeof acc[acc.length - 1] === "string" ? ((acc[acc.length - 1] = `${acc[acc.length - 1]}${p}`), acc) : (acc.push(p), acc)), []);
  const value: Value = merged.every((p) => typeof p === "string") ? str(merged.join(""), loc) : { kind: "template", parts: merged, loc };
  return { value, locate };
}

/** A parsed here-document with each position moved back to where it is written in the script. */
function relocated(v: Value, locate: HereDocument["locate"]): Value {
  const move = (l: SourceLocation): SourceLocation => ({ ...l, column: locate(l.line, l.column), endColumn: l.endLine === l.line ? locate(l.line, l.endColumn) : l.endColumn });
  switch (v.kind) {
    case "object":
      return { ...v, loc: move(v.loc), entries: new Map([...v.entries].map(([k, x]) => [k, relocated(x, locate)])), keyLocs: new Map([...v.keyLocs].map(([k, l]) => [k, move(l)])) };
    case "list":
      return { ...v, loc: move(v.loc), items: v.items.map((x) => relocated(x, locate)) };
    case "template":
      return { ...v, loc: move(v.loc), parts: v.parts.map((p) => (typeof p === "string" ? p : { ...p, loc: move(p.loc) })) };
    default:
      return { ...v, loc: move(v.loc) };
  }
}

/** `helm install|upgrade [--install] <release> <chart> [-n|--namespace NS]`: Crossplane's own install says where its providers run. */
function helmCommand(args: string[], value: (token: string) => Value, out: Declarations): void {
  const positional: string[] = [];
  let namespace: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const inline = /^(?:-n|--namespace)=(.+)$/.exec(a);
    if (inline) namespace = inline[1];
    else if (a === "-n" || a === "--namespace") namespace = args[++i];
    else if (/^--(?:set|values|version|repo|f|set-string|timeout|wait-for-jobs|kube-context)$|^-f$/.test(a)) i++;
    else if (!a.startsWith("-")) positional.push(a);
  }
  const chart = positional[1];
  if (chart === undefined) return;
  const chartValue = value(chart);
  crossplaneInstall(chartValue, namespace !== undefined ? value(namespace) : str("default", chartValue.loc), out);
}
