import { expect, test } from "@playwright/test";
import { logIn } from "./support.ts";

const homes = [
  { email: "farmer@demo.test", path: "/farmer", heading: "Welkom, Jan Vermeulen" },
  { email: "fermier@demo.test", path: "/farmer", heading: "Bienvenue, Marie Lambert" },
  { email: "sector@demo.test", path: "/sector", heading: "Sectorcijfers" },
  { email: "buyer@demo.test", path: "/sector", heading: "Sectorcijfers" },
  { email: "jury@demo.test", path: "/jury/\\d+", heading: "Sustainability Awards 2026" },
  { email: "auditor@demo.test", path: "/auditor", heading: "Audits" },
  { email: "admin@demo.test", path: "/admin", heading: "Administration" },
];

for (const home of homes) {
  test(`${home.email} lands on their home`, async ({ page }) => {
    await logIn(page, home.email);
    await expect(page).toHaveURL(new RegExp(`${home.path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(home.heading);
  });
}

test("a wrong password shows an error and keeps the user on the login page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel("E-mailadres").fill("farmer@demo.test");
  await page.getByLabel("Wachtwoord").fill("not-the-password");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByRole("alert")).toHaveText("Het e-mailadres of het wachtwoord is fout.");
  await expect(page).toHaveURL(/\/login$/);
});

test("the language switch translates the interface and is remembered for the user", async ({
  page,
  context,
}) => {
  await logIn(page, "auditor@demo.test");
  await page.getByLabel("Taal").selectOption("fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audits");
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await context.clearCookies();
  await page.evaluate(() => localStorage.clear());
  await logIn(page, "auditor@demo.test", { locale: "fr" });
  await expect(page.getByLabel("Langue")).toHaveValue("fr");
  await page.getByLabel("Langue").selectOption("nl");
  await expect(page.getByRole("button", { name: "Afmelden" })).toBeVisible();
});

test("a farmer cannot open another role's area", async ({ page }) => {
  await logIn(page, "farmer@demo.test");
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/farmer$/);
});
