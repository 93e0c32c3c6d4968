/**
 * Phase timings for performance work, like ESLint's TIMING: with IRSA_LINT_TIMING=1 in the
 * environment, one line on standard error per run. Costs nothing otherwise.
 */
export function phaseTimer(): { mark(phase: string): void; report(): void } {
  if (!process.env.IRSA_LINT_TIMING) return { mark() {}, report() {} };
  const phases: string[] = [];
  let last = performance.now();
  return {
    mark(phase) {
      const now = performance.now();
      phases.push(`${phase} ${Math.round(now - last)} ms`);
      last = now;
    },
    report() {
      process.stderr.write(`irsa-lint timing: ${phases.join(", ")}\n`);
    },
  };
}
