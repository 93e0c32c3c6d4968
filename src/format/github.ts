import type { LintResult } from "../engine/lint.js";

/** GitHub Actions workflow commands: findings show inline on pull requests without code scanning. */
export function formatGithub(result: LintResult): string {
  const lines: string[] = [];
  for (const f of result.findings) {
    const level = f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "notice";
    const l = f.location;
    const props = `file=${property(l.file)},line=${l.line},col=${l.column},endLine=${l.endLine},endColumn=${l.endColumn},title=${property(`irsa-lint ${f.ruleId}`)}`;
    lines.push(`::${level} ${props}::${data(f.fix ? `${f.message}. ${f.fix}` : f.message)}`);
  }
  for (const f of result.files) {
    if (f.status === "failed") lines.push(`::error file=${property(f.file)},line=${f.location.line},col=${f.location.column},title=irsa-lint parse error::${data(f.reason)}`);
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
}

// Escaping as GitHub's @actions/core does for workflow commands.
function data(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(s: string): string {
  return data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
