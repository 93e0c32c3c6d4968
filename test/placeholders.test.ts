import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeholderSpans } from "../src/parse/placeholders.js";

/** The regular expression the scanner replaced: the oracle for what a placeholder is. */
const ORACLE = /\$\{[A-Za-z_][A-Za-z0-9_.:-]*(?::?[-=?+][^}]*)?\}|\$\([A-Za-z_][A-Za-z0-9_.-]*\)|\{\{[^{}]*\}\}|<[A-Za-z][A-Za-z0-9 _.-]*>|(?<![A-Za-z0-9])[xX]{4,}(?![A-Za-z0-9])|(?<![A-Za-z0-9_])[A-Z0-9_]*ACCOUNT[A-Z0-9_]*(?![A-Za-z0-9_])/g;
const oracle = (text: string) => [...text.matchAll(ORACLE)].map((m) => [m.index, m.index + m[0].length]);

describe("placeholders", () => {
  it("finds what the regular expression finds, on texts made of the characters that matter", () => {
    const alphabet = fc.constantFrom(..."${}()<>:-=?+xX a_.1/{}AC".split(""), "${", "{{", "}}", "xxxx", "arn:aws:iam::", "ACCOUNT_ID", "ACCOUNT", "AWS_", "_", "X");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join("")), (text) => {
        expect(placeholderSpans(text)).toEqual(oracle(text));
      }),
      { numRuns: 3000, seed: 20261207 },
    );
  });

  it("reads the usual forms", () => {
    const text = "arn:aws:iam::${ACCOUNT_ID}:role/$(ROLE)-{{ .Values.x }}-<CLUSTER NAME>-xxxxxxxxxxxx-${VAR:=d}";
    expect(placeholderSpans(text).map(([a, b]) => text.slice(a, b))).toEqual(["${ACCOUNT_ID}", "$(ROLE)", "{{ .Values.x }}", "<CLUSTER NAME>", "xxxxxxxxxxxx", "${VAR:=d}"]);
    const docs = "arn:aws:iam::AWS_ACCOUNT_ID:role/app and arn:aws:iam::ACCOUNT_ID:role/x, not MyACCOUNT or ACCOUNTS_x";
    expect(placeholderSpans(docs).map(([a, b]) => docs.slice(a, b))).toEqual(["AWS_ACCOUNT_ID", "ACCOUNT_ID"]);
  });
});
