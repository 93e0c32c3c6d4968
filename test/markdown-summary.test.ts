import { describe, expect, it } from "vitest";
import type { LintResult } from "../src/engine/lint.js";
import { formatMarkdownSummary } from "../src/format/markdown-summary.js";

const loc = { file: "k8s/sa.yaml", line: 7, column: 33, endLine: 7, endColumn: 40 };

describe("job summary", () => {
  it("renders what a pull request wrote as text: no table break, HTML, link or emphasis", () => {
    const result: LintResult = {
      findings: [{ ruleId: "role-arn-resolves", severity: "error", message: 'annotates role a|b <img src=x onerror=alert(1)> [click](https://evil.example) **bold**\nnext', location: loc, related: [] }],
      suppressed: [],
      files: [{ file: "k8s/sa.yaml", status: "linted" }],
      diagnostics: [],
      missingPaths: [],
      links: [],
      staleBaseline: [], notChecked: [],
    };
    const text = formatMarkdownSummary(result, { path: (f) => f });
    const row = text.split("\n").find((l) => l.startsWith("| error"))!;
    expect(row).toBe("| error | k8s/sa.yaml:7 | role-arn-resolves | annotates role a\\|b &lt;img src=x onerror=alert\\(1\\)&gt; \\[click\\]\\(https://evil.example\\) \\*\\*bold\\*\\* next |");
  });
});
