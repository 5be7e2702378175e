import { expect, test } from "@playwright/test";
import { completeMonitor, SURVEY_LABELS } from "./monitor-support.ts";
import { logIn } from "./support.ts";

test("a farmer fills in part of the monitor, comes back to the same page, completes it and gets a receipt", async ({
  page,
}) => {
  const labels = SURVEY_LABELS.nl;
  await logIn(page, "farmer@demo.test");
  await expect(page.getByTestId("monitor-status")).toHaveText("Niet begonnen");
  await page.getByRole("link", { name: "Start de monitor" }).click();

  await expect(page.getByText(/antwoorden zijn ingevuld vanuit uw vorige monitor \(2025\)/)).toBeVisible();
  const cows = page
    .getByRole("textbox", { name: /Aantal melkkoeien/ })
    .or(page.getByRole("spinbutton", { name: /Aantal melkkoeien/ }));
  await cows.fill("117");
  await expect(page.getByTestId("save-state")).toHaveText(/Alle antwoorden bewaard/);

  // Offline, the answer is kept and saved once the connection is back.
  await page.context().setOffline(true);
  await cows.fill("118");
  await expect(page.getByTestId("save-state")).toHaveText(/Offline/);
  await page.context().setOffline(false);
  await expect(page.getByTestId("save-state")).toHaveText(/Alle antwoorden bewaard/);
  await page.getByRole("button", { name: labels.next, exact: true }).click();
  await expect(page.getByRole("tab", { name: "Diergezondheid", selected: true })).toBeVisible();
  await expect(page.getByTestId("save-state")).toHaveText(/Alle antwoorden bewaard/);

  await page.reload();
  await expect(page.getByRole("tab", { name: "Diergezondheid", selected: true })).toBeVisible();
  await page.getByRole("button", { name: labels.previous, exact: true }).click();
  await expect(cows).toHaveValue("118");

  await completeMonitor(page, labels);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ontvangstbewijs van indiening");
  await expect(page.getByText("BE10000001-0101")).toBeVisible();
  await expect(page.getByText("Duurzaamheidsmonitor 2026")).toBeVisible();
  await expect(page.getByTestId("initiative-total")).toHaveText(/^\d+$/);
  await expect(page.getByRole("term").filter({ hasText: "Aantal melkkoeien" })).toBeVisible();

  await page.goto("/farmer");
  await expect(page.getByTestId("monitor-status")).toHaveText("Ingediend");
});

test("un éleveur wallon remplit le monitoring en français sur un téléphone", async ({ browser }) => {
  const context = await browser.newContext({
    locale: "fr-BE",
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const labels = SURVEY_LABELS.fr;
  await logIn(page, "fermier@demo.test", { locale: "fr" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bienvenue, Marie Lambert");
  await page.getByRole("link", { name: "Commencer le monitoring" }).click();
  await expect(page.getByRole("tab", { name: "Profil de l'exploitation", selected: true })).toBeVisible();
  await expect(page.getByText(/Nombre de vaches laitières/)).toBeVisible();
  await completeMonitor(page, labels);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accusé de réception");
  await expect(page.getByText("Monitoring de durabilité 2026")).toBeVisible();
  await page.screenshot({ path: "test-results/receipt-fr-phone.png", fullPage: false });
  await context.close();
});
