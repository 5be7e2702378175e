import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, expect, type Page, test } from "@playwright/test";
import {
  cowsField,
  FERMIER,
  FERMIER_FARM,
  landField,
  openMonitor,
  SAVED_FR,
  storedAnswers,
} from "./farmer-support.ts";
import { reopenIfSubmitted } from "./monitor-support.ts";
import { logIn } from "./support.ts";

// The farmer never loses an answer: kept on the device first, sent on the way out, restored on
// the next load (also after the browser was closed offline), merged with another device's changes.

const phone = { locale: "fr-BE", viewport: { width: 360, height: 760 }, isMobile: true, hasTouch: true };

test("an answer typed just before a reload, or before leaving for the home page, is kept", async ({
  browser,
  request,
}) => {
  const campaignId = await reopenIfSubmitted(request, FERMIER_FARM);
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await logIn(page, FERMIER, { locale: "fr" });
  await openMonitor(page);

  await cowsField(page).fill("141");
  await page.waitForTimeout(200); // the farmer reloads 200 ms after typing, before the autosave pause
  await page.reload();
  await page.locator(".progress-steps button").first().click();
  await expect(cowsField(page)).toHaveValue("141");
  await expect(page.getByTestId("save-state")).toHaveText(SAVED_FR);
  expect((await storedAnswers(page, campaignId)).dairy_cows).toBe(141);

  await cowsField(page).fill("142");
  await page.getByRole("link", { name: "Mon exploitation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bienvenue, Marie Lambert");
  await expect.poll(async () => (await storedAnswers(page, campaignId)).dairy_cows).toBe(142);
  await context.close();
});

/** A browser with a profile on disk, as a farmer's phone keeps it between uses. */
async function launchPhone(profile: string): Promise<BrowserContext> {
  const use = test.info().project.use;
  return chromium.launchPersistentContext(profile, {
    ...phone,
    baseURL: use.baseURL,
    executablePath: use.launchOptions?.executablePath,
    args: use.launchOptions?.args,
  });
}

/** The service worker has installed the app and controls the page. */
async function serviceWorkerReady(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test("offline: the app opens without a connection, and an answer typed offline survives closing the browser", async ({
  request,
}) => {
  const campaignId = await reopenIfSubmitted(request, FERMIER_FARM);
  const profile = mkdtempSync(join(tmpdir(), "monitor-phone-"));
  try {
    // One online visit installs the app.
    let context = await launchPhone(profile);
    let page = context.pages()[0] ?? (await context.newPage());
    await logIn(page, FERMIER, { locale: "fr" });
    await openMonitor(page);
    await serviceWorkerReady(page);
    const monitorUrl = page.url();

    // Offline, the monitor opens again from the device and takes an answer.
    await context.setOffline(true);
    await page.goto(monitorUrl);
    await page.locator(".progress-steps button").first().click();
    await cowsField(page).fill("151");
    await expect(page.getByTestId("save-state")).toHaveText(/Hors ligne/);
    await context.close();

    // The browser is opened again, still offline: the answer is there.
    context = await launchPhone(profile);
    await context.setOffline(true);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(monitorUrl);
    await page.locator(".progress-steps button").first().click();
    await expect(cowsField(page)).toHaveValue("151");
    await page.screenshot({ path: "test-results/farmer-offline-fr-360.png" });

    // Back online, it reaches the server.
    await context.setOffline(false);
    await expect(page.getByTestId("save-state")).toHaveText(SAVED_FR);
    expect((await storedAnswers(page, campaignId)).dairy_cows).toBe(151);
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test("two devices: changes to different questions both stay; the same question offers the choice", async ({
  browser,
  request,
}) => {
  const campaignId = await reopenIfSubmitted(request, FERMIER_FARM);
  const devices = await Promise.all([browser.newContext(phone), browser.newContext({ locale: "fr-BE" })]);
  const [phonePage, pcPage] = await Promise.all(devices.map((d) => d.newPage()));
  if (!phonePage || !pcPage) throw new Error("no pages");
  for (const page of [phonePage, pcPage]) {
    await logIn(page, FERMIER, { locale: "fr" });
    await openMonitor(page);
  }

  // Different questions: both keep their change, and each device shows the other's.
  await cowsField(phonePage).fill("161");
  await expect(phonePage.getByTestId("save-state")).toHaveText(SAVED_FR);
  await landField(pcPage).fill("91");
  await expect(pcPage.getByTestId("save-state")).toHaveText(SAVED_FR);
  await expect(cowsField(pcPage)).toHaveValue("161");
  expect(await storedAnswers(pcPage, campaignId)).toMatchObject({ dairy_cows: 161, land_ha: 91 });

  // The same question: the phone, still at its older version, is asked which answer to keep.
  await cowsField(pcPage).fill("171");
  await expect(pcPage.getByTestId("save-state")).toHaveText(SAVED_FR);
  await cowsField(phonePage).fill("181");
  const choice = phonePage.locator(".conflict-choice");
  await expect(choice).toBeVisible();
  await expect(choice.getByTestId("conflict-mine")).toHaveText("181");
  await expect(choice.getByTestId("conflict-theirs")).toHaveText("171");
  await phonePage
    .locator(".sd-question")
    .filter({ has: choice })
    .screenshot({ path: "test-results/farmer-conflict-fr-360.png" });
  await choice.getByRole("button", { name: "Garder cette réponse" }).click();
  await expect(phonePage.getByTestId("save-state")).toHaveText(SAVED_FR);
  expect(await storedAnswers(phonePage, campaignId)).toMatchObject({ dairy_cows: 181, land_ha: 91 });
  await Promise.all(devices.map((d) => d.close()));
});
