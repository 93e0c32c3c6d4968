#!/usr/bin/env node
import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  ConfigError,
  VERSION,
  configLintOptions,
  describeUnchecked,
  findConfig,
  formatGithub,
  formatJson,
  formatSarif,
  formatStylish,
  guardText,
  lint,
  loadConfig,
  readBaselineFile,
  repositoryRoot,
  rules,
  summarize,
  toBaseline,
  uncheckedTotal,
  visible,
  writeReport
} from "./chunk-CD4U4DJ4.mjs";
import "./chunk-TZXJKJTB.mjs";
import {
  InputError
} from "./chunk-SQN7UXVM.mjs";
import "./chunk-M6MCGDN3.mjs";
import "./chunk-VDI44TGU.mjs";
import {
  classify,
  displayPath
} from "./chunk-LZ6QNZDI.mjs";
import "./chunk-6MZWJWAL.mjs";

// src/cli.ts
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

// src/engine/staged.ts
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
var CONFIG_NAMES = /(^|\/)(\.irsa-lint\.ya?ml|irsa-lint\.config\.json)$/;
function stagedSnapshot(cwd) {
  const git = (args, input) => execFileSync("git", args, { cwd, input, encoding: "utf8", maxBuffer: 1 << 30, stdio: ["pipe", "pipe", "pipe"] });
  let top;
  try {
    top = git(["rev-parse", "--show-toplevel"]).trim();
  } catch {
    throw new InputError("--staged needs a git repository (git rev-parse --show-toplevel failed)");
  }
  const tracked = execFileSync("git", ["ls-files", "-z", "--cached"], { cwd: top, encoding: "utf8", maxBuffer: 1 << 30 }).split("\0").filter((p) => p && (classify(p) !== void 0 || CONFIG_NAMES.test(p)));
  const root = mkdtempSync(join(tmpdir(), "irsa-lint-staged-"));
  try {
    execFileSync("git", ["checkout-index", "-z", "--stdin", `--prefix=${root}/`], { cwd: top, input: tracked.join("\0"), maxBuffer: 1 << 30 });
  } catch (e) {
    rmSync(root, { recursive: true, force: true });
    throw new InputError(`--staged: git checkout-index failed: ${e.message.split("\n")[0]}`);
  }
  return { cwd: join(root, relative(top, cwd)), root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

// src/cli.ts
var EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 };
var HELP = `Usage: irsa-lint [options] [paths...]

Lints EKS IAM Roles for Service Accounts across Kubernetes YAML, Terraform and IAM JSON.
Paths are files or folders (default: .); folders are searched recursively, honouring .gitignore.

Options:
  -f, --format <stylish|json|sarif|github>
                                     output format (default: stylish)
  -o, --output <file>                write the report to a file instead of stdout
  -c, --config <file>                config file (default: the nearest .irsa-lint.yaml,
                                     .irsa-lint.yml or irsa-lint.config.json upwards)
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
      --max-warnings <n>             exit 1 when there are more than n warnings
      --strict                       exit 2 when a selected file could not be parsed or a check could not run
      --max-file-size <MB>           skip files larger than this (default 5)
      --threads <n>                  parse on n threads, this one included (default: one per core, up to 4, from 3,000 files)
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
  irsa-lint --write-baseline .irsa-lint-baseline.json . && irsa-lint --baseline .irsa-lint-baseline.json .

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage or config error, nothing could
be read, or (with --strict) a file could not be parsed or a check could not run, 3 internal error.
`;
function parse(argv) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string", short: "f", default: "stylish" },
      output: { type: "string", short: "o" },
      config: { type: "string", short: "c" },
      "print-config": { type: "boolean" },
      baseline: { type: "string" },
      "write-baseline": { type: "string" },
      "prune-baseline": { type: "boolean" },
      staged: { type: "boolean" },
      "include-suppressed": { type: "boolean" },
      "account-id": { type: "string" },
      var: { type: "string", multiple: true },
      "var-file": { type: "string", multiple: true },
      "max-warnings": { type: "string" },
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
      help: { type: "boolean", short: "h" }
    }
  });
}
var UsageError = class extends Error {
};
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function listRules(all) {
  const width = Math.max(...all.map((r) => r.id.length));
  return `${all.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}`).join("\n")}
`;
}
function cliVars(pairs = []) {
  return pairs.map((pair) => {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new UsageError(`--var expects name=value, got "${pair}"`);
    return [pair.slice(0, eq), pair.slice(eq + 1)];
  });
}
var FORMATS = ["stylish", "json", "sarif", "github"];
function render(format, result, where, color, verbose) {
  if (format === "json") return formatJson(result);
  if (format === "sarif") return formatSarif(result, rules, where);
  if (format === "github") return formatGithub(result, rules.map((r) => r.id));
  return formatStylish(result, { color, verbose });
}
function effectiveConfig(config, cwd) {
  return {
    file: config.file ? displayPath(config.file, cwd) : null,
    rules: Object.fromEntries(
      rules.map((r) => {
        const s = config.rules[r.id] ?? {};
        return [r.id, { severity: s.severity ?? r.severity, ...r.options?.defaults ?? {}, ...s.options ?? {} }];
      })
    ),
    include: config.include ?? null,
    exclude: config.exclude ?? null
  };
}
function exitReason(result, maxWarnings) {
  const errors = result.findings.filter((f) => f.severity === "error").length;
  const warnings = result.findings.filter((f) => f.severity === "warning").length;
  return errors ? `${plural(errors, "error")} found` : `${plural(warnings, "warning")} exceed --max-warnings ${maxWarnings}`;
}
function exitCode(result, maxWarnings) {
  const linted = result.files.filter((f) => f.status !== "failed").length;
  if (result.files.length > 0 && linted === 0) return EXIT.usage;
  if (result.findings.some((f) => f.severity === "error")) return EXIT.findings;
  const warnings = result.findings.filter((f) => f.severity === "warning").length;
  return maxWarnings !== void 0 && warnings > maxWarnings ? EXIT.findings : EXIT.ok;
}
async function run(values, positionals, io, { format, maxWarnings, maxFileMb, threads, accountId, cwd, root }) {
  const configFile = values.config ? resolve(cwd, values.config) : findConfig(cwd);
  if (values.config && !existsSync(configFile)) throw new UsageError(`--config ${values.config}: no such file`);
  const config = configFile ? await loadConfig(configFile, rules, cwd) : { rules: {} };
  if (values["print-config"]) return io.stdout(`${JSON.stringify(effectiveConfig(config, cwd), null, 2)}
`), EXIT.ok;
  const baseline = values.baseline ? readBaselineFile(resolve(cwd, values.baseline), cwd) : void 0;
  const result = await lint({
    paths: positionals,
    cwd,
    root,
    rules,
    ...configLintOptions(config, cwd),
    accountId,
    varFiles: values["var-file"],
    vars: cliVars(values.var),
    baseline,
    maxFileBytes: maxFileMb === void 0 ? void 0 : maxFileMb * 1024 * 1024,
    threads
  });
  if (result.missingPaths.length) throw new UsageError(`no such file or folder: ${result.missingPaths.join(", ")}`);
  if (result.files.length === 0)
    throw new UsageError(`no Kubernetes, Terraform or IAM JSON file in ${positionals.length ? positionals.join(", ") : "."} (files ending in .yaml, .yml, .tf, .tf.json, .tfvars or .json, not ignored by .gitignore or the config's exclude)`);
  if (values["write-baseline"]) {
    const recorded = toBaseline(result.findings);
    writeReport(values["write-baseline"], `${JSON.stringify(recorded, null, 2)}
`, io.cwd, "--write-baseline");
    io.stderr(`irsa-lint: recorded ${recorded.findings.length} findings in ${values["write-baseline"]}
`);
    return EXIT.ok;
  }
  const shown = values.quiet ? { ...result, findings: result.findings.filter((f) => f.severity === "error") } : result;
  const color = !values["no-color"] && (values.color || io.color) && !values.output;
  let report;
  try {
    report = render(format, shown, { cwd, root, includeSuppressed: values["include-suppressed"] }, color, !!values.verbose);
  } catch (e) {
    if (e instanceof RangeError && /string length/i.test(e.message)) throw new UsageError(`the ${format} report of ${shown.findings.length} findings is too large to write; lint fewer paths, or record them with --write-baseline`);
    throw e;
  }
  const summary = summarize(result);
  if (values.output) writeReport(values.output, report, io.cwd, "--output");
  else io.stdout(report);
  if (values.strict && uncheckedTotal(summary) > 0) {
    io.stderr(`irsa-lint: --strict: ${describeUnchecked(summary)}
`);
    return EXIT.usage;
  }
  if (result.staleBaseline.length) {
    if (values["prune-baseline"]) {
      const kept = { version: 2, findings: baseline.findings.filter((b) => !result.staleBaseline.includes(b)) };
      writeReport(values.baseline, `${JSON.stringify(kept, null, 2)}
`, io.cwd, "--baseline");
      io.stderr(`irsa-lint: removed ${plural(result.staleBaseline.length, "baseline entry")} that matched no finding from ${values.baseline}
`);
    } else io.stderr(`irsa-lint: ${plural(result.staleBaseline.length, "baseline entry")} in ${values.baseline} matched no finding (fixed or gone); --prune-baseline removes them
`);
  }
  const code = exitCode(result, maxWarnings);
  if (code === EXIT.findings) io.stderr(`irsa-lint: ${exitReason(result, maxWarnings)}
`);
  return code;
}
async function main(argv, given) {
  const io = { ...given, stderr: (text) => given.stderr(guardText(text)) };
  let debug = argv.includes("--debug");
  try {
    const { values, positionals } = parse(argv);
    debug = !!values.debug;
    if (values.help) return io.stdout(HELP), EXIT.ok;
    if (values.version) return io.stdout(`${VERSION}
`), EXIT.ok;
    if (values["list-rules"]) return io.stdout(listRules(rules)), EXIT.ok;
    const format = values.format;
    if (!FORMATS.includes(format)) throw new UsageError(`unknown --format "${format}" (use ${FORMATS.join(", ")})`);
    const maxWarnings = values["max-warnings"] === void 0 ? void 0 : Number(values["max-warnings"]);
    if (maxWarnings !== void 0 && !Number.isInteger(maxWarnings)) throw new UsageError("--max-warnings expects a whole number");
    const maxFileMb = values["max-file-size"] === void 0 ? void 0 : Number(values["max-file-size"]);
    if (maxFileMb !== void 0 && !(maxFileMb > 0)) throw new UsageError("--max-file-size expects a positive number of megabytes");
    const threads = values.threads === void 0 ? void 0 : Number(values.threads);
    if (threads !== void 0 && !(Number.isInteger(threads) && threads >= 1)) throw new UsageError("--threads expects a whole number of at least 1");
    const accountId = values["account-id"];
    if (accountId !== void 0 && !/^\d{12}$/.test(accountId)) throw new UsageError("--account-id expects 12 digits");
    if (values["prune-baseline"] && !values.baseline) throw new UsageError("--prune-baseline needs --baseline <file>");
    const snapshot = values.staged ? stagedSnapshot(io.cwd) : void 0;
    try {
      return await run(values, positionals, io, { format, maxWarnings, maxFileMb, threads, accountId, cwd: snapshot?.cwd ?? io.cwd, root: snapshot?.root ?? repositoryRoot(io.cwd) });
    } finally {
      snapshot?.dispose();
    }
  } catch (e) {
    const err = e;
    if (e instanceof UsageError || e instanceof InputError || e instanceof ConfigError || err.code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`irsa-lint: ${visible(err.message)}
Run irsa-lint --help for usage.
`);
      return EXIT.usage;
    }
    io.stderr(debug ? `${err.stack}
` : `irsa-lint: internal error: ${visible(err.message)}. Please report it with --debug output.
`);
    return EXIT.internal;
  }
}

// src/bin.ts
process.exitCode = await main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR
});
