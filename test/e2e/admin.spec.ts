import { expect, test } from "@playwright/test";
import { logIn } from "./support.ts";

const HEADER =
  "herd_number;name;region;province;herd_size;dairy_buyer;certification_body;inspection_body;status";
const csv = (rows: string[]) => ({
  name: "register.csv",
  mimeType: "text/csv",
  buffer: Buffer.from([HEADER, ...rows].join("\r\n")),
});

test("an administrator imports the register after its preview, opens a campaign and invites a user", async ({
  page,
  browser,
}) => {
  await logIn(page, "admin@demo.test");
  await page.getByLabel(/Language|Taal|Langue/).selectOption("en");

  // Register: a bad line is named and blocks the import; the corrected file is previewed, then applied.
  await page.goto("/admin/farms");
  const file = page.getByLabel("CSV file");
  await file.setInputFiles(
    csv([
      "BE30000001-0101;Hoeve Nieuwland;flanders;Limburg;95;Milcobel;mcc;certalent;active",
      "BE30000002-0101;Ferme Lune;wallonie;Namur;60;lda;cdl;carah;active",
    ]),
  );
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("row", { name: /^3 Unknown region "wallonie"/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply" })).toBeDisabled();
  await file.setInputFiles(
    csv([
      "BE30000001-0101;Hoeve Nieuwland;flanders;Limburg;95;Milcobel;mcc;certalent;active",
      "BE30000002-0101;Ferme Lune;wallonia;Namur;60;lda;cdl;carah;active",
    ]),
  );
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: "To add (2)" })).toBeVisible();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Applied: the register is updated." }),
  ).toBeVisible();
  await page.getByLabel("Herd number or farm name").fill("Nieuwland");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: "Hoeve Nieuwland" })).toBeVisible();

  // Campaigns: a campaign for next year on the latest questionnaire, opened now.
  await page.getByRole("link", { name: "Campaigns" }).click();
  const year = new Date().getFullYear() + 1;
  await page.getByRole("button", { name: "Create campaign" }).click();
  const campaign = page.getByRole("article", { name: `Monitor ${year}` });
  await expect(campaign.getByRole("heading")).toHaveText(`Monitor ${year} · Closed`);
  await campaign.getByRole("button", { name: "Open now" }).click();
  await expect(campaign.getByRole("heading")).toHaveText(`Monitor ${year} · Open`);
  // Back to next year's dates, so the farmers of the other tests keep this year's campaign.
  const id = await page.evaluate(async (y) => {
    const list = (await (await fetch("/api/admin/campaigns")).json()) as {
      campaigns: { id: number; year: number }[];
    };
    return list.campaigns.find((c) => c.year === y)?.id;
  }, year);
  const reset = await page.request.patch(`/api/admin/campaigns/${id}`, {
    data: { opensAt: `${year}-01-01` },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(reset.status()).toBe(200);

  // Users: an invited auditor gets a one-time link, sets a password with it and is logged in.
  await page.getByRole("link", { name: "Users" }).click();
  await page.getByLabel("Email", { exact: true }).fill("new.auditor@e2e.test");
  await page.getByLabel("Name", { exact: true }).fill("New Auditor");
  await page.getByRole("combobox", { name: /^Role/ }).first().selectOption("auditor");
  await page.getByLabel("Scope (farm id, organisation id or edition id)").first().fill("certalent");
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const link = await page.getByLabel("new.auditor@e2e.test").inputValue();
  expect(link).toMatch(/\/welcome#token=/);

  const invited = await browser.newContext({ locale: "en-GB" });
  const newcomer = await invited.newPage();
  await newcomer.goto(link);
  await newcomer.getByLabel("New password").fill("a-long-password-for-e2e");
  await newcomer.getByLabel("Repeat the password").fill("a-long-password-for-e2e");
  await newcomer.getByRole("button", { name: "Save and log in" }).click();
  await expect(newcomer.getByRole("heading", { level: 1 })).toHaveText("Audits");
  await invited.close();

  await page.getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Action").fill("invitation_accepted");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("cell", { name: "new.auditor@e2e.test" })).toBeVisible();
});
