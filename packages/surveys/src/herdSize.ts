/** The question (2026 and later) in which a farm states its herd: dairy cows, milking and dry. */
export const HERD_SIZE_QUESTION = "dairy_cows";

/**
 * The herd a monitor's answers state, or null when they state none (an older questionnaire, or no
 * whole number of cows): the farm's herd in that campaign's year, kept when the monitor is submitted.
 */
export function declaredHerdSize(answers: Record<string, unknown>): number | null {
  const value = answers[HERD_SIZE_QUESTION];
  const cows = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof cows === "number" && Number.isInteger(cows) && cows >= 0 ? cows : null;
}
