import { parseAllDocuments, parseDocument, type Document } from "yaml";
import { emptyDeclarations, type ConfigDataDecl, type ContainerDecl, type KustomizationDecl, type ServiceAccountDecl, type WorkloadDecl } from "../core/declarations.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { LineIndex } from "../core/lines.js";
import { excessiveNesting } from "../core/nesting.js";
import type { SourceLocation } from "../core/location.js";
import { asItems, getEntry, knownString, unknown, type Value } from "../core/value.js";
import { isCloudFormation, readCloudFormation } from "./cloudformation.js";
import { readEksctl } from "./eksctl.js";
import type { FileParseResult } from "./result.js";
import { MANIFEST_YAML, shapeSelector, yamlMessage, yamlToValue, type Shape } from "./yaml-value.js";
import { chartServiceAccounts, chartValuesSelector } from "./chart-values.js";
import { ROLE_ARN_ANNOTATION, TOKEN_EXPIRATION_ANNOTATION, serviceAccountAnnotations } from "./kubernetes-annotations.js";
import { releaseServiceAccounts } from "./releases.js";
import { readGitOpsObject, readPatches } from "./gitops-objects.js";
import { crossplaneInstall } from "./crossplane.js";
import { readIacObject } from "./iac-objects.js";
import { readCommands } from "./scripts.js";
import { withoutUnread, type Selector } from "./yaml-cut.js";

export { ROLE_ARN_ANNOTATION, TOKEN_EXPIRATION_ANNOTATION, serviceAccountAnnotations };

/** Where each workload kind keeps its pod template, as a path of keys from the object root. */
const POD_TEMPLATE_PATHS: Record<string, string[]> = {
  Pod: [],
  Deployment: ["spec", "template"],
  StatefulSet: ["spec", "template"],
  DaemonSet: ["spec", "template"],
  ReplicaSet: ["spec", "template"],
  ReplicationController: ["spec", "template"],
  Job: ["spec", "template"],
  CronJob: ["spec", "jobTemplate", "spec", "template"],
};

// Container environments: where credentials that win over the role may be set.
const CONTAINER: Shape = { name: true, env: { name: true, value: true, valueFrom: { secretKeyRef: { name: true } } }, envFrom: true };
const POD_SPEC: Shape = { serviceAccountName: true, serviceAccount: true, automountServiceAccountToken: true, containers: CONTAINER, initContainers: CONTAINER };
const POD_TEMPLATE: Shape = { metadata: { annotations: true }, spec: POD_SPEC };

/** The parts of a manifest irsa-lint reads: converting only these keeps large manifests cheap. */
export const MANIFEST: Shape = {
  apiVersion: true,
  kind: true,
  items: "root",
  metadata: { name: true, namespace: true, annotations: true },
  automountServiceAccountToken: true,
  iam: true,
  // eksctl add-ons and Auto Mode: whether the Pod Identity agent runs.
  addons: true,
  autoModeConfig: true,
  // eksctl node groups' instance metadata settings.
  nodeGroups: true,
  managedNodeGroups: true,
  Resources: true,
  // CloudFormation Fn::FindInMap reads the template's Mappings.
  Mappings: true,
  spec: {
    ...POD_SPEC,
    template: POD_TEMPLATE,
    jobTemplate: { spec: { template: POD_TEMPLATE } },
    // Flux HelmRelease and Argo CD Application: a release's values and namespace.
    values: true,
    targetNamespace: true,
    releaseName: true,
    chart: { spec: { chart: true } },
    source: { helm: true, chart: true, path: true, kustomize: true },
    sources: { helm: true, chart: true, path: true, kustomize: true },
    destination: { namespace: true },
    path: true,
    postBuild: true,
    // Flux Kustomization patches.
    patches: true,
    patchesStrategicMerge: true,
    patchesJson6902: true,
  },
};

/** Parses a YAML file as Kubernetes manifests (YAML 1.1, as the API server reads them: MANIFEST_YAML). */
export function parseKubernetes(file: string, text: string): FileParseResult {
  const result: FileParseResult = { declarations: emptyDeclarations(), diagnostics: [] };
  // An ApplicationSet's template is Go-templated text in plain YAML: read, its template actions unknown parts.
  if (helmTemplated(text) && !APPLICATION_SET.test(text)) {
    // A template of a ServiceAccount or workload is IRSA left unchecked; one of anything else is not.
    if (!TEMPLATED_KIND.test(text)) return { ...result, skipped: "a template ({{ }}) of no ServiceAccount or workload" };
    return { ...result, skipped: "Helm template ({{ }}), not plain YAML: lint its rendered output (helm template … | irsa-lint -)", unchecked: "template" };
  }
  if (WORKFLOW.test(file) && IRSA_COMMAND.test(text)) return parseWorkflow(file, text, result);
  // Most manifests (ConfigMaps, Services, Ingresses) cannot bear on IRSA: skip them unparsed.
  if (HELM_VALUES.test(file) && /serviceAccount:/.test(text)) return parseHelmValues(file, text, result);
  const kustomization = KUSTOMIZATION.test(file);
  if (!RELEVANT.test(text) && !kustomization) return { ...result, skipped: "no ServiceAccount, workload, eksctl or CloudFormation IAM in it" };

  const lines = new LineIndex(text);
  const deep = excessiveNesting(text);
  if (deep !== undefined) return { ...result, diagnostics: [yamlError(file, "nested too deeply to read", deep, (o) => lines.position(o))] };
  let sawKubernetes = false;
  for (const [start, end] of documentRanges(text, kustomization)) {
    const source = text.slice(start, end);
    // A Service or ConfigMap next to a Deployment cannot bear on IRSA either: leave it unparsed.
    if (start > 0 || end < text.length) if (!RELEVANT.test(source)) continue;
    // A ConfigMap or Secret that GitOps tools read variables from is small: a dashboard's is not read.
    if (end - start > MAX_CONFIG_DATA && CONFIG_DATA.test(source) && !OTHER_RELEVANT.test(source)) continue;
    // Objects other objects read (ConfigMaps, ApplicationSets) are read whole: which keys matter is known only later.
    const whole = kustomization || READ_WHOLE.test(source);
    const parsed = parseCut(source, whole ? undefined : MANIFEST_SELECTOR, (t) => parseAllDocuments(t, MANIFEST_YAML) as Document.Parsed[]);
    const position = (offset: number) => lines.position(start + parsed.original(offset));
    for (const doc of parsed.docs) {
      const problem = doc.errors[0];
      if (problem) {
        result.diagnostics.push(yamlError(file, problem.message, problem.pos[0], position));
        continue;
      }
      if (kustomization) {
        const value = yamlToValue(doc, doc.contents, file, position, { onDuplicateKey: duplicateWarning(result) });
        const k = readKustomization(file, value);
        result.declarations.kustomizations.push(k);
        result.declarations.configData.push(...generatedConfigData(value, k.namespace));
        sawKubernetes = true;
        continue;
      }
      const value = yamlToValue(doc, doc.contents, file, position, { ...(whole ? {} : { shape: MANIFEST }), placeholders: true, onDuplicateKey: duplicateWarning(result), source: parsed.text });
      if (isCloudFormation(value)) {
        readCloudFormation(file, value, result.declarations);
        result.declarations.infrastructure.push(file);
        sawKubernetes = true;
        continue;
      }
      for (const object of kubernetesObjects(value)) {
        sawKubernetes = true;
        readObject(object, result);
      }
    }
  }
  if (!sawKubernetes && result.diagnostics.length === 0) result.skipped = "no Kubernetes objects (no apiVersion and kind)";
  return result;
}

/**
 * Whether `{{` stands outside comments, and not as a GitHub Actions expression `${{ }}`: a
 * comment that mentions `{{` leaves the file plain YAML. Quotes are followed within a line, so a
 * `#` inside a quoted value starts no comment; a `{{` inside one is still a template.
 */
export function helmTemplated(text: string): boolean {
  if (!text.includes("{{")) return false;
  for (const line of text.split("\n")) {
    if (!line.includes("{{")) continue;
    let quote = "";
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (ch === "{" && line[i + 1] === "{" && line[i - 1] !== "$") return true;
      if (quote) {
        if (ch === quote) quote = "";
      } else if (ch === "#" && (i === 0 || line[i - 1] === " " || line[i - 1] === "\t")) break;
      else if ((ch === '"' || ch === "'") && (i === 0 || " \t:-[{,".includes(line[i - 1]))) quote = ch;
    }
  }
  return false;
}

const HELM_VALUES = /(^|\/)values(-[\w.-]+)?\.ya?ml$/;
const WORKFLOW = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/;
const IRSA_COMMAND = /eksctl\s+create\s+iamserviceaccount|aws\s+iam\s+(create-role|attach-role-policy|put-role-policy)/;

/** A GitHub workflow: the commands of its steps' `run:` scripts (see scripts.ts). */
function parseWorkflow(file: string, text: string, result: FileParseResult): FileParseResult {
  const lines = new LineIndex(text);
  const doc = parseDocument(text, MANIFEST_YAML);
  if (doc.errors[0]) return { ...result, diagnostics: [yamlError(file, doc.errors[0].message, doc.errors[0].pos[0], (o) => lines.position(o))] };
  const workflow = yamlToValue(doc, doc.contents, file, (o) => lines.position(o), { source: text });
  const jobs = getEntry(workflow, "jobs");
  for (const job of jobs?.kind === "object" ? jobs.entries.values() : [])
    for (const step of asItems(getEntry(job, "steps"))) {
      const run = getEntry(step, "run");
      if (run?.kind === "string") readCommands(file, run.value, { line: run.loc.line, column: run.loc.column, indent: run.blockIndent ?? run.loc.column - 1 }, result.declarations);
    }
  return result;
}

/**
 * A chart's values file: the ServiceAccounts its `serviceAccount` blocks configure (see
 * chartServiceAccounts). Their namespace is the release's, unknown here, so checks that need it skip them.
 */
function parseHelmValues(file: string, text: string, result: FileParseResult): FileParseResult {
  const lines = new LineIndex(text);
  const position = (offset: number) => lines.position(offset);
  const deep = excessiveNesting(text);
  if (deep !== undefined) return { ...result, diagnostics: [yamlError(file, "nested too deeply to read", deep, position)] };
  const { docs, text: read, original } = parseCut(text, chartValuesSelector(), (t) => [parseDocument(t, MANIFEST_YAML)]);
  const doc = docs[0];
  if (doc.errors[0]) {
    result.diagnostics.push(yamlError(file, doc.errors[0].message, doc.errors[0].pos[0], position));
    return result;
  }
  const at = (offset: number) => position(original(offset));
  const values = yamlToValue(doc, doc.contents, file, at, { placeholders: true, onDuplicateKey: duplicateWarning(result), source: read });
  const accounts = chartServiceAccounts(values, { origin: "helm" });
  if (!accounts.length) return { ...result, skipped: "Helm values without a ServiceAccount that has a name or an IRSA annotation" };
  result.declarations.serviceAccounts.push(...accounts);
  return result;
}

/**
 * Documents parsed from the text without what `select` does not read (see withoutUnread), with
 * the text parsed and the map from its offsets to the original's; parsed whole when there is
 * nothing to cut, or when the cut text has an error (then the error is the whole text's).
 */
function parseCut(source: string, select: Selector | undefined, parse: (text: string) => Document.Parsed[]): { docs: Document.Parsed[]; text: string; original: (offset: number) => number } {
  const cut = select && withoutUnread(source, select);
  if (cut && cut.text !== source) {
    const docs = parse(cut.text);
    if (docs.every((d) => !d.errors.length)) return { docs, ...cut };
  }
  return { docs: parse(source), text: source, original: (o) => o };
}

/**
 * Where each document of a YAML stream starts: at a `---` line, which ends any scalar or
 * collection before it. A stream with directives (`%YAML`, `%TAG`) is kept whole, since a
 * directive belongs to the document after it.
 */
function documentRanges(text: string, whole: boolean): Array<[number, number]> {
  if (whole || /^%/m.test(text)) return [[0, text.length]];
  const starts = [0];
  for (const m of text.matchAll(/^---(?=[ \t\r\n]|$)/gm)) if (m.index > 0) starts.push(m.index);
  return starts.map((s, i) => [s, starts[i + 1] ?? text.length]);
}

export const MANIFEST_SELECTOR = shapeSelector(MANIFEST);

const KUSTOMIZATION = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;
const RELEVANT = new RegExp(`\\bkind:\\s*["']?(ServiceAccount|List|[A-Za-z]*List|ClusterConfig|HelmRelease|Application|ApplicationSet|Kustomization|ConfigMap|Secret|ControllerConfig|DeploymentRuntimeConfig|Provider|Role|Policy|RolePolicyAttachment|${Object.keys(POD_TEMPLATE_PATHS).join("|")})\\b|\\bResources:`);
const APPLICATION_SET = /^kind:\s*["']?ApplicationSet\b/m;
const CONFIG_DATA = /^kind:\s*["']?(ConfigMap|Secret)\b/m;
const OTHER_RELEVANT = new RegExp(`^kind:\\s*["']?(ServiceAccount|HelmRelease|Application|ApplicationSet|Kustomization|ClusterConfig|[A-Za-z]*List|${Object.keys(POD_TEMPLATE_PATHS).join("|")})\\b`, "m");
const MAX_CONFIG_DATA = 32 * 1024;
/** Kinds read whole, without cutting what MANIFEST does not name. */
const READ_WHOLE = /^kind:\s*["']?(ApplicationSet|ConfigMap|Secret)\b|^apiVersion:\s*["']?(iam\.aws\.crossplane\.io|iam\.aws\.upbound\.io|iam\.services\.k8s\.aws|pkg\.crossplane\.io)\//m;

/** A template's own kind, at the start of a line (a RoleBinding's subjects name ServiceAccounts too). */
const TEMPLATED_KIND = new RegExp(`^kind:\\s*["']?(ServiceAccount|${Object.keys(POD_TEMPLATE_PATHS).join("|")})\\b`, "m");

function readKustomization(file: string, v: Value): KustomizationDecl {
  const strings = (key: string) => asItems(getEntry(v, key)).map(knownString).filter((s): s is string => s !== undefined);
  return { file, namespace: knownString(getEntry(v, "namespace")), resources: [...strings("resources"), ...strings("bases")], patches: readPatches(v) };
}

/**
 * A kustomization's configMapGenerator and secretGenerator entries, as the ConfigMaps and Secrets
 * they make: `literals` (`KEY=value`) read, keys of `env`/`envs`/`files` not (the files are other
 * files of the scan), so such an entry is partial.
 */
function generatedConfigData(v: Value, namespace: string | undefined): ConfigDataDecl[] {
  return (["ConfigMap", "Secret"] as const).flatMap((kind) =>
    asItems(getEntry(v, kind === "ConfigMap" ? "configMapGenerator" : "secretGenerator")).flatMap((g) => {
      const name = knownString(getEntry(g, "name"));
      if (name === undefined) return [];
      const data = new Map<string, Value>();
      for (const literal of asItems(getEntry(g, "literals"))) {
        const text = knownString(literal);
        const eq = text?.indexOf("=") ?? -1;
        if (text !== undefined && eq > 0) data.set(text.slice(0, eq).trim(), { kind: "string", value: text.slice(eq + 1), loc: literal.loc });
      }
      const partial = ["env", "envs", "files"].some((key) => getEntry(g, key) !== undefined);
      const at = getEntry(g, "name")!.loc;
      return [{ kind, name, namespace: knownString(getEntry(g, "namespace")) ?? namespace, data, labels: new Map(), annotations: new Map(), loc: at, generated: { partial } }];
    }),
  );
}

/** kubectl reads a repeated key as its last value: so does irsa-lint, with a warning. */
function duplicateWarning(result: FileParseResult): (key: string, loc: SourceLocation) => void {
  return (key, loc) => result.diagnostics.push({ level: "warning", message: `key ${JSON.stringify(key)} is repeated: its last value is used, as kubectl does`, location: loc });
}

function yamlError(file: string, message: string, offset: number, position: (o: number) => { line: number; column: number }): Diagnostic {
  const p = position(offset);
  return {
    level: "error",
    message: `YAML syntax error: ${yamlMessage(message)}`,
    location: { file, line: p.line, column: p.column, endLine: p.line, endColumn: p.column + 1 },
  };
}

/** The Kubernetes objects in one YAML document: itself, or the items of a `kind: List`. */
function kubernetesObjects(doc: Value): Value[] {
  const kind = knownString(getEntry(doc, "kind"));
  if (!kind || !knownString(getEntry(doc, "apiVersion"))) return [];
  if (kind === "List" || kind.endsWith("List")) return asItems(getEntry(doc, "items")).flatMap(kubernetesObjects);
  return [doc];
}

function path(v: Value | undefined, keys: string[]): Value | undefined {
  return keys.reduce<Value | undefined>((cur, key) => getEntry(cur, key), v);
}

/** The Kubernetes objects of one document another tool renders (a Terraform `kubectl_manifest`), read as a manifest's. */
export function readManifestValue(doc: Value, result: FileParseResult): void {
  if (isCloudFormation(doc)) return;
  for (const object of kubernetesObjects(doc)) readObject(object, result);
}

function readObject(object: Value, result: FileParseResult): void {
  const kind = knownString(getEntry(object, "kind"))!;
  if (readGitOpsObject(kind, object, result.declarations) || readIacObject(kind, object, result.declarations)) return;
  const metadata = getEntry(object, "metadata");
  const nameValue = getEntry(metadata, "name");
  const name = knownString(nameValue);
  // A release's name may be a placeholder (`app-{{name}}`): its values still configure ServiceAccounts.
  if (kind === "HelmRelease" || (kind === "Application" && knownString(getEntry(object, "apiVersion"))?.startsWith("argoproj.io/"))) {
    result.declarations.serviceAccounts.push(...releaseServiceAccounts(kind, object, knownString(getEntry(metadata, "namespace"))));
    if (kind === "Application") result.declarations.applications.push({ name: name ?? "(unnamed)", application: object, loc: nameValue?.loc ?? object.loc });
    // Crossplane's own chart: where its providers' ServiceAccounts are created.
    const spec = getEntry(object, "spec");
    if (kind === "HelmRelease") crossplaneInstall(getEntry(getEntry(getEntry(spec, "chart"), "spec"), "chart"), getEntry(spec, "targetNamespace") ?? unknown("without targetNamespace, the release goes to the HelmRelease's namespace, which a kustomization may set", object.loc), result.declarations, getEntry(spec, "targetNamespace") ? undefined : getEntry(metadata, "namespace"));
    else for (const source of [getEntry(spec, "source"), ...asItems(getEntry(spec, "sources"))]) crossplaneInstall(getEntry(source, "chart"), getEntry(getEntry(spec, "destination"), "namespace") ?? unknown("the Application's destination namespace is not written", object.loc), result.declarations);
    return;
  }
  if (!name || !nameValue) return;
  // Without metadata.namespace, kubectl applies the object to whatever namespace it is told (-n):
  // grouped with its neighbours as "default", but not known for checks that compare it.
  const declared = knownString(getEntry(metadata, "namespace"));
  const namespace = declared ?? "default";
  const annotations = getEntry(metadata, "annotations");

  if (kind === "ClusterConfig" && knownString(getEntry(object, "apiVersion"))?.startsWith("eksctl.io/")) {
    readEksctl(object, result.declarations);
    result.declarations.infrastructure.push(object.loc.file);
    return;
  }

  if (kind === "ServiceAccount") {
    const sa: ServiceAccountDecl = {
      name,
      namespace,
      ...(declared === undefined ? { namespaceKnown: false } : {}),
      loc: nameValue.loc,
      ...serviceAccountAnnotations((key) => getEntry(annotations, key)),
      automount: getEntry(object, "automountServiceAccountToken"),
      origin: "kubernetes",
    };
    result.declarations.serviceAccounts.push(sa);
    return;
  }

  const templatePath = POD_TEMPLATE_PATHS[kind];
  if (!templatePath) return;
  const template = templatePath.length ? path(object, templatePath) : object;
  const podSpec = getEntry(template, "spec");
  if (!podSpec) return;
  result.declarations.workloads.push(readWorkload(kind, name, namespace, nameValue.loc, template, podSpec));
}

function readWorkload(kind: string, name: string, namespace: string, loc: SourceLocation, template: Value | undefined, podSpec: Value): WorkloadDecl {
  const saValue = getEntry(podSpec, "serviceAccountName") ?? getEntry(podSpec, "serviceAccount");
  const annotations = path(template, ["metadata", "annotations"]);
  return {
    kind,
    name,
    namespace,
    loc,
    serviceAccountName: knownString(saValue) ?? "default",
    // Without serviceAccountName, the pod spec's `spec:` key: a span that edits to its containers leave alone.
    serviceAccountLoc: saValue?.loc ?? (template?.kind === "object" ? template.keyLocs.get("spec") : undefined) ?? podSpec.loc,
    tokenExpiration: getEntry(annotations, TOKEN_EXPIRATION_ANNOTATION),
    automount: getEntry(podSpec, "automountServiceAccountToken"),
    roleArn: getEntry(annotations, ROLE_ARN_ANNOTATION),
    skipContainers: getEntry(annotations, "eks.amazonaws.com/skip-containers"),
    containerNames: asItems(getEntry(podSpec, "containers")).map((c) => knownString(getEntry(c, "name")) ?? "").filter(Boolean),
    containers: [...asItems(getEntry(podSpec, "containers")), ...asItems(getEntry(podSpec, "initContainers"))].map(readContainer),
  };
}

function readContainer(c: Value): ContainerDecl {
  const env = asItems(getEntry(c, "env")).flatMap((e) => {
    const name = knownString(getEntry(e, "name"));
    if (name === undefined) return [];
    const secret = getEntry(getEntry(getEntry(e, "valueFrom"), "secretKeyRef"), "name");
    return [{ name, value: getEntry(e, "value"), ...(secret ? { fromSecret: knownString(secret) ?? "(not known)" } : {}), loc: getEntry(e, "name")!.loc }];
  });
  const envFrom = asItems(getEntry(c, "envFrom")).flatMap((f) => {
    const [kind, ref] = getEntry(f, "secretRef") ? (["Secret", getEntry(f, "secretRef")] as const) : (["ConfigMap", getEntry(f, "configMapRef")] as const);
    const name = knownString(getEntry(ref, "name"));
    return name === undefined ? [] : [{ kind, name, prefix: knownString(getEntry(f, "prefix")) ?? "", loc: getEntry(ref, "name")!.loc }];
  });
  return { name: knownString(getEntry(c, "name")) ?? "", loc: c.loc, env, envFrom };
}
