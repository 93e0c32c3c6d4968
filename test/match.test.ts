import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closest, editDistance, suggestionLimit } from "../src/core/match.js";

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
    const allowed = suggestionLimit(target, c);
    const d = editDistance(target, c);
    if (allowed >= 0 && d <= allowed && (d < bestDistance || (d === bestDistance && c < best!))) [best, bestDistance] = [c, d];
  }
  return best;
}

describe("closest", () => {
  it("suggests the role a dropped suffix or a typo came from", () => {
    expect(closest("payments-api-prod", ["orders-api-production", "payments-api-production", "payments-worker"])).toBe("payments-api-production");
    expect(closest("team00042-api-rol", ["team00041-api-role", "team00042-api-role", "team00043-api-role"])).toBe("team00042-api-role");
    expect(closest("billing", ["payments-api-production"])).toBeUndefined();
  });

  it("never suggests another region's role, nor a name that shares only a prefix", () => {
    expect(closest("mall-external-secrets-us-east-1", ["mall-external-secrets-us-west-2", "mall-event-bus-sa-us-west-2"])).toBeUndefined();
    expect(closest("mall-external-secrets-us-east-1", ["mall-external-secret-us-east-1"])).toBe("mall-external-secret-us-east-1");
    expect(closest("multi-region-mall-external-secrets", ["multi-region-mall-event-bus-sa", "multi-region-mall-returns-sa"])).toBeUndefined();
    expect(closest("ebs-csi-controller-sa", ["ebs-csi-controller-role", "ebs-csi-node-role"])).toBe("ebs-csi-controller-role");
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
