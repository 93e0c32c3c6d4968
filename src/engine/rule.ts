import type { SourceLocation } from "../core/location.js";
import type { IrsaModel } from "../model/model.js";

export type Severity = "error" | "warning" | "note";

export interface RelatedLocation {
  location: SourceLocation;
  message: string;
}

/** A finding as rules report it and formatters print it: typed, never pre-formatted for a terminal. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  location: SourceLocation;
  related: RelatedLocation[];
  /** How to fix it, one sentence. */
  fix?: string;
}

export interface RuleExample {
  /** Paths and contents, shown in the docs as a small repository. */
  files: Record<string, string>;
}

export interface RuleDocs {
  /** Why the rule matters: what breaks or what is exposed. */
  rationale: string;
  fail: RuleExample;
  pass: RuleExample;
  fix: string;
}

export type ReportData = Record<string, string | number>;

export interface ReportExtras {
  related?: RelatedLocation[];
  fix?: string;
}

export type Report<M extends string> = (messageId: M, location: SourceLocation, data?: ReportData, extras?: ReportExtras) => void;

export interface Rule<M extends string = string> {
  id: string;
  severity: Severity;
  description: string;
  /** Tags for SARIF and the docs: `security`, `correctness`, CWE ids. */
  tags: string[];
  messages: Record<M, string>;
  docs: RuleDocs;
  check(model: IrsaModel, report: Report<M>): void;
}

/** Identity function that types message ids, as typescript-eslint's createRule does. */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

export const DOCS_BASE = "https://github.com/irsa-lint/irsa-lint/blob/main/docs/rules";

export function helpUri(ruleId: string): string {
  return `${DOCS_BASE}/${ruleId}.md`;
}

export function fillMessage(template: string, data: ReportData = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, key: string) => (key in data ? String(data[key]) : m));
}
