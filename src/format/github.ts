import type { LintResult } from "../engine/lint.js";
import { visible } from "../core/sanitize.js";
import { incompleteChecks, uncheckedFiles } from "./summary.js";

/** GitHub Actions workflow commands: findings show inline on pull requests without code scanning. GitHub matches `file=` against the repository root: `path` names files from there. */
/**
 * GitHub shows ten annotations of each kind per step: findings come by severity, then by the rule's
 * place in `ruleOrder` (the registry lists the wiring checks first), so a pull request cannot push
 * the real ones out with decoys in files whose names sort first.
 */
export function formatGithub(result: LintResult, ruleOrder: string[] = [], path: (file: string) => string = (f) => f): string {
  const lines: string[] = [];
  const rank = (id: string) => (ruleOrder.includes(id) ? ruleOrder.indexOf(id) : ruleOrder.length);
  const severity = { error: 0, warning: 1, note: 2 } as const;
  const ordered = [...result.findings].sort((a, b) => severity[a.severity] - severity[b.severity] || rank(a.ruleId) - rank(b.ruleId));
  for (const f of ordered) {
    const level = f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "notice";
    const l = f.location;
    const props = `file=${property(path(l.file))},line=${l.line},col=${l.column},endLine=${l.endLine},endColumn=${l.endColumn},title=${property(`irsa-lint ${f.ruleId}`)}`;
    // An annotation shows one place: the other ends of a cross-file finding go in its text.
    const others = f.related.map((r) => `\n${r.message} (${path(r.location.file)}:${r.location.line}:${r.location.column})`).join("");
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
  return lines.length ? `${lines.join("\n")}\n` : "";
}

// Escaping as GitHub's @actions/core does for workflow commands.
export function data(s: string): string {
  // `##[` would be a legacy command to the runner's second parser: its `#` escaped, the text shown as written.
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replaceAll("##[", "#%23[");
}

/** A property value (a file name, a title): control, bidirectional and zero-width characters shown as escapes. */
function property(s: string): string {
  return data(visible(s)).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
