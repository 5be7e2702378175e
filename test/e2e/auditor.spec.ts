import { expect, test } from "@playwright/test";
import { logIn } from "./support.ts";

test("an auditor plans by readiness, reads the declared answers and records an audit", async ({ page }) => {
  await logIn(page, "auditor@demo.test");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audits");
  // Only farms whose current monitor is submitted, the next audit first.
  await page.getByRole("combobox", { name: /^Monitor/ }).selectOption("submitted");
  await expect(page.getByRole("row").nth(1)).toContainText("Ingediend");
  await expect(page.getByRole("cell", { name: /^(Niet begonnen|Bezig)/ })).toHaveCount(0);
  await page.getByRole("combobox", { name: /^Monitor/ }).selectOption("");
  await page.getByLabel("Beslagnummer of bedrijfsnaam").fill("Hoeve De Linde");
  await page.getByRole("button", { name: "Zoeken" }).click();
  const farm = page.getByRole("row", { name: /Hoeve De Linde/ });
  await expect(farm.getByText(/Ingediend|Bezig|Niet begonnen/)).toBeVisible();
  await farm.getByRole("link", { name: "Hoeve De Linde" }).click();

  // What the farmer declared: the receipt with every answer, read-only.
  await page.getByRole("row", { name: /^2025/ }).getByRole("link", { name: "Ontvangstbewijs" }).click();
  await expect(page.getByRole("heading", { name: "Alle antwoorden" })).toBeVisible();
  await page.goBack();

  await page.getByLabel("Auditdatum", { exact: true }).fill("2026-12-01");
  await page.getByRole("combobox", { name: /^Resultaat/ }).selectOption("findings");
  await page.getByLabel("Notitie").fill("Koeborstel ontbreekt in de tweede groep");
  await page.getByLabel("Datum volgende audit (optioneel)").fill("2029-12-01");
  await page.getByRole("button", { name: "Registreren", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "De audit is geregistreerd." })).toBeVisible();
  const recorded = page.getByRole("row", { name: /Koeborstel ontbreekt/ });
  await expect(recorded).toContainText("Met opmerkingen");
  await expect(recorded).toContainText("auditor@demo.test");
});
