import { describeIncomplete, describeUnchecked, incompleteTotal, uncheckedTotal, type Summary } from "../format/summary.js";

/** When a run fails: the same in the CLI, the pre-commit hook and the Action. */
export interface GateOptions {
  /** Findings of this level or above fail the run (`never`: none does). */
  failOn: "error" | "warning" | "never";
  /** More warnings than this fail the run. */
  maxWarnings?: number;
  /** What was not checked (files not read, checks that could not run, elements not known) does not fail the run. */
  allowIncomplete?: boolean;
  /** Anything not checked, Helm templates included, fails the run with exit 2. */
  strict?: boolean;
}

export interface Verdict {
  /** 0 passes, 1 fails (findings, or incomplete), 2 fails under `strict` for what was not checked. */
  exit: 0 | 1 | 2;
  /** Why, one line each: for standard error, the log and the job summary. */
  reasons: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function gate(s: Summary, options: GateOptions): Verdict {
  const reasons: string[] = [];
  let exit: Verdict["exit"] = 0;
  if (options.failOn !== "never" && s.errors > 0) reasons.push(`${plural(s.errors, "error")} found`);
  else if (options.failOn === "warning" && s.warnings > 0) reasons.push(`${plural(s.warnings, "warning")} found (fail-on warning)`);
  else if (options.maxWarnings !== undefined && s.warnings > options.maxWarnings) reasons.push(`${plural(s.warnings, "warning")} ${s.warnings === 1 ? "exceeds" : "exceed"} --max-warnings ${options.maxWarnings}`);
  if (reasons.length) exit = 1;
  if (!options.allowIncomplete && incompleteTotal(s) > 0) {
    reasons.push(`not everything was checked: ${describeIncomplete(s)}, so findings may be missing (--allow-incomplete accepts this)`);
    exit = 1;
  }
  if (options.strict && uncheckedTotal(s) > 0) {
    reasons.push(`--strict: ${describeUnchecked(s)}`);
    exit = 2;
  }
  // Files were selected and none could be read: nothing was linted at all (a usage problem, as documented).
  if (s.files.failed > 0 && s.files.linted + s.files.skipped === 0) {
    reasons.push(`no selected file could be read (${plural(s.files.failed, "file")} failed)`);
    exit = 2;
  }
  return { exit, reasons };
}
