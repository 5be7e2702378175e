import { expect, test } from "@playwright/test";
import { logIn } from "./support.ts";

for (const [locale, language, title, next] of [
  ["nl", "Nederlands", "Bedrijfsprofiel", "Volgende"],
  ["fr", "Français", "Profil de l'exploitation", "Suivant"],
] as const) {
  test(`the 2026 questionnaire renders in ${language}`, async ({ page }) => {
    await logIn(page, "admin@demo.test");
    await page.getByLabel(/Language|Taal|Langue/).selectOption(locale);
    await page.goto("/admin/questionnaires");
    await expect(page.getByRole("tab", { name: title, selected: true })).toBeVisible();
    await expect(page.getByRole("button", { name: next, exact: true })).toBeVisible();
    if (locale === "fr")
      await expect(page.getByText("Nombre de vaches laitières (en lactation et taries)")).toBeVisible();
    else await expect(page.getByText("Aantal melkkoeien (melkgevend en droogstaand)")).toBeVisible();
  });
}

test("every questionnaire version renders", async ({ page }) => {
  await logIn(page, "admin@demo.test");
  await page.getByLabel(/Language|Taal|Langue/).selectOption("en");
  await page.goto("/admin/questionnaires");
  for (const [version, heading] of [
    ["2014", "Animal health"],
    ["2020", "Animal health"],
  ] as const) {
    await page.getByRole("button", { name: new RegExp(`${version}$`) }).click();
    await expect(page.getByText(heading, { exact: true }).first()).toBeVisible();
  }
});
