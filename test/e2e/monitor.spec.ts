import { expect, type Page, test } from "@playwright/test";
import {
  completeMonitor,
  expectMonitorPage,
  reopenIfSubmitted,
  SURVEY_LABELS,
  watchSubmits,
} from "./monitor-support.ts";
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
  await expectMonitorPage(page, "Diergezondheid");
  await expect(page.getByTestId("save-state")).toHaveText(/Alle antwoorden bewaard/);

  await page.reload();
  await expectMonitorPage(page, "Diergezondheid");
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

test("un éleveur wallon remplit le monitoring en français sur un téléphone", async ({ browser, request }) => {
  // farmer-*.spec.ts use this farm earlier in the run: start from its open monitor, whatever its state.
  await reopenIfSubmitted(request, 2);
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
  await page.getByRole("link", { name: /^(Commencer|Continuer) le monitoring$/ }).click();
  await expectMonitorPage(page, "Profil de l'exploitation");
  await expect(page.getByText(/Nombre de vaches laitières/)).toBeVisible();
  await completeMonitor(page, labels);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accusé de réception");
  await expect(page.getByText("Monitoring de durabilité 2026")).toBeVisible();
  await page.screenshot({ path: "test-results/receipt-fr-phone.png", fullPage: false });
  await context.close();
});

/** Switches the language with the switch on the page, as a user would, and waits until it is stored. */
async function switchLanguage(page: Page, from: "Taal" | "Langue", to: "nl" | "fr") {
  const stored = page.waitForResponse((r) => r.request().method() === "PATCH" && r.url().endsWith("/api/me"));
  await page.getByLabel(from).selectOption(to);
  expect((await stored).ok()).toBe(true);
}

/** Opens the farm's open monitor from the farmer's home and returns to its first page. */
async function openMonitorAtStart(page: Page, farmId: number, campaignId: number) {
  const labels = SURVEY_LABELS.nl;
  await page.getByRole("link", { name: /^(Start de monitor|Ga verder met de monitor)$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/farmer/${farmId}/monitor/${campaignId}$`));
  const previous = page.getByRole("button", { name: labels.previous, exact: true });
  await expect(page.getByRole("button", { name: labels.next, exact: true }).or(previous)).toBeVisible();
  while (await previous.isVisible()) await previous.click();
  await expectMonitorPage(page, "Bedrijfsprofiel");
}

// The tests below are declared after the ones above on purpose: they submit Hoeve De Linde's
// monitor again once those have (reopenIfSubmitted), in the same run and database.

test("after switching the language twice, one click on complete submits the monitor once", async ({
  page,
  request,
}) => {
  const labels = SURVEY_LABELS.nl;
  const farmId = 1;
  const campaignId = await reopenIfSubmitted(request, farmId);
  const monitorPath = `/api/farms/${farmId}/monitor/${campaignId}`;
  const network = watchSubmits(page, `${monitorPath}/submit`);
  // The versions the server gave the draft (when opened, after each save) before the submit.
  const versions: Promise<number>[] = [];
  page.on("response", (r) => {
    if (new URL(r.url()).pathname !== monitorPath || !r.ok()) return;
    if (r.request().method() === "GET")
      versions.push(r.json().then((doc: { response: { version: number } }) => doc.response.version));
    if (r.request().method() === "PUT")
      versions.push(r.json().then((body: { version: number }) => body.version));
  });

  await logIn(page, "farmer@demo.test");
  await openMonitorAtStart(page, farmId, campaignId);

  await switchLanguage(page, "Taal", "fr");
  await expectMonitorPage(page, "Profil de l'exploitation");
  await expect(page.getByRole("button", { name: SURVEY_LABELS.fr.next, exact: true })).toBeVisible();
  await switchLanguage(page, "Langue", "nl");
  await expectMonitorPage(page, "Bedrijfsprofiel");
  await expect(page.getByRole("button", { name: labels.next, exact: true })).toBeVisible();

  // Autosave still works after the switches, without a conflict.
  const cows = page
    .getByRole("textbox", { name: /Aantal melkkoeien/ })
    .or(page.getByRole("spinbutton", { name: /Aantal melkkoeien/ }));
  await cows.fill("121");
  await expect(page.getByTestId("save-state")).toHaveText(/Alle antwoorden bewaard/);

  const submitted = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === `${monitorPath}/submit`,
  );
  await completeMonitor(page, labels);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ontvangstbewijs van indiening");
  const submit = await submitted;
  expect(submit.ok()).toBe(true);
  const { version } = (await submit.json()) as { version: number };

  await network.quiet();
  expect(network.submits).toHaveLength(1);

  // The submit added exactly one revision: the draft's last version plus one.
  const draftVersion = Math.max(...(await Promise.all(versions)));
  expect(version).toBe(draftVersion + 1);
  const stored = await page.request.get(monitorPath);
  const doc = (await stored.json()) as { response: { status: string; version: number } };
  expect(doc.response).toMatchObject({ status: "submitted", version: draftVersion + 1 });
});

test("a second click on complete while the monitor is being submitted does nothing", async ({
  page,
  request,
}) => {
  const labels = SURVEY_LABELS.nl;
  const farmId = 1;
  const campaignId = await reopenIfSubmitted(request, farmId);
  const submitPath = `/api/farms/${farmId}/monitor/${campaignId}/submit`;
  const network = watchSubmits(page, submitPath);
  // The server gets the submit only after the farmer has clicked "complete" once more.
  let release = () => {};
  const clickedAgain = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(
    (url) => url.pathname === submitPath,
    async (route) => {
      await clickedAgain;
      await route.continue();
    },
  );

  await logIn(page, "farmer@demo.test");
  await openMonitorAtStart(page, farmId, campaignId);
  await Promise.all([
    completeMonitor(page, labels),
    (async () => {
      try {
        await page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === submitPath, {
          timeout: 0,
        });
        await page.getByRole("button", { name: labels.complete, exact: true }).click();
      } finally {
        release();
      }
    })(),
  ]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ontvangstbewijs van indiening");
  await network.quiet();
  expect(network.submits).toHaveLength(1);
});
