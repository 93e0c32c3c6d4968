import { describe, expect, it } from "vitest";
import type { LintResult } from "../src/engine/lint.js";
import type { Finding } from "../src/engine/rule.js";
import { formatMarkdownSummary } from "../src/format/markdown-summary.js";
import { encodePath } from "../src/core/sanitize.js";
import { emptyDeclarations } from "../src/core/declarations.js";
import { link } from "../src/model/link.js";

const loc = { file: "k8s/sa.yaml", line: 7, column: 33, endLine: 7, endColumn: 40 };
const result = (findings: Finding[]): LintResult => ({ findings, suppressed: [], files: [{ file: "k8s/sa.yaml", status: "linted" }], diagnostics: [], missingPaths: [], links: [], staleBaseline: [], notChecked: [], model: link(emptyDeclarations()) });
const finding = (message: string, severity: Finding["severity"] = "error"): Finding => ({ ruleId: "role-arn-resolves", severity, message, location: loc, related: [] });

describe("job summary", () => {
  it("renders what a pull request wrote as text: no table break, HTML, link, emphasis, autolink or mention", () => {
    const text = formatMarkdownSummary(result([finding("annotates role a|b <img src=x onerror=alert(1)> [click](https://evil.example) **bold** www.evil.example @octocat\u202egnp.exe\nnext")]), { path: (f) => f });
    const row = text.split("\n").find((l) => l.startsWith("| error"))!;
    expect(row).toBe(
      "| error | k8s/sa.yaml:7 | role-arn-resolves | annotates role a\\|b &lt;img src=x onerror=alert\\(1\\)&gt; \\[click\\]\\(https:\u200d//evil.example\\) \\*\\*bold\\*\\* www\u200d.evil.example @\u200doctocat\\\\u202egnp.exe\\\\nnext |",
    );
  });

  it("links lines of files whose names hold ) ] # ? by their encoded paths (as the Action builds them)", () => {
    const text = formatMarkdownSummary(result([{ ...finding("x"), location: { ...loc, file: "k8s/a)b]#?.yaml" } }]), { path: (f) => f, line: (p, n) => `https://github.com/o/r/blob/c/${encodePath(p)}#L${n}` });
    expect(text).toContain("](https://github.com/o/r/blob/c/k8s/a%29b%5D%23%3F.yaml#L7)");
  });

  it("stays under GitHub's 1 MiB step summary limit, errors first, and counts what it leaves out", () => {
    const notes = Array.from({ length: 5_000 }, () => finding("n".repeat(400), "note"));
    const text = formatMarkdownSummary(result([...notes, finding("the real one")]), { path: (f) => f });
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
    expect(text.split("\n").find((l) => l.startsWith("| error") || l.startsWith("| note"))).toContain("the real one");
    expect(text).toMatch(/… and \d+ more findings: see the annotations/);
  });
});
