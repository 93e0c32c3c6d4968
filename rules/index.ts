import type { AnyRule } from "../src/engine/rule.js";
import automountNotDisabled from "./automount-not-disabled.js";
import irsaAndPodIdentity from "./irsa-and-pod-identity.js";
import irsaAnnotationPlacement from "./irsa-annotation-placement.js";
import irsaTokenSkipped from "./irsa-token-skipped.js";
import podIdentityTrust from "./pod-identity-trust.js";
import policyNoWildcards from "./policy-no-wildcards.js";
import policyBroadManaged from "./policy-broad-managed.js";
import policyNotAction from "./policy-not-action.js";
import policyPrivilegeEscalation from "./policy-privilege-escalation.js";
import policyUnknownAction from "./policy-unknown-action.js";
import roleArnFormat from "./role-arn-format.js";
import roleArnResolves from "./role-arn-resolves.js";
import roleSharedAcrossNamespaces from "./role-shared-across-namespaces.js";
import serviceAccountExists from "./service-account-exists.js";
import tokenExpirationMinimum from "./token-expiration-minimum.js";
import trustActionWebIdentity from "./trust-action-web-identity.js";
import trustAudienceClientId from "./trust-audience-client-id.js";
import trustAudienceSts from "./trust-audience-sts.js";
import trustConditionShape from "./trust-condition-shape.js";
import trustProviderMismatch from "./trust-provider-mismatch.js";
import trustSubjectMatches from "./trust-subject-matches.js";
import trustSubjectMissing from "./trust-subject-missing.js";
import trustSubjectOrphan from "./trust-subject-orphan.js";
import trustSubjectWildcard from "./trust-subject-wildcard.js";
import credentialsOverrideRole from "./credentials-override-role.js";
import webIdentityEnvSet from "./web-identity-env-set.js";
import trustPolicySize from "./trust-policy-size.js";
import roleNameInvalid from "./role-name-invalid.js";
import oidcProviderAccount from "./oidc-provider-account.js";
import eksctlExistingServiceAccount from "./eksctl-existing-service-account.js";
import podIdentityServiceAccount from "./pod-identity-service-account.js";
import podIdentitySessionTags from "./pod-identity-session-tags.js";
import oidcProviderDisabled from "./oidc-provider-disabled.js";
import nodeImdsReachable from "./node-imds-reachable.js";
import podIdentityAgentMissing from "./pod-identity-agent-missing.js";
import podIdentityFargate from "./pod-identity-fargate.js";
import podIdentityTargetTrust from "./pod-identity-target-trust.js";

/** Every rule irsa-lint ships, in the order the docs list them: the core wiring checks first. */
export const rules: AnyRule[] = [
  roleArnFormat,
  roleArnResolves,
  trustSubjectMatches,
  trustAudienceSts,
  tokenExpirationMinimum,
  automountNotDisabled,
  policyNoWildcards,
  trustSubjectMissing,
  trustSubjectWildcard,
  trustConditionShape,
  trustActionWebIdentity,
  trustProviderMismatch,
  trustSubjectOrphan,
  roleSharedAcrossNamespaces,
  serviceAccountExists,
  irsaAnnotationPlacement,
  policyNotAction,
  policyUnknownAction,
  policyPrivilegeEscalation,
  policyBroadManaged,
  podIdentityTrust,
  irsaAndPodIdentity,
  irsaTokenSkipped,
  trustAudienceClientId,
  credentialsOverrideRole,
  webIdentityEnvSet,
  oidcProviderAccount,
  trustPolicySize,
  roleNameInvalid,
  eksctlExistingServiceAccount,
  podIdentityServiceAccount,
  podIdentitySessionTags,
  oidcProviderDisabled,
  nodeImdsReachable,
  podIdentityAgentMissing,
  podIdentityFargate,
  podIdentityTargetTrust,
];
