import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rules } from "../rules/index.js";
import { LineIndex } from "../src/core/lines.js";
import { lint, type LintResult } from "../src/engine/lint.js";
import type { HclParser } from "../src/parse/hcl/parser.js";

/**
 * "checked" must mean a rule compared both ends. The property: for every annotation link reported
 * checked whose ServiceAccount name is written as text (a manifest's metadata.name, a values
 * file's serviceAccount.name, a Terraform literal), renaming the ServiceAccount to a name nobody
 * chose makes trust-subject-matches report it, or the link stops being checked. A trust whose sub
 * admits any name (a wildcard, reported by trust-subject-wildcard) is the one way the new name
 * may still be admitted.
 */
export const RENAMED = "irsa-lint-renamed";

export interface CheckedSite {
  file: string;
  /** The ServiceAccount's name as written, and where. */
  name: string;
  start: number;
  end: number;
  link: { file: string; line: number; column: number };
  serviceAccount: string;
}

export interface CheckedRepo {
  dir: string;
  sites: CheckedSite[];
  /** Sites reported checked whose ServiceAccount name is not written as text here (not mutated). */
  skipped: number;
  check(site: CheckedSite): Promise<void>;
  dispose(): void;
}

const lintDir = (dir: string, hclParser?: Promise<HclParser>) => lint({ paths: ["."], cwd: dir, rules, hclParser });

export async function checkedRepo(source: string, hclParser?: Promise<HclParser>): Promise<CheckedRepo> {
  const dir = mkdtempSync(join(tmpdir(), "irsa-lint-checked-"));
  cpSync(source, dir, { recursive: true, filter: (src) => !src.endsWith("expected.json") });
  const original = await lintDir(dir, hclParser);
  const sites: CheckedSite[] = [];
  let skipped = 0;
  for (const l of original.links) {
    if (l.kind !== "annotation" || l.status !== "checked") continue;
    const site = nameSite(dir, l);
    if (site) sites.push(site);
    else skipped++;
  }
  return {
    dir,
    sites,
    skipped,
    async check(site) {
      const path = join(dir, site.file);
      const text = readFileSync(path, "utf8");
      writeFileSync(path, text.slice(0, site.start) + RENAMED + text.slice(site.end));
      try {
        const mutated = await lintDir(dir, hclParser);
        const ns = site.serviceAccount.split("/")[0];
        const reported = mutated.findings.some((f) => f.ruleId === "trust-subject-matches" && f.message.includes(`${ns}/${RENAMED}`));
        const link = mutated.links.find((l) => l.location.file === site.link.file && l.location.line === site.link.line && l.location.column === site.link.column);
        const wildcard = original.findings.some((f) => f.ruleId === "trust-subject-wildcard" || f.ruleId === "trust-subject-missing");
        if (!reported && link?.status === "checked" && !wildcard)
          throw new Error(`${site.file}: ServiceAccount ${site.serviceAccount} renamed to ${RENAMED}: its link at ${site.link.file}:${site.link.line} is still "checked" and nothing was reported`);
      } finally {
        writeFileSync(path, text);
      }
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Where the ServiceAccount of a checked link has its name written, when it is written there as the name's text. */
function nameSite(dir: string, link: LintResult["links"][number]): CheckedSite | undefined {
  const [, name] = link.serviceAccount.split("/");
  const loc = link.serviceAccountLocation;
  if (!loc || loc.line !== loc.endLine) return undefined;
  let text: string;
  try {
    text = readFileSync(join(dir, loc.file), "utf8");
  } catch {
    return undefined;
  }
  // eksctl generates the role's trust from the ServiceAccount: renamed together, they still agree.
  if (/^kind:\s*ClusterConfig\b/m.test(text)) return undefined;
  const lines = new LineIndex(text);
  const from = lines.offset(loc.line, loc.column);
  const written = text.slice(from, lines.offset(loc.endLine, loc.endColumn));
  const inner = written.replace(/^["']|["']$/g, "");
  if (inner !== name) return undefined;
  const start = from + written.indexOf(name);
  return { file: loc.file, name, start, end: start + name.length, link: { file: link.location.file, line: link.location.line, column: link.location.column }, serviceAccount: link.serviceAccount };
}

