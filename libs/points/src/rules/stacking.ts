/**
 * Walks candidates in priority order. A stackable candidate applies unless an exclusive
 * one already did; an exclusive (non-stackable) one applies only if nothing has applied
 * yet, and then ends the walk.
 */
export function selectStacked<T>(
  candidates: readonly T[],
  isStackable: (candidate: T) => boolean,
): T[] {
  const selected: T[] = [];
  for (const candidate of candidates) {
    if (isStackable(candidate)) {
      selected.push(candidate);
    } else if (selected.length === 0) {
      return [candidate];
    }
  }
  return selected;
}
