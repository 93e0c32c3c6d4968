import type { ConfigDataDecl, Declarations, PatchDecl } from "../core/declarations.js";
import { asItems, getEntry, knownString, str, type Value } from "../core/value.js";
import { parseRenderedYaml } from "./rendered-yaml.js";

/**
 * Kubernetes objects through which GitOps tools carry values into other objects: Flux
 * Kustomizations (post-build substitution), ConfigMaps and Secrets (what `substituteFrom` and
 * Argo CD's cluster generator read), Argo CD ApplicationSets. Read here as they are written; the
 * engine puts the values where the tools put them (engine/gitops.ts).
 */
export function readGitOpsObject(kind: string, object: Value, out: Declarations): boolean {
  const apiVersion = knownString(getEntry(object, "apiVersion")) ?? "";
  const metadata = getEntry(object, "metadata");
  const nameValue = getEntry(metadata, "name");
  const name = knownString(nameValue);
  const namespace = knownString(getEntry(metadata, "namespace"));
  if (kind === "Kustomization" && apiVersion.startsWith("kustomize.toolkit.fluxcd.io/")) {
    const spec = getEntry(object, "spec");
    // Without spec.path Flux applies the source's root.
    const pathValue = getEntry(spec, "path");
    const path = pathValue === undefined ? "" : knownString(pathValue);
    const postBuild = getEntry(spec, "postBuild");
    const substitute = getEntry(postBuild, "substitute");
    const from = asItems(getEntry(postBuild, "substituteFrom")).flatMap((f) => {
      const [fromKind, fromName] = [knownString(getEntry(f, "kind")), knownString(getEntry(f, "name"))];
      return fromKind && fromName ? [{ kind: fromKind, name: fromName, optional: knownString(getEntry(f, "optional")) === "true" }] : [];
    });
    const patches = readPatches(spec);
    const values = new Map(substitute?.kind === "object" ? substitute.entries : []);
    out.fluxSubstitutions.push({ file: object.loc.file, name: name ?? "(unnamed)", namespace: namespace ?? "flux-system", path, values, from, patches, ...(getEntry(spec, "targetNamespace") ? { setsNamespace: true } : {}), loc: nameValue?.loc ?? object.loc });
    return true;
  }
  if ((kind === "ConfigMap" || kind === "Secret") && apiVersion === "v1") {
    if (name !== undefined) out.configData.push(configData(kind, name, namespace, object));
    return true;
  }
  if (kind === "ApplicationSet" && apiVersion.startsWith("argoproj.io/")) {
    const spec = getEntry(object, "spec");
    const template = getEntry(spec, "template");
    if (!template) return true;
    const generators = asItems(getEntry(spec, "generators")).flatMap((g) => (g.kind === "object" ? [...g.entries].map(([k, body]) => ({ kind: k, body, loc: g.keyLocs.get(k) ?? body.loc })) : []));
    out.applicationSets.push({ name: name ?? "(unnamed)", generators, template, loc: nameValue?.loc ?? object.loc });
    return true;
  }
  return false;
}

/** A ConfigMap's `data`, a Secret's `stringData` and base64 `data`, with labels and annotations. */
function configData(kind: "ConfigMap" | "Secret", name: string, namespace: string | undefined, object: Value): ConfigDataDecl {
  const metadata = getEntry(object, "metadata");
  const data = new Map<string, Value>();
  const encoded = getEntry(object, "data");
  if (encoded?.kind === "object")
    for (const [k, v] of encoded.entries) {
      const text = knownString(v);
      data.set(k, kind === "Secret" && text !== undefined ? str(Buffer.from(text, "base64").toString("utf8"), v.loc) : v);
    }
  const plain = getEntry(object, "stringData");
  if (plain?.kind === "object") for (const [k, v] of plain.entries) data.set(k, v);
  const labels = getEntry(metadata, "labels");
  const annotations = getEntry(metadata, "annotations");
  return {
    kind,
    name,
    namespace,
    data,
    labels: new Map(labels?.kind === "object" ? [...labels.entries].flatMap(([k, v]) => (knownString(v) !== undefined ? [[k, knownString(v)!] as [string, string]] : [])) : []),
    annotations: new Map(annotations?.kind === "object" ? annotations.entries : []),
    loc: getEntry(metadata, "name")?.loc ?? object.loc,
  };
}

/**
 * The inline patches of a kustomization or a Flux Kustomization: `patches` (a YAML or JSON string,
 * or an object, with an optional target), `patchesStrategicMerge` (inline objects or strings) and
 * `patchesJson6902` (a target and inline operations). A patch given by `path` is a file of the scan,
 * read as the object it is.
 */
export function readPatches(spec: Value | undefined): PatchDecl[] {
  const out: PatchDecl[] = [];
  const targetOf = (t: Value | undefined): PatchDecl["target"] => ({
    kind: knownString(getEntry(t, "kind")),
    name: knownString(getEntry(t, "name")),
    namespace: knownString(getEntry(t, "namespace")),
    group: knownString(getEntry(t, "group")),
  });
  const add = (body: Value | undefined, target: PatchDecl["target"], at: Value) => {
    const parsed = body && (body.kind === "string" || body.kind === "template") ? parseRenderedYaml(body)[0] : body;
    if (!parsed) return;
    if (parsed.kind === "list") {
      const operations = parsed.items.flatMap((o) => {
        const [op, path] = [knownString(getEntry(o, "op")), knownString(getEntry(o, "path"))];
        return op && path !== undefined ? [{ op, path, value: getEntry(o, "value"), loc: (getEntry(o, "value") ?? o).loc }] : [];
      });
      out.push({ target, operations, loc: at.loc });
    } else if (parsed.kind === "object") {
      // A strategic merge patch names its object itself.
      const meta = getEntry(parsed, "metadata");
      out.push({ target: { kind: knownString(getEntry(parsed, "kind")), name: knownString(getEntry(meta, "name")), namespace: knownString(getEntry(meta, "namespace")), ...withoutUndefined(target) }, merge: parsed, loc: at.loc });
    }
  };
  for (const p of asItems(getEntry(spec, "patches"))) if (!getEntry(p, "path")) add(getEntry(p, "patch"), targetOf(getEntry(p, "target")), p);
  for (const p of asItems(getEntry(spec, "patchesStrategicMerge"))) add(p, {}, p);
  for (const p of asItems(getEntry(spec, "patchesJson6902"))) if (!getEntry(p, "path")) add(getEntry(p, "patch"), targetOf(getEntry(p, "target")), p);
  return out;
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
