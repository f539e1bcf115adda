/** Element i of an array, throwing instead of yielding undefined when i is out of range. */
export function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) {
    throw new RangeError(`index ${index} out of range (length ${items.length})`);
  }
  return item;
}
