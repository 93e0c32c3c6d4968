import type { AttachmentDecl, PodIdentityAssociationDecl, RoleDecl } from "../core/declarations.js";
import type { SourceLocation } from "../core/location.js";
import { obj, unknown, withOrigin, type Value } from "../core/value.js";
import type { Block, HclFile } from "../parse/hcl/ast.js";
import { LIMITS } from "./budget.js";
import { asText } from "./convert.js";
import { irsaModuleGeneration, irsaModuleRole } from "./irsa-module.js";
import { roleModule, roleModuleKind } from "./role-modules.js";
import { IAM_ROLE_V6, iamRoleV6 } from "./iam-role-v6.js";
import type { TerraformModule } from "./module.js";
import { EMPTY_SCOPE } from "./scope.js";

/** How module calls find their source: scanned folders by path, and what `terraform init` downloaded. */
export interface ModuleCalls {
  filesIn(dir: string): HclFile[] | undefined;
  join(dir: string, source: string): string;
  /** The folder `.terraform/modules/modules.json` of `root` lists for a module call's key (`eks`, `eks.kms`). */
  downloaded?(root: string, key: string): string | undefined;
}

/** One instance of a module call: a local child module, the built-in IRSA module, or unknown. */
export interface ModuleInstance {
  key?: Value;
  address: string;
  outputs: Value;
  child?: TerraformModule;
  role?: RoleDecl;
  attachments: AttachmentDecl[];
  associations?: PodIdentityAssociationDecl[];
}

const MAX_MODULE_DEPTH = 10;

/** `base[0]`, `base["key"]`, or `base[*]` for the instance standing for instances of unknown keys. */
export function instanceAddress(base: string, key: Value | undefined): string {
  if (!key) return base;
  if (key.kind === "unknown") return `${base}[*]`;
  return key.kind === "number" ? `${base}[${key.value}]` : `${base}[${JSON.stringify(asText(key) ?? "?")}]`;
}

/** A module call's literal source (Terraform requires one), when it has one. */
export function moduleSource(parent: TerraformModule, block: Block): string | undefined {
  const attr = block.body.attributes.find((a) => a.name === "source");
  return attr ? asText(parent.evaluator.eval(attr.expr, EMPTY_SCOPE)) : undefined;
}

/** Whether irsa-lint evaluates calls of this source: the IRSA registry modules and local modules. */
export function isEvaluatedSource(source: string | undefined): boolean {
  return !!source && (!!irsaModuleGeneration(source) || !!roleModuleKind(source) || IAM_ROLE_V6.test(source) || source.startsWith("./") || source.startsWith("../"));
}

/** Evaluates every instance of a module call (for_each and count included). */
export function moduleInstances(parent: TerraformModule, block: Block, makeChild: (opts: { dir: string; address: string; files: HclFile[]; inputs: Map<string, Value> }) => TerraformModule): ModuleInstance[] | Value {
  const name = block.labels[0];
  const base = `${parent.options.address}module.${name}`;
  const sourceAttr = block.body.attributes.find((a) => a.name === "source");
  const source = moduleSource(parent, block);
  if (source === undefined) return unknown(`${base}: source not known`, block.headerLoc);
  const known = parent.instances(block);
  // Instances not known in number: one instance stands for all, so the module's roles still exist.
  const template = Array.isArray(known) || !isEvaluatedSource(source) ? undefined : parent.templateInstance(block);
  const instances = Array.isArray(known) ? known : template ? [template] : undefined;
  if (!instances) return unknown(`${base}: count/for_each not known (${!Array.isArray(known) && known.kind === "unknown" ? known.reason : "not a collection"})`, block.headerLoc);

  // Real code before emulation: a module `terraform init` downloaded is evaluated from where it lies.
  const key = `${parent.options.address}module.${name}`.replace(/module\./g, "").replace(/\[[^\]]*\]/g, "");
  const downloadedDir = !source.startsWith("./") && !source.startsWith("../") ? parent.options.calls.downloaded?.(parent.options.root, key) : undefined;
  const downloadedFiles = downloadedDir !== undefined ? parent.options.calls.filesIn(downloadedDir) : undefined;
  const generation = downloadedFiles ? undefined : irsaModuleGeneration(source);
  const builtIn = downloadedFiles ? undefined : roleModuleKind(source);
  const roleV6 = !downloadedFiles && IAM_ROLE_V6.test(source);
  const local = source.startsWith("./") || source.startsWith("../");
  const sourceDir = downloadedFiles ? downloadedDir! : parent.options.calls.join(parent.options.dir, source);
  const files = downloadedFiles ?? (local ? parent.options.calls.filesIn(sourceDir) : undefined);
  if (!generation && !builtIn && !roleV6 && !files) {
    parent.diagnostics.push({
      level: "note",
      message: local ? `module ${base}: ${source} is not in the scanned tree; its outputs are unknown` : `module ${base}: registry module ${source} is not evaluated; its outputs are unknown`,
      location: sourceAttr!.loc,
    });
    // Its outputs are still known to be its outputs: `module.eks.oidc_provider_arn` is an EKS provider.
    return withOrigin(unknown(`${base} comes from ${source}, which irsa-lint does not evaluate`, block.headerLoc), { address: base, type: `module:${source.replace(/^registry\.terraform\.io\//, "")}` });
  }
  if (local || downloadedFiles) {
    const dir = sourceDir;
    if (dir === parent.options.dir || parent.options.ancestors.includes(dir)) {
      // Terraform rejects a module that calls itself; evaluating it would never end.
      parent.diagnostics.push({ level: "error", message: `module "${name}" calls ${source}, a module it is itself called from: Terraform rejects this cycle; its outputs are unknown`, location: sourceAttr!.loc });
      return unknown(`${base} calls itself`, block.headerLoc);
    }
  }
  if (parent.options.depth >= MAX_MODULE_DEPTH) {
    parent.diagnostics.push({ level: "error", message: `module "${name}" is nested more than ${MAX_MODULE_DEPTH} modules deep; its outputs are unknown`, location: block.headerLoc });
    return unknown(`${base}: modules nested too deeply`, block.headerLoc);
  }
  const budget = parent.options.budget;
  if ((budget.moduleInstances += instances.length) > LIMITS.moduleInstances) return budget.exceeded("moduleInstances", block.headerLoc);

  return instances.map((instance) => {
    const address = instanceAddress(base, instance.key);
    const args = new Map<string, Value>();
    for (const attr of block.body.attributes) {
      if (!["source", "version", "count", "for_each", "providers", "depends_on"].includes(attr.name))
        args.set(attr.name, parent.evaluator.eval(attr.expr, instance.scope));
    }
    if (builtIn) {
      const result = roleModule(builtIn, args, address, parent.id(address), block.headerLoc, parent.options.accountId, parent.options.root);
      return { key: instance.key, address, outputs: result.outputs, role: result.role, attachments: result.attachments, associations: result.associations };
    }
    if (roleV6) {
      const result = iamRoleV6(args, address, parent.id(address), block.headerLoc, parent.options.accountId);
      return { key: instance.key, address, outputs: result.outputs, role: result.role, attachments: result.attachments };
    }
    if (generation) {
      const result = irsaModuleRole(generation, args, address, parent.id(address), block.headerLoc, parent.options.accountId);
      return { key: instance.key, address, outputs: result.outputs, role: result.role, attachments: result.attachments };
    }
    const child = makeChild({ dir: sourceDir, address: `${address}.`, files: files!, inputs: args });
    return { key: instance.key, address, outputs: childOutputs(child, block.headerLoc), child, attachments: [] };
  });
}

function childOutputs(child: TerraformModule, loc: SourceLocation): Value {
  const entries = new Map<string, Value>();
  for (const [name, attr] of child.outputs) entries.set(name, child.evaluator.eval(attr.expr, EMPTY_SCOPE));
  const value = obj(entries, loc);
  value.openReason = child.options.address.slice(0, -1);
  return value;
}
