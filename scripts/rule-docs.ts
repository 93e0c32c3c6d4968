import type { Rule, RuleExample } from "../src/engine/rule.js";

/** Renders one rule's page from its own metadata: docs cannot drift from the code. */
export function renderRuleDoc(rule: Rule): string {
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

function fence(path: string): string {
  if (path.endsWith(".tf")) return "hcl";
  if (path.endsWith(".json")) return "json";
  return "yaml";
}

export function renderRuleIndex(rules: Rule[]): string {
  const rows = rules.map((r) => `| [\`${r.id}\`](${r.id}.md) | ${r.severity} | ${r.description} |`);
  return `# Rules\n\n| Rule | Default severity | Checks |\n|---|---|---|\n${rows.join("\n")}\n`;
}
