import { closest } from "../core/match.js";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { ErrorObject } from "ajv";
import { isMap, LineCounter, parseDocument, type Document } from "yaml";
import { excerpt } from "../core/sanitize.js";
import { displayPath } from "../discover/discover.js";
import { readNamedInput } from "../engine/read-input.js";
import type { AnyRule } from "../engine/rule.js";
import type { RuleSetting } from "../engine/run-rules.js";
import { configSchema } from "./schema.js";

export const CONFIG_NAMES = [".irsa-lint.yaml", ".irsa-lint.yml", "irsa-lint.config.json"];

export interface Config {
  /** Absolute path of the file, undefined when no config file was found. */
  file?: string;
  rules: Record<string, RuleSetting>;
  include?: string[];
  exclude?: string[];
}

/** A config file that is missing, unparsable or invalid: one line naming the file, line and key. */
export class ConfigError extends Error {}

/** The nearest config file from `cwd` upwards (as ESLint and markdownlint look for theirs). */
export function findConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_NAMES) if (existsSync(join(dir, name))) return join(dir, name);
    if (dirname(dir) === dir || existsSync(join(dir, ".git"))) return undefined;
  }
}

export async function loadConfig(file: string, rules: AnyRule[], cwd: string): Promise<Config> {
  const shown = displayPath(file, cwd);
  const read = readNamedInput(file, cwd);
  if ("error" in read) throw new ConfigError(`${shown}: ${read.error}`);
  const lineCounter = new LineCounter();
  const doc = parseDocument(read.text, { lineCounter, prettyErrors: false });
  if (doc.errors[0]) {
    const p = lineCounter.linePos(doc.errors[0].pos[0]);
    throw new ConfigError(`${shown}:${p.line}:${p.col}: ${excerpt(doc.errors[0].message.split("\n")[0], 120)}`);
  }
  let data: Record<string, unknown>;
  try {
    data = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
  } catch {
    throw new ConfigError(`${shown}: its aliases expand too far to be a configuration`);
  }
  // Loaded only when there is a config to check: ajv is the largest module on the start-up path.
  const { default: Ajv } = await import("ajv");
  const ajv = new Ajv.default({ allErrors: true, strict: false });
  const validate = ajv.compile(configSchema(rules));
  if (!validate(data)) throw new ConfigError(describe(mostSpecific(validate.errors!), doc, lineCounter, shown, rules.map((r) => r.id)));

  const settings: Record<string, RuleSetting> = {};
  for (const [id, entry] of Object.entries((data.rules ?? {}) as Record<string, unknown>)) {
    if (typeof entry === "string") settings[id] = { severity: entry as RuleSetting["severity"] };
    else {
      const { severity, ...options } = entry as Record<string, unknown>;
      settings[id] = { severity: severity as RuleSetting["severity"], options };
    }
  }
  return { file, rules: settings, include: data.include as string[] | undefined, exclude: data.exclude as string[] | undefined };
}

/** Of the errors a oneOf produces, the one a person would fix: an unknown key, else the deepest. */
function mostSpecific(errors: ErrorObject[]): ErrorObject {
  const unknownKey = errors.find((e) => e.keyword === "additionalProperties");
  if (unknownKey) return unknownKey;
  const depth = (e: ErrorObject) => e.instancePath.split("/").length;
  const concrete = errors.filter((e) => e.keyword !== "oneOf");
  const deepest = Math.max(...concrete.map(depth));
  const atDeepest = concrete.filter((e) => depth(e) === deepest);
  // A rule given an object fails the severity branch too: report the object branch's error.
  return atDeepest.find((e) => e.keyword !== "enum" && e.keyword !== "type") ?? atDeepest.find((e) => e.keyword === "enum") ?? atDeepest[0] ?? errors[0];
}

function describe(error: ErrorObject, doc: Document, lineCounter: LineCounter, shown: string, ruleIds: string[]): string {
  const path = error.instancePath.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  const extra = error.keyword === "additionalProperties" ? (error.params as { additionalProperty: string }).additionalProperty : undefined;
  const key = [...path, ...(extra ? [extra] : [])];
  const node = key.length ? doc.getIn(key, true) : doc.contents;
  const keyNode = extra ? findKey(doc, path, extra) : undefined;
  const range = (keyNode ?? (node as { range?: [number, number, number] } | undefined))?.range;
  const at = range ? lineCounter.linePos(range[0]) : { line: 1, col: 1 };
  const name = excerpt(key.join("."), 80) || "(top level)";
  const what =
    error.keyword === "additionalProperties"
      ? path.length === 1 && path[0] === "rules"
        ? `unknown rule "${excerpt(extra!, 80)}"${suggestion(path, extra!, ruleIds)}; irsa-lint --list-rules lists them`
        : `unknown key "${name}"`
      : error.keyword === "oneOf" || error.keyword === "enum"
        ? `"${name}" must be off, note, warning or error, or an object of severity and the rule's options`
        : `"${name}" ${error.message}`;
  return `${shown}:${at.line}:${at.col}: ${what}`;
}

/** For an unknown rule under `rules:`, the closest rule id; for another key, nothing. */
function suggestion(path: string[], key: string, ruleIds: string[]): string {
  if (path.length !== 1 || path[0] !== "rules") return "";
  const near = closest(key, ruleIds);
  return near ? ` (did you mean ${near}?)` : "";
}

function findKey(doc: Document, path: string[], key: string): { range?: [number, number, number] } | undefined {
  const parent = path.length ? doc.getIn(path, true) : doc.contents;
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => String((p.key as { value?: unknown })?.value ?? p.key) === key);
  return pair?.key as { range?: [number, number, number] } | undefined;
}

/** What a config contributes to a lint run: rule settings, and include/exclude relative to its folder. */
export function configLintOptions(config: Config, cwd: string) {
  return { settings: config.rules, include: config.include, exclude: config.exclude, globBase: config.file ? dirname(config.file) : cwd };
}
