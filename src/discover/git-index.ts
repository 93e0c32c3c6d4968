import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";

/**
 * The paths git tracks, read from `.git/index` without git: where git cannot run (not installed,
 * or refusing a repository another user owns, as in CI containers), discovery walks the tree
 * honouring `.gitignore`, which a pull request controls. A file the repository tracks is linted
 * whatever the ignore files say. Index format: git's Documentation/gitformat-index.txt, v2 to v4.
 */
export function trackedFiles(dir: string): string[] | undefined {
  const top = workTreeTop(dir);
  if (!top) return undefined;
  let bytes: Buffer;
  try {
    const index = join(top, ".git", "index");
    // A pull request cannot commit .git/index, but a CI cache or a checkout action can leave one: bounded.
    if (statSync(index).size > MAX_INDEX_BYTES) return undefined;
    bytes = readFileSync(index);
  } catch {
    return undefined;
  }
  const paths = readIndex(bytes);
  if (!paths) return undefined;
  const prefix = relative(top, dir).split(sep).join("/");
  if (!prefix) return paths;
  return paths.filter((p) => p.startsWith(`${prefix}/`)).map((p) => p.slice(prefix.length + 1));
}

/** The nearest folder upwards with a `.git` folder (a linked worktree's `.git` file is left to git). */
function workTreeTop(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const git = join(d, ".git");
    if (existsSync(git)) return statSync(git).isDirectory() ? d : undefined;
    if (dirname(d) === d) return undefined;
  }
}

/** An index larger than this, or listing more entries, is not read (git's own limits are far above real repositories). */
const MAX_INDEX_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 500_000;
/** The longest path a file system takes: a longer entry name means the index is not one git wrote. */
const MAX_NAME_BYTES = 4096;

/**
 * Whether an entry path is one discovery may read: relative, without `..`, empty or `.git`
 * segments, as git itself refuses to check out (verify_path); otherwise `../outside.yaml` would be read.
 */
export function safeEntryPath(path: string): boolean {
  if (path === "" || path.startsWith("/") || /^[A-Za-z]:/.test(path) || path.includes("\\") || path.includes("\0")) return false;
  return path.split("/").every((segment) => segment !== "" && segment !== "." && segment !== ".." && segment.toLowerCase() !== ".git");
}

/** Entry paths of an index, or undefined for anything but a well-formed v2-v4 index. */
export function readIndex(bytes: Buffer): string[] | undefined {
  if (bytes.length < 12 || bytes.toString("latin1", 0, 4) !== "DIRC") return undefined;
  const version = bytes.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = bytes.readUInt32BE(8);
  // Each entry takes at least 62 bytes: a count the file cannot hold is not an index.
  if (count > MAX_ENTRIES || count * 62 > bytes.length) return undefined;
  const paths: string[] = [];
  let at = 12;
  let previous: Buffer = Buffer.alloc(0);
  for (let i = 0; i < count; i++) {
    const start = at;
    // ctime, mtime, dev, ino, mode, uid, gid, size (4 bytes each but times, 8), object id (20 bytes).
    at += 60;
    if (at + 2 > bytes.length) return undefined;
    const flags = bytes.readUInt16BE(at);
    at += 2;
    if (version >= 3 && flags & 0x4000) at += 2;
    let name: Buffer;
    if (version === 4) {
      // The name is the previous one less N bytes, plus what follows up to NUL.
      let byte = bytes[at++];
      let strip = byte & 0x7f;
      while (byte & 0x80) {
        byte = bytes[at++];
        strip = ((strip + 1) << 7) | (byte & 0x7f);
      }
      const end = bytes.indexOf(0, at);
      if (end < 0 || strip > previous.length || previous.length - strip + (end - at) > MAX_NAME_BYTES) return undefined;
      name = Buffer.concat([previous.subarray(0, previous.length - strip), bytes.subarray(at, end)]);
      at = end + 1;
    } else {
      const end = bytes.indexOf(0, at);
      if (end < 0 || end - at > MAX_NAME_BYTES) return undefined;
      name = bytes.subarray(at, end);
      // Entries are padded with NULs to a multiple of eight bytes.
      at = start + ((end - start + 8) & ~7);
    }
    previous = name;
    // Stage 0 only: a path in conflict is listed once per stage.
    const path = name.toString("utf8");
    if (((flags >> 12) & 3) === 0 && safeEntryPath(path)) paths.push(path);
  }
  return paths;
}
