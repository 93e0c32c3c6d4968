/**
 * Actions (and combinations) that let whoever holds the role raise its own privileges. Sources:
 * Rhino Security Labs, "AWS IAM Privilege Escalation – Methods and Mitigation" (methods 1–21);
 * pacu's iam__privesc_scan module; policy_sentry's privilege-escalation list; cloudsplaining's
 * PrivilegeEscalation finding; for EKS, AWS's documentation of Pod Identity and access entries.
 */
export type Target = "any" | "anyRole" | "selfRole";

/**
 * `target` says which resources make an action dangerous: "any" resource it names, "anyRole"
 * (`*` or every role: PassRole, AssumeRole), or "selfRole" (every role, or the role itself: a
 * policy attached to another named role does not raise this one's privileges, and service-linked
 * roles' policies cannot be changed at all).
 */
export const ESCALATIONS: Array<{ actions: string[]; target: Target; why: string }> = [
  { actions: ["iam:CreatePolicyVersion"], target: "any", why: "rewrite a policy it is attached to (Rhino #1)" },
  { actions: ["iam:SetDefaultPolicyVersion"], target: "any", why: "switch a policy to a more permissive version (Rhino #2)" },
  { actions: ["iam:PassRole"], target: "anyRole", why: "hand any role, admin included, to a service it controls (Rhino #3–#8)" },
  { actions: ["iam:CreateAccessKey"], target: "any", why: "mint long-lived keys for other users (Rhino #9)" },
  { actions: ["iam:CreateLoginProfile"], target: "any", why: "set a console password for other users (Rhino #10)" },
  { actions: ["iam:UpdateLoginProfile"], target: "any", why: "reset other users' console passwords (Rhino #11)" },
  { actions: ["iam:AttachUserPolicy"], target: "any", why: "attach any managed policy to a user (Rhino #12)" },
  { actions: ["iam:AttachGroupPolicy"], target: "any", why: "attach any managed policy to a group (Rhino #13)" },
  { actions: ["iam:AttachRolePolicy"], target: "selfRole", why: "attach AdministratorAccess to its own role (Rhino #14)" },
  { actions: ["iam:PutUserPolicy"], target: "any", why: "write inline policies on users (Rhino #15)" },
  { actions: ["iam:PutGroupPolicy"], target: "any", why: "write inline policies on groups (Rhino #16)" },
  { actions: ["iam:PutRolePolicy"], target: "selfRole", why: "write an inline policy on its own role (Rhino #17)" },
  { actions: ["iam:AddUserToGroup"], target: "any", why: "join a more privileged group (Rhino #18)" },
  { actions: ["iam:UpdateAssumeRolePolicy"], target: "anyRole", why: "let itself assume any role by rewriting trust (Rhino #19)" },
  { actions: ["sts:AssumeRole"], target: "anyRole", why: "assume any role whose trust allows the account" },
  { actions: ["eks:CreatePodIdentityAssociation", "iam:PassRole"], target: "anyRole", why: "give a pod it controls any role through EKS Pod Identity" },
  { actions: ["eks:CreateAccessEntry"], target: "any", why: "grant any IAM principal access to the cluster" },
  { actions: ["eks:AssociateAccessPolicy"], target: "any", why: "make a principal cluster admin through access policies" },
];

/**
 * Whether an action alone is an escalation path: on Resource "*" policy-privilege-escalation always
 * reports it, so the other permission rules leave it to that rule.
 */
export function isEscalationAction(action: string): boolean {
  return ESCALATIONS.some((e) => e.actions.length === 1 && e.actions[0].toLowerCase() === action.toLowerCase());
}
