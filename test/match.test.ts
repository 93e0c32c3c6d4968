import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closest, editDistance } from "../src/core/match.js";

/** The definition `closest` implements: edit distance over the 64 names sharing most prefix and suffix (stable sort). */
function closestBySorting(target: string, candidates: string[]): string | undefined {
  const affix = (c: string) => {
    let p = 0;
    while (p < target.length && p < c.length && target[p] === c[p]) p++;
    let s = 0;
    while (s < target.length && s < c.length && target[target.length - 1 - s] === c[c.length - 1 - s]) s++;
    return p + s;
  };
  const shortlist = candidates
    .map((c) => ({ c, score: affix(c) }))
    .sort((x, y) => y.score - x.score)
    .slice(0, 64);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const { c } of shortlist) {
    const allowed = Math.max(3, Math.floor(Math.max(target.length, c.length) / 2));
    const d = editDistance(target, c);
    if (d <= allowed && (d < bestDistance || (d === bestDistance && c < best!))) [best, bestDistance] = [c, d];
  }
  return best;
}

describe("closest", () => {
  it("suggests the role a dropped suffix or a typo came from", () => {
    expect(closest("payments-api-prod", ["orders-api-production", "payments-api-production", "payments-worker"])).toBe("payments-api-production");
    expect(closest("team00042-api-rol", ["team00041-api-role", "team00042-api-role", "team00043-api-role"])).toBe("team00042-api-role");
    expect(closest("billing", ["payments-api-production"])).toBeUndefined();
  });

  it("shortlists the 64 names sharing most prefix and suffix, earlier ones first among equals", () => {
    // Every name scores 7 (prefix "abcde", suffix "gh"); only the close one, 64th in order, is within reach.
    const far = (i: number) => `abcde${"Z".repeat(12)}${i}gh`;
    const candidates = [...Array.from({ length: 63 }, (_, i) => far(i)), "abcdeXgh", ...Array.from({ length: 6 }, (_, i) => far(63 + i))];
    expect(closest("abcdefgh", candidates)).toBe("abcdeXgh");
    expect(closest("abcdefgh", [far(99), ...candidates])).toBeUndefined();
  });

  it("picks what sorting every candidate would, among hundreds of similar names", () => {
    const name = fc.stringMatching(/^(team0{0,2}[0-9]{1,3}-)?(api|worker|jobs)(-role|-rol|-prod)?$/);
    fc.assert(
      fc.property(name, fc.array(name, { minLength: 60, maxLength: 300 }), (target, candidates) => {
        expect(closest(target, candidates)).toBe(closestBySorting(target, candidates));
      }),
      { numRuns: 200 },
    );
  });
});
