#!/usr/bin/env node
import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  VERSION,
  formatDot,
  formatGithub,
  formatJson,
  formatMermaid,
  formatSarif,
  formatStylish,
  gate,
  graphOf,
  readBaselineFile,
  summarize,
  writeReport
} from "./chunk-LAS5OLS6.mjs";
import {
  ConfigError,
  closest,
  configLintOptions,
  explain,
  findConfig,
  guardLine,
  guardText,
  lint,
  loadConfig,
  parseTarget,
  repositoryRoot,
  rules,
  toBaseline,
  visible
} from "./chunk-DHW4JXBC.mjs";
import "./chunk-T6OZMFMQ.mjs";
import {
  InputError
} from "./chunk-USNEO4FM.mjs";
import "./chunk-Z4QXSMQ6.mjs";
import "./chunk-N7Y6AN5C.mjs";
import {
  classify,
  displayPath
} from "./chunk-NHPH4HMX.mjs";
import "./chunk-JUKLW5JI.mjs";

// src/cli.ts
import { existsSync } from "node:fs";
import { resolve } from "node:path";

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

// src/format/gitlab.ts
var SEVERITY = { error: "major", warning: "minor", note: "info" };
function formatGitlab(result, path) {
  const issues = result.findings.map((f) => ({
    description: f.fix ? `${f.message}. ${f.fix}` : f.message,
    check_name: f.ruleId,
    fingerprint: f.fingerprint ?? `${f.ruleId}:${path(f.location.file)}:${f.location.line}:${f.location.column}`,
    severity: SEVERITY[f.severity],
    location: { path: path(f.location.file), lines: { begin: f.location.line, end: f.location.endLine } }
  }));
  for (const f of result.files)
    if (f.status === "failed")
      issues.push({
        description: `irsa-lint could not parse this file, so its findings may be missing: ${f.reason}`,
        check_name: "irsa-lint/parse-error",
        fingerprint: `parse-error:${path(f.file)}`,
        severity: "blocker",
        location: { path: path(f.file), lines: { begin: f.location.line, end: f.location.line } }
      });
  return `${JSON.stringify(issues, null, 2)}
`;
}

// src/format/junit.ts
function formatJunit(result, ruleIds, path) {
  const byRule = new Map(ruleIds.map((id) => [id, /* @__PURE__ */ new Map()]));
  for (const f of result.findings) {
    const files = byRule.get(f.ruleId) ?? byRule.set(f.ruleId, /* @__PURE__ */ new Map()).get(f.ruleId);
    const file = path(f.location.file);
    files.set(file, [...files.get(file) ?? [], f]);
  }
  const suites = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const [rule, files] of byRule) {
    const cases = [];
    let suiteFailures = 0;
    for (const [file, findings] of [...files].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
      const failing = findings.filter((f) => f.severity !== "note");
      const lines = (fs) => fs.map((f) => `${file}:${f.location.line}:${f.location.column} ${f.severity} ${f.message}${f.fix ? `
fix: ${f.fix}` : ""}`).join("\n");
      const body = failing.length ? `<failure type="${failing.some((f) => f.severity === "error") ? "error" : "warning"}" message="${attr(`${failing.length} finding${failing.length === 1 ? "" : "s"}: ${failing[0].message}`)}">${text(lines(failing))}</failure>` : `<system-out>${text(lines(findings))}</system-out>`;
      if (failing.length) suiteFailures++;
      cases.push(`    <testcase classname="${attr(rule)}" name="${attr(file)}">${body}</testcase>`);
    }
    if (!cases.length) cases.push(`    <testcase classname="${attr(rule)}" name="${attr(`${rule}: no findings`)}"/>`);
    tests += cases.length;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${attr(rule)}" tests="${cases.length}" failures="${suiteFailures}" errors="0">
${cases.join("\n")}
  </testsuite>`);
  }
  const unparsed = result.files.filter((f) => f.status === "failed");
  if (unparsed.length) {
    const cases = unparsed.map((f) => `    <testcase classname="irsa-lint" name="${attr(path(f.file))}"><error type="parse-error" message="${attr(f.reason)}">${text(`${path(f.file)}:${f.location.line}:${f.location.column} ${f.reason}`)}</error></testcase>`);
    tests += cases.length;
    errors += cases.length;
    suites.push(`  <testsuite name="irsa-lint (files that could not be parsed)" tests="${cases.length}" failures="0" errors="${cases.length}">
${cases.join("\n")}
  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="irsa-lint" tests="${tests}" failures="${failures}" errors="${errors}">
${suites.join("\n")}
</testsuites>
`;
}
var INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
var text = (s) => s.replace(INVALID, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
var attr = (s) => text(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;");

// src/format/explain.ts
var at = (l) => l ? `  (${visible(l.file)}:${l.line}:${l.column})` : "";
var answer = { yes: "yes", no: "no", maybe: "not known" };
function formatExplain(chains) {
  return `${chains.map(chainText).join("\n")}`;
}
function chainText(c) {
  const lines = [];
  const findings = (step, indent) => {
    for (const f of c.findings.filter((x) => x.step === step)) lines.push(`${indent}${f.severity === "error" ? "\u2716" : f.severity === "warning" ? "\u26A0" : "\xB7"} ${f.severity} ${f.ruleId}: ${visible(f.message)}${at(f.at)}`);
  };
  const sa = c.serviceAccount;
  lines.push(`ServiceAccount ${visible(sa.key)} (${sa.origin})${at(sa.declaredAt)}`);
  for (const a of sa.annotations) lines.push(`  ${a.name}: ${visible(a.value)}${at(a.at)}`);
  for (const v of sa.via) lines.push(`  \u21B3 ${visible(v.message)}${at(v.at)}`);
  findings("serviceAccount", "  ");
  const t = c.token;
  lines.push(`Token the webhook projects: iss ${t.iss ?? "(the cluster's issuer; the trust names none irsa-lint knows)"}, sub ${t.sub}, aud ${t.aud}, expires after ${t.expirationSeconds} s${at(t.expirationAt)}`);
  if (c.podIdentity) lines.push(`EKS Pod Identity association: role ${visible(c.podIdentity.role ?? "(not known)")}; it wins over the annotation${at(c.podIdentity.at)}`);
  const link = c.link;
  const linkText = { checked: "linked and checked", missing: "names no scanned role", "not-resolved": "not resolved", "not-checked": "linked, not checked", none: "no role annotation" }[link.status];
  lines.push(`Link: ${linkText}${link.reason ? `: ${visible(link.reason)}` : ""}${link.assumed ? ` (assumed: ${visible(link.assumed)})` : ""}${at(link.at)}`);
  findings("link", "  ");
  const role = c.role;
  if (role) {
    lines.push(`Role ${visible(role.name)}${at(role.at)}`);
    if (role.trust) {
      lines.push(`  Trust admits this token: ${answer[role.trust.admits]}`);
      for (const s of role.trust.statements) {
        lines.push(`    Statement ${s.index + 1}: ${s.effect} ${s.principals.map(visible).join("; ")}, sts:AssumeRoleWithWebIdentity: ${answer[s.action]}${at(s.at)}`);
        for (const k of s.conditions) lines.push(`      ${visible(k.text)} \u2192 ${answer[k.holds]}${at(k.at)}`);
      }
      const p = role.trust.provider;
      if (p) lines.push(`  OIDC provider ${visible(p.arn)}: ${p.declaredAt ? "declared in the scan" : "not declared in the scan (created elsewhere, or missing)"}${at(p.declaredAt)}`);
    } else lines.push("  Trust policy: not known");
    findings("trust", "  ");
    if (role.policies.length) lines.push("  Permissions");
    for (const p of role.policies) {
      lines.push(`    ${p.kind === "managed" ? "Managed" : "Inline"} policy ${visible(p.name)}${p.statements ? "" : " (its document is not in the scan)"}${at(p.at)}`);
      for (const s of p.statements ?? []) lines.push(`      ${s.effect} ${s.actions.map(visible).join(", ") || "(no Action)"} on ${s.resources.map(visible).join(", ") || "(no Resource)"}${s.conditions ? ` when ${s.conditions} condition${s.conditions === 1 ? "" : "s"} hold` : ""}${at(s.at)}`);
    }
    findings("policy", "  ");
  }
  if (c.workloads.length) lines.push("Workloads");
  else lines.push("Workloads: none in the scan runs as this ServiceAccount");
  for (const w of c.workloads) {
    lines.push(`  ${w.kind} ${visible(`${w.namespace}/${w.name}`)}${at(w.at)}`);
    for (const k of w.containers) {
      const env = Object.entries(k.injected).map(([name, value]) => `${name}=${visible(value)}`).join(", ");
      lines.push(`    container ${visible(k.name || "(unnamed)")}: ${k.note ?? `the webhook adds ${env}`}${at(k.at)}`);
    }
  }
  findings("workload", "  ");
  const errors = c.findings.filter((f) => f.severity === "error").length;
  lines.push(`Verdict: ${c.verdict === "works" ? "the chain works" : c.verdict === "broken" ? `broken${errors ? ` (${errors} error${errors === 1 ? "" : "s"} on the chain)` : ""}` : "not fully checked (see the link above)"}`);
  return `${lines.map(guardLine).join("\n")}
`;
}

// src/cli/options.ts
import { parseArgs } from "node:util";
var FORMATS = ["stylish", "json", "sarif", "github", "gitlab", "junit"];
var SEVERITIES = ["off", "note", "warning", "error"];
var HELP = `Usage: irsa-lint [options] [paths...]

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
var EXPLAIN_HELP = `Usage: irsa-lint explain <namespace>/<serviceaccount> | <role-name> | <file>:<line> [paths...]

Walks the chain a pod's AWS credentials go through, each step with where it is written: the
ServiceAccount and its annotations, the token the webhook projects (iss, sub, aud, expiry), the
role the annotation resolves to (or why not), each trust statement with the evaluator's answer for
that token, the OIDC provider, the permission policies, and what the webhook adds to each container
of the workloads that use it. Findings are shown on the step they sit on.

Options: --format stylish|json (json: schemas/explain.schema.json), and the lint options
(--config, --var, --var-file, --account-id).
Exit codes: 0 the chain works, 1 a finding breaks it or a step could not be checked, 2 not found.
`;
var GRAPH_HELP = `Usage: irsa-lint graph [paths...] [--format mermaid|dot|json] [--focus <namespace>/<serviceaccount>] [--output <file>]

The linked model as a graph: ServiceAccounts, workloads, roles, trust statements, OIDC providers and
policies, each with its file:line; links drawn dashed when not resolved and red where a finding
breaks them. --focus keeps one ServiceAccount's chain.
`;
function parse(argv) {
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
      help: { type: "boolean", short: "h" }
    }
  });
}
var UsageError = class extends Error {
};
function reports(values) {
  const formats = values.format?.length ? values.format : ["stylish"];
  for (const f of formats) if (!FORMATS.includes(f)) throw new UsageError(`unknown --format "${f}" (use ${FORMATS.join(", ")})`);
  const outputs = values.output ?? [];
  if (outputs.length > formats.length) throw new UsageError(`${outputs.length} --output for ${formats.length} --format: give one --output per --format, in the same order`);
  if (formats.length > 1 && outputs.length !== formats.length) throw new UsageError(`${formats.length} --format need one --output each, in the same order ("-" for standard output)`);
  const out = formats.map((format, i) => ({ format, ...outputs[i] !== void 0 && outputs[i] !== "-" ? { output: outputs[i] } : {} }));
  if (out.filter((r) => r.output === void 0).length > 1) throw new UsageError("only one report can go to standard output: give the others an --output file");
  return out;
}
function gateOptions(values) {
  const failOn = values["fail-on"] ?? "error";
  if (!["error", "warning", "never"].includes(failOn)) throw new UsageError(`--fail-on expects error, warning or never, not "${failOn}"`);
  const maxWarnings = values["max-warnings"] === void 0 ? void 0 : Number(values["max-warnings"]);
  if (maxWarnings !== void 0 && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) throw new UsageError("--max-warnings expects a whole number");
  const quiet = !!values.quiet;
  return {
    failOn: quiet && failOn === "warning" ? "error" : failOn,
    ...maxWarnings !== void 0 && !quiet ? { maxWarnings } : {},
    allowIncomplete: !!values["allow-incomplete"],
    strict: !!values.strict
  };
}
function ruleOverrides(values, rules2) {
  const out = {};
  const ids = rules2.map((r) => r.id);
  for (const pair of values.rule ?? []) {
    const eq = pair.lastIndexOf("=");
    const [id, severity] = eq > 0 ? [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()] : [pair.trim(), ""];
    if (!ids.includes(id)) {
      const near = closest(id, ids);
      throw new UsageError(`--rule ${pair}: no rule ${id}${near ? ` (did you mean ${near}?)` : ""}; irsa-lint --list-rules lists them`);
    }
    if (!SEVERITIES.includes(severity)) throw new UsageError(`--rule ${pair}: give ${id}=off, note, warning or error`);
    out[id] = severity;
  }
  return out;
}
function cliVars(pairs = []) {
  return pairs.map((pair) => {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new UsageError(`--var expects name=value, got "${pair}"`);
    return [pair.slice(0, eq), pair.slice(eq + 1)];
  });
}

// src/cli.ts
var EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 };
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function listRules(all) {
  const width = Math.max(...all.map((r) => r.id.length));
  return `${all.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}`).join("\n")}
`;
}
function render(format, result, where, color, verbose) {
  const fromRoot = (file) => displayPath(resolve(where.cwd, file), where.root);
  if (format === "json") return formatJson(result);
  if (format === "sarif") return formatSarif(result, rules, where);
  if (format === "github") return formatGithub(result, rules.map((r) => r.id), fromRoot);
  if (format === "gitlab") return formatGitlab(result, fromRoot);
  if (format === "junit") return formatJunit(result, rules.map((r) => r.id), fromRoot);
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
async function configFor(values, cwd) {
  const configFile = values.config ? resolve(cwd, values.config) : findConfig(cwd);
  if (values.config && !existsSync(configFile)) throw new UsageError(`--config ${values.config}: no such file`);
  const loaded = configFile ? await loadConfig(configFile, rules, cwd) : { rules: {} };
  const overrides = ruleOverrides(values, rules);
  return { ...loaded, rules: { ...loaded.rules, ...Object.fromEntries(Object.entries(overrides).map(([id, severity]) => [id, { ...loaded.rules[id], severity }])) } };
}
async function lintPaths(values, positionals, config, { maxFileMb, threads, accountId, cwd, root }, baseline) {
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
  return result;
}
async function run(values, positionals, io, settings) {
  const { reports: wanted, gate: gateSettings, cwd, root } = settings;
  const config = await configFor(values, cwd);
  if (values["print-config"]) return io.stdout(`${JSON.stringify(effectiveConfig(config, cwd), null, 2)}
`), EXIT.ok;
  const baseline = values.baseline ? readBaselineFile(resolve(cwd, values.baseline), cwd) : void 0;
  const result = await lintPaths(values, positionals, config, settings, baseline);
  if (values["write-baseline"]) {
    const recorded = toBaseline(result.findings);
    writeReport(values["write-baseline"], `${JSON.stringify(recorded, null, 2)}
`, io.cwd, "--write-baseline");
    io.stderr(`irsa-lint: recorded ${plural(recorded.findings.length, "finding")} in ${values["write-baseline"]}
`);
    return EXIT.ok;
  }
  const shown = values.quiet ? { ...result, findings: result.findings.filter((f) => f.severity === "error") } : result;
  for (const { format, output } of wanted) {
    const color = output === void 0 && format === "stylish" && !values["no-color"] && (!!values.color || io.color);
    let report;
    try {
      report = render(format, shown, { cwd, root, includeSuppressed: values["include-suppressed"] }, color, !!values.verbose);
    } catch (e) {
      if (e instanceof RangeError && /string length/i.test(e.message)) throw new UsageError(`the ${format} report of ${shown.findings.length} findings is too large to write; lint fewer paths, or record them with --write-baseline`);
      throw e;
    }
    if (output !== void 0) writeReport(output, report, io.cwd, "--output");
    else io.stdout(report);
  }
  const verdict = gate(summarize(result), gateSettings);
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
  for (const reason of verdict.reasons) io.stderr(`irsa-lint: ${reason}
`);
  return verdict.exit;
}
async function explainCommand(values, positionals, io, settings) {
  const [target, ...paths] = positionals;
  const config = await configFor(values, settings.cwd);
  const result = await lintPaths(values, paths, config, settings);
  const found = explain(result, parseTarget(target));
  if ("notFound" in found) throw new UsageError(found.notFound);
  const format = values.format?.[0] ?? "stylish";
  if (format !== "stylish" && format !== "json") throw new UsageError(`explain writes stylish or json, not "${format}"`);
  io.stdout(format === "json" ? `${JSON.stringify({ version: 1, chains: found.chains }, null, 2)}
` : formatExplain(found.chains));
  return found.chains.every((c) => c.verdict === "works") ? EXIT.ok : EXIT.findings;
}
async function graphCommand(values, positionals, io, settings) {
  const config = await configFor(values, settings.cwd);
  const result = await lintPaths(values, positionals, config, settings);
  const format = values.format?.[0] ?? "mermaid";
  if (!["mermaid", "dot", "json"].includes(format)) throw new UsageError(`graph writes mermaid, dot or json, not "${format}"`);
  const graph = graphOf(result, values.focus ? { focus: values.focus } : {});
  if (values.focus && !graph.nodes.length) throw new UsageError(`--focus ${values.focus}: no ServiceAccount of that name in the scan`);
  const text2 = format === "json" ? `${JSON.stringify({ version: 1, ...graph }, null, 2)}
` : format === "dot" ? formatDot(graph) : formatMermaid(graph);
  if (values.output?.[0] && values.output[0] !== "-") writeReport(values.output[0], text2, io.cwd, "--output");
  else io.stdout(text2);
  return EXIT.ok;
}
async function main(argv, given) {
  const io = { ...given, stderr: (text2) => given.stderr(guardText(text2)) };
  let debug = argv.includes("--debug");
  try {
    if (argv[0] === "lsp") {
      const { startServer } = await import("./server-NIXVJZIP.mjs");
      startServer();
      return await new Promise(() => {
      });
    }
    const command = argv[0] === "explain" || argv[0] === "graph" ? argv[0] : void 0;
    const { values, positionals } = parse(command ? argv.slice(1) : argv);
    debug = !!values.debug;
    if (values.help) return io.stdout(command === "explain" ? EXPLAIN_HELP : command === "graph" ? GRAPH_HELP : HELP), EXIT.ok;
    if (values.version) return io.stdout(`${VERSION}
`), EXIT.ok;
    if (values["list-rules"]) return io.stdout(listRules(rules)), EXIT.ok;
    if (command === "explain" && !positionals.length) throw new UsageError("explain needs what to explain: <namespace>/<serviceaccount>, a role name, or FILE:LINE");
    const settings = { reports: command ? [] : reports(values), gate: gateOptions(values) };
    const maxFileMb = values["max-file-size"] === void 0 ? void 0 : Number(values["max-file-size"]);
    if (maxFileMb !== void 0 && !(maxFileMb > 0)) throw new UsageError("--max-file-size expects a positive number of megabytes");
    const threads = values.threads === void 0 ? void 0 : Number(values.threads);
    if (threads !== void 0 && !(Number.isInteger(threads) && threads >= 1)) throw new UsageError("--threads expects a whole number of at least 1");
    const accountId = values["account-id"];
    if (accountId !== void 0 && !/^\d{12}$/.test(accountId)) throw new UsageError("--account-id expects 12 digits");
    if (values["prune-baseline"] && !values.baseline) throw new UsageError("--prune-baseline needs --baseline <file>");
    const snapshot = values.staged ? stagedSnapshot(io.cwd) : void 0;
    try {
      const where = { ...settings, maxFileMb, threads, accountId, cwd: snapshot?.cwd ?? io.cwd, root: snapshot?.root ?? repositoryRoot(io.cwd) };
      if (command === "explain") return await explainCommand(values, positionals, io, where);
      if (command === "graph") return await graphCommand(values, positionals, io, where);
      return await run(values, positionals, io, where);
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
