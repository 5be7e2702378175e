import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { logIn } from "./support.ts";

/** The demo's award edition: open, blind, with jury@ as chair and farms that entered with consent. */
test("a juror filters, compares three candidates, opens one read-only, scores, shortlists and exports it", async ({
  page,
}) => {
  await logIn(page, "jury@demo.test");
  await page.goto("/jury");
  await expect(page).toHaveURL(/\/jury\/1$/);
  const rows = page.getByTestId("candidate-row");
  await expect(rows.first()).toBeVisible();
  const all = await rows.count();
  expect(all).toBeGreaterThanOrEqual(12);
  // The demo holds farms with more than 60 initiatives, across regions and categories.
  const list = (await page.evaluate(async () => (await fetch("/api/awards/1/candidates")).json())) as {
    candidates: { total: number; region: string; categories: string[] }[];
  };
  expect(list.candidates.some((c) => c.total > 60)).toBe(true);
  expect(new Set(list.candidates.map((c) => c.region)).size).toBeGreaterThanOrEqual(3);
  expect(new Set(list.candidates.flatMap((c) => c.categories)).size).toBe(4);

  await page.getByLabel("Regio").selectOption("flanders");
  await expect(rows).not.toHaveCount(all);
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasNotText: "Vlaanderen" })).toHaveCount(0);
  await page.getByLabel("Regio").selectOption("");
  await expect(rows).toHaveCount(all);

  for (const i of [0, 1, 2]) await rows.nth(i).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Selectie vergelijken (3)" }).click();
  await expect(page).toHaveURL(/\/jury\/1\/compare\?ids=\d+,\d+,\d+$/);
  const themes = page.locator(".compare-table").first();
  await expect(themes.locator("thead th")).toHaveCount(4);
  await expect(page.getByTestId("difference").first()).toBeVisible();

  await themes.locator("thead a").first().click();
  const name = (await page.locator(".candidate-title").textContent()) ?? "";
  expect(name).toMatch(/^Kandidaat [2-9A-Z]{4}$/);
  const survey = page.getByTestId("survey-display");
  await expect(survey.locator(".sd-root--readonly")).toBeVisible();
  await expect(survey.locator(".sd-question").first()).toBeVisible();
  await expect(survey.locator(".sd-question:not(.sd-question--readonly)")).toHaveCount(0);

  await page.getByLabel("Score (1–10)").selectOption("9");
  await page.getByLabel("Notitie (alleen voor u)").fill("Sterk energiedossier; bezoek in het voorjaar.");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Opgeslagen" })).toBeVisible();

  await page.getByRole("link", { name: "Shortlist", exact: true }).click();
  const row = page.getByTestId("shortlist-row").filter({ hasText: name });
  await row.locator("summary").click();
  await row.getByLabel("Reden").fill("Sterk in energie en dierenwelzijn");
  await row.getByRole("button", { name: "Beslissen" }).click();
  await expect(row.getByTestId("decision")).toHaveText("Op de shortlist");

  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const csv = await readFile((await (await download).path()) ?? "", "utf8");
  const line = csv.split("\n").find((l) => l.includes(name.replace("Kandidaat ", "")));
  expect(line).toContain("shortlisted");
  expect(line).toContain("Sterk in energie en dierenwelzijn");

  await page.getByRole("link", { name: "Afdrukbare pagina voor de bedrijfsbezoeken" }).click();
  await expect(page.getByRole("heading", { name: "Shortlist voor de bedrijfsbezoeken" })).toBeVisible();
  await expect(page.locator(".print-view tbody tr")).toHaveCount(1);
  await expect(page.locator(".print-view tbody tr")).toContainText(name);
});

test("the farmer of Hoeve De Linde enters the open edition with consent, then withdraws", async ({
  page,
}) => {
  await logIn(page, "farmer@demo.test");
  const call = page.locator(".award-call");
  await expect(call.getByTestId("award-not-entered")).toBeVisible();
  await call.getByLabel("Energie & klimaat").check();
  const enter = call.getByRole("button", { name: "Bedrijf inschrijven" });
  await expect(enter).toBeDisabled();
  await call.getByLabel(/Ik ga akkoord/).check();
  await enter.click();
  await expect(call.getByTestId("award-entered")).toContainText("Energie & klimaat");
  await call.getByRole("button", { name: "Inschrijving intrekken" }).click();
  await expect(call.getByTestId("award-not-entered")).toBeVisible();
  await call.getByText("Geschiedenis van de toestemming").click();
  await expect(call.locator(".history li")).toHaveCount(2);
});
