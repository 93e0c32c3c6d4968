import { parseRenderedYaml } from "../parse/rendered-yaml.js";
import type { Diagnostic } from "../core/diagnostic.js";
import type { SourceLocation } from "../core/location.js";
import { list, obj, str, unknown, type Value } from "../core/value.js";
import type { Attribute, Block, HclFile, Traversal } from "../parse/hcl/ast.js";
import { LIMITS, type Budget } from "./budget.js";
import { withComputedAttributes } from "./computed.js";
import { asText, failure, iterate } from "./convert.js";
import { blockAttributes } from "./blocks.js";
import { dataSourceValue, type DataSourceContext } from "./data-sources.js";
import { Evaluator, type ReferenceResolver } from "./evaluator.js";
import type { FunctionHost } from "./functions.js";
import { instanceAddress, moduleInstances, type ModuleCalls, type ModuleInstance } from "./modules.js";
import { policyDocumentValue } from "./policy-document.js";
import { EMPTY_SCOPE, Scope } from "./scope.js";
import { convertToType } from "./types.js";

export interface Instance {
  /** `undefined` for a block without count or for_each. */
  key?: Value;
  scope: Scope;
}

export interface ModuleOptions {
  /** Display path of the module folder, relative to the working directory. */
  dir: string;
  /** Address prefix of this module instance (`module.team["a"].`), empty for a root. */
  address: string;
  /** The root module's folder: addresses repeat between roots, ids qualified with it do not. */
  root: string;
  files: HclFile[];
  /** Values for input variables: tfvars for a root, call arguments for a child module. */
  inputs: Map<string, Value>;
  host: FunctionHost;
  calls: ModuleCalls;
  accountId?: Value;
  depth: number;
  /** Folders of the module instances this one is called from, the root first: a call back into one is a cycle. */
  ancestors: string[];
  /** Shared by a root and all its child modules. */
  diagnostics: Diagnostic[];
  budget: Budget;
  /** Outputs of the scanned root whose state a `terraform_remote_state` reads (see remote-state.ts). */
  remoteState?: DataSourceContext["remoteState"];
}

/**
 * One Terraform module instance: its declarations indexed by address, and lazy, memoised
 * evaluation of everything they reference. Cycles become unknown values and a diagnostic.
 */
export class TerraformModule implements ReferenceResolver {
  readonly variables = new Map<string, Block>();
  readonly locals = new Map<string, Attribute>();
  readonly resources = new Map<string, Block>();
  readonly data = new Map<string, Block>();
  readonly moduleBlocks = new Map<string, Block>();
  readonly outputs = new Map<string, Attribute>();
  readonly diagnostics: Diagnostic[];
  readonly evaluator: Evaluator;
  private readonly memo = new Map<string, Value>();
  private readonly inProgress: string[] = [];

  constructor(readonly options: ModuleOptions) {
    this.diagnostics = options.diagnostics;
    this.evaluator = new Evaluator(this, options.host, options.budget);
    for (const f of options.files) {
      for (const block of f.body.blocks) this.index(block);
    }
  }

  private index(block: Block): void {
    const [a, b] = block.labels;
    if (block.type === "variable" && a) this.variables.set(a, block);
    else if (block.type === "locals") for (const attr of block.body.attributes) this.locals.set(attr.name, attr);
    else if (block.type === "resource" && a && b) this.resources.set(`${a}.${b}`, block);
    else if (block.type === "data" && a && b) this.data.set(`${a}.${b}`, block);
    else if (block.type === "module" && a) this.moduleBlocks.set(a, block);
    else if (block.type === "output" && a) {
      const value = block.body.attributes.find((x) => x.name === "value");
      if (value) this.outputs.set(a, value);
    }
  }

  /** An address made unique in the scan: two roots calling one module declare the same addresses. */
  id(address: string): string {
    return `${this.options.root}::${address}`;
  }

  /** Evaluates `key` once; a reference back into a value being evaluated is a cycle. */
  memoise(key: string, loc: SourceLocation, compute: () => Value): Value {
    const cached = this.memo.get(key);
    if (cached) return cached;
    if (this.inProgress.includes(key)) {
      const cycle = [...this.inProgress.slice(this.inProgress.indexOf(key)), key].join(" → ");
      this.diagnostics.push({ level: "warning", message: `Terraform reference cycle: ${cycle}`, location: loc });
      return failure(`reference cycle: ${cycle}`, loc);
    }
    this.inProgress.push(key);
    try {
      const value = compute();
      this.memo.set(key, value);
      return value;
    } finally {
      this.inProgress.pop();
    }
  }

  resolve(root: string, steps: Traversal[], loc: SourceLocation): { value: Value; used: number } {
    const first = steps[0]?.type === "attr" ? steps[0].name : undefined;
    const second = steps[1]?.type === "attr" ? steps[1].name : undefined;
    switch (root) {
      case "var":
        return { value: first ? this.variable(first, loc) : failure("var needs a name", loc), used: 1 };
      case "local":
        return { value: first ? this.local(first, loc) : failure("local needs a name", loc), used: 1 };
      case "path":
        return { value: str(this.options.dir || ".", loc), used: 1 };
      case "terraform":
        return { value: unknown("terraform.workspace is chosen at run time", loc), used: 1 };
      case "each":
      case "count":
      case "self":
        return { value: failure(`${root} is not available here`, loc), used: 0 };
      case "data":
        if (!first || !second) return { value: failure("data needs a type and a name", loc), used: 0 };
        return { value: this.blockReference("data", this.data, `${first}.${second}`, loc), used: 2 };
      case "module":
        if (!first) return { value: failure("module needs a name", loc), used: 0 };
        return { value: this.moduleReference(first, loc), used: 1 };
      default:
        if (!first) return { value: failure(`unknown reference ${root}`, loc), used: 0 };
        return { value: this.blockReference("resource", this.resources, `${root}.${first}`, loc), used: 1 };
    }
  }

  variable(name: string, loc: SourceLocation): Value {
    const given = this.options.inputs.get(name);
    const block = this.variables.get(name);
    if (!block) return given ?? failure(`no variable "${name}" is declared`, loc);
    const def = block.body.attributes.find((a) => a.name === "default");
    if (!given && !def) return unknown(`var.${name} has no default and no value in the scanned tfvars`, loc);
    const type = block.body.attributes.find((a) => a.name === "type")?.expr;
    return this.memoise(`var.${name}`, loc, () => {
      // A null from the caller stays null, unless the variable says `nullable = false`: then the default.
      const value = given && !(given.kind === "null" && def && nullable(block) === false) ? given : this.evaluator.eval(def!.expr, EMPTY_SCOPE);
      return type ? convertToType(value, type, (e) => this.evaluator.eval(e, EMPTY_SCOPE)) : value;
    });
  }

  local(name: string, loc: SourceLocation): Value {
    const attr = this.locals.get(name);
    if (!attr) return failure(`no local "${name}" is declared`, loc);
    return this.memoise(`local.${name}`, loc, () => this.evaluator.eval(attr.expr, EMPTY_SCOPE));
  }

  private readonly instanceCache = new Map<Block, Instance[] | Value>();

  /** count and for_each: one instance per element, each with its own `count`/`each` binding. */
  instances(block: Block): Instance[] | Value {
    let found = this.instanceCache.get(block);
    if (!found) this.instanceCache.set(block, (found = this.expandInstances(block)));
    return found;
  }

  private expandInstances(block: Block): Instance[] | Value {
    const count = block.body.attributes.find((a) => a.name === "count");
    const forEach = block.body.attributes.find((a) => a.name === "for_each");
    if (!count && !forEach) return [{ scope: EMPTY_SCOPE }];
    if (count) {
      const n = this.evaluator.eval(count.expr, EMPTY_SCOPE);
      if (n.kind !== "number") return n.kind === "unknown" ? n : failure("count is not a number", count.loc);
      if (n.value > LIMITS.collectionSize) return this.options.budget.exceeded("collectionSize", count.loc);
      return Array.from({ length: Math.max(0, Math.floor(n.value)) }, (_, i) => {
        const key: Value = { kind: "number", value: i, loc: count.loc };
        return { key, scope: EMPTY_SCOPE.with({ count: obj(new Map([["index", key]]), count.loc) }) };
      });
    }
    const collection = this.evaluator.eval(forEach!.expr, EMPTY_SCOPE);
    const pairs = iterate(collection);
    if (!pairs) return collection.kind === "unknown" ? collection : failure("for_each is not a map or set", forEach!.loc);
    if (pairs.length > LIMITS.collectionSize) return this.options.budget.exceeded("collectionSize", forEach!.loc);
    return pairs.map(([k, v]) => {
      const key = collection.kind === "list" ? v : k;
      return { key, scope: EMPTY_SCOPE.with({ each: obj(new Map([["key", key], ["value", v]]), v.loc) }) };
    });
  }

  /**
   * An instance standing for all instances of a block whose count or for_each is not known: its
   * key, `count.index`, `each.key` and `each.value` are unknown, everything else is evaluated.
   * What does not depend on the key (a literal role name) is then known for every instance.
   */
  templateInstance(block: Block): Instance | undefined {
    const instances = this.instances(block);
    if (Array.isArray(instances) || (instances.kind === "unknown" && instances.error)) return undefined;
    const why = instances.kind === "unknown" ? instances.reason : "not a collection";
    const key = unknown(`instance key not known (${why})`, block.headerLoc);
    const binding: Record<string, Value> = block.body.attributes.some((a) => a.name === "count")
      ? { count: obj(new Map([["index", key]]), block.headerLoc) }
      : { each: obj(new Map<string, Value>([["key", key], ["value", unknown(`each.value not known (${why})`, block.headerLoc)]]), block.headerLoc) };
    return { key, scope: EMPTY_SCOPE.with(binding) };
  }

  /** The value a resource or data reference stands for: one object, or a list/map of instances. */
  private blockReference(kind: "resource" | "data", table: Map<string, Block>, key: string, loc: SourceLocation): Value {
    const block = table.get(key);
    const address = `${kind === "data" ? "data." : ""}${key}`;
    if (!block) return failure(`no ${kind} ${address} is declared`, loc);
    return this.memoise(address, loc, () => {
      const instances = this.instances(block);
      const one = (i: Instance) => this.instanceValue(kind, block, i);
      if (!Array.isArray(instances)) {
        const template = this.templateInstance(block);
        return { ...unknown(`instances of ${address} not known`, loc), ...(template ? { element: one(template) } : {}) };
      }
      if (!block.body.attributes.some((a) => a.name === "count" || a.name === "for_each")) return one(instances[0]);
      if (block.body.attributes.some((a) => a.name === "count")) return list(instances.map(one), block.loc);
      const entries = new Map<string, Value>();
      for (const i of instances) entries.set(String((i.key as { value: unknown }).value), one(i));
      return obj(entries, block.loc);
    });
  }

  /** One instance's value, evaluated once whether a reference or the extraction asks first. */
  instanceValue(kind: "resource" | "data", block: Block, instance: Instance): Value {
    const address = instanceAddress(`${this.options.address}${kind === "data" ? "data." : ""}${block.labels[0]}.${block.labels[1]}`, instance.key);
    return this.memoise(`${address}#instance`, block.headerLoc, () => this.evaluateInstance(kind, block, address, instance));
  }

  private evaluateInstance(kind: "resource" | "data", block: Block, address: string, instance: Instance): Value {
    if (kind === "data") {
      return dataSourceValue(block, address, instance.scope, {
        attribute: (b, name, scope) => this.attribute(b, name, scope),
        policyDocument: (b, scope) => policyDocumentValue(b, scope, this.evaluator, (json) => this.decodeJson(json)),
        accountId: this.options.accountId,
        remoteState: this.options.remoteState,
      });
    }
    const attrs = blockAttributes(block.body, instance.scope, this.evaluator);
    return withComputedAttributes(block.labels[0], address, this.id(address), attrs, block.headerLoc, this.options.accountId);
  }

  attribute(block: Block, name: string, scope: Scope): Value | undefined {
    const attr = block.body.attributes.find((a) => a.name === name);
    return attr ? this.evaluator.eval(attr.expr, scope) : undefined;
  }

  /** A JSON string (jsonencode result, heredoc, file()) as its structured, located Value. */
  decodeJson(v: Value): Value {
    if ((v.kind === "string" || v.kind === "template") && v.json) return v.json;
    // A heredoc of JSON with interpolations: its structure is known, the interpolated parts are not.
    if (v.kind === "template") return parseRenderedYaml(v)[0] ?? v;
    if (v.kind !== "string") return v;
    // A template's rendering that kept its lines: located line by line in the template.
    if (v.templateLines && !v.verbatimFrom) {
      const parsed = parseRenderedYaml(v)[0];
      return parsed ? onTemplateLines(parsed, v.value.split("\n"), v.templateLines) : this.options.host.parseJson(v.value, v.loc.file, v.loc);
    }
    return this.options.host.parseJson(v.value, v.verbatimFrom?.file ?? v.loc.file, v.loc, v.verbatimFrom);
  }

  private readonly children = new Map<string, ModuleInstance[] | Value>();

  /** The instances of a module call, evaluated once and shared by references and extraction. */
  moduleCall(name: string): ModuleInstance[] | Value | undefined {
    const block = this.moduleBlocks.get(name);
    if (!block) return undefined;
    let found = this.children.get(name);
    if (!found) {
      found = moduleInstances(this, block, (child) => new TerraformModule({ ...this.options, ...child, depth: this.options.depth + 1, ancestors: [...this.options.ancestors, this.options.dir] }));
      this.children.set(name, found);
    }
    return found;
  }

  private moduleReference(name: string, loc: SourceLocation): Value {
    const block = this.moduleBlocks.get(name);
    const instances = this.moduleCall(name);
    if (!block || !instances) return failure(`no module "${name}" is declared`, loc);
    if (!Array.isArray(instances)) return instances;
    if (instances.length === 1 && instances[0].key?.kind === "unknown") return { ...unknown(`instances of module.${name} not known`, loc), element: instances[0].outputs };
    if (block.body.attributes.some((a) => a.name === "count")) return list(instances.map((i) => i.outputs), block.loc);
    if (!block.body.attributes.some((a) => a.name === "for_each")) return instances[0]?.outputs ?? failure("module has no instance", loc);
    const entries = new Map<string, Value>();
    for (const i of instances) entries.set(asText(i.key!) ?? "", i.outputs);
    return obj(entries, block.loc);
  }
}

/** `nullable = false`: a null from the caller becomes the default. Unknown when not a literal. */
function nullable(block: Block): boolean | undefined {
  const attr = block.body.attributes.find((a) => a.name === "nullable");
  if (!attr) return true;
  return attr.expr.type === "literal" && typeof attr.expr.value === "boolean" ? attr.expr.value : undefined;
}

/** Positions on the lines a rendering changed moved to the first column of text of the template's line (see StringValue.templateLines). */
function onTemplateLines(v: Value, rendered: string[], template: string[]): Value {
  const move = (l: SourceLocation): SourceLocation => {
    const i = l.line - 1;
    if (rendered[i] === template[i] || template[i] === undefined) return l;
    const column = template[i].length - template[i].trimStart().length + 1;
    return { ...l, column, endLine: l.line, endColumn: column };
  };
  switch (v.kind) {
    case "object":
      return { ...v, loc: move(v.loc), entries: new Map([...v.entries].map(([k, x]) => [k, onTemplateLines(x, rendered, template)])), keyLocs: new Map([...v.keyLocs].map(([k, l]) => [k, move(l)])) };
    case "list":
      return { ...v, loc: move(v.loc), items: v.items.map((x) => onTemplateLines(x, rendered, template)) };
    default:
      return { ...v, loc: move(v.loc) };
  }
}
