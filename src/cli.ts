import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { rules } from "../rules/index.js";
import { InputError, lint, type LintResult } from "./engine/lint.js";
import type { Rule } from "./engine/rule.js";
import { formatJson } from "./format/json.js";
import { formatSarif } from "./format/sarif.js";
import { formatStylish } from "./format/stylish.js";
import { VERSION } from "./version.js";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  color: boolean;
}

export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

const HELP = `Usage: irsa-lint [options] [paths...]

Lints EKS IAM Roles for Service Accounts across Kubernetes YAML, Terraform and IAM JSON.
Paths are files or folders (default: .); folders are searched recursively, honouring .gitignore.

Options:
  -f, --format <stylish|json|sarif>  output format (default: stylish)
  -o, --output <file>                write the report to a file instead of stdout
      --account-id <id>              AWS account id that data.aws_caller_identity resolves to
      --var <name=value>             set a Terraform input variable for every root (repeatable)
      --var-file <file>              read Terraform variables from a .tfvars or .tfvars.json file (repeatable)
      --max-warnings <n>             exit 1 when there are more than n warnings
      --quiet                        report errors only
      --verbose                      also list values that could not be resolved, and skipped files
      --list-rules                   print every rule with its default severity
      --no-color                     plain output
      --debug                        print stack traces of internal errors
  -v, --version                      print the version
  -h, --help                         print this help

Examples:
  irsa-lint ./k8s ./terraform
  irsa-lint --format sarif --output irsa-lint.sarif .

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage error or nothing could be read,
3 internal error.
`;

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string", short: "f", default: "stylish" },
      output: { type: "string", short: "o" },
      "account-id": { type: "string" },
      var: { type: "string", multiple: true },
      "var-file": { type: "string", multiple: true },
      "max-warnings": { type: "string" },
      quiet: { type: "boolean" },
      verbose: { type: "boolean" },
      "list-rules": { type: "boolean" },
      color: { type: "boolean" },
      "no-color": { type: "boolean" },
      debug: { type: "boolean" },
      version: { type: "boolean", short: "v" },
      help: { type: "boolean", short: "h" },
    },
  });
}

class UsageError extends Error {}

function listRules(all: Rule[]): string {
  const width = Math.max(...all.map((r) => r.id.length));
  return `${all.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}`).join("\n")}\n`;
}

function cliVars(pairs: string[] = []): Array<[string, string]> {
  return pairs.map((pair) => {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new UsageError(`--var expects name=value, got "${pair}"`);
    return [pair.slice(0, eq), pair.slice(eq + 1)];
  });
}

function exitCode(result: LintResult, maxWarnings: number | undefined): number {
  const linted = result.files.filter((f) => f.status !== "failed").length;
  if (result.files.length > 0 && linted === 0) return EXIT.usage;
  if (result.findings.some((f) => f.severity === "error")) return EXIT.findings;
  const warnings = result.findings.filter((f) => f.severity === "warning").length;
  return maxWarnings !== undefined && warnings > maxWarnings ? EXIT.findings : EXIT.ok;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let debug = argv.includes("--debug");
  try {
    const { values, positionals } = parse(argv);
    debug = !!values.debug;
    if (values.help) return io.stdout(HELP), EXIT.ok;
    if (values.version) return io.stdout(`${VERSION}\n`), EXIT.ok;
    if (values["list-rules"]) return io.stdout(listRules(rules)), EXIT.ok;
    const format = values.format!;
    if (!["stylish", "json", "sarif"].includes(format)) throw new UsageError(`unknown --format "${format}" (use stylish, json or sarif)`);
    const maxWarnings = values["max-warnings"] === undefined ? undefined : Number(values["max-warnings"]);
    if (maxWarnings !== undefined && !Number.isInteger(maxWarnings)) throw new UsageError("--max-warnings expects a whole number");
    const accountId = values["account-id"];
    if (accountId !== undefined && !/^\d{12}$/.test(accountId)) throw new UsageError("--account-id expects 12 digits");

    const result = await lint({ paths: positionals, cwd: io.cwd, rules, accountId, varFiles: values["var-file"], vars: cliVars(values.var) });
    if (result.missingPaths.length) throw new UsageError(`no such file or folder: ${result.missingPaths.join(", ")}`);
    const shown = values.quiet ? { ...result, findings: result.findings.filter((f) => f.severity === "error") } : result;
    const color = !values["no-color"] && (values.color || io.color) && !values.output;
    const report =
      format === "json" ? formatJson(shown) : format === "sarif" ? formatSarif(shown, rules, io.cwd) : formatStylish(shown, { color, verbose: values.verbose });
    if (values.output) writeFileSync(resolve(io.cwd, values.output), report);
    else io.stdout(report);
    if (result.files.length === 0) io.stderr("irsa-lint: no Kubernetes, Terraform or IAM JSON files found in the given paths\n");
    return exitCode(result, maxWarnings);
  } catch (e) {
    const err = e as Error & { code?: string };
    if (e instanceof UsageError || e instanceof InputError || err.code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`irsa-lint: ${err.message}\nRun irsa-lint --help for usage.\n`);
      return EXIT.usage;
    }
    io.stderr(debug ? `${err.stack}\n` : `irsa-lint: internal error: ${err.message}. Please report it with --debug output.\n`);
    return EXIT.internal;
  }
}
