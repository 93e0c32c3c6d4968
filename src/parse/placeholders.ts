import type { SourceLocation } from "../core/location.js";
import { unknown, type TemplateValue, type UnknownValue } from "../core/value.js";

/**
 * Placeholders teams leave in manifests for a tool to fill at deploy time: envsubst and Flux
 * (`${CARTS_IAM_ROLE}`), Kustomize vars (`$(ROLE_ARN)`), templating left in plain YAML
 * (`{{ .Values.roleArn }}`), and documentation (`<ACCOUNT_ID>`, `xxxxxxxxxxxx`). Each is an unknown
 * part of the value; the rest of the text stays known (`arn:aws:iam::${ACCOUNT_ID}:role/carts`
 * still names role `carts`).
 */
const PLACEHOLDER = /\$\{[A-Za-z_][A-Za-z0-9_.:-]*(?::?[-=?+][^}]*)?\}|\$\([A-Za-z_][A-Za-z0-9_.-]*\)|\{\{[^{}]*\}\}|<[A-Za-z][A-Za-z0-9 _.-]*>|(?<![A-Za-z0-9])[xX]{4,}(?![A-Za-z0-9])/g;

const ANY_PLACEHOLDER = new RegExp(PLACEHOLDER.source);

export function hasPlaceholder(text: string): boolean {
  return ANY_PLACEHOLDER.test(text);
}

/** The text with each placeholder an unknown part (naming it), or undefined when it has none. */
export function placeholderTemplate(text: string, loc: SourceLocation): TemplateValue | undefined {
  if (!hasPlaceholder(text)) return undefined;
  const parts: Array<string | UnknownValue> = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push({ ...unknown(`placeholder ${m[0]}, filled in at deploy time`, loc), placeholder: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return { kind: "template", parts, loc };
}
