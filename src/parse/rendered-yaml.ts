import { parseAllDocuments } from "yaml";
import type { SourceLocation } from "../core/location.js";
import { LineIndex } from "../core/lines.js";
import { excessiveNesting } from "../core/nesting.js";
import { obj, list, type UnknownValue, type Value } from "../core/value.js";
import { MANIFEST_YAML, yamlToValue } from "./yaml-value.js";

const TOKEN = (i: number) => `\${IRSA_LINT_PART_${i}}`;

/** Whether an unknown part stands in the parsed text as its own placeholder (`${Name}`), else as a numbered token. */
const keepsPlaceholder = (p: UnknownValue) => !!p.placeholder && /^\$\{[^}]*\}$/.test(p.placeholder);

/** The text each part of a template stands as when parseRenderedYaml parses it: what its positions are positions in. */
export function renderedParts(parts: ReadonlyArray<string | UnknownValue>): string[] {
  let unnamed = 0;
  return parts.map((p) => (typeof p === "string" ? p : keepsPlaceholder(p) ? p.placeholder! : TOKEN(unnamed++)));
}

/**
 * YAML another tool renders: Terraform's `templatefile()` of a values file, a `kubectl_manifest`'s
 * `yaml_body`, an Argo CD Application's `helm.values` string. Parts of it may be unknown values
 * (`${fluent_bit_irsa_arn}` from a module output); each is kept as that unknown, with what it is an
 * attribute of, so an annotation filled from `module.irsa.arn` still links by reference. Located
 * in the file the text came from: exactly for text read verbatim, line by line otherwise.
 */
export function parseRenderedYaml(value: Value): Value[] {
  const parts: UnknownValue[] = [];
  // A part written as a placeholder (CloudFormation's `${OidcProvider}`) stands as itself: columns stay exact.
  const named = new Map<string, UnknownValue>();
  const token = (p: UnknownValue) => {
    if (keepsPlaceholder(p)) return named.set(p.placeholder!, p), p.placeholder!;
    return TOKEN(parts.push(p) - 1);
  };
  let text: string;
  if (value.kind === "string") text = value.value;
  else if (value.kind === "template") text = value.parts.map((p) => (typeof p === "string" ? p : token(p))).join("");
  else return [];
  if (excessiveNesting(text) !== undefined) return [];
  const lines = new LineIndex(text);
  const verbatim = value.kind === "string" ? value.verbatimFrom : undefined;
  const file = verbatim?.file ?? value.loc.file;
  const base = value.loc;
  const position = verbatim
    ? (() => {
        const index = new LineIndex(verbatim.text);
        return (o: number) => index.position(verbatim.offset + o);
      })()
    : (o: number) => {
        const p = lines.position(o);
        // A block scalar's lines are each indented as its first; other text continues its first line.
        const indent = value.blockIndent;
        return { line: base.line + p.line - 1, column: indent !== undefined ? indent + p.column : p.line === 1 ? base.column + p.column - 1 : p.column };
      };
  const out: Value[] = [];
  for (const doc of parseAllDocuments(text, MANIFEST_YAML)) {
    if (doc.errors.length) continue;
    out.push(restore(yamlToValue(doc, doc.contents, file, position, { placeholders: true, source: text }), (placeholder) => named.get(placeholder) ?? parts[tokenIndex(placeholder) ?? -1]));
  }
  return out;
}

/** Puts each unknown part back where its token stands. */
function restore(v: Value, partOf: (placeholder: string) => UnknownValue | undefined): Value {
  switch (v.kind) {
    case "template": {
      const back = v.parts.map((p) => {
        const original = typeof p !== "string" && p.placeholder ? partOf(p.placeholder) : undefined;
        return original ? at(original, (p as UnknownValue).loc) : p;
      });
      return back.length === 1 && typeof back[0] !== "string" ? back[0] : { ...v, parts: back };
    }
    case "list":
      return list(v.items.map((i) => restore(i, partOf)), v.loc);
    case "object": {
      const o = obj(new Map([...v.entries].map(([k, x]) => [k, restore(x, partOf)])), v.loc, v.keyLocs);
      if (v.keyValues) o.keyValues = new Map([...v.keyValues].map(([k, x]) => [k, restore(x, partOf)]));
      return o;
    }
    default:
      return v;
  }
}

function tokenIndex(placeholder: string): number | undefined {
  const m = /^\$\{IRSA_LINT_PART_(\d+)\}$/.exec(placeholder);
  return m ? Number(m[1]) : undefined;
}

/** The unknown part, located where the rendered text puts it. */
const at = (part: UnknownValue, loc: SourceLocation): UnknownValue => ({ ...part, loc });
