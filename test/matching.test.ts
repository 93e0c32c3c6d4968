import fc from "fast-check";
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { compileGlobs } from "../src/core/glob.js";
import { globMatches, matchValue } from "../src/core/match.js";
import { elideFileText, guardLine, guardText, visible } from "../src/core/sanitize.js";
import { unknown, type TemplateValue } from "../src/core/value.js";

const loc = { file: "t", line: 1, column: 1, endLine: 1, endColumn: 1 };
/** The regular expression an IAM glob reads as: the oracle, on inputs too small to blow up. */
const globRegex = (p: string) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[\\s\\S]*").replace(/\?/g, "[\\s\\S]")}$`);

describe("wildcard matching", () => {
  it("agrees with the regular expression of the glob", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab*?.]{0,10}$/), fc.stringMatching(/^[ab.]{0,12}$/), (pattern, text) => {
        expect(globMatches(pattern, text)).toBe(globRegex(pattern).test(text));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it("takes linear steps where a backtracking engine would not finish", () => {
    const pattern = `${"*a".repeat(30)}*b`;
    expect(globMatches(pattern, "a".repeat(5000))).toBe(false);
    expect(globMatches(pattern, `${"a".repeat(5000)}b`)).toBe(true);
  });

  it("treats an unknown part of a value as any text, and its glob characters as literal where it is not a glob", () => {
    const template: TemplateValue = { kind: "template", parts: ["system:serviceaccount:", unknown("ns", loc), ":a*"], loc };
    expect(matchValue(template, "system:serviceaccount:team:a*")).toBe("maybe");
    expect(matchValue(template, "system:serviceaccount:team:abc")).toBe("no");
    expect(matchValue(template, "system:serviceaccount:team:abc", true)).toBe("maybe");
  });
});

describe("config globs", () => {
  const segment = fc.constantFrom("**", "*", "a*", "*.yaml", "a?", "[ab]", "[a-b]*", "{a,b}", "k8s", "b.yaml", ".hidden");
  const name = fc.constantFrom("a", "b", "ab", "k8s", "a.yaml", "b.yaml", ".hidden", "x.yaml");
  it("agree with picomatch (dot: true) on the patterns configs use", () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.array(name, { minLength: 1, maxLength: 4 }), (segments, names) => {
        const pattern = segments.join("/");
        const path = names.join("/");
        // picomatch lets `a/**` match `a` but not `*/**` match `a`; irsa-lint lets both.
        fc.pre(!(pattern.endsWith("/**") && segments.slice(0, -1).filter((x) => x !== "**").length === names.length));
        expect(compileGlobs([pattern])(path)).toBe(picomatch(pattern, { dot: true })(path));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it("negate a class with ! or ^", () => {
    expect(["a", "b", "ba"].map(compileGlobs(["[!a]*"]))).toEqual([false, true, true]);
    expect(["a", "b"].map(compileGlobs(["[^a]"]))).toEqual([false, true]);
  });

  it("match many stars against a long name at once", () => {
    expect(compileGlobs([`**/${"*a".repeat(12)}*b`])(`k8s/${"a".repeat(60)}.yaml`)).toBe(false);
  });
});

describe("console text", () => {
  it("shows control characters, escapes and bidirectional overrides as escapes, so one value is one line", () => {
    expect(visible("a\nb\r\u001b[2K\u0007\u202e\u0085\tc")).toBe("a\\nb\\r\\e[2K\\u0007\\u202e\\u0085\tc");
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(visible(s)).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      }),
    );
  });

  it("lets no report line begin with a workflow command", () => {
    expect(guardLine("::error::forged")).toBe("\\x3a:error::forged");
    expect(guardLine("   ::add-mask::x")).toBe("   \\x3a:add-mask::x");
    expect(guardLine("k8s/a.yaml")).toBe("k8s/a.yaml");
    expect(guardLine("x ##[error file=README.md;line=1]Approved")).toBe("x #\\x23[error file=README.md;line=1]Approved");
  });

  it("leaves no line either of the runner's parsers takes for a command (v2: a trimmed line starting with ::; legacy: ##[ anywhere)", () => {
    const piece = fc.constantFrom("::", "##[", "#", "[", ":", " ", "\t", "\n", "error", "]", "x");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join("")), (text) => {
        for (const line of guardText(text).split("\n")) {
          expect(line.trim().startsWith("::")).toBe(false);
          expect(line.indexOf("##[")).toBe(-1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("quotes no text computed from a file, however short, where a message quotes it as a value", () => {
    expect(elideFileText("sk3", new Set(["sk3"]))).toBe("…(file text not shown)");
    expect(elideFileText("a role named sk3x", new Set(["sk3"]))).toBe("a role named sk3x");
  });

  it("quotes no text computed from a file whole", () => {
    const token = "ghs_0123456789abcdef";
    expect(elideFileText(`role arn:aws:iam::1:role/${token} is unknown`, new Set([token]))).toBe("role arn:aws:iam::1:role/…(file text not shown) is unknown");
  });
});
