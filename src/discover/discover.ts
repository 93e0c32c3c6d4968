import { execFileSync } from "node:child_process";
import { existsSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { trackedFiles } from "./git-index.js";

/** How outputs name standard input. */
export const STDIN = "<stdin>";

export type FileKind = "kubernetes" | "terraform" | "terraform-json" | "tfvars" | "tfvars-json" | "iam-json" | "script" | "makefile" | "markdown";

export interface DiscoveredFile {
  /** Path relative to the working directory, with forward slashes: how every output names it. */
  path: string;
  absolute: string;
  kind: FileKind;
  /** Read from standard input (the path `-`). */
  stdin?: boolean;
}

export interface Discovery {
  files: DiscoveredFile[];
  /** Absolute folders (or files) the user named: the boundary nothing may be read outside of. */
  roots: string[];
  missing: string[];
  /**
   * Whether a file of any kind is part of what the scan reads (tracked, or not ignored by git):
   * Terraform's file() reads nothing else, so a git-ignored `secrets.env` never reaches a message.
   */
  readable: (absolute: string) => boolean;
}

const PATTERNS = ["**/*.yaml", "**/*.yml", "**/*.tf", "**/*.tf.json", "**/*.tfvars", "**/*.tfvars.json", "**/*.json", "**/*.sh", "**/*.bash", "**/Makefile", "**/*.mk", "**/*.md"];
const IGNORED = ["**/.git/**", "**/node_modules/**", "**/.terraform/**"];
/** Never scanned: version control metadata, and modules `terraform init` downloaded. */
const IGNORED_DIR = /(^|\/)(\.git|\.terraform)\//;

export function classify(path: string): FileKind | undefined {
  if (path.endsWith(".tf")) return "terraform";
  if (path.endsWith(".tf.json")) return "terraform-json";
  if (path.endsWith(".tfvars")) return "tfvars";
  if (path.endsWith(".tfvars.json")) return "tfvars-json";
  if (path.endsWith(".yaml") || path.endsWith(".yml")) return "kubernetes";
  if (path.endsWith(".json")) return "iam-json";
  // Scripts and Makefiles that create IRSA with eksctl or the AWS CLI.
  if (path.endsWith(".sh") || path.endsWith(".bash")) return "script";
  if (/(^|\/)(Makefile|GNUmakefile|[^/]+\.mk)$/.test(path)) return "makefile";
  // READMEs and guides whose shell blocks create IRSA (read only when they do).
  if (path.endsWith(".md")) return "markdown";
  return undefined;
}

export function displayPath(absolute: string, cwd: string): string {
  // Inside the working directory (nearly always), the relative path is the rest of the path.
  const prefix = cwd.endsWith(sep) ? cwd : cwd + sep;
  const rel = absolute.startsWith(prefix) && !absolute.includes(`${sep}..`) && !absolute.includes(`${sep}.${sep}`) ? absolute.slice(prefix.length) : relative(cwd, absolute);
  return (rel === "" ? "." : rel).split(sep).join("/");
}

/** Expands CLI paths into the files to lint, honouring .gitignore, in a stable order. */
export async function discover(paths: string[], cwd: string): Promise<Discovery> {
  const found = new Map<string, DiscoveredFile>();
  const roots: string[] = [];
  const missing: string[] = [];
  const readable: Array<(absolute: string) => boolean | undefined> = [];
  for (const p of paths.length ? paths : ["."]) {
    if (p === "-") {
      // `helm template ... | irsa-lint -`: standard input is one multi-document manifest.
      found.set("-", { path: STDIN, absolute: "/dev/stdin", kind: "kubernetes", stdin: true });
      continue;
    }
    const absolute = isAbsolute(p) ? p : resolve(cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(absolute).isDirectory();
    } catch {
      missing.push(p);
      continue;
    }
    roots.push(realpathSync(absolute));
    if (!isDir) {
      const kind = classify(absolute);
      if (kind && !found.has(absolute)) found.set(absolute, { path: displayPath(absolute, cwd), absolute, kind });
      continue;
    }
    // Paths below the folder, with forward slashes: joined to its paths once rather than resolved one by one.
    const base = displayPath(absolute, cwd);
    const prefix = base === "." ? "" : `${base}/`;
    // A folder named on the command line is scanned even when .gitignore covers it (`helm template … > rendered/`).
    // Git lists nothing in an ignored folder: only then is it asked whether the folder is ignored.
    const fromGit = await gitFiles(absolute);
    const ignoredRoot = fromGit !== undefined && fromGit.length === 0 && gitIgnores(absolute);
    const listed = fromGit === undefined ? await walkFiles(absolute) : ignoredRoot ? await walkFiles(absolute, false) : fromGit;
    readable.push(await readableIn(roots[roots.length - 1], fromGit && !ignoredRoot ? fromGit : undefined, fromGit === undefined));
    for (const rel of withoutPackages(absolute, listed.filter((f) => !IGNORED_DIR.test(f)))) {
      const kind = classify(rel);
      const file = (absolute.endsWith(sep) ? absolute : absolute + sep) + (sep === "/" ? rel : rel.replaceAll("/", sep));
      if (kind && !found.has(file)) found.set(file, { path: prefix + rel, absolute: file, kind });
    }
  }
  // Symlinks, special and deleted files are found when read (in parallel, one open each).
  const files = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // A named file, or a file under an ignored folder named on the command line, is the user's choice.
  return { files, roots, missing, readable: (absolute) => readable.map((r) => r(absolute)).find((r) => r !== undefined) ?? roots.includes(absolute) };
}

/**
 * Which files below `dir` the scan may read: those git lists (tracked or not ignored), or, where
 * git cannot run, those .gitignore does not exclude and those the index tracks. Undefined for a
 * file outside `dir`; true for every file of a folder the user named although git ignores it.
 */
async function readableIn(dir: string, listed: string[] | undefined, walked: boolean): Promise<(absolute: string) => boolean | undefined> {
  const inside = (absolute: string) => absolute.startsWith(dir.endsWith(sep) ? dir : dir + sep);
  const relativeTo = (absolute: string) => absolute.slice(dir.length + (dir.endsWith(sep) ? 0 : 1)).split(sep).join("/");
  if (listed) {
    const set = new Set(listed);
    return (absolute) => (inside(absolute) ? set.has(relativeTo(absolute)) : undefined);
  }
  if (!walked) return (absolute) => (inside(absolute) ? true : undefined);
  const { isGitIgnored } = await import("globby");
  const ignored = await isGitIgnored({ cwd: dir });
  const tracked = new Set(trackedFiles(dir) ?? []);
  return (absolute) => (inside(absolute) ? tracked.has(relativeTo(absolute)) || !ignored(absolute) : undefined);
}

/**
 * Inside a git work tree, git knows the files and the ignore rules already, twenty times faster
 * than walking the tree: tracked and untracked files, without the ignored ones, relative to `dir`
 * with forward slashes.
 */
async function gitFiles(dir: string): Promise<string[] | undefined> {
  try {
    // Synchronous: nothing else can start before the list is known, and it spawns faster.
    const stdout = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--deduplicate", "--", "."], {
      cwd: dir,
      maxBuffer: 1 << 30,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    return stdout.split("\0").filter(Boolean);
  } catch {
    return undefined; // not a work tree, or no git: walk the tree instead
  }
}

/** Whether git ignores the folder itself (false outside a work tree, or without git). */
function gitIgnores(dir: string): boolean {
  try {
    execFileSync("git", ["check-ignore", "-q", "."], { cwd: dir, stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Where git cannot list the files: a walk honouring `.gitignore`, plus every file the repository's
 * index tracks (a pull request's `.gitignore` must not hide tracked files), relative to `dir`.
 */
async function walkFiles(dir: string, gitignore = true): Promise<string[]> {
  // onlyFiles: false lists symlinks to files too, so each of them gets a status instead of silence.
  const { globby } = await import("globby");
  const walked = await globby(PATTERNS, { cwd: dir, gitignore, ignore: IGNORED, dot: true, followSymbolicLinks: false, onlyFiles: false });
  const tracked = trackedFiles(dir)?.filter((f) => classify(f) && !IGNORED_DIR.test(f)) ?? [];
  return [...new Set([...walked, ...tracked])];
}

/**
 * Files under `node_modules/` are linted when the repository keeps them (tracked, or not ignored),
 * except inside an npm package (a folder with a package.json): a Terraform module placed there is
 * configuration, a package's fixtures are not.
 */
function withoutPackages(dir: string, files: string[]): string[] {
  const isPackage = new Map<string, boolean>();
  // The folder itself may be a node_modules folder, or inside one, named on the command line.
  const base = `${dir.split(sep).join("/")}/`;
  return files.filter((f) => {
    const path = base + f;
    const at = path.lastIndexOf("/node_modules/");
    if (at < 0) return true;
    const rest = path.slice(at + "/node_modules/".length).split("/");
    if (rest.length < 2) return true;
    const name = rest[0].startsWith("@") ? rest.slice(0, 2).join("/") : rest[0];
    const folder = `${path.slice(0, at)}/node_modules/${name}`;
    let known = isPackage.get(folder);
    if (known === undefined) isPackage.set(folder, (known = existsSync(join(folder, "package.json"))));
    return !known;
  });
}

/**
 * Why a symlinked file must not be read, if it must not: it is broken, or it resolves outside the
 * scanned tree. Symlinked folders are never walked (no cycles).
 */
export function symlinkRefusal(absolute: string, roots: string[]): string | undefined {
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    return "broken symbolic link";
  }
  return insideRoots(real, roots) ? undefined : "symbolic link to outside the scanned tree";
}

/** Whether a real (symlink-free) path is one of the scanned roots or below one: the boundary nothing is read outside of. */
export function insideRoots(real: string, roots: string[]): boolean {
  return roots.some((r) => real === r || real.startsWith(r.endsWith(sep) ? r : r + sep));
}
