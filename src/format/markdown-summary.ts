import { graphOf } from "../engine/graph.js";
import { formatMermaid } from "./graph.js";
import type { LintResult } from "../engine/lint.js";
import { helpUri } from "../engine/rule.js";
import { visible } from "../core/sanitize.js";
import { incompleteChecks, summarize, uncheckedFiles } from "./summary.js";

/** Findings listed in the table; past this many the summary says how many more. */
const ROWS = 200;
/** GitHub refuses a step summary over 1 MiB: rows stop before this many bytes, and the rest are counted. */
const MAX_BYTES = 900 * 1024;

export interface SummaryLinks {
  /** The repository-root path of a file the run names. */
  path: (file: string) => string;
  /** A link to a line of the commit, when the run knows the repository and commit. */
  line?: (path: string, line: number) => string;
}

/**
 * The Action's job summary (`GITHUB_STEP_SUMMARY`): counts, what was checked, findings by rule and
 * a table of findings linked to their lines. Every text from the scanned files is escaped: a pull
 * request chooses it, and Markdown or HTML in it must render as text.
 */
export function formatMarkdownSummary(result: LintResult, links: SummaryLinks): string {
  const s = summarize(result);
  const out: string[] = [];
  const verdict = s.errors ? "❌" : s.warnings ? "⚠️" : "✅";
  out.push(`### ${verdict} irsa-lint: ${count(s.errors, "error")}, ${count(s.warnings, "warning")}, ${count(s.notes, "note")}`, "");
  const links_ = s.links;
  const what = `${count(links_.annotations, "role annotation")}${links_.podIdentityAssociations ? ` and ${count(links_.podIdentityAssociations, "Pod Identity association")}` : ""}`;
  out.push(
    `${what}: ${links_.checked} checked, ${links_.missing} naming no scanned role, ${links_.notResolved} not resolved, ${links_.notChecked} not checked. ` +
      `${count(s.files.linted, "file")} linted, ${s.files.skipped} skipped, ${s.files.failed} failed${s.suppressed ? `, ${count(s.suppressed, "finding")} suppressed` : ""}.`,
    "",
  );
  const notChecked = [
    ...result.files.flatMap((f) => (f.status === "failed" ? [`${cell(links.path(f.file))}: ${cell(f.reason)}`] : [])),
    ...incompleteChecks(result).map((d) => `${cell(links.path(d.location.file))}:${d.location.line}: ${cell(d.message)}`),
    ...uncheckedFiles(result).map((f) => `${cell(links.path(f.file))}: ${cell(f.reason)}`),
    ...result.notChecked.map((n) => `${cell(links.path(n.location.file))}:${n.location.line}: ${cell(n.message)} (${cell(n.rules.join(", "))})`),
  ];
  let bytes = 0;
  const fits = (line: string) => (bytes += Buffer.byteLength(line) + 1) <= MAX_BYTES / 2;
  if (notChecked.length) {
    const shown = notChecked.slice(0, ROWS).filter(fits);
    out.push("**Not checked** (findings there may be missing):", "", ...shown.map((l) => `- ${l}`));
    if (shown.length < notChecked.length) out.push(`- … and ${notChecked.length - shown.length} more: see the job log or the SARIF upload.`);
    out.push("");
  }

  if (result.findings.length) {
    const byRule = new Map<string, [number, number, number]>();
    for (const f of result.findings) {
      const row = byRule.get(f.ruleId) ?? [0, 0, 0];
      row[f.severity === "error" ? 0 : f.severity === "warning" ? 1 : 2]++;
      byRule.set(f.ruleId, row);
    }
    out.push("| Rule | Errors | Warnings | Notes |", "|---|---:|---:|---:|");
    for (const [rule, [e, w, n]] of [...byRule].sort((a, b) => b[1][0] - a[1][0] || b[1][1] - a[1][1] || a[0].localeCompare(b[0]))) out.push(`| [${rule}](${helpUri(rule)}) | ${e} | ${w} | ${n} |`);
    out.push("", `<details><summary>${count(result.findings.length, "finding")}</summary>`, "", "| Severity | Where | Rule | Message |", "|---|---|---|---|");
    // Errors first: a pull request's decoy notes never push them out of the table.
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
    if (result.findings.length > shown) out.push("", `… and ${count(result.findings.length - shown, "more finding")}: see the annotations, the job log or code scanning.`);
    out.push("", "</details>", "");
  }
  // The links findings break, as a diagram GitHub renders; labels escaped as Mermaid entities.
  const broken = graphOf(result, { onlyBroken: true });
  if (broken.nodes.length) {
    const diagram = formatMermaid(broken, { maxNodes: DIAGRAM_NODES });
    if (Buffer.byteLength(out.join("\n")) + Buffer.byteLength(diagram) < MAX_BYTES) out.push("<details open><summary>Broken links</summary>", "", "```mermaid", diagram.trimEnd(), "```", "", "</details>", "");
  }
  return `${out.join("\n")}\n`;
}

/** Nodes of the job summary's diagram: beyond, it says how many more `irsa-lint graph` shows. */
const DIAGRAM_NODES = 40;

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const SEVERITY_ORDER = { error: 0, warning: 1, note: 2 } as const;

/**
 * Text from the scan as one table cell: Markdown and HTML render as text, on one line; invisible
 * and bidirectional characters show as escapes; URLs, `www.` and `@mentions` are broken with a
 * zero-width joiner, so GitHub neither links them nor notifies anyone.
 */
function cell(text: string): string {
  return visible(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_{}[\]()#+!|~])/g, "\\$1")
    .replace(/:\/\//g, ":\u200d//")
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200d.`)
    .replace(/@/g, "@\u200d");
}
