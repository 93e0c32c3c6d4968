import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  data,
  formatGithub,
  formatJson,
  formatMermaid,
  formatSarif,
  formatStylish,
  gate,
  graphOf,
  incompleteChecks,
  readBaselineFile,
  summarize,
  uncheckedFiles,
  uncheckedTotal,
  writeReport
} from "./chunk-LAS5OLS6.mjs";
import {
  CONFIG_NAMES,
  ConfigError,
  configLintOptions,
  encodePath,
  findConfig,
  helpUri,
  lint,
  loadConfig,
  repositoryRoot,
  rules,
  visible
} from "./chunk-DHW4JXBC.mjs";
import "./chunk-T6OZMFMQ.mjs";
import {
  InputError
} from "./chunk-USNEO4FM.mjs";
import "./chunk-Z4QXSMQ6.mjs";
import "./chunk-N7Y6AN5C.mjs";
import {
  displayPath
} from "./chunk-NHPH4HMX.mjs";
import "./chunk-JUKLW5JI.mjs";

// src/action/main.ts
import { appendFileSync } from "node:fs";
import { join as join2, resolve } from "node:path";

// src/action/base-files.ts
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative, sep } from "node:path";
function baseFiles(root, eventPath) {
  if (!eventPath) return void 0;
  let sha;
  try {
    sha = JSON.parse(readFileSync(eventPath, "utf8")).pull_request?.base?.sha;
  } catch {
    return void 0;
  }
  if (typeof sha !== "string" || !/^[0-9a-f]{40}$/.test(sha)) return void 0;
  try {
    execFileSync("git", ["cat-file", "-e", `${sha}^{commit}`], { cwd: root, stdio: "ignore" });
  } catch {
    throw new InputError(`config-from: base: the base commit ${sha} is not in the checkout; check out with fetch-depth: 0 (or fetch the base) so irsa-lint can read its config and baseline`);
  }
  const dir = mkdtempSync(join(tmpdir(), "irsa-lint-base-"));
  return {
    sha,
    copy(absolute) {
      const path = relative(root, absolute).split(sep).join("/");
      if (path.startsWith("../")) throw new InputError(`config-from: base: ${path} is outside the repository`);
      let text;
      try {
        text = execFileSync("git", ["show", `${sha}:${path}`], { cwd: root, stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 << 20 });
      } catch {
        return void 0;
      }
      const file = join(mkdtempSync(join(dir, "f-")), basename(absolute));
      writeFileSync(file, text);
      return file;
    }
  };
}

// src/format/markdown-summary.ts
var ROWS = 200;
var MAX_BYTES = 900 * 1024;
function formatMarkdownSummary(result, links) {
  const s = summarize(result);
  const out = [];
  const verdict = s.errors ? "\u274C" : s.warnings ? "\u26A0\uFE0F" : "\u2705";
  out.push(`### ${verdict} irsa-lint: ${count(s.errors, "error")}, ${count(s.warnings, "warning")}, ${count(s.notes, "note")}`, "");
  const links_ = s.links;
  const what = `${count(links_.annotations, "role annotation")}${links_.podIdentityAssociations ? ` and ${count(links_.podIdentityAssociations, "Pod Identity association")}` : ""}`;
  out.push(
    `${what}: ${links_.checked} checked, ${links_.missing} naming no scanned role, ${links_.notResolved} not resolved, ${links_.notChecked} not checked. ${count(s.files.linted, "file")} linted, ${s.files.skipped} skipped, ${s.files.failed} failed${s.suppressed ? `, ${count(s.suppressed, "finding")} suppressed` : ""}.`,
    ""
  );
  const notChecked = [
    ...result.files.flatMap((f) => f.status === "failed" ? [`${cell(links.path(f.file))}: ${cell(f.reason)}`] : []),
    ...incompleteChecks(result).map((d) => `${cell(links.path(d.location.file))}:${d.location.line}: ${cell(d.message)}`),
    ...uncheckedFiles(result).map((f) => `${cell(links.path(f.file))}: ${cell(f.reason)}`),
    ...result.notChecked.map((n) => `${cell(links.path(n.location.file))}:${n.location.line}: ${cell(n.message)} (${cell(n.rules.join(", "))})`)
  ];
  let bytes = 0;
  const fits = (line) => (bytes += Buffer.byteLength(line) + 1) <= MAX_BYTES / 2;
  if (notChecked.length) {
    const shown = notChecked.slice(0, ROWS).filter(fits);
    out.push("**Not checked** (findings there may be missing):", "", ...shown.map((l) => `- ${l}`));
    if (shown.length < notChecked.length) out.push(`- \u2026 and ${notChecked.length - shown.length} more: see the job log or the SARIF upload.`);
    out.push("");
  }
  if (result.findings.length) {
    const byRule = /* @__PURE__ */ new Map();
    for (const f of result.findings) {
      const row = byRule.get(f.ruleId) ?? [0, 0, 0];
      row[f.severity === "error" ? 0 : f.severity === "warning" ? 1 : 2]++;
      byRule.set(f.ruleId, row);
    }
    out.push("| Rule | Errors | Warnings | Notes |", "|---|---:|---:|---:|");
    for (const [rule, [e, w, n]] of [...byRule].sort((a, b) => b[1][0] - a[1][0] || b[1][1] - a[1][1] || a[0].localeCompare(b[0]))) out.push(`| [${rule}](${helpUri(rule)}) | ${e} | ${w} | ${n} |`);
    out.push("", `<details><summary>${count(result.findings.length, "finding")}</summary>`, "", "| Severity | Where | Rule | Message |", "|---|---|---|---|");
    const bySeverity = [...result.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    bytes = 0;
    let shown = 0;
    for (const f of bySeverity.slice(0, ROWS)) {
      const path = links.path(f.location.file);
      const where = `${cell(path)}:${f.location.line}`;
      const row = `| ${f.severity} | ${links.line ? `[${where}](${links.line(path, f.location.line)})` : where} | ${f.ruleId} | ${cell(f.message)} |`;
      if (!fits(row)) break;
      out.push(row);
      shown++;
    }
    if (result.findings.length > shown) out.push("", `\u2026 and ${count(result.findings.length - shown, "more finding")}: see the annotations, the job log or code scanning.`);
    out.push("", "</details>", "");
  }
  const broken = graphOf(result, { onlyBroken: true });
  if (broken.nodes.length) {
    const diagram = formatMermaid(broken, { maxNodes: DIAGRAM_NODES });
    if (Buffer.byteLength(out.join("\n")) + Buffer.byteLength(diagram) < MAX_BYTES) out.push("<details open><summary>Broken links</summary>", "", "```mermaid", diagram.trimEnd(), "```", "", "</details>", "");
  }
  return `${out.join("\n")}
`;
}
var DIAGRAM_NODES = 40;
var count = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
var SEVERITY_ORDER = { error: 0, warning: 1, note: 2 };
function cell(text) {
  return visible(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([\\`*_{}[\]()#+!|~])/g, "\\$1").replace(/:\/\//g, ":\u200D//").replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200D.`).replace(/@/g, "@\u200D");
}

// src/action/main.ts
function input(name, fallback) {
  const value = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`]?.trim();
  return value ? value : fallback;
}
function choice(name, fallback, allowed) {
  const value = input(name, fallback);
  if (!allowed.includes(value)) throw new InputError(`${name} must be ${allowed.join(", ").replace(/, ([^,]*)$/, " or $1")}, not "${value}"`);
  return value;
}
var list = (value) => value.split(/[\s,]+/).filter(Boolean);
function setOutput(name, value) {
  const file = process.env.GITHUB_OUTPUT;
  if (file) appendFileSync(file, `${name}=${value}
`);
}
async function runAction() {
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
  const maxWarnings = maxWarningsInput === "" ? void 0 : Number(maxWarningsInput);
  if (maxWarnings !== void 0 && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new InputError(`max-warnings must be a whole number, not "${maxWarningsInput}"`);
  const configFrom = choice("config-from", "workspace", ["workspace", "base"]);
  const base = configFrom === "base" ? baseFiles(root, process.env.GITHUB_EVENT_PATH) : void 0;
  if (configFrom === "base" && !base) process.stdout.write(`::notice title=irsa-lint::${data("config-from: base reads the config and baseline of a pull request's base commit; this event has none, so the workspace's are used")}
`);
  let configFile = configInput ? resolve(cwd, configInput) : base ? void 0 : findConfig(cwd);
  let configText = configFile && base ? base.copy(configFile) : configFile;
  if (base && !configInput) [configFile, configText] = CONFIG_NAMES.map((n) => [join2(root, n), base.copy(join2(root, n))]).find(([, copy]) => copy) ?? [];
  const config = configText ? { ...await loadConfig(configText, rules, cwd), file: configFile } : { rules: {} };
  const baselineFile = baselineInput ? resolve(cwd, baselineInput) : void 0;
  const baselineText = baselineFile && base ? base.copy(baselineFile) : baselineFile;
  const baseline = baselineText ? readBaselineFile(baselineText, cwd, "baseline") : void 0;
  const result = await lint({ paths, cwd, root, rules, ...configLintOptions(config, cwd), varFiles, baseline });
  if (result.missingPaths.length) throw new InputError(`no such file or folder: ${result.missingPaths.join(", ")}`);
  const sarifFile = writeReport(sarifInput, formatSarif(result, rules, { cwd, root, includeSuppressed: includeSuppressed === "true" }), cwd, "sarif-file", process.env.RUNNER_TEMP ? [process.env.RUNNER_TEMP] : []);
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
  if (result.staleBaseline.length) process.stdout.write(`::notice title=irsa-lint::${data(`${result.staleBaseline.length} baseline entries matched no finding (fixed or gone); irsa-lint --baseline ${baselineInput} --prune-baseline removes them`)}
`);
  const verdict = gate(summary, { failOn, maxWarnings, allowIncomplete: failOnIncomplete === "false", strict: strict === "true" });
  for (const reason of verdict.reasons) process.stdout.write(`::error title=irsa-lint::${data(reason.replace("--allow-incomplete", "fail-on-incomplete: false").replace("--max-warnings", "max-warnings").replace("--strict", "strict"))}
`);
  return verdict.exit === 0 ? 0 : 1;
}
function writeJobSummary(result, cwd, root) {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = process.env;
  const line = server && repository && sha ? (path, n) => `${server}/${repository}/blob/${sha}/${encodePath(path)}#L${n}` : void 0;
  appendFileSync(file, formatMarkdownSummary(result, { path: (f) => displayPath(resolve(cwd, f), root), line }));
}
runAction().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    const known = e instanceof InputError || e instanceof ConfigError;
    process.stdout.write(`::error title=irsa-lint::${data(known ? e.message : `internal error: ${e.message}. Please report it.`)}
`);
    process.exitCode = known ? 2 : 3;
  }
);
export {
  runAction
};
