import type { AddonDecl, ClusterDecl, ClusterRef, FargateSelectorDecl, ClusterWithoutOidcDecl, ConfigDataDecl, NodeMetadataDecl, OidcProviderDecl, PodIdentityAssociationDecl, RoleDecl, ServiceAccountDecl, WorkloadDecl } from "../core/declarations.js";
import type { SourceLocation } from "../core/location.js";
import type { Value } from "../core/value.js";
import type { IamCatalog } from "../iam/catalog.js";
import type { PolicyDocument } from "../iam/document.js";

/** The linked model every rule reads: declarations plus the edges between them. */
export interface ServiceAccount extends ServiceAccountDecl {
  /** `namespace/name`. */
  key: string;
}

export interface Workload extends WorkloadDecl {
  serviceAccount?: ServiceAccount;
}

export interface Role {
  id: string;
  /** Best readable name: the known name, the prefix with `*`, or the Terraform address. */
  displayName: string;
  name: Value;
  namePrefix?: Value;
  generatedSuffix?: RoleDecl["generatedSuffix"];
  path: Value;
  /** Set for roles from IAM exports, whose ARN names the account. */
  arn?: Value;
  trust?: PolicyDocument;
  trustSource?: RoleDecl["trust"];
  policies: AttachedPolicy[];
  loc: SourceLocation;
  generatedTrust: boolean;
  /** From a block whose count or for_each is not known: it stands for all its instances. */
  instancesUnknown: boolean;
  /** Declared in a folder that is a module no scanned root calls: with an unknown name, a template. */
  template: boolean;
  /** The folder it is deployed from (its Terraform root, else its file's folder): links prefer the nearest role. */
  site: string;
  /** A copy a patch renamed: its trust and policies are those of the base, which findings about them name. */
  patchOf?: string;
}

export interface AttachedPolicy {
  displayName: string;
  kind: "inline" | "managed";
  /** Managed policies: the attached ARN, known or partial. */
  arn?: Value;
  /** Missing for managed policies that are not in the scan (AWS managed, other repos). */
  document?: PolicyDocument;
  /** Where the attachment is declared. */
  attachedAt: SourceLocation;
}

export type OidcProvider = OidcProviderDecl;

export interface PodIdentityAssociation extends Omit<PodIdentityAssociationDecl, "serviceAccount"> {
  serviceAccountName: PodIdentityAssociationDecl["serviceAccount"];
  serviceAccount?: ServiceAccount;
  roles: Role[];
  /** The roles `target_role_arn` names for certain. */
  targetRoles: Role[];
}

/**
 * What a role ARN (an annotation, a Pod Identity association) names among the scanned roles. Only
 * `roles` is ever a finding's premise: a "maybe" never is.
 */
export interface RoleLink {
  /** The roles it names for certain: by reference to their declaration, by name, or as the only role whose name can be it. */
  roles: Role[];
  via?: "reference" | "name" | "pattern";
  /** What the link assumed when it was not by reference or by the one role of that name ("the nearest role named x"). */
  assumed?: string;
  /** The ARN's project declares no role: a name no scanned role has is not resolved there, never missing. */
  projectWithoutRoles?: string;
  /** Roles it may name: their name has unknown parts that fit, or the ARN's name does. */
  candidates: Role[];
  /** Roles of a wholly unknown name, any of which could be the one. */
  blockers: Role[];
  /** Set when the ARN itself cannot name a scanned role: why (unknown value, a role looked up from AWS, ...). */
  unresolved?: string;
  /** The role name the ARN's text gives, when it gives one. */
  name?: string;
}

export interface IrsaModel {
  serviceAccounts: ServiceAccount[];
  workloads: Workload[];
  roles: Role[];
  /**
   * The roles findings about a role's own trust and policies may name: all of them, those behind a
   * count or for_each not known included (they stand for one instance that may exist, and what is
   * wrong with it is wrong with each instance).
   */
  reportedRoles: Role[];
  oidcProviders: OidcProvider[];
  podIdentityAssociations: PodIdentityAssociation[];
  /** Policy documents found on their own (IAM JSON files). */
  documents: PolicyDocument[];
  /** What a role ARN value names: for an IRSA annotation by default, or for a Pod Identity association. */
  linkOf(arn: Value, purpose?: "irsa" | "pod-identity"): RoleLink;
  /** ServiceAccounts whose annotation names the role for certain. */
  serviceAccountsOf(role: Role): ServiceAccount[];
  /** Whether some annotation names the role, for certain or maybe: enough to keep a rule quiet, never to fire one. */
  mayBeAnnotated(role: Role): boolean;
  /** The roles a ServiceAccount's annotation names for certain. */
  rolesOf(sa: ServiceAccount): Role[];
  /** Files that may declare roles and could not be parsed: "no role has that name" then says so. */
  unparsedRoleSources: string[];
  workloadsOf(sa: ServiceAccount): Workload[];
  serviceAccount(namespace: string, name: string): ServiceAccount | undefined;
  /** IAM actions of the services the scanned policies name; undefined when not loaded. */
  catalog?: IamCatalog;
  /**
   * The ConfigMaps or Secrets of the scan of that name in the namespace (a pod's envFrom source):
   * a base's and each overlay generator's, any of which may be the one deployed.
   */
  configData(kind: "ConfigMap" | "Secret", name: string, namespace: string): ConfigDataDecl[];
  /** EKS clusters the scan creates without an IAM OIDC provider. */
  clustersWithoutOidc: ClusterWithoutOidcDecl[];
  /** The project of a file: the nearest enclosing folder holding infrastructure code ("" the scan's root). */
  projectOf(file: string): string;
  /** The add-ons (and add-on charts) the scan installs, and its Fargate profiles' selectors. */
  addons: AddonDecl[];
  fargateSelectors: FargateSelectorDecl[];
  /** The scanned cluster a reference names: its declaration, or the one cluster of that known name. */
  clusterOf(ref: ClusterRef | undefined): ClusterDecl | undefined;
  /** Instance metadata settings of the scan's node groups and launch templates, as written. */
  nodeMetadata: NodeMetadataDecl[];
  /** Whether an EKS Pod Identity association names the ServiceAccount. */
  podIdentityOf(sa: ServiceAccount): PodIdentityAssociation | undefined;
}
