import { createRequire as __irsaLintRequire } from "node:module"; const require = __irsaLintRequire(import.meta.url);

// src/core/collections.ts
function pushTo(map, key, item) {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
function memoised(build) {
  const built = /* @__PURE__ */ new WeakMap();
  return (key) => {
    if (built.has(key)) return built.get(key);
    const value = build(key);
    built.set(key, value);
    return value;
  };
}

// src/core/sanitize.ts
var INVISIBLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
var NAMED = { "\n": "\\n", "\r": "\\r", "\x1B": "\\e" };
function visible(text) {
  return text.replace(INVISIBLE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function excerpt(text, max) {
  const shown = visible(text);
  return shown.length <= max ? shown : `${shown.slice(0, max - 1)}\u2026`;
}
function guardLine(line) {
  return /^\s*::/.test(line) ? line.replace("::", "\\x3a:") : line;
}
var MIN_TRACKED = 8;
function elideFileText(text, tainted) {
  if (text.length < MIN_TRACKED) return text;
  let out = text;
  for (const t of tainted) if (out.includes(t)) out = out.split(t).join(`${t.slice(0, 4)}\u2026(file text not shown)`);
  return out;
}

export {
  visible,
  excerpt,
  guardLine,
  MIN_TRACKED,
  elideFileText,
  pushTo,
  memoised
};
