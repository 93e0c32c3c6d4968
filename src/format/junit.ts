import type { LintResult } from "../engine/lint.js";
import type { Finding } from "../engine/rule.js";
import type { RepoPath } from "./gitlab.js";

/**
 * JUnit XML, as Jenkins, GitLab and Azure Pipelines read test reports: a test suite per rule, a
 * test case per rule and file with findings (failed by its errors and warnings; notes are output),
 * a passing case for each rule without findings (so a clean run has tests), and a case failing
 * with an error for each file that could not be parsed.
 */
export function formatJunit(result: LintResult, ruleIds: string[], path: RepoPath): string {
  const byRule = new Map<string, Map<string, Finding[]>>(ruleIds.map((id) => [id, new Map()]));
  for (const f of result.findings) {
    const files = byRule.get(f.ruleId) ?? byRule.set(f.ruleId, new Map()).get(f.ruleId)!;
    const file = path(f.location.file);
    files.set(file, [...(files.get(file) ?? []), f]);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const [rule, files] of byRule) {
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const [file, findings] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const failing = findings.filter((f) => f.severity !== "note");
      const lines = (fs: Finding[]) => fs.map((f) => `${file}:${f.location.line}:${f.location.column} ${f.severity} ${f.message}${f.fix ? `\nfix: ${f.fix}` : ""}`).join("\n");
      const body = failing.length
        ? `<failure type="${failing.some((f) => f.severity === "error") ? "error" : "warning"}" message="${attr(`${failing.length} finding${failing.length === 1 ? "" : "s"}: ${failing[0].message}`)}">${text(lines(failing))}</failure>`
        : `<system-out>${text(lines(findings))}</system-out>`;
      if (failing.length) suiteFailures++;
      cases.push(`    <testcase classname="${attr(rule)}" name="${attr(file)}">${body}</testcase>`);
    }
    if (!cases.length) cases.push(`    <testcase classname="${attr(rule)}" name="${attr(`${rule}: no findings`)}"/>`);
    tests += cases.length;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${attr(rule)}" tests="${cases.length}" failures="${suiteFailures}" errors="0">\n${cases.join("\n")}\n  </testsuite>`);
  }
  const unparsed = result.files.filter((f) => f.status === "failed");
  if (unparsed.length) {
    const cases = unparsed.map((f) => `    <testcase classname="irsa-lint" name="${attr(path(f.file))}"><error type="parse-error" message="${attr(f.reason)}">${text(`${path(f.file)}:${f.location.line}:${f.location.column} ${f.reason}`)}</error></testcase>`);
    tests += cases.length;
    errors += cases.length;
    suites.push(`  <testsuite name="irsa-lint (files that could not be parsed)" tests="${cases.length}" failures="0" errors="${cases.length}">\n${cases.join("\n")}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="irsa-lint" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join("\n")}\n</testsuites>\n`;
}

/** XML 1.0 has no way to write most control characters: they are dropped. */
const INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const text = (s: string) => s.replace(INVALID, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const attr = (s: string) => text(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;");
