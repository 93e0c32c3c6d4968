import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bool, jsonFitsIn, jsonText, list, nul, num, obj, str, type Value } from "../src/core/value.js";

const loc = { file: "main.tf", line: 1, column: 1, endLine: 1, endColumn: 1 };

/** Known values as jsonencode sees them, documents encoded inside documents included. */
const value: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    fc.string({ unit: "binary" }).map((s) => str(s, loc)),
    fc.double().map((n) => num(n, loc)),
    fc.boolean().map((b) => bool(b, loc)),
    fc.constant(nul(loc)),
    fc.array(tie("v"), { maxLength: 5 }).map((items) => list(items, loc)),
    fc.array(fc.tuple(fc.string({ unit: "binary" }), tie("v")), { maxLength: 5 }).map((entries) => obj(new Map(entries), loc)),
    tie("v").map((inner) => jsonText(inner, loc)),
  ),
})).v;

describe("jsonFitsIn (the string budget of jsonencode, without writing the text)", () => {
  it("never says a text fits in fewer characters than it has", () => {
    fc.assert(
      fc.property(value, (v) => {
        const length = jsonText(v, loc).value.length;
        for (const limit of [0, length - 1, Math.floor(length / 2)]) expect(jsonFitsIn(v, limit) && length > limit).toBe(false);
        // Each level of encoding multiplies the bound by the longest escape (6): finite, if loose.
        expect(jsonFitsIn(v, 1e12)).toBe(true);
      }),
      { numRuns: 2000, seed: 17 },
    );
  });

  it("bounds an encoded document from its structure, the escapes of a nested one included", () => {
    const doc = obj(new Map([["Statement", list([str('a"\\\n\u0000', loc)], loc)]]), loc);
    const nested = obj(new Map([["policy", jsonText(doc, loc)]]), loc);
    const text = jsonText(nested, loc).value;
    expect(jsonFitsIn(nested, text.length - 1)).toBe(false);
    expect(jsonFitsIn(nested, 1000)).toBe(true);
  });
});
