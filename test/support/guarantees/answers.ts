/** Answer sets for the 2026 questionnaire (surveys/2026), shared by the guarantee tests. */
import { complete2026 } from "../fixtures.ts";

/** Every answer the 2026 questionnaire requires, taking two initiatives (a vet contract, cow brushes). */
export const COMPLETE_2026 = {
  ...complete2026,
  herd_health_vet: true,
  herd_health_vet_contract_ref: "VET-2026-17",
  cow_brush_count: 3,
} as const;

/**
 * A draft as a farmer saves it while typing: valid for a save, different for every `(farm, seq)`,
 * so that a stored answer set names the save it came from.
 */
export function draftAnswers(farmId: number, seq: number): Record<string, unknown> {
  return {
    dairy_cows: 1 + (seq % 4999),
    young_stock: farmId,
    milk_delivered_litres: farmId * 100_000 + seq,
    grazing: seq % 2 === 0,
  };
}
