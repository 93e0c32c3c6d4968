/** Appends to the list a map holds for `key`, starting one: linear, where copying the list on each append was quadratic. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/**
 * `build` run once per key object and remembered while the key lives: the rules ask about the
 * same models, documents and statements many times over.
 */
export function memoised<K extends object, T>(build: (key: K) => T): (key: K) => T {
  const built = new WeakMap<K, T>();
  return (key) => {
    if (built.has(key)) return built.get(key)!;
    const value = build(key);
    built.set(key, value);
    return value;
  };
}

/** A few items and how many more: "a, b, c and 2 more". */
export function listSome(items: readonly string[], shown: number): string {
  const head = items.slice(0, shown).join(", ");
  return items.length > shown ? `${head} and ${items.length - shown} more` : head;
}
