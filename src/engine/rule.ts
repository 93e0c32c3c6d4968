import type { SourceLocation } from "../core/location.js";
import { excerpt } from "../core/sanitize.js";
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
  /** Which of the rule's messages: part of the finding's identity, where the wording is not. */
  messageId?: string;
  /** Stable across runs, line shifts and message wording; set by the engine. */
  fingerprint?: string;
  /** Set when an inline comment or the baseline suppresses it; suppressed findings never fail a run. */
  suppression?: { kind: "inSource" | "external"; justification: string };
  /** Set when the finding is about one branch of a conditional whose condition is not known. */
  condition?: string;
  suggestion?: Suggestion;
}

/**
 * A check a rule could not make: the element it needed to judge was not known. Listed in every
 * format, counted, and failing `--strict` and the Action's `fail-on-incomplete`, so that an unknown
 * never passes for a clean result.
 */
export interface NotChecked {
  location: SourceLocation;
  /** What was not known and why: `Action of policy app of IRSA role app is not known (var.actions has no value)`. */
  message: string;
  /** The rules that could not check it. */
  rules: string[];
}

/** How a rule says it could not check an element: `what` names it, `reason` says why it is not known. */
export type Unchecked = (location: SourceLocation, what: string, reason: string) => void;

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
  /** A rule may report one case more severely than its default; the config still overrides both. */
  severity?: Severity;
  /** The finding is about a branch of a conditional not known (see Finding.condition). */
  condition?: string;
  /** An unambiguous fix (see Finding.suggestion). */
  suggestion?: Suggestion;
}

/**
 * An unambiguous fix, as editors' code actions and SARIF `fixes` apply it: replace the text
 * `replace` (once, as written in the source) within the finding's location by `with`.
 */
export interface Suggestion {
  replace: string;
  with: string;
  /** What the fix does, for the code action's title. */
  title: string;
  /** Where `replace` is written: set by the engine, which drops a suggestion whose text it cannot find. */
  at?: SourceLocation;
}

export type Report<M extends string> = (messageId: M, location: SourceLocation, data?: ReportData, extras?: ReportExtras) => void;

/** A rule's options, as ESLint's `meta.schema`: JSON Schema properties and their defaults. */
export interface RuleOptions<O> {
  properties: Record<string, object>;
  defaults: O;
}

export interface Rule<M extends string = string, O extends object = object> {
  id: string;
  severity: Severity;
  description: string;
  /** Tags for SARIF and the docs: `security`, `correctness`, CWE ids. */
  tags: string[];
  messages: Record<M, string>;
  docs: RuleDocs;
  options?: RuleOptions<O>;
  check(model: IrsaModel, report: Report<M>, options: O, unchecked: Unchecked): void;
}

/** Identity function that types message ids and options, as typescript-eslint's createRule does. */
export function defineRule<M extends string, O extends object = object>(rule: Rule<M, O>): Rule<M, O> {
  return rule;
}

/** A rule of any message ids and options, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<string, any>;

export const DOCS_ROOT = "https://github.com/irsa-lint/irsa-lint/blob/main/docs";
export const DOCS_BASE = `${DOCS_ROOT}/rules`;

export function helpUri(ruleId: string): string {
  return `${DOCS_BASE}/${ruleId}.md`;
}

/** Characters of one quoted value in a message: a finding is one line, whatever a file holds. */
const MAX_QUOTED = 500;

export function fillMessage(template: string, data: ReportData = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, key: string) => (Object.hasOwn(data, key) ? excerpt(String(data[key]), MAX_QUOTED) : m));
}
