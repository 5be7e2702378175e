import { expect, type Locator, type Page } from "@playwright/test";

/** Ferme du Bois Joli: the farmer-*.spec.ts journeys run in French, as in the issue they come from. */
export const FERMIER = "fermier@demo.test";
export const FERMIER_FARM = 2;

export const cowsField = (page: Page): Locator =>
  page
    .getByRole("textbox", { name: /Nombre de vaches laitières/ })
    .or(page.getByRole("spinbutton", { name: /Nombre de vaches laitières/ }));

export const landField = (page: Page): Locator =>
  page
    .getByRole("textbox", { name: /Superficie agricole exploitée/ })
    .or(page.getByRole("spinbutton", { name: /Superficie agricole exploitée/ }));

/** Opens the farm's open monitor from the farmer's home, on its first page. */
export async function openMonitor(page: Page) {
  await page.goto("/farmer");
  await page.getByRole("link", { name: /^(Commencer|Continuer) le monitoring$/ }).click();
  await page.locator(".progress-steps button").first().click();
  await expect(cowsField(page)).toBeVisible();
}

/** The monitor as the server has it now. */
export async function storedAnswers(page: Page, campaignId: number): Promise<Record<string, unknown>> {
  const response = await page.request.get(`/api/farms/${FERMIER_FARM}/monitor/${campaignId}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { response: { data: Record<string, unknown> } }).response.data;
}

export const SAVED_FR = /Toutes les réponses sont enregistrées/;
