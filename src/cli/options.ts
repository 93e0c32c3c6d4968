import { parseArgs } from "node:util";
import { closest } from "../core/match.js";
import type { AnyRule } from "../engine/rule.js";
import type { GateOptions } from "../engine/gate.js";

export const FORMATS = ["stylish", "json", "sarif", "github", "gitlab", "junit"] as const;
export type Format = (typeof FORMATS)[number];
const SEVERITIES = ["off", "note", "warning", "error"] as const;
type Severity = (typeof SEVERITIES)[number];

export const HELP = `Usage: irsa-lint [options] [paths...]

Lints EKS IAM Roles for Service Accounts across Kubernetes YAML, Terraform and IAM JSON.
Paths are files or folders (default: .); folders are searched recursively, honouring .gitignore.

Options:
  -f, --format <format>              stylish (default), json, sarif, github, gitlab or junit;
                                     repeat it for several reports in one run
  -o, --output <file>                write the report to a file ("-" is standard output); with
                                     several --format, one --output each, in the same order
  -c, --config <file>                config file (default: the nearest .irsa-lint.yaml,
                                     .irsa-lint.yml or irsa-lint.config.json upwards)
      --rule <rule=severity>         set a rule's severity for this run: off, note, warning or
                                     error (repeatable; wins over the config)
      --print-config                 print the effective configuration and exit
      --baseline <file>              report findings recorded in this baseline as suppressed,
                                     and entries that match no finding any more
      --prune-baseline               with --baseline: rewrite it without the entries that match nothing
      --write-baseline <file>        record today's findings in a baseline file and exit 0
      --include-suppressed           keep suppressed and baselined findings in SARIF, marked as such
      --staged                       lint what the next commit will contain: tracked files with
                                     their staged content (for pre-commit)
      --account-id <id>              AWS account id that data.aws_caller_identity resolves to
      --var <name=value>             set a Terraform input variable for every root (repeatable)
      --var-file <file>              read Terraform variables from a .tfvars or .tfvars.json file (repeatable)
      --fail-on <error|warning|never>
                                     findings that fail the run (default: error)
      --max-warnings <n>             exit 1 when there are more than n warnings
      --allow-incomplete             pass although a file could not be read or a check could not run
      --strict                       exit 2 when anything was not checked, elements rules could
                                     not know included
      --max-file-size <MB>           skip files larger than this (default 5)
      --threads <n>                  parse on n threads, this one included (default: one per core, up to 4, from 3,000 files)
      --quiet                        report errors only; warnings never fail the run
      --verbose                      also list values that could not be resolved, and skipped files
      --list-rules                   print every rule with its default severity
      --no-color                     plain output
      --debug                        print stack traces of internal errors
  -v, --version                      print the version
  -h, --help                         print this help

Examples:
  irsa-lint ./k8s ./terraform
  irsa-lint --format stylish --format sarif --output - --output irsa-lint.sarif .
  irsa-lint --rule policy-no-wildcards=off --fail-on warning .
  irsa-lint --write-baseline .irsa-lint-baseline.json . && irsa-lint --baseline .irsa-lint-baseline.json .

Exit codes: 0 passed; 1 findings at --fail-on (or too many warnings), or a file irsa-lint could not
read or a check that could not run (unless --allow-incomplete); 2 usage or config error, nothing
could be read, or with --strict anything not checked; 3 internal error.
`;

export const EXPLAIN_HELP = `Usage: irsa-lint explain <namespace>/<serviceaccount> | <role-name> | <file>:<line> [paths...]

Walks the chain a pod's AWS credentials go through, each step with where it is written: the
ServiceAccount and its annotations, the token the webhook projects (iss, sub, aud, expiry), the
role the annotation resolves to (or why not), each trust statement with the evaluator's answer for
that token, the OIDC provider, the permission policies, and what the webhook adds to each container
of the workloads that use it. Findings are shown on the step they sit on.

Options: --format stylish|json (json: schemas/explain.schema.json), and the lint options
(--config, --var, --var-file, --account-id).
Exit codes: 0 the chain works, 1 a finding breaks it or a step could not be checked, 2 not found.
`;

export const GRAPH_HELP = `Usage: irsa-lint graph [paths...] [--format mermaid|dot|json] [--focus <namespace>/<serviceaccount>] [--output <file>]

The linked model as a graph: ServiceAccounts, workloads, roles, trust statements, OIDC providers and
policies, each with its file:line; links drawn dashed when not resolved and red where a finding
breaks them. --focus keeps one ServiceAccount's chain.
`;

export function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string", short: "f", multiple: true },
      output: { type: "string", short: "o", multiple: true },
      config: { type: "string", short: "c" },
      rule: { type: "string", multiple: true },
      focus: { type: "string" },
      "print-config": { type: "boolean" },
      baseline: { type: "string" },
      "write-baseline": { type: "string" },
      "prune-baseline": { type: "boolean" },
      staged: { type: "boolean" },
      "include-suppressed": { type: "boolean" },
      "account-id": { type: "string" },
      var: { type: "string", multiple: true },
      "var-file": { type: "string", multiple: true },
      "fail-on": { type: "string" },
      "max-warnings": { type: "string" },
      "allow-incomplete": { type: "boolean" },
      strict: { type: "boolean" },
      "max-file-size": { type: "string" },
      threads: { type: "string" },
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

export type Values = ReturnType<typeof parse>["values"];

export class UsageError extends Error {}

/** One report of the run: its format and where it goes (undefined: standard output). */
export interface Report {
  format: Format;
  output?: string;
}

/**
 * `-f a -f b -o x -o y`: one output per format, in order ("-" standard output). One format may go
 * to standard output without `-o`; several need one each, or two would be printed one after the other.
 */
export function reports(values: Values): Report[] {
  const formats = values.format?.length ? values.format : ["stylish"];
  for (const f of formats) if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown --format "${f}" (use ${FORMATS.join(", ")})`);
  const outputs = values.output ?? [];
  if (outputs.length > formats.length) throw new UsageError(`${outputs.length} --output for ${formats.length} --format: give one --output per --format, in the same order`);
  if (formats.length > 1 && outputs.length !== formats.length) throw new UsageError(`${formats.length} --format need one --output each, in the same order ("-" for standard output)`);
  const out = formats.map((format, i) => ({ format: format as Format, ...(outputs[i] !== undefined && outputs[i] !== "-" ? { output: outputs[i] } : {}) }));
  if (out.filter((r) => r.output === undefined).length > 1) throw new UsageError("only one report can go to standard output: give the others an --output file");
  return out;
}

/** The gate's settings from the options (see engine/gate.ts). */
export function gateOptions(values: Values): GateOptions {
  const failOn = values["fail-on"] ?? "error";
  if (!["error", "warning", "never"].includes(failOn)) throw new UsageError(`--fail-on expects error, warning or never, not "${failOn}"`);
  const maxWarnings = values["max-warnings"] === undefined ? undefined : Number(values["max-warnings"]);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new UsageError("--max-warnings expects a whole number");
  // --quiet reports errors only: warnings then never fail the run (as in ESLint 9).
  const quiet = !!values.quiet;
  return {
    failOn: quiet && failOn === "warning" ? "error" : (failOn as GateOptions["failOn"]),
    ...(maxWarnings !== undefined && !quiet ? { maxWarnings } : {}),
    allowIncomplete: !!values["allow-incomplete"],
    strict: !!values.strict,
  };
}

/** `--rule id=severity`, checked against the rules (with the closest name for a typo). */
export function ruleOverrides(values: Values, rules: AnyRule[]): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  const ids = rules.map((r) => r.id);
  for (const pair of values.rule ?? []) {
    const eq = pair.lastIndexOf("=");
    const [id, severity] = eq > 0 ? [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()] : [pair.trim(), ""];
    if (!ids.includes(id)) {
      const near = closest(id, ids);
      throw new UsageError(`--rule ${pair}: no rule ${id}${near ? ` (did you mean ${near}?)` : ""}; irsa-lint --list-rules lists them`);
    }
    if (!(SEVERITIES as readonly string[]).includes(severity)) throw new UsageError(`--rule ${pair}: give ${id}=off, note, warning or error`);
    out[id] = severity as Severity;
  }
  return out;
}

export function cliVars(pairs: string[] = []): Array<[string, string]> {
  return pairs.map((pair) => {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new UsageError(`--var expects name=value, got "${pair}"`);
    return [pair.slice(0, eq), pair.slice(eq + 1)];
  });
}
