import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { logIn } from "./support.ts";

/** Waits until every section of the dashboard has loaded (no "Laden…" left). */
async function settled(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sectorcijfers");
  await expect(page.getByRole("status")).toHaveCount(0);
}

test("the sector analyst filters the dashboard and exports a CSV, in Dutch", async ({ page }) => {
  await logIn(page, "sector@demo.test");
  await expect(page).toHaveURL(/\/sector$/);
  await settled(page);
  await expect(page.getByTestId("population")).toContainText("Alle bedrijven");

  // Time to the first figure when the dashboard opens (target 1 s; measured, not asserted): by the
  // test's clock (which also waits for the page's load event and polls), and by the page's own clock.
  await page.addInitScript(() => {
    const watch = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="headline-figure"]')) return;
      (window as { figureAt?: number }).figureAt = performance.now();
      watch.disconnect();
    });
    watch.observe(document, { childList: true, subtree: true });
  });
  const opening = Date.now();
  await page.goto("/sector");
  await expect(page.getByTestId("headline-figure")).toHaveText(/^\d+(,\d)?$/);
  const waited = Date.now() - opening;
  const inPage = await page.evaluate(() => Math.round((window as { figureAt?: number }).figureAt ?? -1));
  console.log(
    `sector dashboard: first figure after ${waited} ms (${inPage} ms after navigation start in the page)`,
  );
  await settled(page);

  // The default campaign is the latest closed one, not the current (open) one.
  const campaign = page.getByLabel("Campagne", { exact: true });
  const year = new Date().getFullYear();
  await expect(campaign.locator("option:checked")).toHaveText(String(year - 1));

  for (const heading of [
    "Deelname",
    "Evolutie sinds 2014",
    "Toepassing van de initiatieven",
    "Initiatieven per bedrijf",
    "Opsplitsing",
  ])
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();

  // Charts: the trend (two series, version changes marked), themes, distribution, breakdown.
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  expect(await page.locator(".recharts-surface").count()).toBeGreaterThanOrEqual(4);
  await expect(page.locator(".recharts-line")).toHaveCount(2);
  await expect(page.locator(".recharts-reference-line-line")).toHaveCount(2);
  await expect(page.getByText("vragenlijst 2020", { exact: true })).toBeVisible();
  await expect(page.getByText("vragenlijst 2026", { exact: true })).toBeVisible();
  await expect(page.getByTestId("top-initiatives").locator("li")).toHaveCount(10);
  await page.getByText("Toon als tabel").first().click();
  await expect(page.getByRole("rowheader", { name: "2014", exact: true })).toBeVisible();

  // A filter narrows the figures and lands in the address, so the view survives a reload.
  const submitted = page.getByTestId("submitted");
  await expect(submitted).toHaveText(/^\d[\d.]*$/);
  const allFarms = await submitted.textContent();
  await page.getByLabel("Regio", { exact: true }).selectOption({ label: "Wallonië" });
  await expect(page).toHaveURL(/region=wallonia/);
  await expect(submitted).not.toHaveText(allFarms ?? "");
  await expect(page.getByTestId("population")).toContainText("Regio: Wallonië");
  await settled(page);
  const walloonFarms = await submitted.textContent();
  await page.reload();
  await expect(page.getByLabel("Regio", { exact: true })).toHaveValue("wallonia");
  await expect(submitted).toHaveText(walloonFarms ?? "");

  // Each filter change is a history entry: Back undoes it, Forward brings it again.
  await page.goBack();
  await expect(page).not.toHaveURL(/region=wallonia/);
  await expect(page.getByLabel("Regio", { exact: true })).toHaveValue("");
  await expect(submitted).toHaveText(allFarms ?? "");
  await page.goForward();
  await expect(page.getByLabel("Regio", { exact: true })).toHaveValue("wallonia");
  await expect(submitted).toHaveText(walloonFarms ?? "");

  // The breakdown by province: a group below the threshold reads "minder dan 5 bedrijven", never 0.
  await page.getByTestId("breakdown-by").selectOption("province");
  await expect(page).toHaveURL(/by=province/);
  const breakdown = page.getByTestId("breakdown-table");
  await expect(breakdown.locator("tbody tr").first()).toBeVisible();
  for (const cells of await breakdown.locator("tbody tr td:nth-child(2)").allTextContents())
    expect(cells).toMatch(/^(\d[\d.]*|minder dan 5 bedrijven)$/);

  await page.screenshot({ path: "test-results/sector-nl.png", fullPage: true });

  // How small figures are protected, explained; a third farm attribute waits until one is cleared.
  await page.getByText("Hoe worden kleine cijfers beschermd?").click();
  await expect(page.getByText(/kleine willekeurige afwijking/)).toBeVisible();
  await page.getByLabel("Bedrijfsgrootte", { exact: true }).selectOption({ index: 1 });
  await expect(page).toHaveURL(/sizeClass=/);
  await expect(page.getByLabel("Zuivelafnemer", { exact: true })).toBeDisabled();
  await expect(page.getByLabel("Provincie", { exact: true })).toBeEnabled(); // a province lies in its region
  await expect(page.getByText("Hoogstens twee bedrijfskenmerken tegelijk", { exact: false })).toBeVisible();
  await page.getByLabel("Bedrijfsgrootte", { exact: true }).selectOption("");
  await expect(page).not.toHaveURL(/sizeClass=/);

  // The CSV export carries the filters and the language.
  const downloading = page.waitForEvent("download");
  await page.getByTestId("export-adoption-csv").click();
  const download = await downloading;
  expect(download.url()).toContain("region=wallonia");
  expect(download.url()).toContain("lang=nl");
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  expect(download.suggestedFilename()).toMatch(/^sector_adoption_\d{4}_wallonia_nl\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toContain("Filters;Regio: Wallonië");
  expect(lines).toContain(
    "Jaar;Code initiatief;Initiatief;Thema;Bedrijven;Aandeel bedrijven;Aandeel vorige campagne",
  );
  expect(csv).toContain("Diergezondheid");
  expect(csv).toMatch(/;\d+,\d%/); // a percentage as on screen, with a decimal comma
  expect(lines.length).toBeGreaterThan(10);

  // The same export in French: semicolons, decimal commas, French headers, the filters stated.
  const french = await page.request.get(
    "/api/sector/export?view=breakdown&by=province&format=csv&lang=fr&region=wallonia",
  );
  expect(french.headers()["content-disposition"]).toMatch(
    /sector_breakdown_\d{4}_by-province_wallonia_fr\.csv/,
  );
  const frenchLines = (await french.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  expect(frenchLines).toContain("Filtres;Région: Wallonie");
  expect(frenchLines.find((l) => l.startsWith("Protection;"))).toContain("moins de 5 exploitations");
  expect(frenchLines).toContain(
    "Année;Réparti selon;Code du groupe;Groupe;Exploitations;Nombre moyen d'initiatives;Part avec au moins une initiative;Masqué (trop peu d'exploitations)",
  );
  expect(frenchLines.some((l) => /^\d{4};province;[^;]+;[^;]+;\d+;\d+(,\d+)?;\d+(,\d)? %;non$/.test(l))).toBe(
    true,
  );

  // Reset brings all farms back.
  await page.getByRole("button", { name: "Filters wissen" }).click();
  await expect(page).not.toHaveURL(/region=/);
  await expect(submitted).toHaveText(allFarms ?? "");
});

test("a dairy buyer sees only its own suppliers, and the yearly report", async ({ page }) => {
  await logIn(page, "buyer@demo.test");
  await expect(page).toHaveURL(/\/sector$/);
  await settled(page);
  await expect(page.getByTestId("population")).toContainText("Leveranciers van Milcobel");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  const buyers = page.getByLabel("Zuivelafnemer", { exact: true }).locator("option");
  await expect(buyers).toHaveText(["Alle", "Milcobel"]);

  await page.getByRole("link", { name: "Jaarlijks sectorrapport" }).click();
  await expect(page).toHaveURL(/\/sector\/report/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    /^Duurzaamheidsmonitor: sectorrapport \d{4}$/,
  );
  await expect(page.getByRole("heading", { name: "Kerncijfers" })).toBeVisible();
  await expect(page.getByTestId("report-farms")).toHaveText(/^\d[\d.]*$/);
  await expect(page.getByTestId("report-mean")).toHaveText(/^\d+(,\d)?$/);
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Meest toegepast" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Afdrukken of bewaren als pdf" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Afdrukken of bewaren als pdf" })).toBeHidden();
  await page.screenshot({ path: "test-results/sector-report-print.png", fullPage: true });
});

test("the dashboard is usable on a phone", async ({ browser }) => {
  const context = await browser.newContext({
    locale: "nl-BE",
    viewport: { width: 390, height: 844 },
    isMobile: true,
  });
  const page = await context.newPage();
  await logIn(page, "sector@demo.test");
  await settled(page);
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  // Nothing makes the page wider than the screen: wide tables scroll inside their own box.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/sector-phone.png", fullPage: true });
  await context.close();
});
