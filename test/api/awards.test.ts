import { ROUTES } from "@monitor/contract";
import { getVersion, themeOf } from "@monitor/surveys";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemOf, type TestApi } from "../support/api.ts";
import { campaign, createEmptyApi, farm, farmerOf, submittedMonitor, user } from "../support/fixtures.ts";

/**
 * Award juries on a small hand-made sector: six farms that submitted the 2026 monitor with chosen
 * initiatives, edition A (blind; weights energy 2, animal health 1) where farms 1–4 entered, farm 5
 * entered and withdrew and farm 6 never entered, and edition B with its own juror.
 */
const NOW = new Date("2026-05-01T10:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;
let api: TestApi;
let editionA: number;
let editionB: number;
const cookies: Record<string, string> = {};
const farms: { id: number; name: string; herdNumber: string; province: string }[] = [];
/** candidate id per farm index (0-based) in edition A */
const candidateOf: number[] = [];

const version = getVersion("2026");
const ofTheme = (theme: string, n: number) => {
  const ids = (version?.initiativeIds ?? []).filter((id) => themeOf(id) === theme);
  if (ids.length < n) throw new Error(`the 2026 questionnaire has ${ids.length} ${theme} initiatives`);
  return ids.slice(0, n);
};

/** Initiatives per farm: energy, animal health, animal welfare. */
const PLANS = [
  { energy: 3, animal_health: 2, animal_welfare: 4 }, // 3×2 + 2×1 = 8
  { energy: 1, animal_health: 5, animal_welfare: 0 }, // 1×2 + 5×1 = 7
  { energy: 4, animal_health: 1, animal_welfare: 0 }, // 4×2 + 1×1 = 9
  { energy: 0, animal_health: 0, animal_welfare: 6 }, // 0
  { energy: 5, animal_health: 5, animal_welfare: 5 }, // withdrawn
  { energy: 5, animal_health: 4, animal_welfare: 5 }, // never entered
];
const PROVINCES = ["Limburg", "Namur", "Antwerpen", "Hainaut", "Oost-Vlaanderen", "Liège"];

/** What the farmer of farm 1 typed into the evidence fields: the farm's identity, as people write it. */
const TYPED = {
  energy_scan_report_ref: "Energiescan HOEVE GEHEIM 1, beslagnr. be 7700 0001 / 0101",
  milking_machine_test_ref: "Test 77000001-0101 (hoeve-geheim-1)",
  waste_disposal_ref: "Ophaling in Limburg, Limbourg",
  herd_health_vet_contract_ref: "Contract BE77000001-0101 Hoeve Géheim 1",
};

const editionBody = (name: string, jurors: string[], chair: string | null) => ({
  name,
  year: 2026,
  campaignId: 0,
  categories: ["overall", "energy_climate"],
  opensAt: new Date(NOW.getTime() - 10 * DAY).toISOString(),
  closesAt: new Date(NOW.getTime() + 10 * DAY).toISOString(),
  weights: { energy: 2, animal_health: 1 },
  blind: true,
  jurors,
  chair,
});

async function call(cookie: string, path: string, init: { method?: string; body?: unknown } = {}) {
  return api.request(path, {
    method: init.method ?? "GET",
    cookie,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

async function json<T>(cookie: string, path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await call(cookie, path, init);
  expect(response.status, `${init.method ?? "GET"} ${path}: ${await response.clone().text()}`).toBe(200);
  return (await response.json()) as T;
}

interface Listed {
  candidates: { candidateId: number; displayName: string; score: number; themes: Record<string, number> }[];
}

beforeAll(async () => {
  api = await createEmptyApi({ now: () => NOW });
  const campaignId = await campaign(api.db, { year: 2026, surveyVersion: "2026" });
  for (const [i, plan] of PLANS.entries()) {
    const id = await farm(api.db, {
      region: i % 2 ? "wallonia" : "flanders",
      province: PROVINCES[i] as string,
      herdSize: 60 + 30 * i,
      name: `Hoeve Geheim ${i + 1}`,
      herdNumber: `BE7700000${i + 1}-0101`,
    });
    farms.push({
      id,
      name: `Hoeve Geheim ${i + 1}`,
      herdNumber: `BE7700000${i + 1}-0101`,
      province: PROVINCES[i] as string,
    });
    await submittedMonitor(api.db, {
      farm: id,
      campaign: campaignId,
      ...(i === 0 ? { answers: TYPED } : {}),
      initiatives: [
        ...ofTheme("energy", plan.energy),
        ...ofTheme("animal_health", plan.animal_health),
        ...ofTheme("animal_welfare", plan.animal_welfare),
      ],
    });
  }
  const admin = await user(api.db, "admin");
  cookies.admin = await api.login(admin.email, admin.password);
  const jurorEmails = ["a1@jury.test", "a2@jury.test", "a3@jury.test", "b1@jury.test"];
  for (const email of jurorEmails) await user(api.db, "farmer", [], { email });
  const created = async (body: ReturnType<typeof editionBody>) =>
    (
      await json<{ id: number }>(cookies.admin as string, "/api/admin/awards", {
        method: "POST",
        body: { ...body, campaignId },
      })
    ).id;
  editionA = await created(
    editionBody("Awards A", ["a1@jury.test", "a2@jury.test", "a3@jury.test"], "a2@jury.test"),
  );
  editionB = await created(editionBody("Awards B", ["b1@jury.test"], "b1@jury.test"));
  for (const email of jurorEmails) cookies[email] = await api.login(email, "fixture-password");

  for (const [i, f] of farms.entries()) {
    const farmer = await farmerOf(api, [f.id], `farmer${i + 1}@farm.test`);
    cookies[`farmer${i}`] = farmer;
    if (i === 5) continue;
    const entered = await json<{ entered: boolean }>(farmer, `/api/farms/${f.id}/awards/${editionA}/entry`, {
      method: "POST",
      body: { categories: i === 1 ? ["energy_climate"] : ["overall"], consent: true },
    });
    expect(entered.entered).toBe(true);
    const row = await api.db.queryOne<{ id: number }>(
      "SELECT id FROM award_candidates WHERE edition_id = ? AND farm_id = ?",
      [editionA, f.id],
    );
    candidateOf[i] = Number(row?.id);
  }
  const withdrawn = await json<{ entered: boolean; history: { action: string }[] }>(
    cookies.farmer4 as string,
    `/api/farms/${farms[4]?.id}/awards/${editionA}/withdraw`,
    { method: "POST" },
  );
  expect(withdrawn.entered).toBe(false);
  expect(withdrawn.history.map((h) => h.action)).toEqual(["given", "withdrawn"]);
  await json(cookies.farmer0 as string, `/api/farms/${farms[0]?.id}/awards/${editionB}/entry`, {
    method: "POST",
    body: { categories: ["overall"], consent: true },
  });
});
afterAll(() => api.close());

const listOf = (cookie: string, query = "") =>
  json<Listed>(cookie, `/api/awards/${editionA}/candidates${query}`);

describe("the ranking", () => {
  it("equals the hand-computed example: weights × initiatives per theme, highest first", async () => {
    const { candidates } = await listOf(cookies["a2@jury.test"] as string);
    expect(candidates.map((c) => [c.candidateId, c.score])).toEqual([
      [candidateOf[2], 9],
      [candidateOf[0], 8],
      [candidateOf[1], 7],
      [candidateOf[3], 0],
    ]);
    expect(candidates[1]?.themes).toMatchObject({ energy: 3, animal_health: 2, animal_welfare: 4 });
    const detail = await json<{
      breakdown: { theme: string; initiatives: number; weight: number; points: number }[];
    }>(cookies["a2@jury.test"] as string, `/api/awards/${editionA}/candidates/${candidateOf[0]}`);
    expect(detail.breakdown.filter((t) => t.points > 0)).toEqual([
      { theme: "animal_health", initiatives: 2, weight: 1, points: 2 },
      { theme: "energy", initiatives: 3, weight: 2, points: 6 },
    ]);
  });

  it("filters by category, region and herd-size class", async () => {
    const juror = cookies["a2@jury.test"] as string;
    expect((await listOf(juror, "?category=energy_climate")).candidates.map((c) => c.candidateId)).toEqual([
      candidateOf[1],
    ]);
    expect((await listOf(juror, "?region=wallonia")).candidates.map((c) => c.candidateId)).toEqual([
      candidateOf[1],
      candidateOf[3],
    ]);
    expect((await call(juror, `/api/awards/${editionA}/candidates?region=atlantis`)).status).toBe(400);
  });
});

describe("consent", () => {
  it("keeps a farm without consent, or with a withdrawn one, from every juror route", async () => {
    const juror = cookies["a1@jury.test"] as string;
    const withdrawn = candidateOf[4] as number;
    const listed = (await listOf(juror)).candidates.map((c) => c.candidateId);
    expect(listed).not.toContain(withdrawn);
    expect(listed).toHaveLength(4);
    expect((await call(juror, `/api/awards/${editionA}/candidates/${withdrawn}`)).status).toBe(404);
    expect(
      (await call(juror, `/api/awards/${editionA}/compare?ids=${candidateOf[0]},${withdrawn}`)).status,
    ).toBe(404);
    const shortlist = await json<{ candidates: { candidateId: number }[] }>(
      juror,
      `/api/awards/${editionA}/shortlist`,
    );
    expect(shortlist.candidates.map((c) => c.candidateId).sort()).toEqual([...listed].sort());
    const csv = await (await call(juror, `/api/awards/${editionA}/shortlist/export?format=csv`)).text();
    expect(csv.trim().split("\n")).toHaveLength(1 + 4);
    const pseudonym = await api.db.queryOne<{ pseudonym: string }>(
      "SELECT pseudonym FROM award_candidates WHERE id = ?",
      [withdrawn],
    );
    expect(csv).not.toContain(pseudonym?.pseudonym);
    // The farm that never entered has no candidate row at all.
    expect(
      await api.db.queryOne("SELECT id FROM award_candidates WHERE farm_id = ?", [farms[5]?.id]),
    ).toBeUndefined();
  });

  it("is a ledger: rows are added, never changed or removed", async () => {
    await expect(api.db.writeOne("UPDATE award_consents SET action = 'given'")).rejects.toThrow(
      /append-only/,
    );
    await expect(api.db.writeOne("DELETE FROM award_consents")).rejects.toThrow(/append-only/);
    const ledger = await api.db.query<{ action: string }>(
      "SELECT action FROM award_consents WHERE candidate_id = ? ORDER BY id",
      [candidateOf[4]],
    );
    expect(ledger.map((r) => r.action)).toEqual(["given", "withdrawn"]);
  });

  it("takes entries and withdrawals only while the window is open", async () => {
    const campaignId = Number((await api.db.queryOne<{ id: number }>("SELECT id FROM campaigns"))?.id);
    const closed = await json<{ id: number }>(cookies.admin as string, "/api/admin/awards", {
      method: "POST",
      body: {
        ...editionBody("Awards closed", [], null),
        campaignId,
        opensAt: new Date(NOW.getTime() - 20 * DAY).toISOString(),
        closesAt: new Date(NOW.getTime() - DAY).toISOString(),
      },
    });
    const path = `/api/farms/${farms[5]?.id}/awards/${closed.id}`;
    const entry = await call(cookies.farmer5 as string, `${path}/entry`, {
      method: "POST",
      body: { categories: ["overall"], consent: true },
    });
    expect(entry.status).toBe(409);
    expect((await problemOf(entry)).title).toMatch(/closed/);
    expect((await call(cookies.farmer5 as string, `${path}/withdraw`, { method: "POST" })).status).toBe(409);
  });

  it("shows a farmer the open calls, with the farm's entry and its ledger", async () => {
    const open = await json<{ editions: { id: number; status: string }[] }>(
      cookies.farmer5 as string,
      "/api/awards",
    );
    expect(open.editions.map((e) => e.id)).toContain(editionA);
    expect(open.editions.every((e) => e.status === "open")).toBe(true);
    const calls = await json<{ calls: { edition: { id: number }; entered: boolean; history: unknown[] }[] }>(
      cookies.farmer1 as string,
      `/api/farms/${farms[1]?.id}/awards`,
    );
    const a = calls.calls.find((c) => c.edition.id === editionA);
    expect(a).toMatchObject({ entered: true, categories: ["energy_climate"] });
    expect(a?.history).toHaveLength(1);
  });

  it("refuses an entry without explicit consent, and another farm's entry", async () => {
    const farmer = cookies.farmer5 as string;
    const path = `/api/farms/${farms[5]?.id}/awards/${editionA}/entry`;
    expect((await call(farmer, path, { method: "POST", body: { categories: ["overall"] } })).status).toBe(
      400,
    );
    expect(
      (await call(farmer, path, { method: "POST", body: { categories: ["overall"], consent: false } }))
        .status,
    ).toBe(400);
    const other = await call(farmer, `/api/farms/${farms[0]?.id}/awards/${editionA}/withdraw`, {
      method: "POST",
    });
    expect(other.status).toBe(404);
  });
});

describe("reach", () => {
  it("keeps a juror of edition B out of edition A and out of every farm route", async () => {
    const juror = cookies["b1@jury.test"] as string;
    for (const path of [
      `/api/awards/${editionA}`,
      `/api/awards/${editionA}/candidates`,
      `/api/awards/${editionA}/candidates/${candidateOf[0]}`,
      `/api/awards/${editionA}/compare?ids=${candidateOf[0]},${candidateOf[1]}`,
      `/api/awards/${editionA}/shortlist`,
      `/api/awards/${editionA}/shortlist/export?format=csv`,
      `/api/farms/${farms[0]?.id}`,
      `/api/farms/${farms[0]?.id}/monitors`,
      `/api/farms/${farms[0]?.id}/export?format=json`,
    ])
      expect((await call(juror, path)).status, path).toBe(404);
    const own = await json<{ editions: { id: number }[] }>(juror, "/api/awards");
    expect(own.editions.map((e) => e.id)).toEqual([editionB]);
  });

  it("hides a farm from the juror who declared a conflict, and from nobody else", async () => {
    const juror = cookies["a3@jury.test"] as string;
    const target = candidateOf[2] as number;
    await json(juror, `/api/awards/${editionA}/candidates/${target}/conflict`, {
      method: "POST",
      body: { reason: "My neighbour" },
    });
    expect((await listOf(juror)).candidates.map((c) => c.candidateId)).not.toContain(target);
    expect((await call(juror, `/api/awards/${editionA}/candidates/${target}`)).status).toBe(404);
    expect(
      (await call(juror, `/api/awards/${editionA}/compare?ids=${target},${candidateOf[0]}`)).status,
    ).toBe(404);
    const shortlist = await json<{ candidates: { candidateId: number }[] }>(
      juror,
      `/api/awards/${editionA}/shortlist`,
    );
    expect(shortlist.candidates.map((c) => c.candidateId)).not.toContain(target);
    expect((await listOf(cookies["a1@jury.test"] as string)).candidates.map((c) => c.candidateId)).toContain(
      target,
    );
  });
});

describe("blind review", () => {
  it("leaves every entered farm's name, herd number and province out of every juror route", async () => {
    const juror = cookies["a1@jury.test"] as string;
    const [first, second, third] = candidateOf as [number, number, number];
    const examples: Record<string, { path: string; method?: string; body?: unknown }> = {
      listAwards: { path: "/api/awards" },
      getAward: { path: `/api/awards/${editionA}` },
      listAwardCandidates: { path: `/api/awards/${editionA}/candidates` },
      compareAwardCandidates: { path: `/api/awards/${editionA}/compare?ids=${first},${second},${third}` },
      getAwardCandidate: { path: `/api/awards/${editionA}/candidates/${first}` },
      scoreAwardCandidate: {
        path: `/api/awards/${editionA}/candidates/${first}/score`,
        method: "PUT",
        body: { score: 8, note: "Strong on energy" },
      },
      declareAwardConflict: {
        path: `/api/awards/${editionA}/candidates/${candidateOf[3]}/conflict`,
        method: "POST",
        body: { reason: "" },
      },
      getAwardShortlist: { path: `/api/awards/${editionA}/shortlist` },
      exportAwardShortlist: { path: `/api/awards/${editionA}/shortlist/export?format=csv` },
    };
    // Every juror route of the contract is scanned (the chair's decisions and closing are below).
    const jurorRoutes = ROUTES.filter(
      (r) =>
        r.path.startsWith("/api/awards") && !["decideAwardShortlist", "closeAwardShortlist"].includes(r.name),
    ).map((r) => r.name);
    expect(Object.keys(examples).sort()).toEqual(jurorRoutes.sort());
    const texts = [];
    for (const example of Object.values(examples)) {
      const response = await call(juror, example.path, example);
      expect(response.status, example.path).toBe(200);
      texts.push(await response.text());
    }
    // Every candidate's page too, as the second juror and the chair see them.
    for (const cookie of [cookies["a2@jury.test"] as string, juror])
      for (const id of candidateOf.slice(0, 3))
        texts.push(await (await call(cookie, `/api/awards/${editionA}/candidates/${id}`)).text());
    const rows = await api.db.query<{ name: string; herd_number: string; province: string }>(
      "SELECT name, herd_number, province FROM farms",
    );
    expect(rows).toHaveLength(6);
    for (const text of texts)
      for (const row of rows)
        for (const field of [row.name, row.herd_number, row.province]) expect(text).not.toContain(field);
  });

  it("keeps the pseudonym stable across pages and exports", async () => {
    const juror = cookies["a2@jury.test"] as string;
    const listed = (await listOf(juror)).candidates.find((c) => c.candidateId === candidateOf[0]);
    const detail = await json<{ candidate: { displayName: string } }>(
      juror,
      `/api/awards/${editionA}/candidates/${candidateOf[0]}`,
    );
    const csv = await (await call(juror, `/api/awards/${editionA}/shortlist/export?format=csv`)).text();
    expect(listed?.displayName).toMatch(/^[2-9A-Z]{4}$/);
    expect(detail.candidate.displayName).toBe(listed?.displayName);
    expect(csv).toContain(listed?.displayName);
    const xlsx = await call(juror, `/api/awards/${editionA}/shortlist/export?format=xlsx`);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect(new TextDecoder().decode((await xlsx.arrayBuffer()).slice(0, 2))).toBe("PK");
  });
});

/** Lower case without accents, spaces or punctuation: how a variant of a name or number still shows. */
const squeezed = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

/** Every text file of an XLSX (its sheets and shared strings), joined. */
async function xlsxText(response: Response) {
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  return Object.values(files)
    .map((bytes) => strFromU8(bytes))
    .join("\n");
}

describe("free text while blind", () => {
  it("keeps the farm's name, herd number and province out of its typed answers and every juror route", async () => {
    const [a1, chair] = [cookies["a1@jury.test"] as string, cookies["a2@jury.test"] as string];
    const first = candidateOf[0] as number;
    const reason = '=HYPERLINK("http://evil.test","Hoeve Geheim 1")';
    await json(chair, `/api/awards/${editionA}/shortlist/${first}`, {
      method: "PUT",
      body: { decision: "shortlisted", reason },
    });
    const texts: string[] = [];
    for (const juror of [a1, chair]) {
      for (const path of [
        `/api/awards/${editionA}/candidates`,
        `/api/awards/${editionA}/candidates/${first}`,
        `/api/awards/${editionA}/compare?ids=${first},${candidateOf[1]}`,
        `/api/awards/${editionA}/shortlist`,
        `/api/awards/${editionA}/shortlist/export?format=csv`,
      ])
        texts.push(await (await call(juror, path)).text());
      texts.push(await xlsxText(await call(juror, `/api/awards/${editionA}/shortlist/export?format=xlsx`)));
    }
    const farm = farms[0] as (typeof farms)[number];
    for (const text of texts) {
      for (const field of [farm.name, farm.herdNumber, farm.province, "Limbourg", "77000001"])
        expect(text.toLowerCase()).not.toContain(field.toLowerCase());
      for (const field of [farm.name, farm.herdNumber]) expect(squeezed(text)).not.toContain(squeezed(field));
    }
    const page = await json<{ candidate: { pseudonym: string }; answers: { data: Record<string, unknown> } }>(
      a1,
      `/api/awards/${editionA}/candidates/${first}`,
    );
    const pseudonym = page.candidate.pseudonym;
    expect(page.answers.data).toMatchObject({
      energy_scan_report_ref: `Energiescan ${pseudonym}, beslagnr. […]`,
      milking_machine_test_ref: `Test […] (${pseudonym})`,
      waste_disposal_ref: "Ophaling in […], […]",
      herd_health_vet_contract_ref: `Contract […] ${pseudonym}`,
    });
    // The chair's reason is redacted too, and kept from running as a formula in both exports.
    const shortlist = await json<{ candidates: { candidateId: number; reason: string | null }[] }>(
      a1,
      `/api/awards/${editionA}/shortlist`,
    );
    const redactedReason = `=HYPERLINK("http://evil.test","${pseudonym}")`;
    expect(shortlist.candidates.find((c) => c.candidateId === first)?.reason).toBe(redactedReason);
    const csv = await (await call(a1, `/api/awards/${editionA}/shortlist/export?format=csv`)).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.test"",""${pseudonym}"")"`);
    const xlsx = await xlsxText(await call(a1, `/api/awards/${editionA}/shortlist/export?format=xlsx`));
    expect(xlsx).toContain(`>'${redactedReason}<`);
    expect(xlsx).not.toMatch(/<f>/);
  });

  it("shows the answers as typed once the shortlist is closed", async () => {
    const campaignId = Number((await api.db.queryOne<{ id: number }>("SELECT id FROM campaigns"))?.id);
    await user(api.db, "farmer", [], { email: "c1@jury.test" });
    const edition = await json<{ id: number }>(cookies.admin as string, "/api/admin/awards", {
      method: "POST",
      body: { ...editionBody("Awards C", ["c1@jury.test"], "c1@jury.test"), campaignId },
    });
    const chair = await api.login("c1@jury.test", "fixture-password");
    await json(cookies.farmer0 as string, `/api/farms/${farms[0]?.id}/awards/${edition.id}/entry`, {
      method: "POST",
      body: { categories: ["overall"], consent: true },
    });
    const [candidate] = (await json<Listed>(chair, `/api/awards/${edition.id}/candidates`)).candidates;
    const page = () =>
      json<{ answers: { data: Record<string, unknown> } }>(
        chair,
        `/api/awards/${edition.id}/candidates/${candidate?.candidateId}`,
      );
    expect((await page()).answers.data).not.toMatchObject(TYPED);
    await json(chair, `/api/awards/${edition.id}/shortlist/close`, { method: "POST" });
    expect((await page()).answers.data).toMatchObject(TYPED);
  });
});

describe("the jury's work", () => {
  it("writes every view of a candidate's answers in the audit log", async () => {
    const juror = cookies["a2@jury.test"] as string;
    const count = async () =>
      Number(
        (
          await api.db.queryOne<{ n: number }>(
            "SELECT count(*) AS n FROM audit_log WHERE entity = 'award_candidate' AND entity_id = ? AND action IN ('view', 'compare')",
            [String(candidateOf[1])],
          )
        )?.n,
      );
    const before = await count();
    await json(juror, `/api/awards/${editionA}/candidates/${candidateOf[1]}`);
    await json(juror, `/api/awards/${editionA}/compare?ids=${candidateOf[1]},${candidateOf[0]}`);
    expect(await count()).toBe(before + 2);
  });

  it("keeps scores private to the juror and combines them in the shortlist", async () => {
    const [a1, a2] = [cookies["a1@jury.test"] as string, cookies["a2@jury.test"] as string];
    const target = candidateOf[1] as number;
    await json(a1, `/api/awards/${editionA}/candidates/${target}/score`, {
      method: "PUT",
      body: { score: 4, note: "a1" },
    });
    await json(a2, `/api/awards/${editionA}/candidates/${target}/score`, {
      method: "PUT",
      body: { score: 9, note: "a2" },
    });
    const seen = await json<{ myScore: { score: number; note: string } }>(
      a2,
      `/api/awards/${editionA}/candidates/${target}`,
    );
    expect(seen.myScore).toMatchObject({ score: 9, note: "a2" });
    const overview = await json<{ candidates: { candidateId: number; jury: unknown }[] }>(
      a1,
      `/api/awards/${editionA}/shortlist`,
    );
    expect(overview.candidates.find((c) => c.candidateId === target)?.jury).toEqual({
      count: 2,
      mean: 6.5,
      spread: 5,
    });
    const bad = await call(a1, `/api/awards/${editionA}/candidates/${target}/score`, {
      method: "PUT",
      body: { score: 11, note: "" },
    });
    expect(bad.status).toBe(400);
  });

  it("lets only the chair decide, with a reason; closing reveals identities and is logged", async () => {
    const chair = cookies["b1@jury.test"] as string;
    const juror = cookies["a1@jury.test"] as string;
    const [candidate] = (await json<Listed>(chair, `/api/awards/${editionB}/candidates`)).candidates;
    expect(candidate?.displayName).not.toBe(farms[0]?.name);
    const decision = { decision: "shortlisted", reason: "Best energy record" };
    expect(
      (
        await call(juror, `/api/awards/${editionA}/shortlist/${candidateOf[0]}`, {
          method: "PUT",
          body: decision,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(chair, `/api/awards/${editionB}/shortlist/${candidate?.candidateId}`, {
          method: "PUT",
          body: { ...decision, reason: "" },
        })
      ).status,
    ).toBe(400);
    const decided = await json<{ decision: string; reason: string }>(
      chair,
      `/api/awards/${editionB}/shortlist/${candidate?.candidateId}`,
      {
        method: "PUT",
        body: decision,
      },
    );
    expect(decided).toMatchObject(decision);
    await json(chair, `/api/awards/${editionB}/shortlist/close`, { method: "POST" });
    const again = await call(chair, `/api/awards/${editionB}/shortlist/close`, { method: "POST" });
    expect(again.status).toBe(409);
    expect((await problemOf(again)).title).toMatch(/closed/);
    const revealed = await json<{ candidates: { identity: { name: string } | null }[] }>(
      chair,
      `/api/awards/${editionB}/shortlist`,
    );
    expect(revealed.candidates[0]?.identity?.name).toBe(farms[0]?.name);
    const logged = await api.db.query(
      "SELECT id FROM audit_log WHERE action = 'close_shortlist' AND entity_id = ?",
      [String(editionB)],
    );
    expect(logged).toHaveLength(1);
  });
});
