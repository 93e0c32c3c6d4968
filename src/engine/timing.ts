/**
 * Phase timings for performance work, like ESLint's TIMING: with IRSA_LINT_TIMING=1 in the
 * environment, one line on standard error per run. Costs nothing otherwise.
 */
export interface PhaseTimer {
  mark(phase: string): void;
  /** Times one rule's check, when timing (`undefined` otherwise: rules run untimed). */
  rule?: (id: string, ms: number) => void;
  report(): void;
}

/** The rules named in the report, slowest first. */
const SLOWEST_RULES = 8;

export function phaseTimer(): PhaseTimer {
  if (!process.env.IRSA_LINT_TIMING) return { mark() {}, report() {} };
  const phases: string[] = [];
  const rules: Array<[string, number]> = [];
  let last = performance.now();
  return {
    mark(phase) {
      const now = performance.now();
      phases.push(`${phase} ${Math.round(now - last)} ms`);
      last = now;
    },
    rule(id, ms) {
      rules.push([id, ms]);
    },
    report() {
      const slowest = rules.sort((a, b) => b[1] - a[1]).slice(0, SLOWEST_RULES);
      const ruleLine = slowest.length ? `\nirsa-lint timing, slowest rules: ${slowest.map(([id, ms]) => `${id} ${ms.toFixed(1)} ms`).join(", ")}` : "";
      process.stderr.write(`irsa-lint timing: ${phases.join(", ")}${ruleLine}\n`);
    },
  };
}
