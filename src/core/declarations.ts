import type { SourceLocation } from "./location.js";
import type { Value } from "./value.js";

/**
 * What the parsers and the Terraform evaluator hand to the linker: one record per declared object,
 * every field a located Value. Nothing here is linked or judged yet.
 */

export interface ServiceAccountDecl {
  name: string;
  namespace: string;
  /** The `metadata.name` value (or the Terraform block): where findings about the account point. */
  loc: SourceLocation;
  roleArn?: Value;
  tokenExpiration?: Value;
  audience?: Value;
  automount?: Value;
  stsRegionalEndpoints?: Value;
  origin: "kubernetes" | "terraform" | "eksctl" | "helm";
  /** False for a chart's values: the release namespace is chosen at install time. */
  namespaceKnown?: boolean;
  /** False when the name is a value irsa-lint cannot resolve: the ServiceAccount may be any. */
  nameKnown?: boolean;
  /**
   * For a chart's ServiceAccount of unknown name: the names Helm's fullname convention gives it
   * (the release name when it holds the chart's name, else `<release>-<chart>`). They may mark a
   * link checked; they are never a finding's premise.
   */
  conventionalNames?: string[];
  /**
   * Its name is this and a hash someone else chooses: a Crossplane provider's ServiceAccount is
   * named after its ProviderRevision, `<provider>-<12 hex digits>`. Compared as every such name.
   */
  namePrefix?: string;
  /** A Crossplane provider's ServiceAccount as its runtime configuration describes it: the engine names it from the Providers that use it. */
  crossplaneConfig?: { kind: "ControllerConfig" | "DeploymentRuntimeConfig"; name: string };
  /** How a GitOps tool carried a value into it (a Flux substitution, an ApplicationSet generator), hop by hop. */
  provenance?: Provenance[];
}

/** One hop of a value a GitOps tool carries: what it came through, and where that is written. */
export interface Provenance {
  message: string;
  location: SourceLocation;
}

export interface WorkloadDecl {
  kind: string;
  name: string;
  namespace: string;
  loc: SourceLocation;
  serviceAccountName: string;
  /** Where the service account is named, or the pod spec when it is left to default. */
  serviceAccountLoc: SourceLocation;
  tokenExpiration?: Value;
  automount?: Value;
  /** An `eks.amazonaws.com/role-arn` on the pod itself, which the webhook ignores. */
  roleArn?: Value;
  /** `eks.amazonaws.com/skip-containers` on the pod: containers the webhook leaves without credentials. */
  skipContainers?: Value;
  containerNames: string[];
  /** Containers (init containers included) with the environment they set, where credentials could come from. */
  containers?: ContainerDecl[];
}

/** A container's environment as the pod spec writes it: `env` entries and `envFrom` sources. */
export interface ContainerDecl {
  name: string;
  loc: SourceLocation;
  env: Array<{ name: string; value?: Value; fromSecret?: string; loc: SourceLocation }>;
  envFrom: Array<{ kind: "ConfigMap" | "Secret"; name: string; prefix: string; loc: SourceLocation }>;
}

/** A role from Terraform, an IAM JSON export or the built-in IRSA module semantics. */
export interface RoleDecl {
  /** Terraform address or file-derived id, unique within the scan. */
  id: string;
  name: Value;
  /** Set when only a prefix of the name is known (`name_prefix`, module `use_name_prefix`). */
  namePrefix?: Value;
  /**
   * The name is `namePrefix` (when set) plus a suffix the tool generates: Terraform's 26 characters
   * (`20240611131524228000000002`), CloudFormation's `-` and 12 or 13 letters and digits. A name
   * without that suffix cannot be this role's.
   */
  generatedSuffix?: "terraform" | "cloudformation";
  path: Value;
  /** An ARN given explicitly (IAM exports); Terraform roles derive theirs. */
  arn?: Value;
  trust?: Value;
  loc: SourceLocation;
  /** Inline policies (aws_iam_role_policy, inline_policy blocks). */
  inlinePolicies: PolicyDecl[];
  /** Managed policy ARNs attached in the role's own declaration (module role_policy_arns etc.). */
  attachedPolicyArns: Value[];
  /** Role-scoped module: the trust document is generated, and this says from where. */
  generatedTrust?: boolean;
  /** How messages name a role whose name is generated (eksctl). */
  label?: string;
  /** The Terraform address, how messages name a role whose name is not known (ids are qualified with the root). */
  address?: string;
  /** Declared in a folder that looks like a module (no provider, backend or tfvars) that no scanned root calls. */
  template?: boolean;
  /** A role declared as a Kubernetes object (Crossplane, ACK): its API group and object name, and whether an external-name annotation names it instead. */
  kubernetesObject?: { group: string; name: string; external: boolean };
  /** A copy of the role a patch renamed (its trust and policies are the base's): the id of the base. */
  patchOf?: string;
}

export interface PolicyDecl {
  id: string;
  /** The Terraform address, how messages name a policy whose name is not known. */
  address?: string;
  name: Value;
  path: Value;
  document: Value;
  loc: SourceLocation;
}

/** A managed policy attached to a role by name, or an inline policy put on it. */
export interface AttachmentDecl {
  role: Value;
  policyArn?: Value;
  inline?: PolicyDecl;
  loc: SourceLocation;
  /** Set when the attachment is declared with its role (module calls): links by id, not name. */
  roleId?: string;
}

export interface OidcProviderDecl {
  id: string;
  url: Value;
  clientIds: Value;
  loc: SourceLocation;
}

/** An EKS Pod Identity association: the successor of IRSA, wiring a ServiceAccount to a role in EKS. */
export interface PodIdentityAssociationDecl {
  namespace: Value;
  serviceAccount: Value;
  roleArn: Value;
  /** `disable_session_tags` (Terraform), `DisableSessionTags` (CloudFormation): the session then carries none of Pod Identity's tags. */
  disableSessionTags?: Value;
  /** `target_role_arn` (`TargetRoleArn`): the role EKS Pod Identity then assumes from `roleArn`'s session (role chaining). */
  targetRoleArn?: Value;
  /** The cluster it is made on (`cluster_name`, an add-on's or module's own cluster); undefined when not written. */
  cluster?: ClusterRef;
  loc: SourceLocation;
}

/**
 * How a declaration names its EKS cluster: the cluster's own declaration (`module.eks`,
 * `aws_eks_cluster.this`, an eksctl ClusterConfig, a CloudFormation logical id) when it refers to
 * one, else the name value (`module.eks.cluster_name`, a literal, a variable).
 */
export interface ClusterRef {
  /** The declaring cluster's id (`<root> module.eks`) when the reference is to it. */
  id?: string;
  name?: Value;
}

/** An EKS cluster the scan creates. */
export interface ClusterDecl {
  /** `<root> module.eks`, `<root> aws_eks_cluster.this`, `<file> eksctl reports`, `<file>#Cluster`. */
  id: string;
  /** How messages name it: `module.eks`, `eksctl ClusterConfig reports`. */
  label: string;
  name?: Value;
  /** EKS Auto Mode (`compute_config.enabled`, eksctl `autoModeConfig.enabled`): the Pod Identity agent is built in. */
  autoMode?: Value;
  loc: SourceLocation;
}

/** An EKS add-on (or the Helm chart of one) the scan installs, by name; `name` unknown when not known. */
export interface AddonDecl {
  name: Value;
  cluster?: ClusterRef;
  loc: SourceLocation;
}

/** A Fargate profile selector: pods of the namespace (and labels, when given) run on Fargate. */
export interface FargateSelectorDecl {
  profile: string;
  cluster?: ClusterRef;
  namespace: Value;
  /** Whether the selector also requires labels: then only some pods of the namespace run on Fargate. */
  labels: boolean;
  loc: SourceLocation;
}

/** A kustomization.yaml: its `namespace` is set on every resource it includes. */
export interface KustomizationDecl {
  file: string;
  namespace?: string;
  /** `resources` (and legacy `bases`) entries, relative to the kustomization's folder. */
  resources: string[];
  /** Inline patches (a patch in a file is read as the object it is). */
  patches: PatchDecl[];
}

/**
 * A Flux `Kustomization` (with or without `postBuild.substitute` or `substituteFrom`): Flux replaces `${VAR}`
 * in every manifest under `spec.path` with these values before applying them.
 */
export interface FluxSubstitutionDecl {
  file: string;
  name: string;
  /** Its own namespace, where `substituteFrom` ConfigMaps and Secrets are looked up. */
  namespace: string;
  /** `spec.path`, relative to the source's root (taken as the scan's working directory); undefined when not known (it may apply any file). */
  path: string | undefined;
  values: Map<string, Value>;
  /** `substituteFrom` entries, in order (later ones win; `substitute` wins over all). */
  from: Array<{ kind: string; name: string; optional: boolean }>;
  /** `spec.patches` (and the older `patchesStrategicMerge`, `patchesJson6902`), applied before substitution. */
  patches: PatchDecl[];
  /** `spec.targetNamespace` is set: every object it applies is moved there. */
  setsNamespace?: boolean;
  loc: SourceLocation;
}

/**
 * A Kustomize patch (in a kustomization.yaml or a Flux Kustomization): JSON 6902 operations, or a
 * strategic merge patch, for the objects its target selects.
 */
export interface PatchDecl {
  target: { kind?: string; name?: string; namespace?: string; group?: string };
  operations?: Array<{ op: string; path: string; value?: Value; loc: SourceLocation }>;
  merge?: Value;
  loc: SourceLocation;
}

/**
 * A ConfigMap or Secret whose keys GitOps tools read (Flux substituteFrom, an Argo CD cluster
 * Secret): from a manifest, a kustomize generator, or Terraform (`kubernetes_config_map`).
 */
export interface ConfigDataDecl {
  kind: "ConfigMap" | "Secret";
  name: string;
  namespace?: string;
  data: Map<string, Value>;
  labels: Map<string, string>;
  annotations: Map<string, Value>;
  loc: SourceLocation;
  /**
   * Made by a kustomization's configMapGenerator or secretGenerator: its `literals` are read; with
   * `partial`, `env`/`envs`/`files` add keys that are not.
   */
  generated?: { partial: boolean };
}

/**
 * How a node group's instances answer the instance metadata service, as written (an explicit
 * setting only: defaults are the tools'): `http_tokens`/`HttpTokens`, eksctl's `disableIMDSv1`
 * (as "optional" when false), and the PUT response hop limit.
 */
export interface NodeMetadataDecl {
  /** `aws_launch_template.workers`, `module.eks eks_managed_node_groups.default`, `eksctl nodeGroup ng-1`. */
  owner: string;
  httpTokens?: Value;
  hopLimit?: Value;
}

/** A cluster the scan creates without an IAM OIDC provider: roles trusting its provider output trust nothing. */
export interface ClusterWithoutOidcDecl {
  /** The module's address (`module.eks`): the origin of the outputs that would name its provider. */
  address: string;
  /** Its Terraform root's folder: addresses repeat between roots (a role's `site` is its root). */
  root: string;
  /** Where IRSA is switched off (`enable_irsa = false`, eksctl `iam.withOIDC: false`). */
  loc: SourceLocation;
  /** An eksctl ClusterConfig's: the `iam.serviceAccounts` entries (`namespace/name`) that need the provider. */
  eksctlServiceAccounts?: string[];
}

/** An Argo CD ApplicationSet: Applications made from its template, one per generated parameter set. */
export interface ApplicationSetDecl {
  name: string;
  generators: Array<{ kind: string; body: Value; loc: SourceLocation }>;
  template: Value;
  loc: SourceLocation;
}

/** An Argo CD Application as written: its sources' paths and kustomize patches are applied by the engine. */
export interface ApplicationDecl {
  name: string;
  application: Value;
  loc: SourceLocation;
}

/** A Crossplane Provider (pkg.crossplane.io): its ServiceAccount is named after its revision, configured by the runtime config it names. */
export interface CrossplaneProviderDecl {
  name: Value;
  config?: { kind: "ControllerConfig" | "DeploymentRuntimeConfig"; name: string };
  loc: SourceLocation;
}

/** Where Crossplane itself is installed (a Helm release of its chart): its providers' ServiceAccounts live in that namespace. */
export interface CrossplaneInstallDecl {
  namespace: Value;
  /** A Flux HelmRelease without targetNamespace: its own namespace, unless a kustomization including it sets another. */
  releaseNamespace?: Value;
  /** Placed from a HelmRelease's own namespace, which a Flux Kustomization's targetNamespace would move. */
  fromRelease?: boolean;
  loc: SourceLocation;
}

/** A policy document found on its own (an IAM JSON file that no role declaration owns). */
export interface StandaloneDocumentDecl {
  document: Value;
  loc: SourceLocation;
}

export interface Declarations {
  serviceAccounts: ServiceAccountDecl[];
  workloads: WorkloadDecl[];
  roles: RoleDecl[];
  policies: PolicyDecl[];
  attachments: AttachmentDecl[];
  oidcProviders: OidcProviderDecl[];
  documents: StandaloneDocumentDecl[];
  kustomizations: KustomizationDecl[];
  fluxSubstitutions: FluxSubstitutionDecl[];
  podIdentityAssociations: PodIdentityAssociationDecl[];
  configData: ConfigDataDecl[];
  applicationSets: ApplicationSetDecl[];
  applications: ApplicationDecl[];
  crossplaneProviders: CrossplaneProviderDecl[];
  crossplaneInstalls: CrossplaneInstallDecl[];
  /** Instance metadata settings of node groups and launch templates: what pods on the nodes can reach. */
  nodeMetadata: NodeMetadataDecl[];
  clusters: ClusterDecl[];
  addons: AddonDecl[];
  fargateSelectors: FargateSelectorDecl[];
  /** EKS clusters whose IRSA OIDC provider is switched off (the EKS module's `enable_irsa = false`). */
  clustersWithoutOidc: ClusterWithoutOidcDecl[];
  /** Files of infrastructure code that may declare no role (an eksctl ClusterConfig, a CloudFormation template): they mark projects. */
  infrastructure: string[];
}

export function emptyDeclarations(): Declarations {
  return { serviceAccounts: [], workloads: [], roles: [], policies: [], attachments: [], oidcProviders: [], documents: [], kustomizations: [], fluxSubstitutions: [], podIdentityAssociations: [], configData: [], applicationSets: [], applications: [], crossplaneProviders: [], crossplaneInstalls: [], nodeMetadata: [], clusters: [], addons: [], fargateSelectors: [], clustersWithoutOidc: [], infrastructure: [] };
}

export function mergeDeclarations(into: Declarations, from: Declarations): Declarations {
  for (const key of Object.keys(into) as Array<keyof Declarations>) (into[key] as unknown[]).push(...from[key]);
  return into;
}
