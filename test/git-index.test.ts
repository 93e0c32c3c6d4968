import { describe, expect, it } from "vitest";
import { readIndex, safeEntryPath } from "../src/discover/git-index.js";

/** A v2 index as git writes it: header, then each entry (62 bytes of stat data and flags, the name, NUL padding to 8). */
function indexV2(names: string[]): Buffer {
  const entries = names.map((name) => {
    const bytes = Buffer.from(name, "utf8");
    const length = (62 + bytes.length + 8) & ~7;
    const entry = Buffer.alloc(length);
    entry.writeUInt16BE(Math.min(bytes.length, 0xfff), 60);
    bytes.copy(entry, 62);
    return entry;
  });
  const header = Buffer.alloc(12);
  header.write("DIRC", 0, "latin1");
  header.writeUInt32BE(2, 4);
  header.writeUInt32BE(names.length, 8);
  return Buffer.concat([header, ...entries]);
}

/** A v4 index whose every name is the previous one plus `suffix` (prefix compression, strip 0). */
function growingV4(count: number, suffix: string): Buffer {
  const entries: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const entry = Buffer.alloc(62);
    entries.push(entry, Buffer.from([0]), Buffer.from(`${suffix}\0`, "utf8"));
  }
  const header = Buffer.alloc(12);
  header.write("DIRC", 0, "latin1");
  header.writeUInt32BE(4, 4);
  header.writeUInt32BE(count, 8);
  return Buffer.concat([header, ...entries]);
}

describe("git index fallback", () => {
  it("reads the paths git tracks", () => {
    expect(readIndex(indexV2(["k8s/sa.yaml", "terraform/main.tf"]))).toEqual(["k8s/sa.yaml", "terraform/main.tf"]);
  });

  it("drops entry paths git would refuse to check out: absolute, .., .git, empty segments", () => {
    const names = ["../outside.yaml", "/etc/passwd", "a/../../b.yaml", ".git/config", "a/.GIT/hooks/x.yaml", "a//b.yaml", "C:/x.yaml", "ok.yaml"];
    expect(readIndex(indexV2(names))).toEqual(["ok.yaml"]);
    for (const name of names.slice(0, -1)) expect(safeEntryPath(name), name).toBe(false);
  });

  it("refuses an index whose names grow past a path's length, or whose entry count the file cannot hold", () => {
    expect(readIndex(growingV4(10, "ab"))).toHaveLength(10);
    expect(readIndex(growingV4(5_000, "abcdefgh"))).toBeUndefined();
    const lying = indexV2(["a.yaml"]);
    lying.writeUInt32BE(4_000_000_000, 8);
    expect(readIndex(lying)).toBeUndefined();
  });
});
