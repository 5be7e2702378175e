import type { SurveyVersion } from "@monitor/surveys";
import { Model, type Question } from "survey-core";
import type { Random } from "./random.ts";

export interface FarmProfile {
  herdSize: number;
}

/** Plausible values for the profile and number questions a demo farm answers. */
function numberAnswer(question: Question, profile: FarmProfile, random: Random): number {
  const hectares = Math.round(profile.herdSize * (0.5 + random.next() * 0.4));
  const known: Record<string, () => number> = {
    dairy_cows: () => profile.herdSize,
    young_stock: () => Math.round(profile.herdSize * 0.8),
    milk_delivered_litres: () => profile.herdSize * random.int(7_500, 10_000),
    land_ha: () => hectares,
    grassland_ha: () => Math.round(hectares * 0.6),
    grazing_days: () => random.int(120, 240),
    own_renewable_electricity_kwh: () => (random.next() < 0.45 ? random.int(4_000, 90_000) : random.int(0, 3_000)),
    average_herd_age_years: () => random.int(4, 8),
    replacement_rate_pct: () => random.int(18, 38),
    high_cell_count_pct: () => random.int(5, 25),
    cow_brush_count: () => random.int(0, 4),
    barn_volume_m3_per_animal: () => random.int(28, 55),
  };
  const value = known[question.name]?.();
  if (value !== undefined) return value;
  const min = Number(question.getPropertyValue("min") ?? 0);
  const max = Number(question.getPropertyValue("max") ?? 100);
  return Math.round(min + random.next() * Math.min(max - min, 100));
}

/**
 * A complete, plausible set of answers to one questionnaire version, where each yes/no practice is
 * taken with probability `propensity`. Answers to questions hidden by the other answers are dropped.
 */
export function demoAnswers(version: SurveyVersion, profile: FarmProfile, random: Random, propensity: number) {
  const model = new Model(version.json);
  const data: Record<string, unknown> = {};
  for (const question of model.getAllQuestions()) {
    const type = question.getType();
    const choices = ((question as unknown as { choices?: { value: unknown }[] }).choices ?? []).map((c) => c.value);
    if (type === "boolean") data[question.name] = question.isRequired && question.name.startsWith("declaration") ? true : random.next() < propensity;
    else if (type === "checkbox") {
      const picked = choices.filter(() => random.next() < propensity / 2);
      if (!picked.length && question.isRequired) picked.push(random.pick(choices));
      if (picked.length) data[question.name] = picked;
    } else if (type === "radiogroup" || type === "dropdown") data[question.name] = random.pick(choices);
    else if (type === "text" && question.getPropertyValue("inputType") === "number") data[question.name] = numberAnswer(question, profile, random);
    else if (type === "text") data[question.name] = `DOC-${random.int(1000, 9999)}`;
  }
  model.data = data;
  for (const question of model.getAllQuestions()) {
    if (!question.isVisible) delete data[question.name];
  }
  return data;
}
