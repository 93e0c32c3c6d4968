import type { OidcProviderDecl, PodIdentityAssociationDecl, RoleDecl, ServiceAccountDecl, WorkloadDecl } from "../core/declarations.js";
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
  path: Value;
  /** Set for roles from IAM exports, whose ARN names the account. */
  arn?: Value;
  trust?: PolicyDocument;
  trustSource?: RoleDecl["trust"];
  policies: AttachedPolicy[];
  loc: SourceLocation;
  generatedTrust: boolean;
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
}

export interface RoleLookup {
  roles: Role[];
  /** True when a scanned role's name is not known, so "no role matches" cannot be claimed. */
  undecidable: boolean;
}

export interface IrsaModel {
  serviceAccounts: ServiceAccount[];
  workloads: Workload[];
  roles: Role[];
  oidcProviders: OidcProvider[];
  podIdentityAssociations: PodIdentityAssociation[];
  /** Policy documents found on their own (IAM JSON files). */
  documents: PolicyDocument[];
  /** The roles an annotation value names; empty when none does. */
  rolesForArn(arn: Value): RoleLookup;
  /** ServiceAccounts whose annotation links to the role. */
  serviceAccountsOf(role: Role): ServiceAccount[];
  rolesOf(sa: ServiceAccount): Role[];
  workloadsOf(sa: ServiceAccount): Workload[];
  serviceAccount(namespace: string, name: string): ServiceAccount | undefined;
  /** IAM actions of the services the scanned policies name; undefined when not loaded. */
  catalog?: IamCatalog;
}
