import type { Declarations } from "../core/declarations.js";
import type { SourceLocation } from "../core/location.js";
import { asItems, getEntry, knownString, str, unknown, withOrigin, type Origin, type Value } from "../core/value.js";
import { parseRenderedYaml } from "./rendered-yaml.js";
import { serviceAccountAnnotations } from "./kubernetes-annotations.js";

/**
 * `terraform show -json` of a plan or of a state (Terraform's JSON output format: `format_version`
 * and `terraform_version` at the top): the resources as Terraform will create them, with the
 * values variables and tfvars gave. Read from `planned_values` (a plan) or `values` (a state), root
 * and child modules; an attribute `resource_changes[].change.after_unknown` marks is known only
 * after apply, and an attribute that refers to another resource (`configuration` expressions'
 * `references`) links by reference, as in HCL. Policy documents are JSON strings, parsed with
 * their positions in this file. Ids are `plan:<address>`, the resource addresses of the plan.
 */
export function isTerraformJsonOutput(v: Value | undefined): boolean {
  return knownString(getEntry(v, "format_version")) !== undefined && knownString(getEntry(v, "terraform_version")) !== undefined;
}

export function readTerraformPlan(plan: Value, out: Declarations): void {
  const unknownAfter = new Map<string, Value>();
  for (const change of asItems(getEntry(plan, "resource_changes"))) {
    const address = knownString(getEntry(change, "address"));
    const after = getEntry(getEntry(change, "change"), "after_unknown");
    if (address && after) unknownAfter.set(address, after);
  }
  const references = configurationReferences(getEntry(plan, "configuration"));
  const root = getEntry(getEntry(plan, "planned_values") ?? getEntry(plan, "values"), "root_module");
  for (const resource of moduleResources(root)) {
    const address = knownString(getEntry(resource, "address"));
    const type = knownString(getEntry(resource, "type"));
    const values = getEntry(resource, "values");
    if (!address || !type || knownString(getEntry(resource, "mode")) === "data" || values?.kind !== "object") continue;
    const originOf = (name: string): Origin | undefined => {
      const refs = references.get(`${configAddress(address)}.${name}`) ?? [];
      const reference = refs.map((r) => /^(?:module\.[^.]+\.)*aws_iam_role\.[^.]+\.(arn|name|id)$/.exec(r)).find(Boolean);
      return reference ? { address: `plan:${modulePrefix(address)}${reference[0].replace(/\.(arn|name|id)$/, "")}`, type: "aws_iam_role", attribute: reference[1] } : undefined;
    };
    const attr = (name: string): Value | undefined => {
      const v = getEntry(values, name);
      const pending = getEntry(unknownAfter.get(address), name);
      const origin = originOf(name);
      if (knownString(pending) === "true" || ((!v || v.kind === "null") && pending)) return { ...unknown(`${address}.${name} is known after apply`, v?.loc ?? resource.loc), ...(origin ? { origin } : {}) };
      if (!v || v.kind === "null") return undefined;
      return origin ? withOrigin(v, origin) : v;
    };
    const id = `plan:${address}`;
    const at = getEntry(resource, "address")!.loc;
    const pendingAnnotation = knownString(getEntry(getEntry(asItems(getEntry(unknownAfter.get(address), "metadata"))[0], "annotations"), "eks.amazonaws.com/role-arn")) === "true";
    readResource(type, id, address, attr, at, out, pendingAnnotation ? { ...unknown(`${address}'s role annotation is known after apply`, at), ...(originOf("metadata") ? { origin: originOf("metadata")! } : {}) } : undefined);
  }
}

function readResource(type: string, id: string, address: string, attr: (name: string) => Value | undefined, at: SourceLocation, out: Declarations, pendingRoleArn?: Value): void {
  const document = (v: Value | undefined) => (v && (v.kind === "string" || v.kind === "template") ? (parseRenderedYaml(v)[0] ?? unknown("the policy document is not valid JSON", v.loc)) : v);
  const name = attr("name") ?? unknown(`${address}.name is known after apply`, at);
  switch (type) {
    case "aws_iam_role":
      out.roles.push({ id, address, name, path: attr("path") ?? str("/", at), trust: document(attr("assume_role_policy")), loc: at, inlinePolicies: [], attachedPolicyArns: asItems(attr("managed_policy_arns")) });
      return;
    case "aws_iam_policy":
      out.policies.push({ id, address, name, path: attr("path") ?? str("/", at), document: document(attr("policy")) ?? unknown("no policy", at), loc: at });
      return;
    case "aws_iam_role_policy":
      out.attachments.push({ role: attr("role") ?? unknown("role not known", at), inline: { id, address, name, path: str("/", at), document: document(attr("policy")) ?? unknown("no policy", at), loc: at }, loc: at });
      return;
    case "aws_iam_role_policy_attachment":
      out.attachments.push({ role: attr("role") ?? unknown("role not known", at), policyArn: attr("policy_arn") ?? unknown("policy_arn not known", at), loc: at });
      return;
    case "aws_iam_openid_connect_provider":
      out.oidcProviders.push({ id, url: attr("url") ?? unknown("url not known", at), clientIds: attr("client_id_list") ?? unknown("client_id_list not known", at), loc: at });
      return;
    case "aws_eks_pod_identity_association":
      out.podIdentityAssociations.push({ namespace: attr("namespace") ?? unknown("namespace not known", at), serviceAccount: attr("service_account") ?? unknown("service_account not known", at), roleArn: attr("role_arn") ?? unknown("role_arn not known", at), ...(attr("disable_session_tags") ? { disableSessionTags: attr("disable_session_tags")! } : {}), ...(attr("target_role_arn") ? { targetRoleArn: attr("target_role_arn")! } : {}), loc: at });
      return;
    case "aws_launch_template": {
      const options = asItems(attr("metadata_options"))[0];
      const entry = (key: string, as: "httpTokens" | "hopLimit") => {
        const v = getEntry(options, key);
        return v && v.kind !== "null" ? { [as]: v } : {};
      };
      if (options) out.nodeMetadata.push({ owner: address, ...entry("http_tokens", "httpTokens"), ...entry("http_put_response_hop_limit", "hopLimit") });
      return;
    }
    case "kubernetes_service_account":
    case "kubernetes_service_account_v1": {
      const metadata = asItems(attr("metadata"))[0];
      const saName = knownString(getEntry(metadata, "name"));
      if (!metadata || saName === undefined) return;
      const namespace = knownString(getEntry(metadata, "namespace")) ?? "default";
      const annotations = getEntry(metadata, "annotations");
      // An annotation known only after apply that refers to a role's arn links by reference.
      const roleArn = getEntry(annotations, "eks.amazonaws.com/role-arn") ?? pendingRoleArn;
      out.serviceAccounts.push({ name: saName, namespace, loc: getEntry(metadata, "name")!.loc, ...serviceAccountAnnotations((k) => getEntry(annotations, k)), ...(roleArn ? { roleArn } : {}), origin: "terraform" });
      return;
    }
  }
}

/** Every resource of a module and its child modules (`planned_values.root_module`). */
function moduleResources(module: Value | undefined): Value[] {
  if (!module) return [];
  return [...asItems(getEntry(module, "resources")), ...asItems(getEntry(module, "child_modules")).flatMap(moduleResources)];
}

/** `module.a["x"].aws_iam_role.b[0]` → `module.a.aws_iam_role.b`: the configuration's address of an instance. */
function configAddress(address: string): string {
  return address.replace(/\[[^\]]*\]/g, "");
}

/** `module.a.module.b.` of an address, its instance keys dropped. */
function modulePrefix(address: string): string {
  return (/^((?:module\.[^.]+\.)*)/.exec(configAddress(address))?.[1]) ?? "";
}

/**
 * `configuration.root_module` (and module calls' `module.resources`): each resource attribute's
 * `references`, by `<module path>.<type>.<name>.<attribute>`; nested blocks' attributes by the
 * block's name (the annotations of `metadata` are the references of `metadata`).
 */
function configurationReferences(configuration: Value | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const visit = (module: Value | undefined, prefix: string) => {
    for (const r of asItems(getEntry(module, "resources"))) {
      const address = knownString(getEntry(r, "address"));
      const expressions = getEntry(r, "expressions");
      if (!address || expressions?.kind !== "object") continue;
      for (const [name, expression] of expressions.entries) {
        const refs = collectReferences(expression).map((ref) => `${prefix}${ref}`);
        if (refs.length) out.set(`${prefix}${address}.${name}`, refs);
      }
    }
    const calls = getEntry(module, "module_calls");
    if (calls?.kind === "object") for (const [name, call] of calls.entries) visit(getEntry(call, "module"), `${prefix}module.${name}.`);
  };
  visit(getEntry(configuration, "root_module"), "");
  return out;
}

function collectReferences(expression: Value): string[] {
  if (expression.kind === "list") return expression.items.flatMap(collectReferences);
  const direct = asItems(getEntry(expression, "references")).map(knownString).filter((s): s is string => !!s);
  if (direct.length || expression.kind !== "object") return direct;
  // A nested block (`metadata`) is a list of objects of expressions.
  return [...expression.entries.values()].flatMap((v) => (v.kind === "list" ? v.items.flatMap(collectReferences) : v.kind === "object" ? collectReferences(v) : []));
}
