import { expect, test } from "@playwright/test";
import { logIn } from "./support.ts";

test("an auditor finds a farm of its inspection body and reads what was declared", async ({ page }) => {
  await logIn(page, "auditor@demo.test");
  await page.getByLabel("Beslagnummer of bedrijfsnaam").fill("Hoeve De Linde");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await page.getByRole("link", { name: "Hoeve De Linde" }).click();
  await expect(page.getByRole("heading", { name: /Hoeve De Linde · BE10000001-0101/ })).toBeVisible();
  await page.getByRole("row", { name: /^2025/ }).getByRole("link", { name: "Ontvangstbewijs" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ontvangstbewijs van indiening");
  await expect(page.getByRole("heading", { name: "Alle antwoorden" })).toBeVisible();
});

test("an administrator reopens a submitted monitor of the open campaign with a reason", async ({ page }) => {
  await logIn(page, "admin@demo.test");
  await page.getByLabel(/Language|Taal|Langue/).selectOption("en");
  await page.goto("/admin/farms");
  await page.getByLabel("Herd number or farm name").fill("Bois Joli");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Ferme du Bois Joli" }).click();
  // A closed campaign's submission cannot be reopened: its farm could never submit it again.
  const closed = page.getByRole("row", { name: /^2014/ });
  await expect(closed.getByText("Submitted")).toBeVisible();
  await expect(closed.getByRole("button", { name: "Reopen" })).toHaveCount(0);
  // monitor.spec.ts submitted this farm's 2026 monitor earlier in the run
  const row = page.getByRole("row", { name: /^2026/ });
  await expect(row.getByText("Submitted")).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept("Herd size was mistyped"));
  await row.getByRole("button", { name: "Reopen" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "The monitor is open again for changes." }),
  ).toBeVisible();
  await expect(row.getByText("In progress")).toBeVisible();
  await page.goto("/admin/audit-log");
  await expect(page.getByRole("cell", { name: "reopen" }).first()).toBeVisible();
});
