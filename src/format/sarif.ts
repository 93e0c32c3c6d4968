import { encodePath } from "../core/sanitize.js";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { displayPath } from "../discover/discover.js";
import type { Log, Notification, PhysicalLocation, ReportingDescriptor, Result } from "sarif";
import type { SourceLocation } from "../core/location.js";
import type { LintResult } from "../engine/lint.js";
import { DOCS_ROOT, helpUri, type AnyRule } from "../engine/rule.js";
import { SUPPRESSION_RULES } from "../engine/suppress.js";
import { VERSION } from "../version.js";
import { summarizeCoverage } from "../engine/coverage.js";
import { incompleteChecks } from "./summary.js";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const SECURITY_SEVERITY: Record<string, string> = { error: "7.5", warning: "5.0", note: "2.0" };

/** Where a run read its inputs, and the repository root SARIF names files relative to. */
export interface SarifPlaces {
  cwd: string;
  root: string;
  /**
   * Keep suppressed and baselined findings as results marked `suppressions`. Off by default: GitHub
   * code scanning opens an alert for each of them regardless of the marking.
   */
  includeSuppressed?: boolean;
}

/** SARIF message text: `[` and `]` are link syntax there, so literal ones are escaped. */
const escapeText = (text: string) => text.replace(/[[\]\\]/g, (c) => `\\${c}`);

/** A path as a relative URI reference (RFC 3986): each segment percent-encoded, `#` and `?` included. */
function artifact(file: string, places: SarifPlaces) {
  return { uri: encodePath(displayPath(resolve(places.cwd, file), places.root)), uriBaseId: "%SRCROOT%" };
}

function physical(loc: SourceLocation, places: SarifPlaces): PhysicalLocation {
  return {
    artifactLocation: artifact(loc.file, places),
    region: { startLine: loc.line, startColumn: loc.column, endLine: loc.endLine, endColumn: Math.max(loc.endColumn, loc.line === loc.endLine ? loc.column + 1 : 1) },
  };
}

function descriptor(rule: AnyRule): ReportingDescriptor {
  const security = rule.tags.includes("security");
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)(\w)/g, (_, _d, ch: string) => ch.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.docs.rationale },
    help: { text: `${rule.docs.rationale}\n\nFix: ${rule.docs.fix}`, markdown: `${rule.docs.rationale}\n\n**Fix:** ${rule.docs.fix}` },
    helpUri: helpUri(rule.id),
    defaultConfiguration: { level: rule.severity },
    properties: {
      tags: rule.tags,
      ...(security ? { "security-severity": SECURITY_SEVERITY[rule.severity] } : {}),
    },
  };
}

function toolDescriptor(rule: { id: string; description: string; help: string }): ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)(\w)/g, (_, _d, ch: string) => ch.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.help },
    help: { text: rule.help, markdown: rule.help },
    helpUri: `${DOCS_ROOT}/configuration.md#suppressions`,
    defaultConfiguration: { level: "warning" },
    properties: { tags: ["maintainability"] },
  };
}

/** SARIF 2.1.0 for GitHub code scanning: every rule's metadata, exact regions, stable fingerprints. */
export function formatSarif(result: LintResult, rules: AnyRule[], places: SarifPlaces): string {
  const physicalAt = (loc: SourceLocation) => physical(loc, places);
  const descriptors = [...rules.map(descriptor), ...Object.values(SUPPRESSION_RULES).map(toolDescriptor)];
  const ruleIndex = new Map(descriptors.map((r, i) => [r.id, i]));
  const results: Result[] = [...result.findings, ...(places.includeSuppressed ? result.suppressed : [])].map((f) => {
    // Each related location linked from the message, as GitHub shows them: `[declared here](0)`.
    const links = f.related.map((r, id) => ` [${escapeText(r.message)}](${id})`).join("");
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId),
      level: f.severity,
      message: { text: `${escapeText(f.fix ? `${f.message}. ${f.fix}` : f.message)}${links}` },
      locations: [{ physicalLocation: physicalAt(f.location) }],
      relatedLocations: f.related.map((r, id) => ({ id, physicalLocation: physicalAt(r.location), message: { text: r.message } })),
      partialFingerprints: { "irsaLintFinding/v2": f.fingerprint ?? "" },
      ...(f.suppression ? { suppressions: [{ kind: f.suppression.kind, justification: f.suppression.justification }] } : {}),
      // An unambiguous fix, as SARIF viewers apply it (the code action the language server offers).
      ...(f.suggestion?.at
        ? {
            fixes: [
              {
                description: { text: f.suggestion.title },
                artifactChanges: [{ artifactLocation: artifact(f.suggestion.at.file, places), replacements: [{ deletedRegion: { startLine: f.suggestion.at.line, startColumn: f.suggestion.at.column, endLine: f.suggestion.at.endLine, endColumn: f.suggestion.at.endColumn }, insertedContent: { text: f.suggestion.with } }] }],
              },
            ],
          }
        : {}),
    };
  });
  const notifications: Notification[] = [
    ...result.files.flatMap((f): Notification[] =>
      f.status === "failed"
        ? [{ level: "error", message: { text: `${f.file}: ${f.reason}` }, locations: [{ physicalLocation: physicalAt(f.location) }] }]
        : f.status === "skipped"
          ? [{ level: f.unchecked ? "warning" : "note", message: { text: `${f.file} ${f.unchecked ? "not checked" : "skipped"}: ${f.reason}` }, locations: [{ physicalLocation: { artifactLocation: artifact(f.file, places) } }] }]
          : [],
    ),
    ...result.notChecked.map((n): Notification => ({ level: "warning", message: { text: `${n.message}: not checked by ${n.rules.join(", ")}` }, locations: [{ physicalLocation: physicalAt(n.location) }] })),
    ...[...incompleteChecks(result), ...result.diagnostics.filter((d) => d.level !== "error")].map(
      (d): Notification => ({ level: d.level, message: { text: d.message }, locations: [{ physicalLocation: physicalAt(d.location) }] }),
    ),
  ];
  const log: Log = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "irsa-lint", version: VERSION, semanticVersion: VERSION, informationUri: "https://github.com/irsa-lint/irsa-lint", rules: descriptors } },
        originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(places.root.endsWith("/") ? places.root : `${places.root}/`).href } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        // What the run examined: role annotations and Pod Identity associations, and what became of them.
        properties: { irsaLint: { links: summarizeCoverage(result.links) } },
        results,
        columnKind: "utf16CodeUnits",
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
