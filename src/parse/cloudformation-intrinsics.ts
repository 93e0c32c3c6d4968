import type { SourceLocation } from "../core/location.js";
import { getEntry, knownString, list, nul, obj, str, unknown, type Choice, type UnknownValue, type Value } from "../core/value.js";

/**
 * CloudFormation's intrinsic functions, resolved as far as the template alone allows (AWS's
 * intrinsic function reference): `Fn::Sub` keeps its literal text around unknown `${...}` parts
 * (and fills those its variable map gives), `Fn::Join`, `Fn::Select`, `Fn::Split` and
 * `Fn::FindInMap` (from the template's `Mappings`) compute what is known, `Fn::If` is each of its
 * branches under its condition, and `Ref AWS::NoValue` removes the property or list item it
 * stands for. A `Ref` to a parameter or resource, and every other function, is unknown.
 */
export type Resolve = (v: Value) => Value;

/** Branches of nested Fn::If kept as choices; past this, the value is only unknown. */
const MAX_CHOICES = 16;

/** Where `Ref: AWS::NoValue` stood: dropped from the object or list that holds it. */
const NO_VALUE = "CloudFormation AWS::NoValue";

export function intrinsics(template: Value | undefined): Resolve {
  const mappings = getEntry(template, "Mappings");
  const resolve: Resolve = (v) => {
    if (v.kind === "list") return list(v.items.map(resolve).filter((x) => !isNoValue(x)), v.loc);
    if (v.kind !== "object") return v;
    if (v.entries.size === 1) {
      const [name, arg] = [...v.entries][0];
      if (name === "Ref") return knownString(arg) === "AWS::NoValue" ? { ...unknown(NO_VALUE, v.loc), placeholder: NO_VALUE } : unknown(`CloudFormation Ref ${knownString(arg) ?? ""}`.trim(), v.loc);
      if (name.startsWith("Fn::")) return call(name, arg, v.loc);
    }
    const entries = new Map<string, Value>();
    for (const [k, x] of v.entries) {
      const value = resolve(x);
      if (!isNoValue(value)) entries.set(k, value);
    }
    return obj(entries, v.loc, v.keyLocs);
  };

  const call = (name: string, arg: Value, loc: SourceLocation): Value => {
    const args = arg.kind === "list" ? arg.items : [arg];
    switch (name) {
      case "Fn::Sub":
        return sub(args[0], args[1] ? resolve(args[1]) : undefined, loc);
      case "Fn::Join":
        return join(resolve(args[0] ?? nul(loc)), resolve(args[1] ?? nul(loc)), loc);
      case "Fn::Select": {
        const [index, from] = [resolve(args[0] ?? nul(loc)), resolve(args[1] ?? nul(loc))];
        const i = Number(knownString(index));
        if (from.kind !== "list" || !Number.isInteger(i)) return unknown(`CloudFormation Fn::Select of a value not known`, loc);
        return from.items[i] ?? unknown(`CloudFormation Fn::Select: index ${i} out of range`, loc);
      }
      case "Fn::Split": {
        const [delimiter, text] = [knownString(resolve(args[0] ?? nul(loc))), knownString(resolve(args[1] ?? nul(loc)))];
        if (delimiter === undefined || text === undefined) return unknown("CloudFormation Fn::Split of a value not known", loc);
        return list(text.split(delimiter).map((s) => str(s, loc)), loc);
      }
      case "Fn::If":
        return branches(args, loc);
      case "Fn::FindInMap":
        return findInMap(args.map(resolve), knownString(getEntry(args[1], "Ref")) ?? "the key", loc);
      default:
        return unknown(`CloudFormation ${name}`, loc);
    }
  };

  /** `Fn::If [Condition, a, b]`: the condition is a parameter's, so both branches are what the template may write. */
  const branches = (args: Value[], loc: SourceLocation): Value => {
    const condition = knownString(args[0]) ?? "a condition";
    const result = unknown(`CloudFormation Fn::If on condition ${condition}, which depends on parameters`, loc);
    const choices: Choice[] = [];
    for (const [i, outcome] of [[1, "true"], [2, "false"]] as const) {
      const branch = resolve(args[i] ?? nul(loc));
      const when = `condition ${condition} is ${outcome}`;
      if (branch.kind === "unknown" && branch.choices) for (const c of branch.choices) choices.push({ value: c.value, when: `${when} and ${c.when}` });
      else choices.push({ value: isNoValue(branch) ? nul(branch.loc) : branch, when });
    }
    return choices.length <= MAX_CHOICES ? { ...result, choices } : result;
  };

  /** `Fn::FindInMap [Map, TopKey, SecondKey]`; a top key not known (`!Ref AWS::Region`) is each of the map's. */
  const findInMap = ([mapName, top, second]: Value[], keyName: string, loc: SourceLocation): Value => {
    const map = getEntry(mappings, knownString(mapName) ?? "\u0000");
    const key = knownString(second);
    if (map?.kind !== "object" || key === undefined) return unknown("CloudFormation Fn::FindInMap of a map or key not known", loc);
    const topKey = knownString(top);
    if (topKey !== undefined) return resolve(getEntry(getEntry(map, topKey), key) ?? unknown(`CloudFormation Fn::FindInMap: no ${topKey}.${key} in ${knownString(mapName)}`, loc));
    const choices: Choice[] = [];
    for (const [k, entry] of map.entries) {
      const value = getEntry(entry, key);
      if (value) choices.push({ value: resolve(value), when: `${keyName} is ${k}` });
    }
    const result = unknown(`CloudFormation Fn::FindInMap with a key not known`, loc);
    return choices.length && choices.length <= MAX_CHOICES ? { ...result, choices } : result;
  };
  return resolve;
}

function isNoValue(v: Value): boolean {
  return v.kind === "unknown" && v.placeholder === NO_VALUE;
}

/** `Fn::Join [delimiter, [items]]`: known items as text, unknown ones as unknown parts. */
function join(delimiter: Value, items: Value, loc: SourceLocation): Value {
  const sep = knownString(delimiter);
  if (sep === undefined || items.kind !== "list") return unknown("CloudFormation Fn::Join of a value not known", loc);
  const parts: Array<string | UnknownValue> = [];
  items.items.forEach((item, i) => {
    if (i > 0) parts.push(sep);
    const text = knownString(item);
    if (text !== undefined) parts.push(text);
    else if (item.kind === "template") parts.push(...item.parts);
    else parts.push(item.kind === "unknown" ? { ...item, choices: undefined } : unknown(`CloudFormation Fn::Join of a ${item.kind}`, item.loc));
  });
  return textOf(parts, loc);
}

/** `Fn::Sub`: literal text stays, `${Name}` is the variable map's value or unknown (pseudo parameters, references). */
function sub(template: Value | undefined, variables: Value | undefined, loc: SourceLocation): Value {
  const text = knownString(template);
  if (template === undefined || text === undefined) return unknown("CloudFormation Fn::Sub", loc);
  const parts: Array<string | UnknownValue> = [];
  let last = 0;
  for (const m of text.matchAll(/\$\{([^}]*)\}/g)) {
    parts.push(text.slice(last, m.index));
    const given = getEntry(variables, m[1]);
    const known = given && knownString(given);
    if (m[1].startsWith("!")) parts.push(`\${${m[1].slice(1)}}`);
    else if (known !== undefined) parts.push(known);
    else if (given?.kind === "template") parts.push(...given.parts);
    else parts.push({ ...unknown(`CloudFormation \${${m[1]}}`, loc), placeholder: m[0] });
    last = m.index! + m[0].length;
  }
  parts.push(text.slice(last));
  const block = template.kind === "string" && template.blockIndent !== undefined ? { blockIndent: template.blockIndent } : {};
  return { ...textOf(parts, template.loc), ...block };
}

function textOf(parts: Array<string | UnknownValue>, loc: SourceLocation): Value {
  const merged: Array<string | UnknownValue> = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    if (typeof p === "string" && typeof last === "string") merged[merged.length - 1] = last + p;
    else if (p !== "") merged.push(p);
  }
  if (merged.every((p) => typeof p === "string")) return str(merged.join(""), loc);
  return { kind: "template", parts: merged, loc };
}
