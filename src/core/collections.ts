/** Appends to the list a map holds for `key`, starting one: linear, where copying the list on each append was quadratic. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
