import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { cowsField, FERMIER, FERMIER_FARM, landField, openMonitor } from "./farmer-support.ts";
import { completeMonitor, reopenIfSubmitted, SURVEY_LABELS } from "./monitor-support.ts";
import { logIn } from "./support.ts";

// The form guides the farmer through the monitor on a phone: carried-over answers to confirm,
// a named progress bar, the focus on the page heading, and on "submit" a list of what is missing.

test("on a phone, the form guides the farmer to a complete monitor, and says why it was reopened", async ({
  browser,
  request,
}) => {
  const labels = SURVEY_LABELS.fr;
  await reopenIfSubmitted(request, FERMIER_FARM);
  const context = await browser.newContext({
    locale: "fr-BE",
    viewport: { width: 360, height: 760 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await logIn(page, FERMIER, { locale: "fr" });
  await openMonitor(page);
  await expect(page).toHaveTitle("Monitoring de durabilité");

  // The carried-over notice names the year after a reload too; each answer has its own confirm.
  await page.reload();
  await expect(page.locator(".carried-notice")).toContainText("monitoring précédent (2025)");
  await page.locator(".progress-steps button").first().click();
  const confirms = page.locator(".carried-control").getByRole("button", { name: /^Confirmer/ });
  const before = await confirms.count();
  expect(before).toBeGreaterThan(0);
  await confirms.first().click();
  await expect(confirms).toHaveCount(before - 1);

  // "Next" names the page and puts the focus on its heading.
  await page.getByRole("button", { name: labels.next, exact: true }).click();
  await expect(page.getByTestId("progress-text")).toHaveText("Page 2 sur 9 · Santé animale");
  await expect(page.locator(".sd-page__title")).toBeFocused();
  await expect(
    page.getByRole("button", {
      name: /^Profil de l'exploitation \((complétée|visitée, pas encore complète)\)$/,
    }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Déclaration (pas encore visitée)" })).toBeVisible();

  // Two required answers emptied: "submit" on the last page lists both, with links to them.
  await page.locator(".progress-steps button").first().click();
  await cowsField(page).fill("");
  await landField(page).fill("");
  await page.locator(".progress-steps button").last().click();
  await page.getByRole("button", { name: labels.complete, exact: true }).click();
  const summary = page.getByTestId("answer-summary");
  await expect(summary.getByRole("heading")).toBeFocused();
  await expect(summary.getByRole("link", { name: /Nombre de vaches laitières/ })).toBeVisible();
  await expect(summary.getByRole("link", { name: /Superficie agricole exploitée/ })).toBeVisible();
  await expect(summary.getByRole("button", { name: "Soumettre maintenant" })).toBeDisabled();
  await page.screenshot({ path: "test-results/farmer-summary-fr-360.png", fullPage: true });

  // No accessibility violation on the monitor at phone size, the list of problems shown.
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );

  await summary.getByRole("link", { name: /Nombre de vaches laitières/ }).click();
  await expect(page.getByTestId("progress-text")).toHaveText(/^Page 1 sur 9/);
  await cowsField(page).fill("150");
  await expect(summary.getByRole("link", { name: /Nombre de vaches laitières/ })).toHaveCount(0);
  await completeMonitor(page, labels);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accusé de réception");

  // An administrator reopens it: the farmer reads why.
  await reopenIfSubmitted(request, FERMIER_FARM);
  await page.goto("/farmer");
  await page.getByRole("link", { name: "Continuer le monitoring" }).click();
  await expect(page.getByTestId("reopened-notice")).toContainText("« e2e: submit the monitor again »");
  await context.close();
});
