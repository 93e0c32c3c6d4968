import type { LintResult } from "../engine/lint.js";

/** Paths as the report's consumer reads them: from the repository root. */
export type RepoPath = (file: string) => string;

const SEVERITY = { error: "major", warning: "minor", note: "info" } as const;

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: "info" | "minor" | "major" | "critical" | "blocker";
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * GitLab's Code Quality report (`artifacts: reports: codequality:`): one issue per finding, with
 * the finding's fingerprint (stable across unrelated edits, as code scanning's), GitLab's severity
 * scale (errors `major`, warnings `minor`, notes `info`; files that could not be parsed `blocker`)
 * and the path from the repository root, which the merge request widget matches against.
 */
export function formatGitlab(result: LintResult, path: RepoPath): string {
  const issues: Issue[] = result.findings.map((f) => ({
    description: f.fix ? `${f.message}. ${f.fix}` : f.message,
    check_name: f.ruleId,
    fingerprint: f.fingerprint ?? `${f.ruleId}:${path(f.location.file)}:${f.location.line}:${f.location.column}`,
    severity: SEVERITY[f.severity],
    location: { path: path(f.location.file), lines: { begin: f.location.line, end: f.location.endLine } },
  }));
  for (const f of result.files)
    if (f.status === "failed")
      issues.push({
        description: `irsa-lint could not parse this file, so its findings may be missing: ${f.reason}`,
        check_name: "irsa-lint/parse-error",
        fingerprint: `parse-error:${path(f.file)}`,
        severity: "blocker",
        location: { path: path(f.file), lines: { begin: f.location.line, end: f.location.line } },
      });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
