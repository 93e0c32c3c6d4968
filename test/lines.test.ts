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
