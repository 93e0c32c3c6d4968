import { appendFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { rules } from "../../rules/index.js";
import { CONFIG_NAMES, ConfigError, configLintOptions, findConfig, loadConfig, type Config } from "../config/load.js";
import { baseFiles } from "./base-files.js";
import { displayPath } from "../discover/discover.js";
import { repositoryRoot } from "../discover/repository.js";
import { readBaselineFile } from "../engine/baseline-file.js";
import { InputError, lint } from "../engine/lint.js";
import { writeReport } from "../engine/write-report.js";
import { data, formatGithub } from "../format/github.js";
import { formatJson } from "../format/json.js";
import { formatMarkdownSummary } from "../format/markdown-summary.js";
import { formatSarif } from "../format/sarif.js";
import { formatStylish } from "../format/stylish.js";
import { summarize, uncheckedTotal } from "../format/summary.js";
import { gate, type GateOptions } from "../engine/gate.js";
import { encodePath } from "../core/sanitize.js";

/** An action input, as the runner passes it: INPUT_<NAME> in the environment. */
function input(name: string, fallback: string): string {
  const value = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`]?.trim();
  return value ? value : fallback;
}

function choice(name: string, fallback: string, allowed: string[]): string {
  const value = input(name, fallback);
  if (!allowed.includes(value)) throw new InputError(`${name} must be ${allowed.join(", ").replace(/, ([^,]*)$/, " or $1")}, not "${value}"`);
  return value;
}

const list = (value: string) => value.split(/[\s,]+/).filter(Boolean);

function setOutput(name: string, value: string | number): void {
  const file = process.env.GITHUB_OUTPUT;
  if (file) appendFileSync(file, `${name}=${value}\n`);
}

/**
 * The GitHub Action: lint, write SARIF for code scanning, annotate the pull request, write the job
 * summary, set outputs. It runs the same engine as the CLI, from the committed bundle.
 */
export async function runAction(): Promise<number> {
  const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const root = repositoryRoot(cwd);
  const paths = list(input("paths", "."));
  const format = choice("format", "stylish", ["stylish", "json", "github"]);
  const configInput = input("config", "");
  const failOn = choice("fail-on", "error", ["error", "warning", "never"]);
  const sarifInput = input("sarif-file", "irsa-lint.sarif");
  const failOnIncomplete = choice("fail-on-incomplete", "true", ["true", "false"]);
  const strict = choice("strict", "false", ["true", "false"]);
  const annotations = choice("annotations", "true", ["true", "false"]);
  const includeSuppressed = choice("include-suppressed", "false", ["true", "false"]);
  const baselineInput = input("baseline", "");
  const varFiles = list(input("var-files", ""));
  const maxWarningsInput = input("max-warnings", "");
  const maxWarnings = maxWarningsInput === "" ? undefined : Number(maxWarningsInput);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new InputError(`max-warnings must be a whole number, not "${maxWarningsInput}"`);

  const configFrom = choice("config-from", "workspace", ["workspace", "base"]);
  const base = configFrom === "base" ? baseFiles(root, process.env.GITHUB_EVENT_PATH) : undefined;
  if (configFrom === "base" && !base) process.stdout.write(`::notice title=irsa-lint::${data("config-from: base reads the config and baseline of a pull request's base commit; this event has none, so the workspace's are used")}\n`);
  // With a base commit, the config and baseline are the base's: a pull request cannot loosen its own gate.
  let configFile = configInput ? resolve(cwd, configInput) : base ? undefined : findConfig(cwd);
  let configText = configFile && base ? base.copy(configFile) : configFile;
  // The base commit's own config, found where irsa-lint looks for one: the repository's top level.
  if (base && !configInput) [configFile, configText] = CONFIG_NAMES.map((n) => [join(root, n), base.copy(join(root, n))]).find(([, copy]) => copy) ?? [];
  const config: Config = configText ? { ...(await loadConfig(configText, rules, cwd)), file: configFile } : { rules: {} };
  const baselineFile = baselineInput ? resolve(cwd, baselineInput) : undefined;
  const baselineText = baselineFile && base ? base.copy(baselineFile) : baselineFile;
  const baseline = baselineText ? readBaselineFile(baselineText, cwd, "baseline") : undefined;
  const result = await lint({ paths, cwd, root, rules, ...configLintOptions(config, cwd), varFiles, baseline });
  if (result.missingPaths.length) throw new InputError(`no such file or folder: ${result.missingPaths.join(", ")}`);

  // A pull request may commit a symbolic link where the SARIF goes: never written through.
  // The workspace, or the runner's temporary folder (not the pull request's): `${{ runner.temp }}/irsa-lint.sarif`.
  const sarifFile = writeReport(sarifInput, formatSarif(result, rules, { cwd, root, includeSuppressed: includeSuppressed === "true" }), cwd, "sarif-file", process.env.RUNNER_TEMP ? [process.env.RUNNER_TEMP] : []);
  // Annotations show on the pull request without code scanning; with it, each finding shows twice.
  if (annotations === "true") process.stdout.write(formatGithub(result, rules.map((r) => r.id), (f) => displayPath(resolve(cwd, f), root)));
  if (format !== "github") process.stdout.write(format === "json" ? formatJson(result) : formatStylish(result, { color: false }));
  else if (annotations !== "true") process.stdout.write(formatGithub(result, rules.map((r) => r.id), (f) => displayPath(resolve(cwd, f), root)));

  const summary = summarize(result);
  writeJobSummary(result, cwd, root);
  setOutput("sarif-file", sarifFile);
  setOutput("errors", summary.errors);
  setOutput("warnings", summary.warnings);
  setOutput("notes", summary.notes);
  setOutput("suppressed", summary.suppressed);
  setOutput("not-checked", uncheckedTotal(summary));
  if (result.staleBaseline.length) process.stdout.write(`::notice title=irsa-lint::${data(`${result.staleBaseline.length} baseline entries matched no finding (fixed or gone); irsa-lint --baseline ${baselineInput} --prune-baseline removes them`)}\n`);

  // The CLI's and the hook's gate: findings at fail-on, too many warnings, and (fail closed) files
  // that could not be read or checks that could not run, unless fail-on-incomplete: false.
  const verdict = gate(summary, { failOn: failOn as GateOptions["failOn"], maxWarnings, allowIncomplete: failOnIncomplete === "false", strict: strict === "true" });
  for (const reason of verdict.reasons) process.stdout.write(`::error title=irsa-lint::${data(reason.replace("--allow-incomplete", "fail-on-incomplete: false").replace("--max-warnings", "max-warnings").replace("--strict", "strict"))}\n`);
  return verdict.exit === 0 ? 0 : 1;
}

/** The job summary, with links to the lines of the commit the workflow runs on. */
function writeJobSummary(result: Awaited<ReturnType<typeof lint>>, cwd: string, root: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = process.env;
  const line = server && repository && sha ? (path: string, n: number) => `${server}/${repository}/blob/${sha}/${encodePath(path)}#L${n}` : undefined;
  appendFileSync(file, formatMarkdownSummary(result, { path: (f) => displayPath(resolve(cwd, f), root), line }));
}

runAction().then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    const known = e instanceof InputError || e instanceof ConfigError;
    process.stdout.write(`::error title=irsa-lint::${data(known ? e.message : `internal error: ${e.message}. Please report it.`)}\n`);
    process.exitCode = known ? 2 : 3;
  },
);
