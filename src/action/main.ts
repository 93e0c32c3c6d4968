import { appendFileSync } from "node:fs";
import { resolve } from "node:path";
import { rules } from "../../rules/index.js";
import { ConfigError, configLintOptions, findConfig, loadConfig, type Config } from "../config/load.js";
import { InputError, lint } from "../engine/lint.js";
import { writeReport } from "../engine/write-report.js";
import { data, formatGithub } from "../format/github.js";
import { formatJson } from "../format/json.js";
import { formatSarif } from "../format/sarif.js";
import { formatStylish } from "../format/stylish.js";
import { summarize } from "../format/summary.js";

/** An action input, as the runner passes it: INPUT_<NAME> in the environment. */
function input(name: string, fallback: string): string {
  const value = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`]?.trim();
  return value ? value : fallback;
}

function setOutput(name: string, value: string | number): void {
  const file = process.env.GITHUB_OUTPUT;
  if (file) appendFileSync(file, `${name}=${value}\n`);
}

/** The GitHub Action: lint, write SARIF for code scanning, annotate the pull request, set outputs. */
export async function runAction(): Promise<number> {
  const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const paths = input("paths", ".").split(/[\s,]+/).filter(Boolean);
  const format = input("format", "stylish");
  const configInput = input("config", "");
  const failOn = input("fail-on", "error");
  const sarifInput = input("sarif-file", "irsa-lint.sarif");
  const failOnIncomplete = input("fail-on-incomplete", "true");
  if (!["error", "warning", "never"].includes(failOn)) throw new InputError(`fail-on must be error, warning or never, not "${failOn}"`);
  if (!["true", "false"].includes(failOnIncomplete)) throw new InputError(`fail-on-incomplete must be true or false, not "${failOnIncomplete}"`);
  if (!["stylish", "json", "github"].includes(format)) throw new InputError(`format must be stylish, json or github, not "${format}"`);

  const configFile = configInput ? resolve(cwd, configInput) : findConfig(cwd);
  const config: Config = configFile ? await loadConfig(configFile, rules, cwd) : { rules: {} };
  const result = await lint({
    paths,
    cwd,
    rules,
    ...configLintOptions(config, cwd),
  });
  if (result.missingPaths.length) throw new InputError(`no such file or folder: ${result.missingPaths.join(", ")}`);

  // A pull request may commit a symbolic link where the SARIF goes: never written through.
  const sarifFile = writeReport(sarifInput, formatSarif(result, rules, cwd), cwd, "sarif-file", true);
  // Workflow commands first, so findings annotate the pull request even without code scanning.
  process.stdout.write(formatGithub(result));
  if (format !== "github") process.stdout.write(format === "json" ? formatJson(result) : formatStylish(result, { color: false }));

  const summary = summarize(result);
  setOutput("sarif-file", sarifFile);
  setOutput("errors", summary.errors);
  setOutput("warnings", summary.warnings);
  const failed = failOn === "error" ? summary.errors > 0 : failOn === "warning" ? summary.errors + summary.warnings > 0 : false;
  // Fail closed: files that could not be parsed, or checks that could not run, may hide findings.
  const incomplete = failOnIncomplete === "true" && summary.files.failed + summary.incomplete > 0;
  if (incomplete) process.stdout.write(`::error title=irsa-lint::${data(`${summary.files.failed} files could not be parsed and ${summary.incomplete} checks could not run (see above); set fail-on-incomplete: false to pass anyway`)}\n`);
  return failed || incomplete ? 1 : 0;
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
