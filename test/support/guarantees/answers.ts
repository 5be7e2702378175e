/** Answer sets for the 2026 questionnaire (surveys/2026), shared by the guarantee tests. */

/** Every answer the 2026 questionnaire requires, taking two initiatives (a vet contract, cow brushes). */
export const COMPLETE_2026 = {
  dairy_cows: 120,
  land_ha: 80,
  grassland_ha: 50,
  grazing: true,
  grazing_days: 180,
  housing_type: "free_stall",
  milking_system: "milking_robot",
  own_renewable_electricity_kwh: 0,
  herd_health_vet: true,
  herd_health_vet_contract_ref: "VET-2026-17",
  cow_brush_count: 3,
  cell_count_testing: false,
  milking_machine_test: false,
  energy_scan: false,
  waste_disposal_proven: false,
  alternative_water: false,
  declaration_correct: true,
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
