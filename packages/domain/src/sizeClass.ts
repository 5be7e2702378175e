/** Herd-size classes (dairy cows) used to compare a farm with farms of its size. */
export const SIZE_CLASSES = [
  { id: "under_50", min: 0, max: 49 },
  { id: "50_99", min: 50, max: 99 },
  { id: "100_149", min: 100, max: 149 },
  { id: "150_plus", min: 150, max: null },
] as const;

export type SizeClassId = (typeof SIZE_CLASSES)[number]["id"];

export function sizeClassOf(herdSize: number): SizeClassId {
  const found = SIZE_CLASSES.find((c) => herdSize >= c.min && (c.max === null || herdSize <= c.max));
  return (found ?? SIZE_CLASSES[0]).id;
}

export function sizeClassBounds(id: SizeClassId): { min: number; max: number | null } {
  const found = SIZE_CLASSES.find((c) => c.id === id) ?? SIZE_CLASSES[0];
  return { min: found.min, max: found.max };
}
