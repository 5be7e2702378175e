import { expect, type Page } from "@playwright/test";

const loginLabels = {
  nl: { email: "E-mailadres", password: "Wachtwoord", submit: "Aanmelden" },
  fr: { email: "Adresse e-mail", password: "Mot de passe", submit: "Se connecter" },
} as const;

/** Logs in through the real login page; the page starts in the browser's language (nl here). */
export async function logIn(page: Page, email: string, options: { locale?: keyof typeof loginLabels } = {}) {
  const labels = loginLabels[options.locale ?? "nl"];
  await page.goto("/login");
  if (options.locale && options.locale !== "nl")
    await page.getByRole("combobox").selectOption(options.locale);
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill("demo-password");
  await page.getByRole("button", { name: labels.submit }).click();
  await expect(page).not.toHaveURL(/\/login$/);
}
