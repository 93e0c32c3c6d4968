import type { AnyRule, RuleExample } from "../src/engine/rule.js";

/** Renders one rule's page from its own metadata: docs cannot drift from the code. */
export function renderRuleDoc(rule: AnyRule): string {
  const example = (e: RuleExample) =>
    Object.entries(e.files)
      .map(([path, text]) => `\`${path}\`\n\n\`\`\`${fence(path)}\n${text.trimEnd()}\n\`\`\``)
      .join("\n\n");
  const messages = Object.values(rule.messages).map((m) => `- ${m.replace(/\{\{\s*(\w+)\s*\}\}/g, "<$1>")}`);
  return `# ${rule.id}

${rule.description}.

| | |
|---|---|
| Default severity | \`${rule.severity}\` |
| Tags | ${rule.tags.map((t) => `\`${t}\``).join(", ")} |

## Why

${rule.docs.rationale}

## What it reports

${messages.join("\n")}

## Fails

${example(rule.docs.fail)}

## Passes

${example(rule.docs.pass)}

## How to fix

${rule.docs.fix}
${options(rule)}
## How to turn it off

Per repository, in \`.irsa-lint.yaml\`:

\`\`\`yaml
rules:
  ${rule.id}: off
\`\`\`

For one place, on the line before it (with a reason):

\`\`\`yaml
# irsa-lint-disable-next-line ${rule.id} -- <why this is fine here>
\`\`\`
`;
}

function options(rule: AnyRule): string {
  if (!rule.options) return "";
  const rows = Object.entries(rule.options.properties).map(([name, schema]) => {
    const s = schema as { type?: string; description?: string };
    return `| \`${name}\` | ${s.type ?? ""} | \`${JSON.stringify(rule.options!.defaults[name])}\` | ${s.description ?? ""} |`;
  });
  return `
## Options

| Option | Type | Default | Meaning |
|---|---|---|---|
${rows.join("\n")}

\`\`\`yaml
rules:
  ${rule.id}:
    severity: ${rule.severity}
${Object.entries(rule.options.defaults).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`).join("\n")}
\`\`\`
`;
}

function fence(path: string): string {
  if (path.endsWith(".tf")) return "hcl";
  if (path.endsWith(".json")) return "json";
  return "yaml";
}

export function renderRuleIndex(rules: AnyRule[]): string {
  const rows = rules.map((r) => `| [\`${r.id}\`](${r.id}.md) | ${r.severity} | ${r.description} |`);
  return `# Rules\n\n| Rule | Default severity | Checks |\n|---|---|---|\n${rows.join("\n")}\n`;
}
