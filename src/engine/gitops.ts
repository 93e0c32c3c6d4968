import { posix } from "node:path";
import type { ApplicationSetDecl, ConfigDataDecl, Declarations, FluxSubstitutionDecl, KustomizationDecl, PatchDecl, Provenance, ServiceAccountDecl } from "../core/declarations.js";
import { includedFiles } from "./kustomize.js";
import { formatLocation } from "../core/location.js";
import { asItems, getEntry, knownString, list, obj, str, unknown, type UnknownValue, type Value } from "../core/value.js";
import { readPatches } from "../parse/gitops-objects.js";
import { pushTo } from "../core/collections.js";
import { releaseServiceAccounts } from "../parse/releases.js";
import { patchRole, patchServiceAccount } from "./patches.js";

/**
 * Values GitOps tools carry from one object into another, put where the tools put them before
 * anything is linked: Flux post-build substitution (`postBuild.substitute` and `substituteFrom`
 * ConfigMaps and Secrets, from manifests or Terraform), and Argo CD ApplicationSets (each
 * generated parameter set fills the template's `{{…}}`, the cluster generator from the cluster
 * Secrets the scan declares), and the patches of Flux Kustomizations and Argo CD Applications (of
 * the Flux Kustomizations they apply, then of the objects under their paths). A value carried keeps
 * where it came from (ServiceAccountDecl.provenance); a source the scan does not contain is named
 * in the unknown part it leaves.
 */
export function applyGitOps(decls: Declarations): void {
  const included = includedBy(decls.kustomizations);
  if (decls.fluxSubstitutions.some((k) => k.patches.some((p) => p.target.kind === "Kustomization"))) decls.fluxSubstitutions = patchFluxKustomizations(decls.fluxSubstitutions, included);
  const generated = decls.applicationSets.flatMap((set) => generatedApplications(set, decls.configData));
  const appliers = [
    ...decls.fluxSubstitutions.map((k): Applier => ({ file: k.file, label: `Flux Kustomization ${k.name}`, path: k.path, patches: k.patches })),
    ...decls.applications.flatMap((a) => argoAppliers(`Argo CD Application ${a.name}`, a.application, a.loc.file, [])),
    ...generated.flatMap((g) => argoAppliers(`Argo CD Application ${g.name} of ApplicationSet ${g.set}`, g.application, g.file, g.provenance)),
  ];
  if (appliers.some((k) => k.patches.length)) applyPatches(decls, appliers, included);
  if (decls.fluxSubstitutions.length) decls.serviceAccounts = applyFlux(decls.serviceAccounts, decls.fluxSubstitutions, decls.configData);
  for (const g of generated) decls.serviceAccounts.push(...releaseServiceAccounts("Application", g.application, undefined).map((sa) => ({ ...sa, provenance: [...g.provenance, ...((sa.roleArn && g.carried.get(sa.roleArn)) ?? [])] })));
}

/** What applies the files under a path, with patches: a Flux Kustomization, an Argo CD Application's source. */
interface Applier {
  file: string;
  label: string;
  /** Relative to the source's root; undefined when not known (it may apply any file). */
  path: string | undefined;
  patches: PatchDecl[];
  /** How the Application came to be (an ApplicationSet's generator). */
  provenance?: Provenance[];
}

/**
 * An Argo CD Application's sources that apply a folder of the repository (`path`), each with its
 * `kustomize.patches`. A source with a chart (or a repoURL only) applies no folder of the scan.
 */
function argoAppliers(label: string, application: Value, file: string, provenance: Provenance[]): Applier[] {
  const spec = getEntry(application, "spec");
  return [getEntry(spec, "source"), ...asItems(getEntry(spec, "sources"))].flatMap((source) => {
    const pathValue = getEntry(source, "path");
    if (!source || !pathValue || getEntry(source, "chart")) return [];
    return [{ file, label, path: knownString(pathValue), patches: readPatches(getEntry(source, "kustomize")), provenance }];
  });
}

/**
 * Patches of Flux Kustomizations and Argo CD Applications: each ServiceAccount and IAM Role object
 * under an applier's path that a patch selects is deployed once more as the patch leaves it. The
 * base is deployed as it is too, unless every applier of its file patches it: then only the
 * patched copies are.
 */
function applyPatches(decls: Declarations, appliers: Applier[], included: Included | undefined): void {
  const byPath = pathIndex(appliers.filter((k) => k.patches.length));
  const all = pathIndex(appliers);
  // An applier whose path is not known may apply any file as it is.
  const pathUnknown = appliers.some((k) => k.path === undefined);
  decls.serviceAccounts = decls.serviceAccounts.flatMap((sa) => {
    const copies: ServiceAccountDecl[] = [];
    const patchedBy = new Set<Applier>();
    for (const k of applying(sa.loc.file, byPath, included)) {
      // One applier's patches apply in order, to one copy.
      let copy = sa;
      for (const patch of k.patches) {
        const patched = patchServiceAccount(copy, patch);
        if (patched) copy = { ...patched, provenance: [...(copy.provenance ?? []), ...(copy === sa ? (k.provenance ?? []) : []), { message: `patched by ${k.label}`, location: patch.loc }] };
      }
      if (copy === sa) continue;
      patchedBy.add(k);
      copies.push(copy);
    }
    const appliers = applying(sa.loc.file, all, included);
    return !pathUnknown && appliers.length > 0 && appliers.every((k) => patchedBy.has(k)) ? copies : [sa, ...copies];
  });
  const roles = decls.roles.flatMap((r) => applying(r.loc.file, byPath, included).flatMap((k) => k.patches.flatMap((p) => patchRole(r, p) ?? [])));
  decls.roles.push(...roles);
}

/**
 * Flux Kustomizations that patch the Flux Kustomizations they apply (a cluster's template adding
 * `spec.patches` or `spec.postBuild` to a shared one): each patched one applies its path as the
 * patch leaves it. As for ServiceAccounts, the Kustomization as written stays unless every
 * Kustomization applying its file patches it.
 */
function patchFluxKustomizations(kustomizations: FluxSubstitutionDecl[], included: Included | undefined): FluxSubstitutionDecl[] {
  const all = pathIndex(kustomizations);
  const patching = kustomizations.filter((k) => k.patches.some((p) => p.target.kind === "Kustomization"));
  return kustomizations.flatMap((k) => {
    const appliers = applying(k.file, all, included).filter((a) => a !== k);
    const copies = appliers.flatMap((a) => {
      if (!patching.includes(a)) return [];
      let copy = k;
      for (const patch of a.patches) {
        if (patch.target.kind !== "Kustomization" || (patch.target.name !== undefined && patch.target.name !== k.name) || (patch.target.namespace !== undefined && patch.target.namespace !== k.namespace)) continue;
        copy = patchKustomization(copy, patch);
      }
      return copy === k ? [] : [{ ...copy, name: `${k.name} (as ${a.name} patches it)` }];
    });
    const everyPatches = appliers.length > 0 && copies.length === appliers.length && !kustomizations.some((x) => x.path === undefined);
    return everyPatches ? copies : [k, ...copies];
  });
}

/** A Flux Kustomization as JSON 6902 operations on its spec leave it: `patches` (or one more), `postBuild`, `path`. */
function patchKustomization(k: FluxSubstitutionDecl, patch: PatchDecl): FluxSubstitutionDecl {
  let out = k;
  for (const o of patch.operations ?? []) {
    if (o.op !== "add" && o.op !== "replace") continue;
    const value = o.value;
    if (!value) continue;
    if (o.path === "/spec/patches") out = { ...out, patches: readPatches(obj(new Map([["patches", value]]), value.loc)) };
    else if (o.path === "/spec/patches/-") out = { ...out, patches: [...out.patches, ...readPatches(obj(new Map([["patches", list([value], value.loc)]]), value.loc))] };
    else if (o.path === "/spec/path") out = { ...out, path: knownString(value) };
    else if (o.path === "/spec/postBuild") {
      const substitute = getEntry(value, "substitute");
      const from = asItems(getEntry(value, "substituteFrom")).flatMap((f) => {
        const [kind, name] = [knownString(getEntry(f, "kind")), knownString(getEntry(f, "name"))];
        return kind && name ? [{ kind, name, optional: knownString(getEntry(f, "optional")) === "true" }] : [];
      });
      out = { ...out, values: new Map(substitute?.kind === "object" ? substitute.entries : []), from };
    }
  }
  return out;
}

/** Whether applying a folder applies a file: what its kustomization.yaml includes, or, without one, every file below it. */
type Included = (folder: string, file: string) => boolean;

function includedBy(kustomizations: KustomizationDecl[]): Included | undefined {
  if (!kustomizations.length) return undefined;
  const byDir = new Map(kustomizations.map((k) => [posix.dirname(k.file), k]));
  const files = new Map<string, Set<string>>();
  return (folder, file) => {
    const k = byDir.get(folder === "" ? "." : folder);
    if (!k) return true;
    let set = files.get(folder);
    if (!set) files.set(folder, (set = new Set(includedFiles(k, byDir))));
    return set.has(file);
  };
}

/** Appliers by the path they apply (see applying). */
function pathIndex<T extends { path: string | undefined }>(kustomizations: T[]): Map<string, T[]> {
  const byPath = new Map<string, T[]>();
  for (const s of kustomizations) {
    if (s.path === undefined) continue;
    const prefix = posix.normalize(s.path).replace(/^\.\/?|\/$/g, "");
    pushTo(byPath, prefix, s);
  }
  return byPath;
}

/** A filled placeholder: its value, and the hops it came through. */
type Filled = { value: Value; via: Provenance[] };

/**
 * Replaces the placeholders of a value (deeply) that `fill` knows; a placeholder that is the whole
 * value becomes the filling value itself, placed where the placeholder was (so `aws_iam_role.x.arn`
 * from a Terraform ConfigMap still links by reference).
 */
function fillPlaceholders(v: Value, fill: (placeholder: string, part: UnknownValue) => Filled | UnknownValue | undefined, carried: WeakMap<Value, Provenance[]>): Value {
  const via: Provenance[] = [];
  const out = fillValue(v, fill, via, carried);
  if (via.length && out !== v) carried.set(out, [...new Set(via)]);
  return out;
}

function fillValue(v: Value, fill: (placeholder: string, part: UnknownValue) => Filled | UnknownValue | undefined, via: Provenance[], carried: WeakMap<Value, Provenance[]>): Value {
  switch (v.kind) {
    case "object": {
      const entries = new Map<string, Value>();
      for (const [k, x] of v.entries) entries.set(k, fillPlaceholders(x, fill, carried));
      return { ...obj(entries, v.loc, v.keyLocs), ...(v.keyValues ? { keyValues: v.keyValues } : {}) };
    }
    case "list":
      return list(v.items.map((x) => fillPlaceholders(x, fill, carried)), v.loc);
    case "unknown": {
      if (!v.placeholder) return v;
      const got = fill(v.placeholder, v);
      if (!got) return v;
      if ("kind" in got) return got;
      via.push(...got.via);
      return { ...got.value, loc: v.loc };
    }
    case "template": {
      let changed = false;
      const parts: Array<string | UnknownValue> = [];
      for (const p of v.parts) {
        const got = typeof p === "string" || !p.placeholder ? undefined : fill(p.placeholder, p);
        if (!got) {
          parts.push(p);
          continue;
        }
        changed = true;
        if ("kind" in got) {
          parts.push(got);
          continue;
        }
        via.push(...got.via);
        const filled = got.value;
        if (v.parts.length === 1) return { ...filled, loc: v.loc };
        const text = knownString(filled);
        if (text !== undefined) parts.push(text);
        else if (filled.kind === "template") parts.push(...filled.parts);
        else {
          const at = p as UnknownValue;
          parts.push(filled.kind === "unknown" ? { ...filled, loc: at.loc } : unknown(`${at.placeholder} is a ${filled.kind}`, at.loc));
        }
      }
      if (!changed) return v;
      const merged = parts.reduce<Array<string | UnknownValue>>((out, p) => (typeof p === "string" && typeof out[out.length - 1] === "string" ? ((out[out.length - 1] = `${out[out.length - 1]}${p}`), out) : (out.push(p), out)), []);
      return merged.every((p) => typeof p === "string") ? { ...str(merged.join(""), v.loc), ...(v.blockIndent !== undefined ? { blockIndent: v.blockIndent } : {}) } : { ...v, parts: merged };
    }
    default:
      return v;
  }
}

/** `${VAR}` and `${VAR:=default}`: the variable's name and default. */
const FLUX_PLACEHOLDER = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?::=([^}]*))?\}$/;

function applyFlux(accounts: ServiceAccountDecl[], substitutions: FluxSubstitutionDecl[], configData: ConfigDataDecl[]): ServiceAccountDecl[] {
  // Kustomizations by the folder they apply: a file looks its folders up, never every Kustomization.
  const byPath = pathIndex(substitutions);
  const variables = new Map<FluxSubstitutionDecl, ReturnType<typeof fluxVariables>>();
  return accounts.map((sa) => {
    if (![sa.roleArn, sa.tokenExpiration, sa.audience].some(hasPlaceholder)) return sa;
    let out = sa;
    for (const s of applying(sa.loc.file, byPath)) {
      let vars = variables.get(s);
      if (!vars) variables.set(s, (vars = fluxVariables(s, configData)));
      const known = vars;
      const fill = (placeholder: string, part: UnknownValue): Filled | UnknownValue | undefined => {
        const m = FLUX_PLACEHOLDER.exec(placeholder);
        if (!m) return undefined;
        const found = known.values.get(m[1]);
        if (found) return found;
        if (m[2] !== undefined) return { value: str(m[2], part.loc), via: [{ message: `Flux Kustomization ${s.name} leaves ${m[1]} to its default`, location: s.loc }] };
        // Not filled: the unknown says which sources Flux would have read it from.
        if (known.missing.length) return { ...part, reason: `placeholder ${placeholder}: Flux Kustomization ${s.name} (${formatLocation(s.loc)}) substitutes it from ${known.missing.join(", ")}, not in the scan` };
        return undefined;
      };
      const carried = new WeakMap<Value, Provenance[]>();
      const roleArn = out.roleArn && fillPlaceholders(out.roleArn, fill, carried);
      out = {
        ...out,
        roleArn,
        tokenExpiration: out.tokenExpiration && fillPlaceholders(out.tokenExpiration, fill, carried),
        audience: out.audience && fillPlaceholders(out.audience, fill, carried),
      };
      const via = roleArn && carried.get(roleArn);
      if (via) out = { ...out, provenance: [...(out.provenance ?? []), ...via] };
    }
    return out;
  });
}

/** A Kustomization's variables: `substituteFrom` sources in order (later ones win), then `substitute`. */
function fluxVariables(s: FluxSubstitutionDecl, configData: ConfigDataDecl[]): { values: Map<string, Filled>; missing: string[] } {
  const values = new Map<string, Filled>();
  const missing: string[] = [];
  for (const from of s.from) {
    // A kustomize generator's ConfigMap gets a name suffix and keys from files: not read as Flux's source.
    const source = configData.find((c) => !c.generated && c.kind === from.kind && c.name === from.name && (c.namespace === undefined || c.namespace === s.namespace));
    if (!source) {
      if (!from.optional) missing.push(`${from.kind} ${from.name}`);
      continue;
    }
    for (const [key, value] of source.data) values.set(key, { value, via: [{ message: `Flux Kustomization ${s.name} substitutes \${${key}}`, location: s.loc }, { message: `from ${source.kind} ${source.name} key ${key}`, location: value.loc }] });
  }
  for (const [key, value] of s.values) values.set(key, { value, via: [{ message: `Flux Kustomization ${s.name} substitutes \${${key}}`, location: value.loc }] });
  return { values, missing };
}

/**
 * The Kustomizations that apply a file: `spec.path` is relative to the root of the repository
 * Flux reads, which is a folder above the Kustomization's own file (the scan may start anywhere
 * in it). So a file applies when one of its folders is `<root>/<path>`, `<root>` a folder above
 * (or of) the Kustomization's file. Each of the file's folders is split once per folder above it.
 */
function applying<T extends { file: string }>(file: string, byPath: Map<string, T[]>, included?: Included): T[] {
  const found = new Set<T>();
  const segments = file.split("/");
  for (let end = segments.length; end >= 0; end--)
    for (let start = 0; start <= end; start++) {
      const [root, path] = [segments.slice(0, start).join("/"), segments.slice(start, end).join("/")];
      const appliers = byPath.get(path);
      // A folder with a kustomization.yaml applies what it includes, not every file below it.
      if (!appliers || (included && !included(segments.slice(0, end).join("/"), file))) continue;
      for (const s of appliers) if (root === "" || `${posix.dirname(s.file)}/`.startsWith(`${root}/`)) found.add(s);
    }
  return [...found].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function hasPlaceholder(v: Value | undefined): boolean {
  if (!v) return false;
  if (v.kind === "unknown") return !!v.placeholder;
  return v.kind === "template" && v.parts.some((p) => typeof p !== "string" && !!p.placeholder);
}

/** An ApplicationSet parameter as its template names it: `{{values.x}}`, `{{ .values.x }}`, `{{ index .metadata.annotations "x" }}`. */
function parameterName(placeholder: string): string | undefined {
  const inner = /^\{\{-?\s*(.*?)\s*-?\}\}$/.exec(placeholder)?.[1];
  if (inner === undefined) return undefined;
  const index = /^index\s+\.?([\w.]+)\s+"([^"]+)"$/.exec(inner);
  if (index) return `${index[1]}.${index[2]}`;
  return /^\.?[A-Za-z_][\w.-]*$/.test(inner) ? inner.replace(/^\./, "") : undefined;
}

type Parameters = Map<string, Filled>;

/** An Application an ApplicationSet generates: its template filled with one parameter set. */
interface GeneratedApplication {
  set: string;
  name: string;
  file: string;
  application: Value;
  provenance: Provenance[];
  /** Where each filled value came from. */
  carried: WeakMap<Value, Provenance[]>;
}

/** Each Application an ApplicationSet generates, with where its values came from. */
function generatedApplications(set: ApplicationSetDecl, configData: ConfigDataDecl[]): GeneratedApplication[] {
  const clusters = configData.filter((c) => c.kind === "Secret" && c.labels.get("argocd.argoproj.io/secret-type") === "cluster");
  return set.generators.flatMap((g) =>
    parameterSets(g, clusters).map(({ params, unfilled }) => {
      const generated: Provenance = { message: `Argo CD ApplicationSet ${set.name}: ${g.kind} generator`, location: g.loc };
      const carried = new WeakMap<Value, Provenance[]>();
      const fill = (placeholder: string, part: UnknownValue): Filled | UnknownValue | undefined => {
        const name = parameterName(placeholder);
        const found = name === undefined ? undefined : params.get(name);
        if (found) return found;
        return name !== undefined ? { ...part, reason: `ApplicationSet parameter ${placeholder}: ${unfilled}` } : undefined;
      };
      const application = fillPlaceholders(set.template, fill, carried);
      const name = knownString(getEntry(getEntry(application, "metadata"), "name")) ?? set.name;
      return { set: set.name, name, file: set.loc.file, application, provenance: [generated], carried };
    }),
  );
}

/** The parameter sets one generator yields, and why the parameters it does not give are not known. */
function parameterSets(g: ApplicationSetDecl["generators"][number], clusters: ConfigDataDecl[]): Array<{ params: Parameters; unfilled: string }> {
  const literal = (prefix: string, v: Value | undefined, into: Parameters, via: Provenance[]) => flatten(prefix, v, into, via);
  if (g.kind === "list") {
    const elements = getEntry(g.body, "elements");
    const items = elements?.kind === "list" ? elements.items : [];
    return items.map((element) => {
      const params: Parameters = new Map();
      literal("", element, params, [{ message: "list generator element", location: element.loc }]);
      return { params, unfilled: "the list generator's elements do not give it" };
    });
  }
  if (g.kind === "clusters") {
    const values = getEntry(g.body, "values");
    const wanted = getEntry(getEntry(g.body, "selector"), "matchLabels");
    const selected = clusters.filter((c) => wanted?.kind !== "object" || [...wanted.entries].every(([k, v]) => c.labels.get(k) === knownString(v)));
    if (!selected.length) {
      const params: Parameters = new Map();
      literal("values", values, params, [{ message: "cluster generator values", location: values?.loc ?? g.loc }]);
      return [{ params, unfilled: "it comes from an Argo CD cluster Secret (argocd.argoproj.io/secret-type: cluster) the scan does not declare" }];
    }
    return selected.map((c) => {
      const params: Parameters = new Map();
      const from = (what: string, v: Value) => ({ value: v, via: [{ message: `Argo CD cluster Secret ${c.name} ${what}`, location: v.loc }] });
      for (const key of ["name", "server"]) {
        const v = c.data.get(key);
        if (v) params.set(key, from(key, v));
      }
      for (const [k, v] of c.labels) params.set(`metadata.labels.${k}`, from(`label ${k}`, str(v, c.loc)));
      for (const [k, v] of c.annotations) params.set(`metadata.annotations.${k}`, from(`annotation ${k}`, v));
      // Generator values may themselves name the cluster's parameters (`roleArn: '{{metadata.annotations.x}}'`).
      const filledValues = values && fillPlaceholders(values, (p) => { const n = parameterName(p); return n === undefined ? undefined : params.get(n); }, new WeakMap());
      literal("values", filledValues, params, [{ message: "cluster generator values", location: values?.loc ?? g.loc }]);
      return { params, unfilled: `cluster Secret ${c.name} (${formatLocation(c.loc)}) does not give it` };
    });
  }
  return [{ params: new Map(), unfilled: `irsa-lint does not read the ${g.kind} generator's parameters` }];
}

/** An object's scalar leaves as dotted parameter names (`values.roleArn`). */
function flatten(prefix: string, v: Value | undefined, into: Parameters, via: Provenance[]): void {
  if (v?.kind !== "object") return;
  for (const [k, x] of v.entries) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (x.kind === "object") flatten(name, x, into, via);
    else into.set(name, { value: x, via });
  }
}
