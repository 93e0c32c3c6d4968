import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);
import {
  DOCS_ROOT,
  SUPPRESSION_RULES,
  encodePath,
  explain,
  guardLine,
  helpUri,
  irsaStatements,
  parseTarget,
  summarizeCoverage,
  visible
} from "./chunk-DHW4JXBC.mjs";
import {
  InputError,
  readNamedInput
} from "./chunk-USNEO4FM.mjs";
import {
  pushTo
} from "./chunk-N7Y6AN5C.mjs";
import {
  asItems,
  displayPath,
  displayValue,
  knownString
} from "./chunk-NHPH4HMX.mjs";
import {
  __commonJS,
  __toESM
} from "./chunk-JUKLW5JI.mjs";

// node_modules/picocolors/picocolors.js
var require_picocolors = __commonJS({
  "node_modules/picocolors/picocolors.js"(exports, module) {
    var p = process || {};
    var argv = p.argv || [];
    var env = p.env || {};
    var isColorSupported = !(!!env.NO_COLOR || argv.includes("--no-color")) && (!!env.FORCE_COLOR || argv.includes("--color") || p.platform === "win32" || (p.stdout || {}).isTTY && env.TERM !== "dumb" || !!env.CI);
    var formatter = (open, close, replace = open) => (input) => {
      let string = "" + input, index = string.indexOf(close, open.length);
      return ~index ? open + replaceClose(string, close, replace, index) + close : open + string + close;
    };
    var replaceClose = (string, close, replace, index) => {
      let result = "", cursor = 0;
      do {
        result += string.substring(cursor, index) + replace;
        cursor = index + close.length;
        index = string.indexOf(close, cursor);
      } while (~index);
      return result + string.substring(cursor);
    };
    var createColors2 = (enabled = isColorSupported) => {
      let f = enabled ? formatter : () => String;
      return {
        isColorSupported: enabled,
        reset: f("\x1B[0m", "\x1B[0m"),
        bold: f("\x1B[1m", "\x1B[22m", "\x1B[22m\x1B[1m"),
        dim: f("\x1B[2m", "\x1B[22m", "\x1B[22m\x1B[2m"),
        italic: f("\x1B[3m", "\x1B[23m"),
        underline: f("\x1B[4m", "\x1B[24m"),
        inverse: f("\x1B[7m", "\x1B[27m"),
        hidden: f("\x1B[8m", "\x1B[28m"),
        strikethrough: f("\x1B[9m", "\x1B[29m"),
        black: f("\x1B[30m", "\x1B[39m"),
        red: f("\x1B[31m", "\x1B[39m"),
        green: f("\x1B[32m", "\x1B[39m"),
        yellow: f("\x1B[33m", "\x1B[39m"),
        blue: f("\x1B[34m", "\x1B[39m"),
        magenta: f("\x1B[35m", "\x1B[39m"),
        cyan: f("\x1B[36m", "\x1B[39m"),
        white: f("\x1B[37m", "\x1B[39m"),
        gray: f("\x1B[90m", "\x1B[39m"),
        bgBlack: f("\x1B[40m", "\x1B[49m"),
        bgRed: f("\x1B[41m", "\x1B[49m"),
        bgGreen: f("\x1B[42m", "\x1B[49m"),
        bgYellow: f("\x1B[43m", "\x1B[49m"),
        bgBlue: f("\x1B[44m", "\x1B[49m"),
        bgMagenta: f("\x1B[45m", "\x1B[49m"),
        bgCyan: f("\x1B[46m", "\x1B[49m"),
        bgWhite: f("\x1B[47m", "\x1B[49m"),
        blackBright: f("\x1B[90m", "\x1B[39m"),
        redBright: f("\x1B[91m", "\x1B[39m"),
        greenBright: f("\x1B[92m", "\x1B[39m"),
        yellowBright: f("\x1B[93m", "\x1B[39m"),
        blueBright: f("\x1B[94m", "\x1B[39m"),
        magentaBright: f("\x1B[95m", "\x1B[39m"),
        cyanBright: f("\x1B[96m", "\x1B[39m"),
        whiteBright: f("\x1B[97m", "\x1B[39m"),
        bgBlackBright: f("\x1B[100m", "\x1B[49m"),
        bgRedBright: f("\x1B[101m", "\x1B[49m"),
        bgGreenBright: f("\x1B[102m", "\x1B[49m"),
        bgYellowBright: f("\x1B[103m", "\x1B[49m"),
        bgBlueBright: f("\x1B[104m", "\x1B[49m"),
        bgMagentaBright: f("\x1B[105m", "\x1B[49m"),
        bgCyanBright: f("\x1B[106m", "\x1B[49m"),
        bgWhiteBright: f("\x1B[107m", "\x1B[49m")
      };
    };
    module.exports = createColors2();
    module.exports.createColors = createColors2;
  }
});

// src/engine/baseline-file.ts
function readBaselineFile(file, cwd, flag = "--baseline") {
  const name = `${flag} ${displayPath(file, cwd)}`;
  const read = readNamedInput(file, cwd);
  if ("error" in read) throw new InputError(`${name}: ${read.error}`);
  let data2;
  try {
    data2 = JSON.parse(read.text);
  } catch {
    throw new InputError(`${name}: not valid JSON`);
  }
  const entries = Array.isArray(data2?.findings) ? data2.findings : void 0;
  if (data2?.version === 1) throw new InputError(`${name}: recorded by an older irsa-lint, whose fingerprints included the message; record it again with --write-baseline`);
  if (data2?.version !== 2 || !entries || !entries.every((f) => typeof f?.fingerprint === "string")) throw new InputError(`${name}: not an irsa-lint baseline (version 2, findings with fingerprints)`);
  return data2;
}

// src/engine/write-report.ts
import { closeSync, constants, existsSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
var inside = (path, folder) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
function writeReport(path, text, workspace, option, confined) {
  const absolute = resolve(workspace, path);
  const base = [workspace, ...confined ?? []].map((f) => resolve(f)).find((folder2) => inside(absolute, folder2));
  if (confined && !base) throw new InputError(`${option} ${path}: outside the workspace${confined.length ? ` and ${confined.join(", ")}` : ""}`);
  if (!base) {
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
    return absolute;
  }
  const realWorkspace = realpathSync(base);
  let existing = dirname(absolute);
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const realExisting = realpathSync(existing);
  if (!inside(realExisting, realWorkspace)) throw new InputError(`${option} ${path}: its folder is a symbolic link out of ${base === resolve(workspace) ? "the workspace" : base}; irsa-lint does not write through links`);
  const folder = resolve(realExisting, relative(existing, dirname(absolute)));
  mkdirSync(folder, { recursive: true });
  const target = join(folder, basename(absolute));
  let stat;
  try {
    stat = lstatSync(target);
  } catch {
    stat = void 0;
  }
  if (stat?.isSymbolicLink()) throw new InputError(`${option} ${path}: is a symbolic link; irsa-lint does not write through links`);
  if (stat && !stat.isFile()) throw new InputError(`${option} ${path}: is not a regular file`);
  const temporary = join(folder, `.${basename(absolute)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 420);
  try {
    writeSync(fd, text);
  } catch (e) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(temporary, target);
  return target;
}

// src/format/summary.ts
function summarize(result) {
  const count = (s) => result.findings.filter((f) => f.severity === s).length;
  const files = (s) => result.files.filter((f) => f.status === s).length;
  return {
    errors: count("error"),
    warnings: count("warning"),
    notes: count("note"),
    suppressed: result.suppressed.length,
    incomplete: incompleteChecks(result).length,
    files: { linted: files("linted"), skipped: files("skipped"), failed: files("failed"), unchecked: uncheckedFiles(result).length, templates: uncheckedFiles(result).filter((f) => f.unchecked === "template").length },
    notChecked: result.notChecked.length,
    links: summarizeCoverage(result.links)
  };
}
function incompleteChecks(result) {
  const failures = new Set(result.files.map((f) => f.status === "failed" ? failureKey(f.location, f.reason) : ""));
  return result.diagnostics.filter((d) => d.level === "error" && !failures.has(failureKey(d.location, d.message)));
}
var failureKey = (l, message) => `${l.file}:${l.line}:${l.column}:${message}`;
function uncheckedFiles(result) {
  return result.files.filter((f) => f.status === "skipped" && !!f.unchecked);
}
function uncheckedTotal(s) {
  return s.files.failed + s.incomplete + s.files.unchecked + s.notChecked;
}
function incompleteTotal(s) {
  return uncheckedTotal(s) - s.files.templates;
}
function describeIncomplete(s) {
  return describeUnchecked({ ...s, files: { ...s.files, unchecked: s.files.unchecked - s.files.templates } });
}
function describeUnchecked(s) {
  const plural3 = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  return [
    s.files.failed ? plural3(s.files.failed, "file could not be parsed", "files could not be parsed") : "",
    s.files.unchecked ? plural3(s.files.unchecked, "file was skipped unread", "files were skipped unread") : "",
    s.incomplete ? plural3(s.incomplete, "check could not run", "checks could not run") : "",
    s.notChecked ? plural3(s.notChecked, "element a rule needed was not known", "elements rules needed were not known") : ""
  ].filter(Boolean).join(", ");
}

// src/format/github.ts
function formatGithub(result, ruleOrder = [], path = (f) => f) {
  const lines = [];
  const rank = (id) => ruleOrder.includes(id) ? ruleOrder.indexOf(id) : ruleOrder.length;
  const severity = { error: 0, warning: 1, note: 2 };
  const ordered = [...result.findings].sort((a, b) => severity[a.severity] - severity[b.severity] || rank(a.ruleId) - rank(b.ruleId));
  for (const f of ordered) {
    const level = f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "notice";
    const l = f.location;
    const props = `file=${property(path(l.file))},line=${l.line},col=${l.column},endLine=${l.endLine},endColumn=${l.endColumn},title=${property(`irsa-lint ${f.ruleId}`)}`;
    const others = f.related.map((r) => `
${r.message} (${path(r.location.file)}:${r.location.line}:${r.location.column})`).join("");
    lines.push(`::${level} ${props}::${data(`${f.fix ? `${f.message}. ${f.fix}` : f.message}${others}`)}`);
  }
  for (const f of result.files) {
    if (f.status === "failed") lines.push(`::error file=${property(path(f.file))},line=${f.location.line},col=${f.location.column},title=irsa-lint parse error::${data(f.reason)}`);
  }
  for (const d of incompleteChecks(result)) {
    const l = d.location;
    lines.push(`::error file=${property(path(l.file))},line=${l.line},col=${l.column},title=irsa-lint could not check::${data(d.message)}`);
  }
  for (const n of result.notChecked) {
    const l = n.location;
    lines.push(`::warning file=${property(path(l.file))},line=${l.line},col=${l.column},title=${property(`irsa-lint could not check (${n.rules.join(", ")})`)}::${data(n.message)}`);
  }
  for (const f of uncheckedFiles(result)) lines.push(`::warning file=${property(path(f.file))},title=irsa-lint skipped a file::${data(`not checked: ${f.reason}`)}`);
  return lines.length ? `${lines.join("\n")}
` : "";
}
function data(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replaceAll("##[", "#%23[");
}
function property(s) {
  return data(visible(s)).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// src/format/json.ts
function formatJson(result) {
  const shape = (f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.location.file,
    line: f.location.line,
    column: f.location.column,
    endLine: f.location.endLine,
    endColumn: f.location.endColumn,
    fix: f.fix ?? null,
    related: f.related.map((r) => ({ file: r.location.file, line: r.location.line, column: r.location.column, message: r.message })),
    fingerprint: f.fingerprint ?? null
  });
  const doc = {
    version: 1,
    findings: result.findings.map(shape),
    suppressed: result.suppressed.map((f) => ({ ...shape(f), suppression: f.suppression })),
    files: result.files.map((f) => ({ file: f.file, status: f.status, reason: f.status === "linted" ? null : f.reason })),
    notChecked: result.notChecked.map((n) => ({ file: n.location.file, line: n.location.line, column: n.location.column, message: n.message, rules: n.rules })),
    diagnostics: result.diagnostics.map((d) => ({ level: d.level, message: d.message, file: d.location.file, line: d.location.line, column: d.location.column })),
    links: result.links.map((l) => ({
      kind: l.kind,
      file: l.location.file,
      line: l.location.line,
      column: l.location.column,
      serviceAccount: l.serviceAccount,
      role: l.role ? { name: l.role.name, file: l.role.location.file, line: l.role.location.line } : null,
      status: l.status,
      reason: l.reason ?? null,
      assumed: l.assumed ?? null,
      via: (l.via ?? []).map((p) => ({ message: p.message, file: p.location.file, line: p.location.line, column: p.location.column }))
    })),
    summary: summarize(result)
  };
  const text = JSON.stringify(doc, null, 2).replace(/[\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).replaceAll("##[", "#\\u0023[");
  return `${text}
`;
}

// src/format/sarif.ts
import { resolve as resolve2 } from "node:path";
import { pathToFileURL } from "node:url";

// src/version.ts
var VERSION = true ? "0.1.0" : fromPackageJson();

// src/format/sarif.ts
var SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var SECURITY_SEVERITY = { error: "7.5", warning: "5.0", note: "2.0" };
var escapeText = (text) => text.replace(/[[\]\\]/g, (c) => `\\${c}`);
function artifact(file, places) {
  return { uri: encodePath(displayPath(resolve2(places.cwd, file), places.root)), uriBaseId: "%SRCROOT%" };
}
function physical(loc, places) {
  return {
    artifactLocation: artifact(loc.file, places),
    region: { startLine: loc.line, startColumn: loc.column, endLine: loc.endLine, endColumn: Math.max(loc.endColumn, loc.line === loc.endLine ? loc.column + 1 : 1) }
  };
}
function descriptor(rule) {
  const security = rule.tags.includes("security");
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)(\w)/g, (_, _d, ch) => ch.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.docs.rationale },
    help: { text: `${rule.docs.rationale}

Fix: ${rule.docs.fix}`, markdown: `${rule.docs.rationale}

**Fix:** ${rule.docs.fix}` },
    helpUri: helpUri(rule.id),
    defaultConfiguration: { level: rule.severity },
    properties: {
      tags: rule.tags,
      ...security ? { "security-severity": SECURITY_SEVERITY[rule.severity] } : {}
    }
  };
}
function toolDescriptor(rule) {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)(\w)/g, (_, _d, ch) => ch.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.help },
    help: { text: rule.help, markdown: rule.help },
    helpUri: `${DOCS_ROOT}/configuration.md#suppressions`,
    defaultConfiguration: { level: "warning" },
    properties: { tags: ["maintainability"] }
  };
}
function formatSarif(result, rules, places) {
  const physicalAt = (loc) => physical(loc, places);
  const descriptors = [...rules.map(descriptor), ...Object.values(SUPPRESSION_RULES).map(toolDescriptor)];
  const ruleIndex = new Map(descriptors.map((r, i) => [r.id, i]));
  const results = [...result.findings, ...places.includeSuppressed ? result.suppressed : []].map((f) => {
    const links = f.related.map((r, id) => ` [${escapeText(r.message)}](${id})`).join("");
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId),
      level: f.severity,
      message: { text: `${escapeText(f.fix ? `${f.message}. ${f.fix}` : f.message)}${links}` },
      locations: [{ physicalLocation: physicalAt(f.location) }],
      relatedLocations: f.related.map((r, id) => ({ id, physicalLocation: physicalAt(r.location), message: { text: r.message } })),
      partialFingerprints: { "irsaLintFinding/v2": f.fingerprint ?? "" },
      ...f.suppression ? { suppressions: [{ kind: f.suppression.kind, justification: f.suppression.justification }] } : {},
      // An unambiguous fix, as SARIF viewers apply it (the code action the language server offers).
      ...f.suggestion?.at ? {
        fixes: [
          {
            description: { text: f.suggestion.title },
            artifactChanges: [{ artifactLocation: artifact(f.suggestion.at.file, places), replacements: [{ deletedRegion: { startLine: f.suggestion.at.line, startColumn: f.suggestion.at.column, endLine: f.suggestion.at.endLine, endColumn: f.suggestion.at.endColumn }, insertedContent: { text: f.suggestion.with } }] }]
          }
        ]
      } : {}
    };
  });
  const notifications = [
    ...result.files.flatMap(
      (f) => f.status === "failed" ? [{ level: "error", message: { text: `${f.file}: ${f.reason}` }, locations: [{ physicalLocation: physicalAt(f.location) }] }] : f.status === "skipped" ? [{ level: f.unchecked ? "warning" : "note", message: { text: `${f.file} ${f.unchecked ? "not checked" : "skipped"}: ${f.reason}` }, locations: [{ physicalLocation: { artifactLocation: artifact(f.file, places) } }] }] : []
    ),
    ...result.notChecked.map((n) => ({ level: "warning", message: { text: `${n.message}: not checked by ${n.rules.join(", ")}` }, locations: [{ physicalLocation: physicalAt(n.location) }] })),
    ...[...incompleteChecks(result), ...result.diagnostics.filter((d) => d.level !== "error")].map(
      (d) => ({ level: d.level, message: { text: d.message }, locations: [{ physicalLocation: physicalAt(d.location) }] })
    )
  ];
  const log = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "irsa-lint", version: VERSION, semanticVersion: VERSION, informationUri: "https://github.com/irsa-lint/irsa-lint", rules: descriptors } },
        originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(places.root.endsWith("/") ? places.root : `${places.root}/`).href } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        // What the run examined: role annotations and Pod Identity associations, and what became of them.
        properties: { irsaLint: { links: summarizeCoverage(result.links) } },
        results,
        columnKind: "utf16CodeUnits"
      }
    ]
  };
  return `${JSON.stringify(log, null, 2)}
`;
}

// src/format/stylish.ts
var import_picocolors = __toESM(require_picocolors(), 1);
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
var LISTED_PER_REASON = 10;
function formatStylish(result, options) {
  const c = (0, import_picocolors.createColors)(options.color);
  const lines = [];
  const at = (l) => `${visible(l.file)}:${l.line}:${l.column}`;
  const byFile = /* @__PURE__ */ new Map();
  for (const f of result.findings) pushTo(byFile, f.location.file, f);
  for (const [file, findings] of byFile) {
    lines.push(c.underline(visible(file)));
    for (const f of findings) {
      const severity = f.severity === "error" ? c.red("error") : f.severity === "warning" ? c.yellow("warning") : c.blue("note");
      lines.push(`  ${c.dim(`${f.location.line}:${f.location.column}`)}  ${severity}  ${visible(f.message)}  ${c.dim(f.ruleId)}`);
      for (const r of f.related) lines.push(c.dim(`      \u21B3 ${visible(r.message)} (${at(r.location)})`));
      if (f.fix) lines.push(c.dim(`      fix: ${visible(f.fix)}`));
    }
    lines.push("");
  }
  const failed = result.files.filter((f) => f.status === "failed");
  const incomplete = incompleteChecks(result);
  const unchecked = uncheckedFiles(result);
  if (failed.length || incomplete.length || unchecked.length || result.notChecked.length) {
    lines.push(c.underline("Not checked"));
    for (const f of failed) if (f.status === "failed") lines.push(`  ${at(f.location)}  ${c.red("error")}  ${visible(f.reason)}`);
    for (const d of incomplete) lines.push(`  ${at(d.location)}  ${c.red("error")}  ${visible(d.message)}`);
    for (const n of result.notChecked) lines.push(`  ${at(n.location)}  ${c.yellow("not checked")}  ${visible(n.message)}  ${c.dim(n.rules.join(", "))}`);
    const byReason = /* @__PURE__ */ new Map();
    for (const f of unchecked) pushTo(byReason, f.reason, f.file);
    for (const [reason, files] of byReason) {
      const shown = options.verbose ? files : files.slice(0, LISTED_PER_REASON);
      for (const file of shown) lines.push(`  ${visible(file)}  ${c.yellow("skipped")}  ${visible(reason)}`);
      if (shown.length < files.length) lines.push(`  \u2026 and ${files.length - shown.length} more: ${visible(reason)} (--verbose lists them)`);
    }
    lines.push("");
  }
  if (options.verbose) {
    const open = result.links.filter((l) => l.status === "not-resolved" || l.status === "not-checked");
    if (open.length) {
      lines.push(c.underline("Role links not checked"));
      for (const l of open) lines.push(`  ${at(l.location)}  ${c.dim(l.status)}  ${l.kind === "annotation" ? "role annotation" : "Pod Identity association"} of ${visible(l.serviceAccount)}${l.role ? ` (role ${visible(l.role.name)})` : ""}: ${visible(l.reason ?? "")}`);
      lines.push("");
    }
    const carried = result.links.filter((l) => l.via?.length || l.assumed);
    if (carried.length) {
      lines.push(c.underline("Role links carried or assumed"));
      for (const l of carried) {
        lines.push(`  ${at(l.location)}  ${c.dim(l.status)}  ${visible(l.serviceAccount)}${l.role ? ` \u2192 role ${visible(l.role.name)}` : ""}${l.assumed ? `: ${visible(l.assumed)}` : ""}`);
        for (const p of l.via ?? []) lines.push(c.dim(`      \u21B3 ${visible(p.message)} (${at(p.location)})`));
      }
      lines.push("");
    }
    const notes = result.diagnostics.filter((d) => d.level !== "error");
    const skipped = result.files.filter((f) => f.status === "skipped" && !f.unchecked);
    if (notes.length || skipped.length) {
      lines.push(c.underline("Not resolved or skipped"));
      for (const d of notes) lines.push(`  ${at(d.location)}  ${c.dim(d.level)}  ${visible(d.message)}`);
      for (const f of skipped) if (f.status === "skipped") lines.push(`  ${visible(f.file)}  ${c.dim("skipped")}  ${visible(f.reason)}`);
      lines.push("");
    }
  }
  lines.push(summaryLine(result, c));
  return `${lines.map(guardLine).join("\n")}
`;
}
function summaryLine(result, c) {
  const s = summarize(result);
  const problems = s.errors + s.warnings + s.notes;
  const counts = `${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}`;
  const fileLine = `${plural(s.files.linted, "file")} linted, ${s.files.skipped} skipped, ${s.files.failed} failed${s.suppressed ? `; ${s.suppressed} suppressed` : ""}`;
  const notChecked = s.incomplete + s.files.unchecked + s.notChecked;
  const gap = notChecked ? `; ${notChecked} not checked (listed above)` : "";
  const links = `
${coverageLine(s)}`;
  if (problems > 0) return `${s.errors ? c.red("\u2716") : c.yellow("\u26A0")} ${plural(problems, "problem")} (${counts}) in ${fileLine}${gap}${links}`;
  if (notChecked || s.files.failed || s.links.notResolved || s.links.notChecked) return `${c.yellow("\u26A0")} No IRSA problems in what was checked (${fileLine}${gap})${links}`;
  return `${c.green("\u2714")} No IRSA problems (${fileLine})${links}`;
}
function coverageLine(s) {
  const l = s.links;
  if (l.annotations + l.podIdentityAssociations === 0) return "  no role annotation or Pod Identity association found";
  const what = [l.annotations ? plural(l.annotations, "role annotation") : "", l.podIdentityAssociations ? plural(l.podIdentityAssociations, "Pod Identity association") : ""].filter(Boolean).join(" and ");
  const parts = [`${l.checked} checked`, l.missing ? `${l.missing} naming no scanned role` : "", l.notResolved ? `${l.notResolved} not resolved` : "", l.notChecked ? `${l.notChecked} linked but not checked` : ""].filter(Boolean);
  return `  ${what}: ${parts.join(", ")}${l.notResolved + l.notChecked ? " (--verbose says why)" : ""}`;
}

// src/engine/gate.ts
var plural2 = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function gate(s, options) {
  const reasons = [];
  let exit = 0;
  if (options.failOn !== "never" && s.errors > 0) reasons.push(`${plural2(s.errors, "error")} found`);
  else if (options.failOn === "warning" && s.warnings > 0) reasons.push(`${plural2(s.warnings, "warning")} found (fail-on warning)`);
  else if (options.maxWarnings !== void 0 && s.warnings > options.maxWarnings) reasons.push(`${plural2(s.warnings, "warning")} ${s.warnings === 1 ? "exceeds" : "exceed"} --max-warnings ${options.maxWarnings}`);
  if (reasons.length) exit = 1;
  if (!options.allowIncomplete && incompleteTotal(s) > 0) {
    reasons.push(`not everything was checked: ${describeIncomplete(s)}, so findings may be missing (--allow-incomplete accepts this)`);
    exit = 1;
  }
  if (options.strict && uncheckedTotal(s) > 0) {
    reasons.push(`--strict: ${describeUnchecked(s)}`);
    exit = 2;
  }
  if (s.files.failed > 0 && s.files.linted + s.files.skipped === 0) {
    reasons.push(`no selected file could be read (${plural2(s.files.failed, "file")} failed)`);
    exit = 2;
  }
  return { exit, reasons };
}

// src/engine/graph.ts
var where = (l) => l ? `${l.file}:${l.line}` : null;
function graphOf(result, options = {}) {
  const model = result.model;
  const graph = { nodes: [], edges: [] };
  const ids = /* @__PURE__ */ new Map();
  const node = (key, kind, label, at) => {
    let id = ids.get(key);
    if (!id) {
      id = `n${ids.size}`;
      ids.set(key, id);
      graph.nodes.push({ id, kind, label, at: where(at) });
    }
    return id;
  };
  const edge = (e) => {
    if (!graph.edges.some((x) => x.from === e.from && x.to === e.to && x.kind === e.kind)) graph.edges.push(e);
  };
  const roleNode = (role, broken) => {
    const id = node(`role ${role.id}`, "role", `role ${role.displayName}`, role.loc);
    for (const s of irsaStatements(model, role.trust, role)) {
      const subs = s.conditions.filter((c) => /:sub$/i.test(knownString(c.key) ?? "")).flatMap((c) => c.values.map(displayValue));
      const trust = node(`trust ${role.id} ${s.index}`, "trust", `trust statement ${s.index + 1}${subs.length ? `: ${subs.slice(0, 3).join(", ")}${subs.length > 3 ? ", \u2026" : ""}` : ""}`, s.loc);
      edge({ from: id, to: trust, kind: "trusts", resolved: true, broken, label: null });
      for (const p of s.principals.filter((x) => x.type === "Federated"))
        for (const v of asItems(p.value)) {
          const text = displayValue(v);
          const provider = node(`provider ${text}`, "provider", `OIDC provider ${text.split(":oidc-provider/")[1] ?? text}`, model.oidcProviders.find((o) => text.endsWith((knownString(o.url) ?? "\0").replace(/^https:\/\//, "")))?.loc);
          edge({ from: trust, to: provider, kind: "federated", resolved: true, broken: false, label: null });
        }
    }
    for (const p of role.policies) {
      const policy = node(`policy ${role.id} ${p.displayName}`, "policy", `${p.kind} policy ${p.displayName}`, p.attachedAt);
      edge({ from: id, to: policy, kind: "attached", resolved: true, broken: false, label: null });
    }
    return id;
  };
  const wanted = (sa) => (sa.roleArn || model.podIdentityOf(sa)) && (!options.focus || sa.key === options.focus);
  for (const sa of model.serviceAccounts.filter(wanted)) {
    const chain = explain(result, parseTarget(sa.key)).chains?.find((c) => c.serviceAccount.declaredAt === sa.loc);
    const broken = chain?.verdict === "broken";
    if (options.onlyBroken && !broken) continue;
    const saId = node(`sa ${sa.key} ${where(sa.loc)}`, "serviceAccount", `ServiceAccount ${sa.namespaceKnown === false ? "?" : sa.namespace}/${sa.name}`, sa.loc);
    for (const w of model.workloadsOf(sa)) edge({ from: node(`workload ${w.kind} ${w.namespace}/${w.name} ${where(w.loc)}`, "workload", `${w.kind} ${w.namespace}/${w.name}`, w.loc), to: saId, kind: "runs-as", resolved: true, broken: false, label: null });
    const association = model.podIdentityOf(sa);
    if (association)
      for (const role of association.roles) edge({ from: saId, to: roleNode(role, broken), kind: "pod-identity", resolved: true, broken, label: "Pod Identity" });
    if (!sa.roleArn) continue;
    const roles = model.rolesOf(sa);
    const report = result.links.find((l) => l.kind === "annotation" && l.location === sa.roleArn.loc);
    if (roles.length) for (const role of roles) edge({ from: saId, to: roleNode(role, broken), kind: "annotates", resolved: true, broken, label: null });
    else {
      const missing = node(`unresolved ${where(sa.roleArn.loc)}`, "unresolved", report?.status === "missing" ? `no role named ${displayValue(sa.roleArn).split("/").pop()}` : `role not resolved: ${report?.reason ?? displayValue(sa.roleArn)}`, sa.roleArn.loc);
      edge({ from: saId, to: missing, kind: "annotates", resolved: false, broken: report?.status === "missing" || broken, label: null });
    }
  }
  return graph;
}

// src/format/graph.ts
var SHAPES = {
  serviceAccount: ["([", "])"],
  workload: ["[", "]"],
  role: ["[[", "]]"],
  trust: ["[/", "/]"],
  provider: ["{{", "}}"],
  policy: ["[", "]"],
  unresolved: ["{", "}"]
};
function mermaidText(s) {
  return [...s.replace(/[\r\n\t]+/g, " ")].map((c) => /[A-Za-z0-9 .,:/_+=@()-]/.test(c) ? c : `#${c.codePointAt(0)};`).join("");
}
function formatMermaid(graph, options = {}) {
  const shown = new Set(graph.nodes.slice(0, options.maxNodes ?? Infinity).map((n) => n.id));
  const lines = ["flowchart LR"];
  for (const n of graph.nodes) {
    if (!shown.has(n.id)) continue;
    const [open, close] = SHAPES[n.kind];
    lines.push(`  ${n.id}${open}"${mermaidText(n.label)}${n.at ? `<br/>${mermaidText(n.at)}` : ""}"${close}`);
  }
  const red = [];
  let index = 0;
  for (const e of graph.edges) {
    if (!shown.has(e.from) || !shown.has(e.to)) continue;
    const arrow = e.resolved ? "-->" : "-.->";
    lines.push(`  ${e.from} ${arrow}${e.label ? `|"${mermaidText(e.label)}"|` : ""} ${e.to}`);
    if (e.broken) red.push(index);
    index++;
  }
  if (red.length) lines.push(`  linkStyle ${red.join(",")} stroke:#d1242f,stroke-width:2px`);
  const hidden = graph.nodes.length - shown.size;
  if (hidden > 0) lines.push(`  more["#43;${hidden} more, irsa-lint graph shows them all"]`);
  return `${lines.join("\n")}
`;
}
function formatDot(graph) {
  const q = (s) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n")}"`;
  const shape = { serviceAccount: "ellipse", workload: "box", role: "box3d", trust: "parallelogram", provider: "hexagon", policy: "note", unresolved: "diamond" };
  const lines = ["digraph irsa {", "  rankdir=LR;", '  node [fontname="Helvetica", fontsize=10];'];
  for (const n of graph.nodes) lines.push(`  ${n.id} [label=${q(n.at ? `${n.label}
${n.at}` : n.label)}, shape=${shape[n.kind]}];`);
  for (const e of graph.edges) {
    const attrs = [e.resolved ? "" : "style=dashed", e.broken ? 'color="#d1242f", penwidth=2' : "", e.label ? `label=${q(e.label)}` : ""].filter(Boolean).join(", ");
    lines.push(`  ${e.from} -> ${e.to}${attrs ? ` [${attrs}]` : ""};`);
  }
  lines.push("}");
  return `${lines.join("\n")}
`;
}

export {
  readBaselineFile,
  writeReport,
  summarize,
  incompleteChecks,
  uncheckedFiles,
  uncheckedTotal,
  formatGithub,
  data,
  formatJson,
  graphOf,
  formatMermaid,
  formatDot,
  VERSION,
  formatSarif,
  formatStylish,
  gate
};
