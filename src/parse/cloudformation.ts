import { parseRenderedYaml } from "./rendered-yaml.js";
import type { ClusterRef, Declarations, PolicyDecl } from "../core/declarations.js";
import { asItems, getEntry, knownString, list, str, unknown, type Value } from "../core/value.js";
import { intrinsics } from "./cloudformation-intrinsics.js";

/**
 * IAM in a CloudFormation (or CDK output) template: roles, managed and inline policies, OIDC
 * providers and Pod Identity associations; for the cluster rules, EKS clusters, add-ons, Fargate
 * profiles and launch templates' metadata options. Intrinsic functions are resolved as far as the template
 * alone allows (cloudformation-intrinsics.ts); `Ref` to a role or policy of the same template links to it.
 */
export function isCloudFormation(v: Value | undefined): boolean {
  const resources = getEntry(v, "Resources");
  return resources?.kind === "object" && [...resources.entries.values()].some((r) => knownString(getEntry(r, "Type"))?.startsWith("AWS::"));
}

export function readCloudFormation(file: string, template: Value, out: Declarations): void {
  const resources = getEntry(template, "Resources");
  if (resources?.kind !== "object") return;
  const id = (logicalId: string) => `${file}#${logicalId}`;
  const resolve = intrinsics(template);
  const each = [...resources.entries].map(([logicalId, resource]) => {
    const props = getEntry(resource, "Properties");
    const prop = (name: string) => {
      const v = getEntry(props, name);
      return v ? resolve(v) : undefined;
    };
    return { logicalId, type: knownString(getEntry(resource, "Type")), props, prop, at: resources.keyLocs.get(logicalId) ?? resource.loc };
  });
  const policyOf = ({ logicalId, type, prop, at }: (typeof each)[number]): PolicyDecl => ({
    id: id(logicalId),
    name: prop(type === "AWS::IAM::Policy" ? "PolicyName" : "ManagedPolicyName") ?? str(logicalId, at),
    path: prop("Path") ?? str("/", at),
    document: documentOf(prop("PolicyDocument")) ?? unknown("no PolicyDocument", at),
    loc: at,
  });
  // `!Ref Cluster` names this template's cluster; anything else by its name.
  const clusterOf = (v: Value | undefined): ClusterRef | undefined => (!v ? undefined : refTarget(v) ? { id: id(refTarget(v)!) } : { name: resolve(v) });
  const managed = new Map(each.filter((r) => r.type === "AWS::IAM::ManagedPolicy").map((r) => [r.logicalId, policyOf(r)]));
  for (const resource of each) {
    const { logicalId, type, props, prop, at } = resource;
    if (type === "AWS::IAM::Role") {
      out.roles.push({
        id: id(logicalId),
        name: prop("RoleName") ?? unknown(`CloudFormation generates the name of ${logicalId}`, at),
        ...(prop("RoleName") ? {} : { generatedSuffix: "cloudformation" as const }),
        path: prop("Path") ?? str("/", at),
        trust: documentOf(prop("AssumeRolePolicyDocument")),
        loc: at,
        inlinePolicies: asItems(prop("Policies")).map((p, i) => ({
          id: `${id(logicalId)}/Policies/${i}`,
          name: getEntry(p, "PolicyName") ?? str(`${logicalId} policy ${i}`, p.loc),
          path: str("/", p.loc),
          document: documentOf(getEntry(p, "PolicyDocument")) ?? unknown("no PolicyDocument", p.loc),
          loc: p.loc,
        })),
        attachedPolicyArns: asItems(getEntry(props, "ManagedPolicyArns")).filter((a) => !refTarget(a)).map(resolve),
        label: prop("RoleName") && knownString(prop("RoleName")) ? undefined : `${logicalId} (CloudFormation)`,
      });
      // ManagedPolicyArns: [!Ref Policy] of this template attach that policy's document.
      for (const a of asItems(getEntry(props, "ManagedPolicyArns"))) {
        const policy = managed.get(refTarget(a) ?? "");
        if (policy) out.attachments.push({ role: unknown(logicalId, a.loc), inline: policy, loc: a.loc, roleId: id(logicalId) });
      }
    } else if (type === "AWS::IAM::ManagedPolicy" || type === "AWS::IAM::Policy") {
      const policy = managed.get(logicalId) ?? policyOf(resource);
      for (const r of asItems(getEntry(props, "Roles"))) {
        const target = refTarget(r);
        out.attachments.push({ role: target ? unknown(target, r.loc) : resolve(r), inline: policy, loc: r.loc, ...(target ? { roleId: id(target) } : {}) });
      }
    } else if (type === "AWS::IAM::OIDCProvider") {
      out.oidcProviders.push({ id: id(logicalId), url: prop("Url") ?? unknown("no Url", at), clientIds: prop("ClientIdList") ?? list([], at), loc: at });
    } else if (type === "AWS::EC2::LaunchTemplate") {
      const options = getEntry(getEntry(props, "LaunchTemplateData"), "MetadataOptions");
      if (options?.kind === "object") {
        const entry = (key: string) => {
          const v = getEntry(options, key);
          return v ? { [key === "HttpTokens" ? "httpTokens" : "hopLimit"]: resolve(v) } : {};
        };
        out.nodeMetadata.push({ owner: `${logicalId} (AWS::EC2::LaunchTemplate)`, ...entry("HttpTokens"), ...entry("HttpPutResponseHopLimit") });
      }
    } else if (type === "AWS::EKS::Cluster") {
      const autoMode = getEntry(prop("ComputeConfig"), "Enabled");
      out.clusters.push({ id: id(logicalId), label: `${logicalId} (AWS::EKS::Cluster)`, name: prop("Name") ?? unknown(`CloudFormation generates the name of ${logicalId}`, at), ...(autoMode ? { autoMode } : {}), loc: at });
    } else if (type === "AWS::EKS::Addon") {
      out.addons.push({ name: prop("AddonName") ?? unknown("no AddonName", at), cluster: clusterOf(getEntry(props, "ClusterName")), loc: at });
    } else if (type === "AWS::EKS::FargateProfile") {
      const selectors = prop("Selectors");
      const cluster = clusterOf(getEntry(props, "ClusterName"));
      if (selectors && selectors.kind !== "list") out.fargateSelectors.push({ profile: logicalId, cluster, namespace: unknown("Selectors not known", selectors.loc), labels: false, loc: selectors.loc });
      for (const selector of asItems(selectors)) {
        const namespace = getEntry(selector, "Namespace");
        const labels = getEntry(selector, "Labels");
        if (namespace) out.fargateSelectors.push({ profile: logicalId, cluster, namespace, labels: !!labels && labels.kind !== "null" && !(labels.kind === "list" && !labels.items.length), loc: namespace.loc });
      }
    } else if (type === "AWS::EKS::PodIdentityAssociation") {
      out.podIdentityAssociations.push({
        cluster: clusterOf(getEntry(props, "ClusterName")),
        namespace: prop("Namespace") ?? unknown("no Namespace", at),
        serviceAccount: prop("ServiceAccount") ?? unknown("no ServiceAccount", at),
        roleArn: prop("RoleArn") ?? unknown("no RoleArn", at),
        ...(prop("DisableSessionTags") ? { disableSessionTags: prop("DisableSessionTags")! } : {}),
        ...(prop("TargetRoleArn") ? { targetRoleArn: prop("TargetRoleArn")! } : {}),
        loc: at,
      });
    }
  }
}

/** The logical id a `Ref` names, or undefined. */
function refTarget(v: Value): string | undefined {
  return v.kind === "object" && v.entries.size === 1 ? knownString(v.entries.get("Ref")) : undefined;
}

/**
 * A policy document written as one JSON string (`!Sub |` around `"${OidcProvider}:sub"`, the usual
 * way around condition keys that cannot be intrinsics): parsed, its substituted parts unknown.
 */
function documentOf(v: Value | undefined): Value | undefined {
  if (v?.kind !== "string" && v?.kind !== "template") return v;
  return parseRenderedYaml(v)[0] ?? v;
}
