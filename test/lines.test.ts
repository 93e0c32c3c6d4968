import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineIndex } from "../src/core/lines.js";

/** The definition: lines and columns counted from the text's start. */
function counted(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe("LineIndex", () => {
  it("gives every offset's line and column, whatever order offsets are asked in", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "\n", "é") }), fc.array(fc.nat()), (text, asked) => {
        const lines = new LineIndex(text);
        for (const n of asked) {
          const offset = n % (text.length + 1);
          expect(lines.position(offset)).toEqual(counted(text, offset));
        }
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});

describe("LineIndex.span", () => {
  it("locates a span as position() locates its ends", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "\n") }), fc.nat(), fc.nat(), (text, x, y) => {
        const [start, end] = [x % (text.length + 1), y % (text.length + 1)].sort((a, b) => a - b);
        const a = counted(text, start);
        const b = counted(text, end);
        expect(new LineIndex(text).span("f", start, end)).toEqual({ file: "f", line: a.line, column: a.column, endLine: b.line, endColumn: b.column });
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
