// npm run release -- X.Y.Z: bumps the version, rebuilds what is committed (action/, docs, schema),
// moves CHANGELOG.md's Unreleased section under X.Y.Z, commits, and tags vX.Y.Z and the moving
// vX. It pushes and publishes nothing: it prints the commands that do, for a maintainer to run.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const version = process.argv[2];
const fail = (message) => {
  process.stderr.write(`release: ${message}\n`);
  process.exit(2);
};
if (!/^\d+\.\d+\.\d+$/.test(version ?? "")) fail("give the version: npm run release -- X.Y.Z");
const git = (...args) => execFileSync("git", args, { encoding: "utf8" }).trim();
if (git("status", "--porcelain")) fail("the working tree has uncommitted changes");
if (git("tag", "--list", `v${version}`)) fail(`tag v${version} exists`);

const changelog = readFileSync("CHANGELOG.md", "utf8");
if (!/^## Unreleased\n/m.test(changelog)) fail("CHANGELOG.md has no '## Unreleased' section");
const today = new Date().toISOString().slice(0, 10);
writeFileSync("CHANGELOG.md", changelog.replace(/^## Unreleased\n/m, `## Unreleased\n\n## ${version} - ${today}\n`));

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
pkg.version = version;
writeFileSync("package.json", `${JSON.stringify(pkg, null, 2)}\n`);
// The VS Code extension is released with the server it starts.
if (existsSync("editors/vscode/package.json")) {
  const extension = JSON.parse(readFileSync("editors/vscode/package.json", "utf8"));
  extension.version = version;
  writeFileSync("editors/vscode/package.json", `${JSON.stringify(extension, null, 2)}\n`);
}
const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
lock.version = version;
if (lock.packages?.[""]) lock.packages[""].version = version;
writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);

// The version is embedded in the bundles: rebuild what is committed.
if (!process.env.IRSA_LINT_RELEASE_SKIP_BUILD) for (const script of ["build", "build:action", "docs"]) execFileSync("npm", ["run", "--silent", script], { stdio: "inherit" });

git("add", "-A");
git("commit", "-m", `Release v${version}`);
git("tag", "-a", `v${version}`, "-m", `irsa-lint ${version}`);
const major = `v${version.split(".")[0]}`;
git("tag", "-f", "-a", major, "-m", `irsa-lint ${version} (latest ${major})`);
process.stdout.write(`Tagged v${version} and moved ${major}. To publish:
  git push origin HEAD v${version} && git push --force origin ${major}
  npm publish            # from a clean checkout of v${version}, after npm ci && npm test
`);
