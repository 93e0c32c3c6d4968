import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { rules } from "../rules/index.js";
import { lint, type LintResult } from "../src/engine/lint.js";

export const FIXTURES = resolve(import.meta.dirname, "../fixtures");

/** Lints one fixture repository the way a user would from its root, minus its expected.json. */
export async function lintFixture(name: string): Promise<LintResult> {
  const cwd = join(FIXTURES, name);
  const paths = readdirSync(cwd).filter((f) => f !== "expected.json");
  return lint({ paths, cwd, rules });
}

/** Fixture repositories: each folder of fixtures/, and each case of fixtures/hostile/ as `hostile/<case>`. */
export function fixtureNames(): string[] {
  const folders = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  return [...folders(FIXTURES).filter((n) => n !== "hostile"), ...hostileCases().map((c) => `hostile/${c}`)].sort();
}

export function hostileCases(): string[] {
  return readdirSync(join(FIXTURES, "hostile"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function brief(result: LintResult) {
  return result.findings.map((f) => ({ rule: f.ruleId, file: f.location.file, line: f.location.line, column: f.location.column }));
}
