import { expect, test } from "@playwright/test";
import { logIn } from "./support.ts";

test("the demo farmer sees last year's results with charts, in Dutch", async ({ page }) => {
  await logIn(page, "farmer@demo.test");
  await page.getByRole("row", { name: /^2025/ }).getByRole("link", { name: "Resultaten" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uw resultaten 2025");
  await expect(page.getByTestId("farm-total")).toHaveText(/^\d+$/);
  await expect(page.getByRole("heading", { name: "Initiatieven per thema" })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Wat collega's doen" })).toBeVisible();
  await page.getByText("Toon als tabel").first().click();
  await expect(page.getByRole("cell", { name: "Diergezondheid" })).toBeVisible();
  await page.screenshot({ path: "test-results/results-nl.png", fullPage: true });
});

test("un éleveur voit ses résultats en français", async ({ browser }) => {
  const context = await browser.newContext({
    locale: "fr-BE",
    viewport: { width: 390, height: 844 },
    isMobile: true,
  });
  const page = await context.newPage();
  await logIn(page, "fermier@demo.test", { locale: "fr" });
  await page.getByRole("row", { name: /^2025/ }).getByRole("link", { name: "Résultats" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vos résultats 2025");
  await expect(page.getByRole("heading", { name: "Initiatives par thème" })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await expect(page.getByText("Ce que font vos collègues")).toBeVisible();
  await page.screenshot({ path: "test-results/results-fr-phone.png", fullPage: true });
  await context.close();
});
