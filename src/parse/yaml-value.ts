import { isAlias, isMap, isScalar, isSeq, Scalar, Schema, visit, type Alias, type Document, type Node, type ParseOptions, type DocumentOptions, type ScalarTag, type SchemaOptions } from "yaml";
import { InputLimitError } from "../core/diagnostic.js";
import type { SourceLocation } from "../core/location.js";
import { placeholderTemplate } from "./placeholders.js";
import type { Selector } from "./yaml-cut.js";
import { bool, list, nul, num, obj, str, unknown, type Value } from "../core/value.js";

export type PositionOf = (offset: number) => { line: number; column: number };

/**
 * Which keys of a mapping to convert: `true` converts the whole value, a nested shape prunes it
 * further, "root" restarts at the top shape (lists of objects). Without a shape, all is converted.
 */
export type Shape = { [key: string]: true | "root" | Shape };

/** What `yamlToValue` reads of a Shape, as a selector for cutting the rest before parsing (yaml-cut). */
export function shapeSelector(shape: Shape, root: Shape = shape): Selector {
  return (key) => {
    const want = shape[key];
    if (!want) return false;
    return want === true ? true : shapeSelector(want === "root" ? root : want, root);
  };
}

/**
 * How manifests are parsed: YAML 1.1, as the API server reads them, but every scalar left a string
 * (the failsafe schema). Resolving each scalar's type tests it against a dozen patterns, a tenth of
 * the parse; `yamlToValue` resolves only the scalars it converts, with the same YAML 1.1 schema.
 */
// uniqueKeys: the library compares each key with every earlier one of its map, quadratic in a
// map's size (a 100 KB map of 10,000 keys took 1.7 s): yamlToValue finds repeats with a Map.
export const MANIFEST_YAML: ParseOptions & DocumentOptions & SchemaOptions = { version: "1.1", schema: "failsafe", prettyErrors: false, uniqueKeys: false };
const YAML_1_1 = new Schema({ schema: "yaml-1.1" }).tags.filter((t): t is ScalarTag => !t.collection);

/** A scalar's value as the YAML 1.1 schema types it, as the parser would have with that schema. */
function resolveYaml11(n: Scalar): unknown {
  const source = String(n.value);
  const tag = n.tag
    ? YAML_1_1.find((t) => t.tag === n.tag && (!t.test || t.test.test(source)))
    : n.type === Scalar.PLAIN
      ? YAML_1_1.find((t) => t.default === true && t.test?.test(source))
      : undefined;
  if (!tag?.resolve) return source;
  try {
    const value = tag.resolve(source, () => {}, {});
    return isScalar(value) ? value.value : value;
  } catch {
    return source;
  }
}

const MAX_DEPTH = 200;
/**
 * Nodes that aliases may add to a document: real anchors (shared labels, env lists) add hundreds.
 * Counting aliases is not enough: 10,000 aliases of one wide anchor expand to 10,000 × its width.
 */
const MAX_ALIAS_NODES = 100_000;

/**
 * Converts a parsed YAML (or JSON) node into a located Value. Aliases are resolved; a node nested
 * deeper than any real manifest or policy becomes unknown rather than exhausting the stack.
 */
export interface YamlToValueOptions {
  /** Keys to convert (see Shape); everything when absent. */
  shape?: Shape;
  /** Called for a key a mapping repeats: the last one wins, as kubectl reads it. */
  onDuplicateKey?: (key: string, loc: SourceLocation) => void;
  /** Read `${VAR}`, `<ACCOUNT_ID>` and the like in strings as unknown parts (manifests, not IAM JSON). */
  placeholders?: boolean;
  /** The parsed text, offsets as `position` takes them: block scalars are then located where their lines are. */
  source?: string;
}

export function yamlToValue(doc: Document, node: Node | null | undefined, file: string, position: PositionOf, options: YamlToValueOptions = {}): Value {
  const { shape: rootShape, onDuplicateKey, placeholders } = options;
  const locate = (n: Node | null | undefined, fallback?: SourceLocation): SourceLocation => {
    const range = n?.range;
    if (!range) return fallback ?? { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
    const start = position(range[0]);
    const end = position(range[1]);
    return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  };

  let aliasNodes = 0;
  let anchors: Map<Alias, Node | undefined> | undefined;
  const valueOf = doc.schema.name === "failsafe" ? resolveYaml11 : (n: Scalar) => n.value;
  // `null` shape: convert everything below.
  const convert = (n: Node | null | undefined, depth: number, fallback: SourceLocation | undefined, shape: Shape | null, viaAlias = false): Value => {
    const loc = locate(n, fallback);
    if (viaAlias && ++aliasNodes > MAX_ALIAS_NODES) throw new InputLimitError(`YAML aliases expand to more than ${MAX_ALIAS_NODES.toLocaleString("en-US")} nodes`, loc);
    // CloudFormation's short forms (!Sub, !Ref, !GetAtt, ...) become their JSON forms, so one
    // reader handles YAML and JSON templates alike.
    const tag = n && !isAlias(n) ? n.tag : undefined;
    if (tag && /^![A-Za-z]+$/.test(tag)) {
      const name = tag === "!Ref" ? "Ref" : `Fn::${tag.slice(1)}`;
      let inner: Value;
      // A scalar under a tag the schema does not know stays the string it was written as.
      if (isScalar(n)) inner = n.type === Scalar.BLOCK_LITERAL && n.range ? blockScalar(str(String(n.value), loc), n.range[0]) : str(String(n.value), loc);
      else {
        const untagged = n!.clone() as Node;
        untagged.tag = undefined;
        inner = convert(untagged, depth + 1, loc, null, viaAlias);
      }
      return obj(new Map([[name, inner]]), loc, new Map([[name, loc]]));
    }
    if (depth > MAX_DEPTH) return unknown("nested too deeply", loc);
    if (n == null) return nul(loc);
    if (isAlias(n)) {
      // Alias.resolve searches the whole document on every call: thousands of aliases made that quadratic.
      const target = (anchors ??= aliasTargets(doc)).get(n);
      return target ? { ...convert(target, depth + 1, undefined, shape, true), loc } : unknown(`unresolved alias *${n.source}`, loc);
    }
    if (isScalar(n)) {
      const v = valueOf(n);
      if (typeof v === "string") {
        const text = (placeholders && placeholderTemplate(v, loc)) || str(v, loc);
        return n.type === Scalar.BLOCK_LITERAL && n.range ? blockScalar(text, n.range[0]) : text;
      }
      if (typeof v === "number") return num(v, loc);
      if (typeof v === "bigint") return num(Number(v), loc);
      if (typeof v === "boolean") return bool(v, loc);
      if (v == null) return nul(loc);
      return str(String(v), loc);
    }
    if (isSeq(n)) return list(n.items.map((item) => convert(item as Node, depth + 1, loc, shape, viaAlias)), loc);
    if (isMap(n)) {
      const entries = new Map<string, Value>();
      const keyLocs = new Map<string, SourceLocation>();
      let keyValues: Map<string, Value> | undefined;
      for (const pair of n.items) {
        const keyNode = pair.key as Node | null;
        // A shape's keys are plain names, which no schema types as anything but strings.
        let key = isScalar(keyNode) ? String(shape ? keyNode.value : valueOf(keyNode)) : String(keyNode);
        const want = shape ? shape[key] : true;
        if (!want) continue;
        const keyLoc = locate(keyNode, loc);
        // A key with a placeholder (`"${OidcProvider}:sub"` in a CloudFormation !Sub document) is partly known.
        const template = placeholders && !shape ? placeholderTemplate(key, keyLoc) : undefined;
        if (template) {
          key = template.parts.map((p) => (typeof p === "string" ? p : "\u0000")).join("");
          (keyValues ??= new Map()).set(key, template);
        }
        if (onDuplicateKey && keyLocs.has(key)) onDuplicateKey(key, keyLoc);
        keyLocs.set(key, keyLoc);
        const inner = want === true ? null : want === "root" ? (rootShape ?? null) : want;
        entries.set(key, convert(pair.value as Node | null, depth + 1, keyLoc, inner, viaAlias));
      }
      const map = obj(entries, loc, keyLocs);
      if (keyValues) map.keyValues = keyValues;
      return map;
    }
    return unknown("unsupported YAML node", loc);
  };

  /** A literal block's text starts on the line after its `|`, each line indented: located there, for text parsed from it. */
  const blockScalar = <V extends Value>(v: V, header: number): V => {
    const source = options.source;
    if (source === undefined || (v.kind !== "string" && v.kind !== "template")) return v;
    const lineStart = source.indexOf("\n", header) + 1;
    if (lineStart <= 0) return v;
    let indent = 0;
    while (source[lineStart + indent] === " ") indent++;
    const at = position(lineStart + indent);
    return { ...v, loc: { ...v.loc, line: at.line, column: at.column }, blockIndent: indent };
  };

  return convert(node, 0, undefined, rootShape ?? null);
}

/** What each alias of a document refers to: the nearest anchor of its name before it, found in one walk. */
function aliasTargets(doc: Document): Map<Alias, Node | undefined> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node | undefined>();
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}

/** The first line of a YAML parser message, in words a user can act on. */
export function yamlMessage(message: string): string {
  if (/call stack/i.test(message)) return "nested too deeply to read";
  return message.split("\n")[0];
}
