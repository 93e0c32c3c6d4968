import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { rules } from "../rules/index.js";
import { InputError, lint, type LintResult } from "./engine/lint.js";
import type { AnyRule } from "./engine/rule.js";
import { ConfigError, configLintOptions, findConfig, loadConfig, type Config } from "./config/load.js";
import { displayPath } from "./discover/discover.js";
import { toBaseline, type Baseline } from "./engine/suppress.js";
import { stagedSnapshot } from "./engine/staged.js";
import { readBaselineFile } from "./engine/baseline-file.js";
import { repositoryRoot } from "./discover/repository.js";
import { writeReport } from "./engine/write-report.js";
import { formatGithub } from "./format/github.js";
import { formatJson } from "./format/json.js";
import { formatSarif, type SarifPlaces } from "./format/sarif.js";
import { formatStylish } from "./format/stylish.js";
import { summarize } from "./format/summary.js";
import { formatGitlab } from "./format/gitlab.js";
import { formatJunit } from "./format/junit.js";
import { gate, type GateOptions } from "./engine/gate.js";
import { explain, parseTarget } from "./engine/explain.js";
import { graphOf } from "./engine/graph.js";
import { formatExplain } from "./format/explain.js";
import { formatDot, formatMermaid } from "./format/graph.js";
import { cliVars, EXPLAIN_HELP, gateOptions, GRAPH_HELP, HELP, parse, reports, ruleOverrides, UsageError, type Format, type Report, type Values } from "./cli/options.js";
import { guardText, visible } from "./core/sanitize.js";
import { VERSION } from "./version.js";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  color: boolean;
}

export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function listRules(all: AnyRule[]): string {
  const width = Math.max(...all.map((r) => r.id.length));
  return `${all.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}`).join("\n")}\n`;
}

function render(format: Format, result: LintResult, where: SarifPlaces, color: boolean, verbose: boolean): string {
  // Formats a CI system reads against the repository name files from its root, wherever the run started.
  const fromRoot = (file: string) => displayPath(resolve(where.cwd, file), where.root);
  if (format === "json") return formatJson(result);
  if (format === "sarif") return formatSarif(result, rules, where);
  if (format === "github") return formatGithub(result, rules.map((r) => r.id), fromRoot);
  if (format === "gitlab") return formatGitlab(result, fromRoot);
  if (format === "junit") return formatJunit(result, rules.map((r) => r.id), fromRoot);
  return formatStylish(result, { color, verbose });
}

function effectiveConfig(config: Config, cwd: string) {
  return {
    file: config.file ? displayPath(config.file, cwd) : null,
    rules: Object.fromEntries(
      rules.map((r) => {
        const s = config.rules[r.id] ?? {};
        return [r.id, { severity: s.severity ?? r.severity, ...(r.options?.defaults ?? {}), ...(s.options ?? {}) }];
      }),
    ),
    include: config.include ?? null,
    exclude: config.exclude ?? null,
  };
}

interface RunSettings {
  reports: Report[];
  gate: GateOptions;
  maxFileMb?: number;
  threads?: number;
  accountId?: string;
  /** Where inputs are read from (a snapshot of the index with --staged). */
  cwd: string;
  /** What SARIF and baseline paths are relative to: the repository's top level. */
  root: string;
}

/** The config (with --rule over it), or the effective one printed for --print-config. */
async function configFor(values: Values, cwd: string): Promise<Config> {
  const configFile = values.config ? resolve(cwd, values.config) : findConfig(cwd);
  if (values.config && !existsSync(configFile!)) throw new UsageError(`--config ${values.config}: no such file`);
  const loaded: Config = configFile ? await loadConfig(configFile, rules, cwd) : { rules: {} };
  // --rule wins over the config, for this run.
  const overrides = ruleOverrides(values, rules);
  return { ...loaded, rules: { ...loaded.rules, ...Object.fromEntries(Object.entries(overrides).map(([id, severity]) => [id, { ...loaded.rules[id], severity }])) } };
}

/** The engine's run over the paths, as the options ask for it (run and explain share it). */
async function lintPaths(values: Values, positionals: string[], config: Config, { maxFileMb, threads, accountId, cwd, root }: Omit<RunSettings, "reports" | "gate">, baseline?: Baseline): Promise<LintResult> {
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
    maxFileBytes: maxFileMb === undefined ? undefined : maxFileMb * 1024 * 1024,
    threads,
  });
  if (result.missingPaths.length) throw new UsageError(`no such file or folder: ${result.missingPaths.join(", ")}`);
  if (result.files.length === 0)
    throw new UsageError(`no Kubernetes, Terraform or IAM JSON file in ${positionals.length ? positionals.join(", ") : "."} (files ending in .yaml, .yml, .tf, .tf.json, .tfvars or .json, not ignored by .gitignore or the config's exclude)`);
  return result;
}

async function run(values: Values, positionals: string[], io: Io, settings: RunSettings): Promise<number> {
  const { reports: wanted, gate: gateSettings, cwd, root } = settings;
  const config = await configFor(values, cwd);
  if (values["print-config"]) return io.stdout(`${JSON.stringify(effectiveConfig(config, cwd), null, 2)}\n`), EXIT.ok;
  const baseline = values.baseline ? readBaselineFile(resolve(cwd, values.baseline), cwd) : undefined;
  const result = await lintPaths(values, positionals, config, settings, baseline);
  if (values["write-baseline"]) {
    const recorded = toBaseline(result.findings);
    writeReport(values["write-baseline"], `${JSON.stringify(recorded, null, 2)}\n`, io.cwd, "--write-baseline");
    io.stderr(`irsa-lint: recorded ${plural(recorded.findings.length, "finding")} in ${values["write-baseline"]}\n`);
    return EXIT.ok;
  }
  const shown = values.quiet ? { ...result, findings: result.findings.filter((f) => f.severity === "error") } : result;
  for (const { format, output } of wanted) {
    const color = output === undefined && format === "stylish" && !values["no-color"] && (!!values.color || io.color);
    let report: string;
    try {
      report = render(format, shown, { cwd, root, includeSuppressed: values["include-suppressed"] }, color, !!values.verbose);
    } catch (e) {
      // A report past the longest string Node.js can hold: say so, not "internal error".
      if (e instanceof RangeError && /string length/i.test(e.message)) throw new UsageError(`the ${format} report of ${shown.findings.length} findings is too large to write; lint fewer paths, or record them with --write-baseline`);
      throw e;
    }
    if (output !== undefined) writeReport(output, report, io.cwd, "--output");
    else io.stdout(report);
  }
  const verdict = gate(summarize(result), gateSettings);
  if (result.staleBaseline.length) {
    if (values["prune-baseline"]) {
      const kept = { version: 2, findings: baseline!.findings.filter((b) => !result.staleBaseline.includes(b)) };
      writeReport(values.baseline!, `${JSON.stringify(kept, null, 2)}\n`, io.cwd, "--baseline");
      io.stderr(`irsa-lint: removed ${plural(result.staleBaseline.length, "baseline entry")} that matched no finding from ${values.baseline}\n`);
    } else io.stderr(`irsa-lint: ${plural(result.staleBaseline.length, "baseline entry")} in ${values.baseline} matched no finding (fixed or gone); --prune-baseline removes them\n`);
  }
  for (const reason of verdict.reasons) io.stderr(`irsa-lint: ${reason}\n`);
  return verdict.exit;
}

/**
 * `irsa-lint explain <target> [paths…]`: the chain from the ServiceAccount to what its pods get.
 * Exit 0 when it works, 1 when a finding breaks it (or it is not fully checked), 2 when the target is not found.
 */
async function explainCommand(values: Values, positionals: string[], io: Io, settings: RunSettings): Promise<number> {
  const [target, ...paths] = positionals;
  const config = await configFor(values, settings.cwd);
  const result = await lintPaths(values, paths, config, settings);
  const found = explain(result, parseTarget(target));
  if ("notFound" in found) throw new UsageError(found.notFound);
  const format = values.format?.[0] ?? "stylish";
  if (format !== "stylish" && format !== "json") throw new UsageError(`explain writes stylish or json, not "${format}"`);
  io.stdout(format === "json" ? `${JSON.stringify({ version: 1, chains: found.chains }, null, 2)}\n` : formatExplain(found.chains));
  return found.chains.every((c) => c.verdict === "works") ? EXIT.ok : EXIT.findings;
}

/** `irsa-lint graph [paths…] --format mermaid|dot|json [--focus ns/sa]`: the linked model as a picture. */
async function graphCommand(values: Values, positionals: string[], io: Io, settings: RunSettings): Promise<number> {
  const config = await configFor(values, settings.cwd);
  const result = await lintPaths(values, positionals, config, settings);
  const format = values.format?.[0] ?? "mermaid";
  if (!["mermaid", "dot", "json"].includes(format)) throw new UsageError(`graph writes mermaid, dot or json, not "${format}"`);
  const graph = graphOf(result, values.focus ? { focus: values.focus } : {});
  if (values.focus && !graph.nodes.length) throw new UsageError(`--focus ${values.focus}: no ServiceAccount of that name in the scan`);
  const text = format === "json" ? `${JSON.stringify({ version: 1, ...graph }, null, 2)}\n` : format === "dot" ? formatDot(graph) : formatMermaid(graph);
  if (values.output?.[0] && values.output[0] !== "-") writeReport(values.output[0], text, io.cwd, "--output");
  else io.stdout(text);
  return EXIT.ok;
}

export async function main(argv: string[], given: Io): Promise<number> {
  // Errors quote paths and values a pull request chooses: no line of them may read as a workflow command.
  const io: Io = { ...given, stderr: (text) => given.stderr(guardText(text)) };
  let debug = argv.includes("--debug");
  try {
    // The language server speaks LSP on stdin and stdout until its client says exit.
    if (argv[0] === "lsp") {
      const { startServer } = await import("./lsp/server.js");
      startServer();
      return await new Promise<number>(() => {});
    }
    // Subcommands come first: `irsa-lint explain <target> [paths…]`, `irsa-lint graph [paths…]`.
    const command = argv[0] === "explain" || argv[0] === "graph" ? argv[0] : undefined;
    const { values, positionals } = parse(command ? argv.slice(1) : argv);
    debug = !!values.debug;
    if (values.help) return io.stdout(command === "explain" ? EXPLAIN_HELP : command === "graph" ? GRAPH_HELP : HELP), EXIT.ok;
    if (values.version) return io.stdout(`${VERSION}\n`), EXIT.ok;
    if (values["list-rules"]) return io.stdout(listRules(rules)), EXIT.ok;
    if (command === "explain" && !positionals.length) throw new UsageError("explain needs what to explain: <namespace>/<serviceaccount>, a role name, or FILE:LINE");
    const settings = { reports: command ? [] : reports(values), gate: gateOptions(values) };
    const maxFileMb = values["max-file-size"] === undefined ? undefined : Number(values["max-file-size"]);
    if (maxFileMb !== undefined && !(maxFileMb > 0)) throw new UsageError("--max-file-size expects a positive number of megabytes");
    const threads = values.threads === undefined ? undefined : Number(values.threads);
    if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) throw new UsageError("--threads expects a whole number of at least 1");
    const accountId = values["account-id"];
    if (accountId !== undefined && !/^\d{12}$/.test(accountId)) throw new UsageError("--account-id expects 12 digits");

    if (values["prune-baseline"] && !values.baseline) throw new UsageError("--prune-baseline needs --baseline <file>");
    // --staged reads the commit-to-be from a snapshot of git's index; reports are still written here.
    const snapshot = values.staged ? stagedSnapshot(io.cwd) : undefined;
    try {
      const where = { ...settings, maxFileMb, threads, accountId, cwd: snapshot?.cwd ?? io.cwd, root: snapshot?.root ?? repositoryRoot(io.cwd) };
      if (command === "explain") return await explainCommand(values, positionals, io, where);
      if (command === "graph") return await graphCommand(values, positionals, io, where);
      return await run(values, positionals, io, where);
    } finally {
      snapshot?.dispose();
    }
  } catch (e) {
    const err = e as Error & { code?: string };
    if (e instanceof UsageError || e instanceof InputError || e instanceof ConfigError || err.code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`irsa-lint: ${visible(err.message)}\nRun irsa-lint --help for usage.\n`);
      return EXIT.usage;
    }
    io.stderr(debug ? `${err.stack}\n` : `irsa-lint: internal error: ${visible(err.message)}. Please report it with --debug output.\n`);
    return EXIT.internal;
  }
}
