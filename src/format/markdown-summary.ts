import type { LintResult } from "../engine/lint.js";
import { helpUri } from "../engine/rule.js";
import { incompleteChecks, summarize, uncheckedFiles } from "./summary.js";

/** Findings listed in the table; past this many the summary says how many more (GitHub caps a summary at 1 MiB). */
const ROWS = 200;

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
      `${count(s.files.linted, "file")} linted, ${s.files.skipped} skipped, ${s.files.failed} failed${s.suppressed ? `, ${s.suppressed} findings suppressed` : ""}.`,
    "",
  );
  const notChecked = [
    ...result.files.flatMap((f) => (f.status === "failed" ? [`${cell(links.path(f.file))}: ${cell(f.reason)}`] : [])),
    ...incompleteChecks(result).map((d) => `${cell(links.path(d.location.file))}:${d.location.line}: ${cell(d.message)}`),
    ...uncheckedFiles(result).map((f) => `${cell(links.path(f.file))}: ${cell(f.reason)}`),
    ...result.notChecked.map((n) => `${cell(links.path(n.location.file))}:${n.location.line}: ${cell(n.message)} (${cell(n.rules.join(", "))})`),
  ];
  if (notChecked.length) out.push("**Not checked** (findings there may be missing):", "", ...notChecked.slice(0, ROWS).map((l) => `- ${l}`), "");

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
    for (const f of result.findings.slice(0, ROWS)) {
      const path = links.path(f.location.file);
      const where = `${cell(path)}:${f.location.line}`;
      out.push(`| ${f.severity} | ${links.line ? `[${where}](${links.line(path, f.location.line)})` : where} | ${f.ruleId} | ${cell(f.message)} |`);
    }
    if (result.findings.length > ROWS) out.push("", `… and ${result.findings.length - ROWS} more: see the annotations or code scanning.`);
    out.push("", "</details>", "");
  }
  return `${out.join("\n")}\n`;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Text from the scan as one table cell: Markdown and HTML render as text, on one line. */
function cell(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_{}[\]()#+!|~])/g, "\\$1");
}
