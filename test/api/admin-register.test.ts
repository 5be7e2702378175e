import type { RegisterImport } from "@monitor/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepositories } from "../../apps/api/src/repositories/index.ts";
import { createTestApi, problemOf, type TestApi } from "../support/api.ts";
import { recountedCounters, storedCounters } from "../support/recount.ts";

/** The farm register imported from CSV: a preview, bad rows by line, all rows or none, logged. */
let api: TestApi;
let admin: string;
const HEADER =
  "herd_number,name,region,province,herd_size,dairy_buyer,certification_body,inspection_body,status";

beforeAll(async () => {
  api = await createTestApi({ farms: 20 });
  admin = await api.login("admin@demo.test");
});
afterAll(() => api.close());

const post = (csv: string, query = "", contentType = "text/csv; charset=utf-8") =>
  api.request(`/api/admin/register/import${query}`, {
    method: "POST",
    cookie: admin,
    body: csv,
    headers: { "content-type": contentType },
  });

const snapshot = () =>
  api.db.query<Record<string, unknown>>(
    "SELECT id, herd_number, name, region, province, herd_size, dairy_buyer_id, inspection_body_id, active, stopped_on, record_key FROM farms ORDER BY id",
  );

/** A submitted farm (with a counter row of its own) and another active one. */
async function twoFarms() {
  const rows = await api.db.query<{ herd_number: string; id: number }>(
    `SELECT f.herd_number, f.id FROM farms f JOIN responses r ON r.farm_id = f.id AND r.status = 'submitted'
      WHERE f.active = 1 GROUP BY f.id ORDER BY f.id LIMIT 2`,
  );
  return rows.map((r) => ({ herdNumber: r.herd_number, id: Number(r.id) }));
}

const counterTotals = () =>
  api.db.query<{ campaign_id: number; farms: number }>(
    "SELECT campaign_id, farms FROM statistic_counters WHERE region = '*' AND province = '*' AND size_class = '*' AND dairy_buyer_id = '*' AND certification_body_id = '*' AND inspection_body_id = '*' ORDER BY campaign_id",
  );

describe("register import", () => {
  it("previews adds, changes and stops without changing anything", async () => {
    const [a, b] = await twoFarms();
    const before = await snapshot();
    const csv = [
      HEADER,
      `${a?.herdNumber},Hoeve Nieuw,flanders,Limburg,140,milcobel,mcc,certalent,active`,
      `${b?.herdNumber},Stopped Farm,wallonia,Liège,80,lda,cdl,carah,stopped`,
      "BE99999999-0001,Brand New Farm,flanders,Antwerpen,60,Milcobel,MCC-Vlaanderen,SGS,active",
    ].join("\r\n");
    const response = await post(csv, "?dryRun=true");
    expect(response.status).toBe(200);
    const preview = (await response.json()) as RegisterImport;
    expect(preview).toMatchObject({ dryRun: true, applied: false, errors: [] });
    expect(preview.adds).toEqual([{ line: 4, herdNumber: "BE99999999-0001", name: "Brand New Farm" }]);
    expect(preview.stops.map((s) => s.herdNumber)).toEqual([b?.herdNumber]);
    expect(
      preview.changes.some(
        (c) => c.herdNumber === a?.herdNumber && c.field === "name" && c.to === "Hoeve Nieuw",
      ),
    ).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it("applies nothing when one row is bad, and names its line and reason in the user's language", async () => {
    const before = await snapshot();
    const csv = [
      HEADER,
      "BE88888888-0001,Good Farm,flanders,Antwerpen,60,milcobel,mcc,sgs,active",
      "BE88888888-0002,Bad Farm,atlantis,Antwerpen,60,milcobel,mcc,sgs,active",
    ].join("\n");
    const response = await post(csv);
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.title).toMatch(/nothing was imported/);
    expect(problem.errors).toEqual([{ path: "3", message: expect.stringContaining("atlantis") }]);
    expect(await snapshot()).toEqual(before);
    const preview = (await (await post(csv, "?dryRun=true")).json()) as RegisterImport;
    expect(preview.errors).toEqual([{ line: 3, reason: expect.stringContaining("Unknown region") }]);
  });

  it("applies all rows in one transaction: farms updated in place, counters right, logged", async () => {
    const [a, b] = await twoFarms();
    // Farm a's monitors were counted before herds were kept per year: its class followed the register.
    await api.db.writeOne("DELETE FROM farm_herd_sizes WHERE farm_id = ?", [a?.id]);
    await createRepositories(api.db).counters.rebuild();
    const before = await snapshot();
    const countersBefore = await counterTotals();
    const csv = [
      HEADER,
      `${a?.herdNumber},Hoeve Nieuw,flanders,Limburg,140,milcobel,mcc,certalent,active`,
      `${b?.herdNumber},Stopped Farm,wallonia,Liège,80,lda,cdl,carah,stopped`,
      "BE77777777-0001,Brand New Farm,flanders,Antwerpen,60,milcobel,mcc,sgs,active",
    ].join("\n");
    const response = await post(csv);
    expect(response.status).toBe(200);
    const result = (await response.json()) as RegisterImport;
    expect(result).toMatchObject({ dryRun: false, applied: true });
    const after = await snapshot();
    expect(after).toHaveLength(before.length + 1);
    const changed = after.find((f) => f.id === a?.id);
    expect(changed).toMatchObject({ name: "Hoeve Nieuw", province: "Limburg", herd_size: 140 });
    // Updated in place: the record key (disclosure control) and so the counters' key sums stay.
    expect(changed?.record_key).toBe(before.find((f) => f.id === a?.id)?.record_key);
    expect(after.find((f) => f.id === b?.id)).toMatchObject({ active: 0, stopped_on: expect.any(String) });
    expect(after.at(-1)).toMatchObject({ herd_number: "BE77777777-0001", active: 1 });
    // Submissions stay counted where they were counted: the roll-ups equal the submitted monitors,
    // and farm a keeps, in every campaign it submitted, the herd (so the size class) it had.
    expect(await counterTotals()).toEqual(countersBefore);
    const kept = await api.db.query<{ campaign_id: number; herd_size: number }>(
      `SELECT r.campaign_id, h.herd_size FROM responses r JOIN campaigns c ON c.id = r.campaign_id
         LEFT JOIN farm_herd_sizes h ON h.farm_id = r.farm_id AND h.year = c.year
        WHERE r.farm_id = ? AND r.status = 'submitted' ORDER BY r.campaign_id`,
      [a?.id],
    );
    expect(kept.length).toBeGreaterThan(0);
    const herdBefore = before.find((f) => f.id === a?.id)?.herd_size;
    expect(herdBefore).not.toBe(140);
    for (const row of kept) expect(Number(row.herd_size)).toBe(herdBefore);
    for (const { campaign_id } of countersBefore)
      expect(await storedCounters(api.db, Number(campaign_id))).toEqual(
        await recountedCounters(api.db, Number(campaign_id)),
      );
    const submitted = await api.db.query<{ campaign_id: number; n: number }>(
      "SELECT campaign_id, count(*) AS n FROM responses WHERE status = 'submitted' GROUP BY campaign_id ORDER BY campaign_id",
    );
    expect((await counterTotals()).map((c) => [Number(c.campaign_id), Number(c.farms)])).toEqual(
      submitted.map((s) => [Number(s.campaign_id), Number(s.n)]),
    );
    const log = await api.request("/api/admin/audit-log?action=register_imported", { cookie: admin });
    const { entries } = (await log.json()) as { entries: { detail: Record<string, unknown> }[] };
    expect(entries[0]?.detail).toMatchObject({ adds: 1, stops: 1, source: "web" });
    // The same file again changes nothing.
    const again = (await (await post(csv, "?dryRun=true")).json()) as RegisterImport;
    expect(again).toMatchObject({ adds: [], changes: [], stops: [], unchanged: 3 });
  });

  it("takes text/csv only, and from administrators only", async () => {
    expect((await post(HEADER, "", "application/json")).status).toBe(415);
    const auditor = await api.login("auditor@demo.test");
    const response = await api.request("/api/admin/register/import?dryRun=true", {
      method: "POST",
      cookie: auditor,
      body: HEADER,
      headers: { "content-type": "text/csv" },
    });
    expect(response.status).toBe(403);
  });
});
