import { moduleOutputOrigin } from "./registry-outputs.js";
import { pushTo } from "../core/collections.js";
import type { SourceLocation } from "../core/location.js";
import { bool, firstUnknown, list, nul, num, obj, str, unknown, withOrigin, type Choice, type TemplateValue, type UnknownValue, type Value } from "../core/value.js";
import type { Expr, TemplatePart, Traversal } from "../parse/hcl/ast.js";
import { asText, failure, iterate, truthy } from "./convert.js";
import { callFunction, type FunctionHost } from "./functions.js";
import { Budget, LIMITS } from "./budget.js";
import { Scope } from "./scope.js";
import { describeCondition } from "./expr-text.js";

/** Resolves the root of a reference (`var.x`, `aws_iam_role.r`, ...) and says how many steps it used. */
export interface ReferenceResolver {
  resolve(root: string, steps: Traversal[], loc: SourceLocation): { value: Value; used: number };
}

/** Evaluates HCL expressions to located Values; anything not statically knowable becomes unknown. */
export class Evaluator {
  constructor(
    private readonly resolver: ReferenceResolver,
    readonly host: FunctionHost,
    /** Shared by a root, its modules and its templates: no input makes evaluation unbounded. */
    readonly budget: Budget = host.budget ?? new Budget([]),
  ) {}

  eval(e: Expr, scope: Scope): Value {
    const budget = this.budget;
    if (++budget.steps > LIMITS.steps) return budget.exceeded("steps", e.loc);
    if ((budget.steps & 4095) === 0 && budget.outOfTime()) return budget.exceeded("milliseconds", e.loc);
    if (budget.depth >= LIMITS.depth) return budget.exceeded("depth", e.loc);
    budget.depth++;
    try {
      return this.evalInner(e, scope);
    } finally {
      budget.depth--;
    }
  }

  private evalInner(e: Expr, scope: Scope): Value {
    switch (e.type) {
      case "literal":
        if (e.value === null) return nul(e.loc);
        if (typeof e.value === "string") return str(e.value, e.loc);
        if (typeof e.value === "number") return num(e.value, e.loc);
        return bool(e.value, e.loc);
      case "template": {
        const value = this.template(e.parts, scope, e.loc);
        // A heredoc template's text begins on the next line: rendered-YAML and JSON readers locate its lines from there.
        if (!e.heredoc || value.kind !== "template" || value.loc !== e.loc) return value;
        return { ...value, loc: { ...e.loc, line: e.loc.line + 1, column: 1 }, blockIndent: e.indent ?? 0 };
      }
      case "tuple":
        return list(e.items.map((i) => this.eval(i, scope)), e.loc);
      case "object":
        return this.object(e, scope);
      case "variable":
        return this.reference(e.name, [], e.loc, scope);
      case "traverse":
        if (e.object.type === "variable") return this.reference(e.object.name, e.steps, e.loc, scope);
        return this.traverse(this.eval(e.object, scope), e.steps, scope, e.loc);
      case "call":
        return this.call(e, scope);
      case "conditional":
        return this.conditional(e.cond, e.then, e.else, scope, e.loc);
      case "binary":
        return this.binaryChain(e, scope);
      case "unary":
        return unary(e.op, this.eval(e.operand, scope), e.loc);
      case "for":
        return this.forExpr(e, scope);
      case "invalid":
        return failure("invalid expression", e.loc);
    }
  }

  /** `a + b + ... + z` nests to the left, one level per operator: evaluated in a loop. */
  private binaryChain(e: Extract<Expr, { type: "binary" }>, scope: Scope): Value {
    const chain = [e];
    for (let left = e.left; left.type === "binary"; left = left.left) chain.push(left);
    let value = this.eval(chain[chain.length - 1].left, scope);
    for (let i = chain.length - 1; i >= 0; i--) {
      if (++this.budget.steps > LIMITS.steps) return this.budget.exceeded("steps", chain[i].loc);
      const right = this.eval(chain[i].right, scope);
      const left = value;
      value = binary(chain[i].op, left, right, chain[i].loc);
      // A comparison with a file's text tells that text.
      if (this.host.taint && (this.host.taint.has(left) || this.host.taint.has(right))) value = this.host.taint.spread(value);
    }
    return value;
  }

  private reference(root: string, steps: Traversal[], loc: SourceLocation, scope: Scope): Value {
    const bound = scope.get(root);
    if (bound) return this.traverse(bound, steps, scope, loc);
    const { value, used } = this.resolver.resolve(root, steps, loc);
    return this.traverse(value, steps.slice(used), scope, loc);
  }

  /** Applies attribute, index and splat steps to a value. */
  traverse(value: Value, steps: Traversal[], scope: Scope, loc: SourceLocation): Value {
    let v = value;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      if (v.kind === "unknown") {
        // Instances whose keys are not known: any one of them is the element.
        if (v.element && step.type === "index") {
          v = v.element;
          continue;
        }
        if (v.element && step.type === "splat") return { ...unknown(v.reason, loc), element: this.traverse(v.element, steps.slice(i + 1), scope, loc) };
        // `module.eks.oidc_provider_arn` of a module not evaluated: unknown, but known to be that output.
        // Located where it is read: a "not checked" points at the policy's Resource, not at the module block.
        if (v.origin && v.origin.attribute === undefined && step.type === "attr") return withOrigin({ ...v, loc }, v.origin.type.startsWith("module:") ? moduleOutputOrigin(v.origin, step.name) : { ...v.origin, attribute: step.name });
        return v;
      }
      if (step.type === "splat") {
        const rest = steps.slice(i + 1);
        if (v.kind === "null") return list([], loc);
        const items = v.kind === "list" ? v.items : v.kind === "object" ? [...v.entries.values()] : [v];
        return list(items.map((item) => this.traverse(item, rest, scope, loc)), loc);
      }
      const key = step.type === "attr" ? str(step.name, step.loc) : this.eval(step.index, scope);
      v = index(v, key, step.loc);
    }
    return v;
  }

  private object(e: Extract<Expr, { type: "object" }>, scope: Scope): Value {
    const entries = new Map<string, Value>();
    const keyLocs = new Map<string, SourceLocation>();
    const keyValues = new Map<string, Value>();
    for (const item of e.items) {
      const key = this.eval(item.key, scope);
      const text = asText(key) ?? templateKey(key);
      if (key.kind !== "string") keyValues.set(text, key);
      entries.set(text, this.eval(item.value, scope));
      keyLocs.set(text, item.key.loc);
    }
    const result = obj(entries, e.loc, keyLocs);
    if (keyValues.size) result.keyValues = keyValues;
    return result;
  }

  private call(e: Extract<Expr, { type: "call" }>, scope: Scope): Value {
    const lazy = e.args.map((a) => () => this.eval(a, scope));
    if (e.expandLast && lazy.length) {
      const last = lazy.pop()!();
      if (last.kind !== "list") return unknown(`arguments of ${e.name}(...) not known`, e.loc);
      for (const item of last.items) lazy.push(() => item);
    }
    return this.budget.bounded(callFunction(e.name, lazy, e.loc, this.host));
  }

  private conditional(condExpr: Expr, thenExpr: Expr, elseExpr: Expr, scope: Scope, loc: SourceLocation): Value {
    const cond = this.eval(condExpr, scope);
    const decided = truthy(cond);
    // A branch chosen by a file's text tells that text: it is tainted as the text is.
    if (decided !== undefined) return this.taintedBy(cond, this.eval(decided ? thenExpr : elseExpr, scope));
    if (cond.kind !== "unknown") return failure("condition is not a bool", loc);
    const result = unknown(`depends on a condition that is not known: ${cond.reason}`, loc);
    if (cond.error) return result;
    // Both branches are what the code may write: a rule judging text (`"*"`) may judge each.
    const condition = describeCondition(condExpr);
    const choices = [...choicesOf(this.eval(thenExpr, scope), `${condition} is true`), ...choicesOf(this.eval(elseExpr, scope), `${condition} is false`)];
    return choices.length <= MAX_CHOICES ? { ...result, choices } : result;
  }

  private forExpr(e: Extract<Expr, { type: "for" }>, scope: Scope): Value {
    const collection = this.eval(e.collection, scope);
    const pairs = iterate(collection);
    if (!pairs) return collection.kind === "unknown" ? unknown(collection.reason, e.loc) : failure("for over a value that is not a collection", e.loc);
    const items: Value[] = [];
    const entries = new Map<string, Value>();
    const grouped = new Map<string, Value[]>();
    let filteredByFile = false;
    for (const [k, v] of pairs) {
      const inner = scope.with(e.keyVar ? { [e.keyVar]: k, [e.valueVar]: v } : { [e.valueVar]: v });
      if (e.cond) {
        const filter = this.eval(e.cond, inner);
        const keep = truthy(filter);
        if (keep === undefined) return unknown("for expression filter is not known", e.loc);
        filteredByFile ||= !!this.host.taint?.has(filter);
        if (!keep) continue;
      }
      const value = this.eval(e.valueExpr, inner);
      if (items.length + entries.size >= LIMITS.collectionSize) return this.budget.exceeded("collectionSize", e.loc);
      if (e.kind === "tuple") {
        items.push(value);
        continue;
      }
      const key = asText(this.eval(e.keyExpr!, inner));
      if (key === undefined) return unknown("for expression key is not known", e.loc);
      if (e.group) pushTo(grouped, key, value);
      else entries.set(key, value);
    }
    // Which elements a file's text kept tells that text: `[for c in chars : c if substr(file(x), i, 1) == c]`.
    const taint = (v: Value) => (filteredByFile ? this.host.taint!.spread(v) : v);
    if (e.kind === "tuple") return taint(list(items, e.loc));
    for (const [k, vs] of grouped) entries.set(k, list(vs, e.loc));
    return taint(obj(entries, e.loc));
  }

  /** `result`, tainted when `by` (a condition) was computed from a file's text. */
  private taintedBy(by: Value, result: Value): Value {
    return this.host.taint?.has(by) ? this.host.taint.spread(result) : result;
  }

  /** Evaluates template parts; unknown interpolations make a partially known template. */
  template(parts: TemplatePart[], scope: Scope, loc: SourceLocation): Value {
    // A template that is one interpolation yields the value itself, of any type (HCL semantics).
    if (parts.length === 1 && parts[0].type === "interp") return this.eval(parts[0].expr, scope);
    const out: Array<string | UnknownValue> = [];
    const tainted = { from: false };
    const fail = this.templateInto(parts, scope, out, tainted);
    if (fail) return fail;
    const value = this.joinTemplate(out, parts, loc);
    return tainted.from && this.host.taint ? this.host.taint.mark(value) : value;
  }

  private joinTemplate(out: Array<string | UnknownValue>, parts: TemplatePart[], loc: SourceLocation): Value {
    const length = out.reduce((n, p) => n + (typeof p === "string" ? p.length : 0), 0);
    if (length > LIMITS.stringLength) return this.budget.exceeded("stringLength", loc);
    // A template that only quotes one literal creates nothing new.
    if (parts.length > 1 && (this.budget.stringBytes += length) > LIMITS.stringBytes) return this.budget.exceeded("stringBytes", loc);
    const merged = mergeParts(out);
    if (merged.every((p) => typeof p === "string")) {
      const value = str(merged.join(""), loc);
      const only = parts.length === 1 && parts[0].type === "text" ? parts[0] : undefined;
      if (only?.verbatim) value.verbatimFrom = { file: loc.file, offset: only.offset, text: only.raw };
      return value;
    }
    const template: TemplateValue = { kind: "template", parts: merged, loc };
    return template;
  }

  private templateInto(parts: TemplatePart[], scope: Scope, out: Array<string | UnknownValue>, tainted: { from: boolean }): UnknownValue | undefined {
    for (const part of parts) {
      if (part.type === "text") out.push(part.value);
      else if (part.type === "interp") {
        const v = this.eval(part.expr, scope);
        if (this.host.taint?.has(v)) tainted.from = true;
        const text = asText(v);
        if (text !== undefined) out.push(text);
        // A partly known attribute of a declared object (aws_iam_role.app.arn) stays one part, with
        // its origin: the text it is interpolated into (a values file) still names that role.
        else if (v.kind === "template") out.push(...(v.origin ? [{ ...unknown(firstUnknown(v)?.reason ?? "not fully known", v.loc), origin: v.origin }] : v.parts));
        else if (v.kind === "unknown") {
          if (v.error) return v;
          out.push(v);
        } else return failure(`cannot interpolate a ${v.kind} into a string`, v.loc);
      } else if (part.type === "if") {
        const cond = truthy(this.eval(part.cond, scope));
        if (cond === undefined) out.push(unknown("template condition not known", part.loc));
        else {
          const fail = this.templateInto(cond ? part.then : part.else, scope, out, tainted);
          if (fail) return fail;
        }
      } else {
        const pairs = iterate(this.eval(part.collection, scope));
        if (!pairs) {
          out.push(unknown("template for collection not known", part.loc));
          continue;
        }
        for (const [k, v] of pairs) {
          // A loop's text needs no expression evaluated: each turn counts, or nested loops are free.
          if (++this.budget.steps > LIMITS.steps) return this.budget.exceeded("steps", part.loc);
          const inner = scope.with(part.keyVar ? { [part.keyVar]: k, [part.valueVar]: v } : { [part.valueVar]: v });
          const fail = this.templateInto(part.body, inner, out, tainted);
          if (fail) return fail;
        }
      }
    }
    return undefined;
  }
}

/** Branches of nested conditionals kept as choices; past this, the value is only unknown. */
const MAX_CHOICES = 16;

/** A branch's values: itself, or the choices of a nested conditional under both conditions. */
function choicesOf(v: Value, when: string): Choice[] {
  if (v.kind === "unknown" && v.choices) return v.choices.map((c) => ({ value: c.value, when: `${when} and ${c.when}` }));
  return v.kind === "unknown" && v.error ? [] : [{ value: v, when }];
}

function mergeParts(parts: Array<string | UnknownValue>): Array<string | UnknownValue> {
  const out: Array<string | UnknownValue> = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (typeof p === "string" && typeof last === "string") out[out.length - 1] = last + p;
    else if (p !== "") out.push(p);
  }
  return out;
}

/** A map key for an object key that is not fully known; the original value is kept in keyValues. */
function templateKey(key: Value): string {
  if (key.kind === "template") return key.parts.map((p) => (typeof p === "string" ? p : "\u0000")).join("");
  return `\u0000${key.kind}@${key.loc.line}:${key.loc.column}`;
}

export function index(v: Value, key: Value, loc: SourceLocation): Value {
  if (v.kind === "unknown") return v;
  if (key.kind === "unknown" || key.kind === "template") return unknown("index not known", loc);
  if (v.kind === "list") {
    const i = key.kind === "number" ? key.value : Number(asText(key));
    return Number.isInteger(i) && i >= 0 && i < v.items.length ? v.items[i] : failure(`index ${i} out of range`, loc);
  }
  if (v.kind === "object") {
    const k = asText(key);
    if (k !== undefined && v.entries.has(k)) return v.entries.get(k)!;
    if (v.openReason) return { ...unknown(`${v.openReason}.${k}`, loc), ...(v.openOrigin && k !== undefined ? { origin: { ...v.openOrigin, attribute: k } } : {}) };
    return failure(`no attribute or key ${JSON.stringify(k)}`, loc);
  }
  return failure(`cannot index a ${v.kind}`, loc);
}

function binary(op: string, a: Value, b: Value, loc: SourceLocation): Value {
  if (op === "&&" || op === "||") {
    const x = truthy(a);
    const y = truthy(b);
    if (op === "&&" && (x === false || y === false)) return bool(false, loc);
    if (op === "||" && (x === true || y === true)) return bool(true, loc);
    if (x === undefined || y === undefined) return unknown("operand not known", loc);
    return bool(op === "&&" ? x && y : x || y, loc);
  }
  if (a.kind === "unknown") return a;
  if (b.kind === "unknown") return b;
  if (op === "==" || op === "!=") {
    if (a.kind === "template" || b.kind === "template") return unknown("operand not known", loc);
    const equal = JSON.stringify(plainOf(a)) === JSON.stringify(plainOf(b));
    return bool(op === "==" ? equal : !equal, loc);
  }
  const x = a.kind === "number" ? a.value : Number(asText(a));
  const y = b.kind === "number" ? b.value : Number(asText(b));
  if (Number.isNaN(x) || Number.isNaN(y)) return failure(`operator ${op} needs numbers`, loc);
  switch (op) {
    case "+": return num(x + y, loc);
    case "-": return num(x - y, loc);
    case "*": return num(x * y, loc);
    case "/": return num(x / y, loc);
    case "%": return num(x % y, loc);
    case "<": return bool(x < y, loc);
    case ">": return bool(x > y, loc);
    case "<=": return bool(x <= y, loc);
    case ">=": return bool(x >= y, loc);
    default: return failure(`unknown operator ${op}`, loc);
  }
}

function plainOf(v: Value): unknown {
  switch (v.kind) {
    case "string": case "number": case "bool": return v.value;
    case "null": return null;
    case "list": return v.items.map(plainOf);
    case "object": return Object.fromEntries([...v.entries].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, plainOf(x)]));
    default: return undefined;
  }
}

function unary(op: string, v: Value, loc: SourceLocation): Value {
  if (v.kind === "unknown") return v;
  if (op === "!") {
    const t = truthy(v);
    return t === undefined ? failure("! needs a bool", loc) : bool(!t, loc);
  }
  const n = v.kind === "number" ? v.value : Number(asText(v));
  return Number.isNaN(n) ? failure("- needs a number", loc) : num(-n, loc);
}
