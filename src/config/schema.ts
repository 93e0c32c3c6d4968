import type { AnyRule } from "../engine/rule.js";

const SEVERITY = { enum: ["off", "note", "warning", "error"] };

/**
 * The config file's JSON Schema, built from the rules' own option schemas. schemas/ holds the same
 * document for editors (`npm run schema` writes it; a test fails when it is stale).
 */
export function configSchema(rules: AnyRule[]): Record<string, unknown> {
  const ruleEntries = Object.fromEntries(
    rules.map((r) => [
      r.id,
      {
        description: r.description,
        oneOf: [
          SEVERITY,
          {
            type: "object",
            additionalProperties: false,
            properties: { severity: SEVERITY, ...(r.options?.properties ?? {}) },
          },
        ],
      },
    ]),
  );
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://github.com/irsa-lint/irsa-lint/blob/main/schemas/irsa-lint.schema.json",
    title: "irsa-lint configuration",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      rules: { type: "object", additionalProperties: false, properties: ruleEntries },
      include: { type: "array", items: { type: "string" }, description: "Globs of files to lint, relative to the config file" },
      exclude: { type: "array", items: { type: "string" }, description: "Globs of files not to lint, relative to the config file" },
    },
  };
}
