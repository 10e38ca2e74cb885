/** Same ids, in any order (many2many values carry no order). */
export function sameIdSet(a: readonly number[], b: readonly number[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((id) => left.has(id));
}
