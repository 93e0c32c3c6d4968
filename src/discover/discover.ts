import { execFileSync } from "node:child_process";
import { realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";

/** How outputs name standard input. */
export const STDIN = "<stdin>";

export type FileKind = "kubernetes" | "terraform" | "terraform-json" | "tfvars" | "tfvars-json" | "iam-json";

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
}

const PATTERNS = ["**/*.yaml", "**/*.yml", "**/*.tf", "**/*.tf.json", "**/*.tfvars", "**/*.tfvars.json", "**/*.json"];
const IGNORED = ["**/.git/**", "**/node_modules/**", "**/.terraform/**"];
const IGNORED_DIR = /(^|\/)(\.git|node_modules|\.terraform)\//;

export function classify(path: string): FileKind | undefined {
  if (path.endsWith(".tf")) return "terraform";
  if (path.endsWith(".tf.json")) return "terraform-json";
  if (path.endsWith(".tfvars")) return "tfvars";
  if (path.endsWith(".tfvars.json")) return "tfvars-json";
  if (path.endsWith(".yaml") || path.endsWith(".yml")) return "kubernetes";
  if (path.endsWith(".json")) return "iam-json";
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
    for (const rel of (await gitFiles(absolute)) ?? (await globFiles(absolute))) {
      const kind = classify(rel);
      const file = (absolute.endsWith(sep) ? absolute : absolute + sep) + (sep === "/" ? rel : rel.replaceAll("/", sep));
      if (kind && !found.has(file)) found.set(file, { path: prefix + rel, absolute: file, kind });
    }
  }
  // Symlinks, special and deleted files are found when read (in parallel, one open each).
  const files = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, roots, missing };
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
    return stdout.split("\0").filter((f) => f && !IGNORED_DIR.test(f));
  } catch {
    return undefined; // not a work tree, or no git: walk the tree instead
  }
}

/** Outside a work tree: the files below `dir`, relative to it, as git would list them. */
async function globFiles(dir: string): Promise<string[]> {
  // onlyFiles: false lists symlinks to files too, so each of them gets a status instead of silence.
  const { globby } = await import("globby");
  return globby(PATTERNS, { cwd: dir, gitignore: true, ignore: IGNORED, dot: true, followSymbolicLinks: false, onlyFiles: false });
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
