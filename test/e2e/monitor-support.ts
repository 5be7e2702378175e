import { type ElementHandle, expect, type Page } from "@playwright/test";

export interface SurveyLabels {
  next: string;
  previous: string;
  complete: string;
  yes: string;
}

export const SURVEY_LABELS = {
  nl: { next: "Volgende", previous: "Vorige", complete: "Verzenden", yes: "Ja" },
  fr: { next: "Suivant", previous: "Précédent", complete: "Terminer", yes: "Oui" },
} satisfies Record<string, SurveyLabels>;

/** Answers one question that the form marked as needing an answer, whatever its kind. */
async function answer(question: ElementHandle, labels: SurveyLabels) {
  const number = await question.$("input[type=number]");
  if (number) return number.fill("10");
  const text = await question.$("input[type=text], textarea");
  if (text) return text.fill("DOC-2026-1");
  if (await question.$(".sd-boolean")) {
    for (const label of await question.$$(".sd-boolean__label")) {
      if (((await label.textContent()) ?? "").trim() === labels.yes) return label.click();
    }
  }
  const choice = await question.$(".sd-item__control-label");
  if (choice) return choice.click();
  throw new Error(`do not know how to answer: ${await question.textContent()}`);
}

/**
 * Completes the monitor as a farmer would: go to the last page, press the complete button, and
 * answer whatever the form (or the server) still asks for, until the receipt shows.
 */
export async function completeMonitor(page: Page, labels: SurveyLabels) {
  for (let round = 0; round < 20; round++) {
    const next = page.getByRole("button", { name: labels.next, exact: true });
    while (await next.isVisible()) await next.click();
    await page.getByRole("button", { name: labels.complete, exact: true }).click();
    const errors = page.locator(".sd-question--error");
    await expect(async () => {
      expect(/\/receipt\//.test(page.url()) || (await errors.count()) > 0).toBe(true);
    }).toPass();
    if (/\/receipt\//.test(page.url())) return;
    for (const question of await errors.elementHandles()) await answer(question, labels);
  }
  throw new Error("the monitor could not be completed");
}
