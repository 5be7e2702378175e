import { type APIRequestContext, type ElementHandle, expect, type Page, test } from "@playwright/test";

export interface SurveyLabels {
  next: string;
  previous: string;
  complete: string;
  yes: string;
}

export const SURVEY_LABELS = {
  nl: { next: "Volgende", previous: "Vorige", complete: "Verzenden", yes: "Ja" },
  fr: { next: "Suivant", previous: "Précédent", complete: "Terminer", yes: "Oui" },
} satisfies Record<string, SurveyLabels>;

/** Answers one question that the form marked as needing an answer, whatever its kind. */
async function answer(question: ElementHandle, labels: SurveyLabels) {
  const number = await question.$("input[type=number]");
  if (number) return number.fill("10");
  const text = await question.$("input[type=text], textarea");
  if (text) return text.fill("DOC-2026-1");
  if (await question.$(".sd-boolean")) {
    for (const label of await question.$$(".sd-boolean__label")) {
      if (((await label.textContent()) ?? "").trim() === labels.yes) return label.click();
    }
  }
  const choice = await question.$(".sd-item__control-label");
  if (choice) return choice.click();
  throw new Error(`do not know how to answer: ${await question.textContent()}`);
}

/**
 * Completes the monitor as a farmer would: go to the last page and press the complete button; while
 * the form lists missing or invalid answers, follow the list's links one by one and answer what
 * each page marks, then submit again, until the receipt shows.
 */
export async function completeMonitor(page: Page, labels: SurveyLabels) {
  const summary = page.getByTestId("answer-summary");
  const links = summary.getByRole("link");
  for (let round = 0; round < 5; round++) {
    await page.locator(".progress-steps button").last().click();
    await page.getByRole("button", { name: labels.complete, exact: true }).click();
    await expect(async () => {
      expect(/\/receipt\//.test(page.url()) || (await links.count()) > 0).toBe(true);
    }).toPass();
    if (/\/receipt\//.test(page.url())) return;
    for (let fixes = 0; fixes < 30 && (await links.count()) > 0; fixes++) {
      await links.first().click();
      const errors = page.locator(".survey-host .sd-question--error");
      await expect(errors.first()).toBeVisible();
      for (const question of await errors.elementHandles()) await answer(question, labels);
    }
  }
  throw new Error("the monitor could not be completed");
}

/** The page of the monitor the farmer is on, as the progress bar names it. */
export async function expectMonitorPage(page: Page, title: string) {
  await expect(page.getByTestId("progress-text")).toHaveText(new RegExp(`· ${title}$`));
}

interface MonitorSummary {
  campaign: { id: number; open: boolean };
  responseId: number | null;
  status: "not_started" | "draft" | "submitted";
}

/**
 * The specs of a run share one demo database and the demo has two farmer logins only: when the
 * farm's open monitor is submitted already (by an earlier test), an administrator opens it again
 * through the API, so that the farmer can submit it once more. Returns the open campaign's id.
 */
export async function reopenIfSubmitted(request: APIRequestContext, farmId: number): Promise<number> {
  // The API refuses a write without the app's Origin (CSRF): a browser sends it, this client does not.
  const headers = { origin: new URL(test.info().project.use.baseURL ?? "").origin };
  const login = await request.post("/api/auth/login", {
    headers,
    data: { email: "admin@demo.test", password: "demo-password" },
  });
  expect(login.ok()).toBe(true);
  const list = await request.get(`/api/farms/${farmId}/monitors`);
  expect(list.ok()).toBe(true);
  const { monitors } = (await list.json()) as { monitors: MonitorSummary[] };
  const current = monitors.filter((m) => m.campaign.open).at(-1);
  if (!current) throw new Error(`farm ${farmId} has no open campaign`);
  if (current.status === "submitted") {
    const reopen = await request.post(`/api/admin/responses/${current.responseId}/reopen`, {
      headers,
      data: { reason: "e2e: submit the monitor again" },
    });
    expect(reopen.ok()).toBe(true);
  }
  await request.post("/api/auth/logout", { headers });
  return current.campaign.id;
}

/**
 * Records the submits a page sends (POST to `submitPath`). `quiet()` waits until nothing more is on
 * its way: no request in flight and none started for a second (a late duplicate would show by then).
 */
export function watchSubmits(page: Page, submitPath: string) {
  const submits: string[] = [];
  let pending = 0;
  let lastActivity = Date.now();
  page.on("request", (r) => {
    pending++;
    lastActivity = Date.now();
    if (r.method() === "POST" && new URL(r.url()).pathname === submitPath) submits.push(r.url());
  });
  const settled = () => {
    pending--;
    lastActivity = Date.now();
  };
  page.on("requestfinished", settled);
  page.on("requestfailed", settled);
  return {
    submits,
    quiet: () =>
      expect.poll(() => pending <= 0 && Date.now() - lastActivity > 1_000, { intervals: [250] }).toBe(true),
  };
}
