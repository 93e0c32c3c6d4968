// Writes docs/rules/*.md from the rule modules. `npm test` fails when they are out of date.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { rules } from "../rules/index.js";
import { renderRuleDoc, renderRuleIndex } from "./rule-docs.js";

const dir = join(import.meta.dirname, "../docs/rules");
mkdirSync(dir, { recursive: true });
for (const f of readdirSync(dir)) if (f.endsWith(".md")) rmSync(join(dir, f));
for (const rule of rules) writeFileSync(join(dir, `${rule.id}.md`), renderRuleDoc(rule));
writeFileSync(join(dir, "README.md"), renderRuleIndex(rules));
console.log(`wrote ${rules.length} rule pages to docs/rules`);
