import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Set by the bundlers (scripts/build-assets.mjs, scripts/build-action.mjs) from package.json. */
declare const __IRSA_LINT_VERSION__: string | undefined;

/**
 * The package version: embedded in dist/ and action/ at build time, so a bundle copied alone
 * still knows it; read from package.json when running from the sources.
 */
export const VERSION: string = typeof __IRSA_LINT_VERSION__ === "string" ? __IRSA_LINT_VERSION__ : fromPackageJson();

function fromPackageJson(): string {
  for (const rel of ["../package.json", "../../package.json"]) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) {
      const pkg = JSON.parse(readFileSync(path, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "irsa-lint" && pkg.version) return pkg.version;
    }
  }
  return "0.0.0";
}
