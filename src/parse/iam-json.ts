import { parseDocument } from "yaml";
import { emptyDeclarations, type RoleDecl } from "../core/declarations.js";
import { LineIndex } from "../core/lines.js";
import type { SourceLocation } from "../core/location.js";
import { excessiveNesting } from "../core/nesting.js";
import { asItems, getEntry, knownString, str, type Value } from "../core/value.js";
import { isCloudFormation, readCloudFormation } from "./cloudformation.js";
import { isTerraformJsonOutput, readTerraformPlan } from "./terraform-plan.js";
import type { FileParseResult } from "./result.js";
import { yamlMessage, yamlToValue, type PositionOf } from "./yaml-value.js";

/**
 * Parses JSON with positions. `yaml` is used rather than JSON.parse because it keeps every node's
 * range and reports duplicate keys, which JSON.parse silently collapses.
 */
export function parseJsonWithPositions(
  file: string,
  text: string,
  position?: PositionOf,
  offset = 0,
  /** JSON.parse has accepted the text already: no need to ask it again. */
  valid = false,
): { value?: Value; error?: { message: string; line: number; column: number } } {
  let lines: LineIndex | undefined;
  const at: PositionOf = position !== undefined ? (o) => position(o + offset) : (o) => (lines ??= new LineIndex(text)).position(o);
  const deep = excessiveNesting(text);
  if (deep !== undefined) return { error: { message: "nested too deeply to read", ...at(deep) } };
  const doc = parseDocument(text, { version: "1.2", prettyErrors: false, uniqueKeys: false });
  const problem = doc.errors[0];
  if (problem) {
    const p = at(problem.pos[0]);
    return { error: { message: yamlMessage(problem.message), line: p.line, column: p.column } };
  }
  // YAML accepts what JSON does not (trailing commas, comments); AWS rejects those documents.
  const strictError = valid ? undefined : jsonSyntaxError(text);
  if (strictError) {
    const p = at(strictError.offset);
    return { error: { message: strictError.message, line: p.line, column: p.column } };
  }
  let duplicate: { key: string; loc: SourceLocation } | undefined;
  const value = yamlToValue(doc, doc.contents, file, at, { onDuplicateKey: (key, loc) => (duplicate ??= { key, loc }) });
  // IAM rejects a document that repeats a key; JSON.parse would silently keep the last.
  if (duplicate) return { error: { message: `Map keys must be unique: ${JSON.stringify(duplicate.key)} appears twice`, line: duplicate.loc.line, column: duplicate.loc.column } };
  return { value };
}

function jsonSyntaxError(text: string): { message: string; offset: number } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    const message = (e as Error).message;
    const offset = Number(/at position (\d+)/.exec(message)?.[1] ?? 0);
    return { message: message.replace(/ in JSON at position \d+.*$/, ""), offset };
  }
}

/** Reads an IAM JSON file: a policy document, or `aws iam get-role` output naming its role. */
export function parseIamJson(file: string, text: string): FileParseResult {
  const result: FileParseResult = { declarations: emptyDeclarations(), diagnostics: [] };
  const mentionsIam = /"(Statement|Role|RoleDetailList|Resources|format_version)"/i.test(text);
  // Dashboards, package manifests and test data are most JSON files: a glance at the top-level keys
  // decides, and only IAM documents, CloudFormation templates and IAM exports are parsed with positions.
  const shape = mentionsIam ? iamShape(text) : "other";
  if (shape === "other") return { ...result, skipped: "not an IAM policy document, CloudFormation template or IAM export" };
  const { value, error } = parseJsonWithPositions(file, text, undefined, 0, shape === "iam");
  if (error) {
    result.diagnostics.push({
      level: "error",
      message: `JSON syntax error: ${error.message}`,
      location: { file, line: error.line, column: error.column, endLine: error.line, endColumn: error.column + 1 },
    });
    return result;
  }
  if (isTerraformJsonOutput(value)) {
    readTerraformPlan(value!, result.declarations);
    return result;
  }
  if (isCloudFormation(value)) {
    readCloudFormation(file, value!, result.declarations);
    result.declarations.infrastructure.push(file);
    return result;
  }
  if (getEntry(value, "RoleDetailList")) {
    readAuthorizationDetails(file, value!, result);
    return result;
  }
  const role = readRole(file, getEntry(value, "Role"));
  if (role) {
    result.declarations.roles.push(role);
    return result;
  }
  if (value && getEntry(value, "Statement")) {
    result.declarations.documents.push({ document: value, loc: value.loc });
    return result;
  }
  return { ...result, skipped: "not an IAM policy document, CloudFormation template or IAM export" };
}

/**
 * Whether a JSON text can be an IAM document (`Statement`), `get-role` output (`Role`), an account
 * export (`RoleDetailList`) or a CloudFormation template (`Resources`), by its top-level keys.
 * Text JSON.parse rejects ("invalid") is handed to the positioned parser, which says where it fails.
 */
function iamShape(text: string): "iam" | "other" | "invalid" {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return "invalid";
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return "other";
  const keys = new Set(Object.keys(data).map((k) => k.toLowerCase()));
  if (keys.has("format_version") && keys.has("terraform_version")) return "iam";
  return ["statement", "role", "roledetaillist", "resources"].some((k) => keys.has(k)) ? "iam" : "other";
}

/**
 * `aws iam get-account-authorization-details`: the roles and customer managed policies that really
 * exist in the account, so manifests can be linted against them.
 */
function readAuthorizationDetails(file: string, value: Value, result: FileParseResult): void {
  for (const detail of asItems(getEntry(value, "RoleDetailList"))) {
    const role = readRole(file, detail);
    if (role) result.declarations.roles.push(role);
  }
  for (const policy of asItems(getEntry(value, "Policies"))) {
    const name = getEntry(policy, "PolicyName");
    const current = asItems(getEntry(policy, "PolicyVersionList")).find((v) => getEntry(v, "IsDefaultVersion")?.kind === "bool" && knownString(getEntry(v, "IsDefaultVersion")) === "true");
    const document = decodeTrust(getEntry(current, "Document"));
    if (!name || !document) continue;
    result.declarations.policies.push({ id: `${file}#policy/${knownString(name)}`, name, path: getEntry(policy, "Path") ?? str("/", name.loc), document, loc: name.loc });
  }
}

/** A role as the IAM API describes it (`get-role`'s Role, or an entry of RoleDetailList). */
function readRole(file: string, role: Value | undefined): RoleDecl | undefined {
  const name = getEntry(role, "RoleName");
  if (!role || !name) return undefined;
  return {
    id: `${file}#${knownString(name) ?? "role"}`,
    name,
    path: getEntry(role, "Path") ?? str("/", name.loc),
    arn: getEntry(role, "Arn"),
    trust: decodeTrust(getEntry(role, "AssumeRolePolicyDocument")),
    loc: name.loc,
    inlinePolicies: asItems(getEntry(role, "RolePolicyList")).map((p) => ({
      id: `${file}#${knownString(name)}/${knownString(getEntry(p, "PolicyName")) ?? "inline"}`,
      name: getEntry(p, "PolicyName") ?? str("inline", p.loc),
      path: str("/", p.loc),
      document: decodeTrust(getEntry(p, "PolicyDocument")) ?? p,
      loc: p.loc,
    })),
    attachedPolicyArns: asItems(getEntry(role, "AttachedManagedPolicies")).flatMap((p) => {
      const arn = getEntry(p, "PolicyArn");
      return arn ? [arn] : [];
    }),
  };
}

/** The IAM API returns trust documents URL-encoded; the CLI decodes them. Accept both. */
function decodeTrust(v: Value | undefined): Value | undefined {
  if (v?.kind !== "string") return v;
  try {
    const parsed = parseJsonWithPositions(v.loc.file, decodeURIComponent(v.value));
    return parsed.value ? relocate(parsed.value, v) : v;
  } catch {
    return v;
  }
}

/** A document decoded from a string has no positions of its own: point every part at the string. */
export function relocate(value: Value, at: Value): Value {
  const loc = at.loc;
  switch (value.kind) {
    case "list":
      return { ...value, loc, items: value.items.map((i) => relocate(i, at)) };
    case "object":
      return {
        ...value,
        loc,
        entries: new Map([...value.entries].map(([k, v]) => [k, relocate(v, at)])),
        keyLocs: new Map([...value.keyLocs].map(([k]) => [k, loc])),
      };
    default:
      return { ...value, loc };
  }
}
