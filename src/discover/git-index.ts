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
    bytes = readFileSync(join(top, ".git", "index"));
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

/** Entry paths of an index, or undefined for anything but a well-formed v2-v4 index. */
export function readIndex(bytes: Buffer): string[] | undefined {
  if (bytes.length < 12 || bytes.toString("latin1", 0, 4) !== "DIRC") return undefined;
  const version = bytes.readUInt32BE(4);
  if (version < 2 || version > 4) return undefined;
  const count = bytes.readUInt32BE(8);
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
      if (end < 0 || strip > previous.length) return undefined;
      name = Buffer.concat([previous.subarray(0, previous.length - strip), bytes.subarray(at, end)]);
      at = end + 1;
    } else {
      const end = bytes.indexOf(0, at);
      if (end < 0) return undefined;
      name = bytes.subarray(at, end);
      // Entries are padded with NULs to a multiple of eight bytes.
      at = start + ((end - start + 8) & ~7);
    }
    previous = name;
    // Stage 0 only: a path in conflict is listed once per stage.
    if (((flags >> 12) & 3) === 0) paths.push(name.toString("utf8"));
  }
  return paths;
}
