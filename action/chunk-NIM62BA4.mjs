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

export {
  pushTo,
  memoised
};
