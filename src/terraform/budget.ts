import type { Diagnostic } from "../core/diagnostic.js";
import type { SourceLocation } from "../core/location.js";
import { jsonFitsIn, unknown, type UnknownValue, type Value } from "../core/value.js";

/**
 * Terraform a pull request controls can ask for unbounded work in a few bytes: nested `for`
 * expressions, `format("%500000000s")`, a module that calls itself. Each root gets a budget;
 * what exceeds it becomes an unknown value, and the root says, as an error diagnostic every
 * format shows, that its checks may be incomplete.
 */
export const LIMITS = {
  /** Expressions evaluated per root, modules included: real roots use a few thousand. */
  steps: 1_000_000,
  /** Expressions evaluated one inside the other (references included), across modules. */
  depth: 250,
  /** Characters in one string value (a policy document read by file() is at most 5 MB). */
  stringLength: 16 * 1024 * 1024,
  /** Elements of one list or map, and instances of one count or for_each. */
  collectionSize: 100_000,
  /** Module instances evaluated per root. */
  moduleInstances: 10_000,
  /**
   * Characters of all the strings functions and templates create in one root: 335 bytes of
   * `format("%15000000s")` and a `for` over 400 elements ask for 6 GB. Real roots create a few MB.
   */
  stringBytes: 64 * 1024 * 1024,
  /** Wall-clock time one root may take, whatever else limits it. */
  milliseconds: 15_000,
} as const;

export type LimitKind = "steps" | "depth" | "stringLength" | "collectionSize" | "moduleInstances" | "stringBytes" | "milliseconds";

const WHAT: Record<LimitKind, string> = {
  steps: `evaluating this root takes more than ${LIMITS.steps.toLocaleString("en-US")} steps`,
  depth: `expressions and references nest more than ${LIMITS.depth} levels deep`,
  stringLength: `a string would be longer than ${LIMITS.stringLength / 1024 / 1024} MB`,
  collectionSize: `a collection would have more than ${LIMITS.collectionSize.toLocaleString("en-US")} elements`,
  moduleInstances: `the root would evaluate more than ${LIMITS.moduleInstances.toLocaleString("en-US")} module instances`,
  stringBytes: `its functions and templates would create more than ${LIMITS.stringBytes / 1024 / 1024} MB of text`,
  milliseconds: `evaluating this root takes longer than ${LIMITS.milliseconds / 1000} seconds`,
};

export class Budget {
  steps = 0;
  depth = 0;
  moduleInstances = 0;
  stringBytes = 0;
  private readonly reported = new Set<LimitKind>();
  private readonly deadline = performance.now() + LIMITS.milliseconds;

  constructor(private readonly diagnostics: Diagnostic[]) {}

  /** Whether the root's time is up (asked every few thousand steps: reading the clock is not free). */
  outOfTime(): boolean {
    return performance.now() > this.deadline;
  }

  /** The unknown a limit leaves, reported once per root and kind. */
  exceeded(kind: LimitKind, loc: SourceLocation): UnknownValue {
    if (!this.reported.has(kind)) {
      this.reported.add(kind);
      this.diagnostics.push({ level: "error", message: `Terraform not fully evaluated: ${WHAT[kind]}; values that depend on it are unknown, so checks of this root may be incomplete`, location: loc });
    }
    return unknown(`irsa-lint's limit: ${WHAT[kind]}`, loc);
  }

  /** A value within the size limits, or the unknown that replaces it; a new string's length is charged. */
  bounded(v: Value): Value {
    // An encoded document's text is written only when read: most are bounded by their structure alone.
    if (v.kind === "string" && !v.json && (this.stringBytes += v.value.length) > LIMITS.stringBytes) return this.exceeded("stringBytes", v.loc);
    if (v.kind === "string" && !(v.json && jsonFitsIn(v.json, LIMITS.stringLength)) && v.value.length > LIMITS.stringLength) return this.exceeded("stringLength", v.loc);
    if (v.kind === "list" && v.items.length > LIMITS.collectionSize) return this.exceeded("collectionSize", v.loc);
    if (v.kind === "object" && v.entries.size > LIMITS.collectionSize) return this.exceeded("collectionSize", v.loc);
    return v;
  }
}
