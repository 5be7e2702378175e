import { DEFAULT_DISCLOSURE_PARAMS } from "@monitor/domain";
import { getCatalogue, getVersion } from "@monitor/surveys";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../apps/api/src/app.ts";
import { Database } from "../../apps/api/src/db/client.ts";
import { checkAgainstContract, type TestApi } from "../support/api.ts";
import * as fixtures from "../support/fixtures.ts";

/**
 * A small hand-built sector (campaign 2025, questionnaire 2020), every figure counted by hand:
 *   A: 5 farms in Flanders (West-Vlaanderen), Milcobel, 120 cows, totals 2 4 4 6 8  (sum 24)
 *   D: 1 farm in Flanders (Oost-Vlaanderen), Milcobel, 120 cows,  total 0
 *   B: 5 farms in Wallonia (Liège), LDA, 60 cows,                totals 1 3 5 5 6  (sum 20)
 *   C: 2 farms in Wallonia (Namur), Milcobel, 60 cows,           totals 10 12      (sum 22)
 * A farm with total n takes the first n initiatives of the 2020 questionnaire.
 * All 13 totals: 0 1 2 3 4 4 5 5 6 6 8 10 12 (sum 66; 12 farms take at least one).
 * Flanders (A + D, 6 farms) and West-Vlaanderen (A, 5 farms) are the same view one farm apart.
 *
 * Disclosure control (docs/disclosure-control.md) with k = 5: a count under 5 is withheld (null),
 * means are a sum over a count rounded to 1 decimal, distributions show the fixed bins 0–4, 5–9, …
 * (a bin under 5 farms is withheld), quantiles interpolate within the fixed bins, every bin counted
 * with its own noise, the withheld ones too (a total t stands for [t − 0.5, t + 0.5), so the bin
 * 0–4 spans −0.5..4.5).
 */
const GROUPS = [
  {
    region: "flanders",
    province: "West-Vlaanderen",
    dairyBuyer: "milcobel",
    herdSize: 120,
    totals: [2, 4, 4, 6, 8],
  },
  { region: "flanders", province: "Oost-Vlaanderen", dairyBuyer: "milcobel", herdSize: 120, totals: [0] },
  { region: "wallonia", province: "Liège", dairyBuyer: "lda", herdSize: 60, totals: [1, 3, 5, 5, 6] },
  { region: "wallonia", province: "Namur", dairyBuyer: "milcobel", herdSize: 60, totals: [10, 12] },
];
const ALL_TOTALS = GROUPS.flatMap((g) => g.totals);
const NOW = new Date("2026-11-21T10:00:00.000Z");
const K = 5;
/** Count noise never exceeds ±10 (DEFAULT_DISCLOSURE_PARAMS.countBound). */
const COUNT_BOUND = DEFAULT_DISCLOSURE_PARAMS.countBound;
const LIEGE = encodeURIComponent("Liège");

/** The hand-built sector's API, with the noise off. */
let api: TestApi;
let db: Database;
/** A second connection to the same database file, as another API process would open. */
let otherDb: Database;
let app: ReturnType<typeof createApp>;
/** The same database with the default disclosure parameters (noise on). */
let noisy: ReturnType<typeof createApp>;
/** Noise on, through the other connection: an API instance started separately. */
let restarted: ReturnType<typeof createApp>;
let analyst: string;
let buyer: string;
/** A farmer of the sector's first farm. */
let farmer: fixtures.Credentials;
let campaign: number;

/** A GET, its answer checked against the contract (packages/contract). */
const get = async <T>(path: string, cookie = analyst, on = app) => {
  const response = await on.request(path, { headers: { cookie } });
  await checkAgainstContract("GET", path, response);
  return { status: response.status, body: (await response.json()) as T };
};

beforeAll(async () => {
  // noise off: these tests check the statistics pipeline against hand counts; test/api/disclosure.test.ts checks the noise
  api = await fixtures.createEmptyApi({
    now: () => NOW,
    config: { disclosure: { countBound: 0, sumBound: 0 } },
  });
  ({ db, app } = api);
  campaign = await fixtures.campaign(db, { year: 2025, surveyVersion: "2020" });
  const farms: number[] = [];
  for (const { totals, ...attributes } of GROUPS) {
    for (const total of totals) {
      const farm = await fixtures.farm(db, {
        ...attributes,
        certificationBody: "mcc",
        inspectionBody: "certalent",
      });
      await fixtures.submittedMonitor(db, { farm, campaign, total });
      farms.push(farm);
    }
  }
  const sectorAnalyst = await fixtures.analyst(db);
  // The buyer reads French.
  const milcobelAnalyst = await fixtures.analyst(
    db,
    { type: "dairy_buyer", id: "milcobel" },
    { locale: "fr" },
  );
  farmer = await fixtures.user(db, "farmer", { type: "farm", id: farms[0] as number }, { locale: "nl" });
  noisy = createApp({ db, clock: () => NOW });
  otherDb = new Database({ url: api.url });
  restarted = createApp({ db: otherDb, clock: () => NOW });
  // Sessions live in the database: these cookies work with every app above.
  analyst = await api.login(sectorAnalyst.email, sectorAnalyst.password);
  buyer = await api.login(milcobelAnalyst.email, milcobelAnalyst.password);
});

afterAll(() => {
  otherDb.close();
  api.close();
});

interface Point {
  year: number;
  farms: number | null;
  meanInitiatives: number | null;
  medianInitiatives: number | null;
  shareWithAtLeastOne: number | null;
  suppressed: boolean;
}
interface Trend {
  points: Point[];
}
interface Group {
  key: string;
  label: string;
  farms: number | null;
  meanInitiatives: number | null;
  shareWithAtLeastOne: number | null;
  suppressed: boolean;
}
interface Breakdown {
  groups: Group[];
}
interface Bin {
  from: number;
  to: number;
  farms: number | null;
  suppressed: boolean;
}
interface Distribution {
  farms: number | null;
  suppressed: boolean;
  median: number | null;
  q1: number | null;
  q3: number | null;
  bins: Bin[];
}
interface AdoptionRow {
  initiativeId: string;
  theme: string | null;
  farms: number | null;
  suppressed: boolean;
  rate: number | null;
  previousRate: number | null;
  change: number | null;
}
interface Adoption {
  farms: number | null;
  suppressed: boolean;
  initiatives: AdoptionRow[];
  themes: {
    theme: string;
    meanInitiatives: number | null;
    previousMean: number | null;
    definitionChanged: boolean;
  }[];
}
interface Participation {
  suppressed: boolean;
  registered: number | null;
  started: number | null;
  submitted: number | null;
  shareSubmitted: number | null;
  audits: {
    suppressed: boolean;
    audited: number | null;
    filledIn: number | null;
    shareFilledIn: number | null;
  };
}
interface Problem {
  type: string;
  title: string;
  status: number;
}

const version2020 = () => {
  const version = getVersion("2020");
  if (!version) throw new Error("no 2020 questionnaire");
  return version;
};
/** Farms that take the initiative at `index` of the 2020 questionnaire: those with a total above it. */
const adopters = (index: number, totals = ALL_TOTALS) => totals.filter((t) => t > index).length;
/** The fixed bins 0–4, 5–9, … up to the bin that holds the catalogue size (72 initiatives: 70–74). */
const binCount = () => Math.floor(getCatalogue().initiatives.length / 5) + 1;
const trendPoint = async (query = "", cookie = analyst, on = app) => {
  const { body } = await get<Trend>(`/api/sector/trend${query ? `?${query}` : ""}`, cookie, on);
  expect(body.points).toHaveLength(1);
  return body.points[0] as Point;
};

describe("sector figures equal a hand count", () => {
  it("trend: 13 farms, mean 66/13, 12 of 13 with at least one, median from the fixed bins", async () => {
    const point = await trendPoint();
    // Mean 66 / 13 = 5.077 → 5.1. Median: the bins hold 6 (0–4), 5 (5–9), 2 (10–14); half of 13
    // is 6.5, past the 6 of 0–4 by 0.5 of 5–9's 5 farms: 4.5 + 0.5/5 · 5 = 5.
    expect(point).toMatchObject({
      year: 2025,
      farms: 13,
      meanInitiatives: 5.1,
      medianInitiatives: 5,
      suppressed: false,
    });
    expect(point.shareWithAtLeastOne).toBeCloseTo(12 / 13, 4); // 0.9231
  });

  it("breakdown by region and by dairy buyer", async () => {
    const byRegion = await get<Breakdown>(`/api/sector/breakdown?campaign=${campaign}&by=region`);
    expect(byRegion.body.groups).toEqual([
      // A + D: 6 farms, 24 / 6 = 4, 5 of 6 take at least one.
      expect.objectContaining({
        key: "flanders",
        label: "Flanders",
        farms: 6,
        meanInitiatives: 4,
        shareWithAtLeastOne: expect.closeTo(5 / 6, 4),
        suppressed: false,
      }),
      // B + C: 7 farms, 42 / 7 = 6, all take at least one.
      expect.objectContaining({
        key: "wallonia",
        label: "Wallonia",
        farms: 7,
        meanInitiatives: 6,
        shareWithAtLeastOne: 1,
        suppressed: false,
      }),
    ]);
    const byBuyer = await get<Breakdown>(`/api/sector/breakdown?campaign=${campaign}&by=dairyBuyer`);
    expect(byBuyer.body.groups).toEqual([
      // B: 20 / 5 = 4.
      expect.objectContaining({ key: "lda", farms: 5, meanInitiatives: 4, shareWithAtLeastOne: 1 }),
      // A + D + C: 46 / 8 = 5.75 → 5.8 (half away from zero); 7 of 8 take at least one.
      expect.objectContaining({
        key: "milcobel",
        farms: 8,
        meanInitiatives: 5.8,
        shareWithAtLeastOne: 0.875,
      }),
    ]);
  });

  it("filters narrow: Flanders alone is 6 farms with mean 4", async () => {
    // Flanders: 0–4 holds 2 4 4 0 (4 farms), 5–9 holds 6 8 (2 farms); both would be withheld, but
    // the median still reads them: half of 6 is 3, inside 0–4: −0.5 + 3/4 · 5 = 3.25 → 3.3.
    expect(await trendPoint("region=flanders")).toMatchObject({
      farms: 6,
      meanInitiatives: 4,
      shareWithAtLeastOne: expect.closeTo(5 / 6, 4),
      medianInitiatives: 3.3,
      suppressed: false,
    });
  });

  it("distribution: every fixed bin, the small ones withheld, quartiles interpolated in the shown bins", async () => {
    const { body } = await get<Distribution>(`/api/sector/distribution?campaign=${campaign}`);
    // 0–4: 0 1 2 3 4 4 (6 farms); 5–9: 5 5 6 6 8 (5 farms); 10–14: 10 12 (2, withheld); the rest 0.
    const shown = [6, 5];
    expect(body.bins).toEqual(
      Array.from({ length: binCount() }, (_, i) => ({
        from: 5 * i,
        to: 5 * i + 4,
        farms: shown[i] ?? null,
        suppressed: shown[i] === undefined,
      })),
    );
    // Quartiles over all 13 farms in 6 | 5 | 2: q1 at 3.25, inside 0–4: −0.5 + 3.25/6 · 5 = 2.208
    // → 2.2; median at 6.5: 4.5 + 0.5/5 · 5 = 5; q3 at 9.75: 4.5 + 3.75/5 · 5 = 8.25 → 8.3.
    expect(body).toMatchObject({ farms: 13, suppressed: false, q1: 2.2, median: 5, q3: 8.3 });
  });

  it("adoption: rows of at least k adopters show their count, smaller ones are withheld", async () => {
    const version = version2020();
    const { body } = await get<Adoption>(`/api/sector/adoption?campaign=${campaign}`);
    expect(body).toMatchObject({ farms: 13, suppressed: false });
    expect(body.initiatives).toHaveLength(42);
    const row = (index: number) =>
      body.initiatives.find((i) => i.initiativeId === version.initiativeIds[index]);
    // No earlier campaign in this sector: nothing to compare with.
    const shown = (farms: number) => ({
      farms,
      suppressed: false,
      rate: expect.closeTo(farms / 13, 4),
      previousRate: null,
      change: null,
      definitionChanged: false,
    });
    const withheld = { farms: null, suppressed: true, rate: null, previousRate: null, change: null };
    // The first initiative: every farm but the one with total 0.
    expect(row(0)).toEqual({ initiativeId: version.initiativeIds[0], theme: "animal_health", ...shown(12) });
    // The sixth: totals of 6 and more, 6 6 8 10 12 = exactly k.
    expect(row(5)).toMatchObject(shown(5));
    // The seventh: 8 10 12 = 3 farms; the twelfth: 1 farm; the thirteenth: none.
    expect(row(6)).toMatchObject(withheld);
    expect(row(11)).toMatchObject(withheld);
    expect(row(12)).toMatchObject(withheld);
    // Every row against the hand count of its adopters.
    for (const [index, id] of version.initiativeIds.entries()) {
      const n = adopters(index);
      expect(body.initiatives.find((i) => i.initiativeId === id)?.farms, id).toBe(n >= K ? n : null);
    }
    // Animal health is the first 7 initiatives: a farm takes min(total, 7) of them,
    // 0+1+2+3+4+4+5+5+6+6+7+7+7 = 57, 57 / 13 = 4.38 → 4.4. Animal welfare the next 6: 8 → 1,
    // 10 → 3, 12 → 5, 9 / 13 = 0.69 → 0.7. Energy starts at the 14th: nobody, 0.
    const theme = (id: string) => body.themes.find((t) => t.theme === id);
    expect(theme("animal_health")).toEqual({
      theme: "animal_health",
      meanInitiatives: 4.4,
      previousMean: null,
      definitionChanged: false,
    });
    expect(theme("animal_welfare")).toMatchObject({ meanInitiatives: 0.7 });
    expect(theme("energy")).toMatchObject({ meanInitiatives: 0 });
  });

  it("participation: 13 registered, started and submitted; no audits, so withheld", async () => {
    const { body } = await get<Participation>(`/api/sector/participation?campaign=${campaign}`);
    expect(body).toMatchObject({
      suppressed: false,
      registered: 13,
      started: 13,
      submitted: 13,
      shareSubmitted: 1,
      audits: { suppressed: true, audited: null, filledIn: null, shareFilledIn: null },
    });
  });

  it("overview: the register per region", async () => {
    const { body } = await get<{
      farms: number | null;
      regions: { region: string; farms: number | null; suppressed: boolean }[];
    }>("/api/sector/overview");
    expect(body.farms).toBe(13);
    expect(body.regions).toEqual(
      expect.arrayContaining([
        { region: "flanders", farms: 6, suppressed: false },
        { region: "wallonia", farms: 7, suppressed: false },
      ]),
    );
  });
});

describe("a dairy buyer sees its own suppliers only", () => {
  it("counts Milcobel's 8 suppliers, whatever filter it asks for", async () => {
    // A + D + C: 46 / 8 = 5.75 → 5.8.
    expect(await trendPoint("", buyer)).toMatchObject({ farms: 8, meanInitiatives: 5.8 });
    expect(await trendPoint("dairyBuyer=lda", buyer)).toMatchObject({ farms: null, suppressed: true });
    // Wallonia holds 7 farms, but only C's 2 supply Milcobel.
    expect(await trendPoint("region=wallonia", buyer)).toMatchObject({ farms: null, suppressed: true });
  });

  it("adoption counts suppliers only: the first initiative by 7 of 8", async () => {
    const version = version2020();
    const { body } = await get<Adoption>(`/api/sector/adoption?campaign=${campaign}`, buyer);
    expect(body).toMatchObject({ farms: 8, suppressed: false });
    // Sector-wide 12 farms take it; LDA's 5 are not Milcobel's.
    expect(body.initiatives.find((i) => i.initiativeId === version.initiativeIds[0])).toMatchObject({
      farms: 7,
      rate: 0.875,
    });
  });

  it("withholds a region of 2 suppliers, and its complement so it cannot be subtracted", async () => {
    const { body } = await get<Breakdown>(`/api/sector/breakdown?campaign=${campaign}&by=region`, buyer);
    expect(body.groups).toEqual([
      expect.objectContaining({ key: "flanders", farms: null, meanInitiatives: null, suppressed: true }),
      expect.objectContaining({ key: "wallonia", farms: null, meanInitiatives: null, suppressed: true }),
    ]);
  });

  it("offers only its own dairy buyer as a filter", async () => {
    const { body } = await get<{ dairyBuyers: { id: string }[] }>("/api/sector/options", buyer);
    expect(body.dairyBuyers.map((b) => b.id)).toEqual(["milcobel"]);
  });
});

describe("views a few farms apart are no longer withheld, small groups still are", () => {
  // The differencing guard used to withhold a view that differs from a wider one by fewer than k
  // farms. Noise protects such pairs now (see the next block); with the noise off they show hand counts.
  it("shows a view one farm narrower than a wider one: West-Vlaanderen (5) within Flanders (6)", async () => {
    // A: 24 / 5 = 4.8, all five take at least one. Median: 0–4 holds 2 4 4, 5–9 holds 6 8; half
    // of 5 is 2.5, inside 0–4: −0.5 + 2.5/3 · 5 = 3.667 → 3.7.
    expect(await trendPoint("province=West-Vlaanderen")).toMatchObject({
      farms: 5,
      meanInitiatives: 4.8,
      shareWithAtLeastOne: 1,
      medianInitiatives: 3.7,
      suppressed: false,
    });
  });

  it("shows Wallonia ∩ LDA (5 farms) in every view, though Wallonia holds 7", async () => {
    const query = "region=wallonia&dairyBuyer=lda";
    // B: 20 / 5 = 4.
    expect(await trendPoint(query)).toMatchObject({ farms: 5, meanInitiatives: 4, suppressed: false });
    const breakdown = await get<Breakdown>(`/api/sector/breakdown?campaign=${campaign}&by=province&${query}`);
    expect(breakdown.body.groups).toEqual([
      expect.objectContaining({ key: "Liège", farms: 5, meanInitiatives: 4, shareWithAtLeastOne: 1 }),
    ]);
    const adoption = await get<Adoption>(`/api/sector/adoption?campaign=${campaign}&${query}`);
    expect(adoption.body).toMatchObject({ farms: 5, suppressed: false });
    expect(adoption.body.initiatives).toHaveLength(42);
    const participation = await get<Participation>(`/api/sector/participation?campaign=${campaign}&${query}`);
    expect(participation.body).toMatchObject({ suppressed: false, registered: 5, submitted: 5 });
  });

  it("shows a breakdown group one filter narrower than the same group of a wider breakdown, in the export too", async () => {
    // By region for LDA: Wallonia 5 farms (all of B); by region for all: Wallonia 7.
    const { body } = await get<Breakdown>(
      `/api/sector/breakdown?campaign=${campaign}&by=region&dairyBuyer=lda`,
    );
    expect(body.groups).toEqual([
      expect.objectContaining({ key: "wallonia", farms: 5, meanInitiatives: 4, suppressed: false }),
    ]);
    const csv = await app.request(
      `/api/sector/export?view=breakdown&by=region&dairyBuyer=lda&campaign=${campaign}&raw=1`,
      { headers: { cookie: analyst } },
    );
    expect(await csv.text()).toContain("2025,region,wallonia,Wallonia,5,4,1,false");
  });

  it("withholds a group under k farms", async () => {
    // Namur: C's 2 farms.
    expect(await trendPoint("province=Namur")).toMatchObject({
      farms: null,
      meanInitiatives: null,
      suppressed: true,
    });
  });
});

/** A count shown with the default noise, against its hand count `exact`. */
function expectProtected(shown: number | null | undefined, exact: number, what: string) {
  if (exact < K) {
    expect(shown, `${what}: a count of ${exact} is never shown`).toBeNull();
    return;
  }
  if (shown === null) {
    // The noise may take a count near k under k, and then it is withheld; never a larger one.
    expect(exact - COUNT_BOUND, `${what}: withheld, though ${exact} − ${COUNT_BOUND} ≥ k`).toBeLessThan(K);
    return;
  }
  expect(shown, what).toBeGreaterThanOrEqual(K);
  expect(Math.abs((shown as number) - exact), `${what}: ${shown} for ${exact}`).toBeLessThanOrEqual(
    COUNT_BOUND,
  );
}

describe("with the default noise (what replaced the differencing guard)", () => {
  const campaignViews = () => [
    `/api/sector/distribution?campaign=${campaign}`,
    `/api/sector/adoption?campaign=${campaign}`,
    `/api/sector/adoption?campaign=${campaign}&province=West-Vlaanderen`,
    `/api/sector/participation?campaign=${campaign}`,
    `/api/sector/breakdown?campaign=${campaign}&by=region`,
    `/api/sector/breakdown?campaign=${campaign}&by=province&region=wallonia`,
  ];

  it("the same query twice gives identical figures, on another API instance on the same database too", async () => {
    const paths = [
      "/api/sector/trend",
      "/api/sector/trend?region=flanders",
      "/api/sector/trend?province=West-Vlaanderen",
      "/api/sector/overview",
      ...campaignViews(),
    ];
    for (const path of paths) {
      const first = await get(path, analyst, noisy);
      expect(first.status, path).toBe(200);
      expect((await get(path, analyst, noisy)).body, path).toEqual(first.body);
      // The noise is keyed by a secret kept with the data, not drawn afresh per request or process.
      expect((await get(path, analyst, restarted)).body, path).toEqual(first.body);
    }
  });

  it("the noise follows the farms: other filters, routes or a buyer's scope naming the same farms get the same figures", async () => {
    const point = (query = "", cookie = analyst) => trendPoint(query, cookie, noisy);
    // B's 5 farms, four ways.
    const b = await point("dairyBuyer=lda");
    for (const query of [
      `province=${LIEGE}`,
      "region=wallonia&dairyBuyer=lda",
      "sizeClass=50_99&dairyBuyer=lda",
    ])
      expect(await point(query), query).toEqual(b);
    // All 13 farms of the campaign: one farm count in every route.
    const all = await point();
    const distribution = await get<Distribution>(
      `/api/sector/distribution?campaign=${campaign}`,
      analyst,
      noisy,
    );
    const adoption = await get<Adoption>(`/api/sector/adoption?campaign=${campaign}`, analyst, noisy);
    const participation = await get<Participation>(
      `/api/sector/participation?campaign=${campaign}`,
      analyst,
      noisy,
    );
    expect([distribution.body.farms, adoption.body.farms, participation.body.registered]).toEqual([
      all.farms,
      all.farms,
      all.farms,
    ]);
    // A breakdown's group is the same population as the view filtered on it.
    const byRegion = await get<Breakdown>(
      `/api/sector/breakdown?campaign=${campaign}&by=region`,
      analyst,
      noisy,
    );
    for (const group of byRegion.body.groups) {
      const filtered = await point(`region=${group.key}`);
      expect(group, group.key).toMatchObject({
        farms: filtered.farms,
        meanInitiatives: filtered.meanInitiatives,
        shareWithAtLeastOne: filtered.shareWithAtLeastOne,
        suppressed: filtered.suppressed,
      });
    }
    // A buyer's view is the sector's view of its suppliers: asking both teaches nothing new.
    expect(await point("", buyer)).toEqual(await point("dairyBuyer=milcobel"));
    expect(await point("region=flanders", buyer)).toEqual(await point("dairyBuyer=milcobel&region=flanders"));
  });

  it("every shown count is at least k and within the count bound of its hand count; a count under k never shows", async () => {
    // Flanders (6) and West-Vlaanderen (5) are one farm apart (D): each view has its own noise, so
    // neither is withheld because of the other and their difference is not D's count.
    const views: [string, number][] = [
      ["", 13],
      ["region=flanders", 6],
      ["province=West-Vlaanderen", 5],
      ["region=wallonia", 7],
      ["dairyBuyer=lda", 5],
      ["dairyBuyer=milcobel", 8],
      ["province=Namur", 2],
    ];
    for (const [query, farms] of views) {
      const p = await trendPoint(query, analyst, noisy);
      expectProtected(p.farms, farms, `trend?${query}`);
      expect(p.suppressed).toBe(p.farms === null);
      if (p.suppressed) {
        expect(p, query).toMatchObject({
          meanInitiatives: null,
          medianInitiatives: null,
          shareWithAtLeastOne: null,
        });
        continue;
      }
      expect(p.meanInitiatives, query).toBeGreaterThanOrEqual(0);
      if (p.shareWithAtLeastOne !== null) {
        expect(p.shareWithAtLeastOne, query).toBeGreaterThanOrEqual(0);
        expect(p.shareWithAtLeastOne, query).toBeLessThanOrEqual(1);
      }
    }

    const distribution = (
      await get<Distribution>(`/api/sector/distribution?campaign=${campaign}`, analyst, noisy)
    ).body;
    expectProtected(distribution.farms, 13, "distribution");
    const exactBins = [6, 5, 2];
    // Fixed edges whatever the data and the noise.
    expect(distribution.bins.map((b) => [b.from, b.to])).toEqual(
      Array.from({ length: binCount() }, (_, i) => [5 * i, 5 * i + 4]),
    );
    for (const [i, bin] of distribution.bins.entries()) {
      expectProtected(bin.farms, exactBins[i] ?? 0, `bin ${bin.from}–${bin.to}`);
      expect(bin.suppressed).toBe(bin.farms === null);
    }
    const { q1, median, q3 } = distribution;
    if (q1 !== null && median !== null && q3 !== null) {
      expect(q1).toBeLessThanOrEqual(median);
      expect(median).toBeLessThanOrEqual(q3);
    }

    const adoption = (await get<Adoption>(`/api/sector/adoption?campaign=${campaign}`, analyst, noisy)).body;
    expectProtected(adoption.farms, 13, "adoption");
    if (adoption.suppressed) expect(adoption.initiatives).toEqual([]);
    else {
      for (const [index, id] of version2020().initiativeIds.entries()) {
        const row = adoption.initiatives.find((i) => i.initiativeId === id);
        expectProtected(row?.farms, adopters(index), id);
        expect(row?.suppressed).toBe(row?.farms === null);
        if (row?.farms === null) expect(row.rate).toBeNull();
        if (row?.rate != null) expect(row.rate).toBeLessThanOrEqual(1);
      }
    }

    const participation = (
      await get<Participation>(`/api/sector/participation?campaign=${campaign}`, analyst, noisy)
    ).body;
    expectProtected(participation.registered, 13, "registered");
    expectProtected(participation.started, 13, "started");
    expectProtected(participation.submitted, 13, "submitted");
    expectProtected(participation.audits.audited, 0, "audited");

    const byBuyer = (
      await get<Breakdown>(`/api/sector/breakdown?campaign=${campaign}&by=dairyBuyer`, analyst, noisy)
    ).body;
    expect(byBuyer.groups.map((g) => g.key)).toEqual(["lda", "milcobel"]);
    for (const group of byBuyer.groups) expectProtected(group.farms, group.key === "lda" ? 5 : 8, group.key);
  });

  it("a dairy buyer never sees a non-supplier", async () => {
    const point = (query = "") => trendPoint(query, buyer, noisy);
    expectProtected((await point()).farms, 8, "the buyer's suppliers");
    // Another buyer's farms, and Wallonia (whose only Milcobel suppliers are C's 2 farms): withheld.
    expect(await point("dairyBuyer=lda")).toMatchObject({ farms: null, suppressed: true });
    expect(await point("region=wallonia")).toMatchObject({ farms: null, suppressed: true });
    const byBuyer = await get<Breakdown>(
      `/api/sector/breakdown?campaign=${campaign}&by=dairyBuyer`,
      buyer,
      noisy,
    );
    expect(byBuyer.body.groups.map((g) => g.key)).toEqual(["milcobel"]);
    const adoption = (await get<Adoption>(`/api/sector/adoption?campaign=${campaign}`, buyer, noisy)).body;
    expectProtected(adoption.farms, 8, "the buyer's adoption view");
    if (!adoption.suppressed) {
      const first = adoption.initiatives.find((i) => i.initiativeId === version2020().initiativeIds[0]);
      // 7 suppliers take it (12 sector-wide).
      expectProtected(first?.farms, 7, "the first initiative among suppliers");
    }
  });

  it("refuses a third farm attribute with 400 and a localized title", async () => {
    const refused = async (path: string, cookie: string) => {
      const { status, body } = await get<Problem>(path, cookie, noisy);
      expect(status, path).toBe(400);
      expect(body.type, path).toMatch(/\/too_many_filters$/);
      return body.title;
    };
    expect(
      await refused("/api/sector/trend?region=wallonia&dairyBuyer=lda&sizeClass=50_99", analyst),
    ).toContain("at most two farm attributes");
    // A breakdown's own attribute counts.
    expect(
      await refused(
        `/api/sector/breakdown?campaign=${campaign}&by=sizeClass&region=wallonia&dairyBuyer=lda`,
        analyst,
      ),
    ).toContain("at most two farm attributes");
    // In the user's language: the buyer reads French.
    expect(
      await refused(
        `/api/sector/adoption?campaign=${campaign}&region=flanders&sizeClass=100_149&certificationBody=mcc`,
        buyer,
      ),
    ).toContain("deux caractéristiques");
    // A region and its province count as one; the buyer's scope is not a filter.
    const allowed = [
      `/api/sector/trend?region=wallonia&province=${LIEGE}&dairyBuyer=lda`,
      `/api/sector/breakdown?campaign=${campaign}&by=province&region=wallonia&dairyBuyer=lda`,
    ];
    for (const path of allowed) expect((await get(path, analyst, noisy)).status, path).toBe(200);
    expect((await get("/api/sector/trend?region=flanders&sizeClass=100_149", buyer, noisy)).status).toBe(200);
  });
});

describe("exports and the audit log", () => {
  it("exports the breakdown for scripts with raw=1: keys as headers, commas and plain fractions", async () => {
    const response = await app.request(
      `/api/sector/export?view=breakdown&by=region&campaign=${campaign}&format=csv&lang=fr&raw=1`,
      { headers: { cookie: analyst } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(
      'filename="sector_breakdown_2025_by-region_raw.csv"',
    );
    const lines = (await response.text()).trim().split("\n");
    expect(lines[0]).toBe("year,by,group_id,group,farms,mean_initiatives,share_with_at_least_one,suppressed");
    const [year, by, id, group, farms, mean, share, suppressed] = (lines[1] ?? "").split(",");
    expect([year, by, id, group, farms, mean, suppressed]).toEqual([
      "2025",
      "region",
      "flanders",
      "Flandre",
      "6",
      "4",
      "false",
    ]);
    expect(Number(share)).toBeCloseTo(5 / 6, 4);
  });

  it("exports a CSV a Belgian analyst opens in Excel: French headers, semicolons, decimal commas, the filters and the protection rule", async () => {
    const response = await app.request(
      `/api/sector/export?view=breakdown&by=region&campaign=${campaign}&format=csv&lang=fr`,
      { headers: { cookie: analyst } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(
      'filename="sector_breakdown_2025_by-region_fr.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel reads the accents
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines).toContain("Filtres;aucun (toutes les exploitations de votre accès)");
    expect(lines.find((l) => l.startsWith("Protection;"))).toMatch(/moins de \d+ exploitations/);
    expect(lines).toContain(
      "Année;Réparti selon;Code du groupe;Groupe;Exploitations;Nombre moyen d'initiatives;Part avec au moins une initiative;Masqué (trop peu d'exploitations)",
    );
    expect(lines).toContain("2025;region;flanders;Flandre;6;4;83,3 %;non");

    const filtered = await app.request(
      `/api/sector/export?view=breakdown&by=region&dairyBuyer=lda&campaign=${campaign}&format=csv&lang=fr`,
      { headers: { cookie: analyst } },
    );
    expect(filtered.headers.get("content-disposition")).toContain(
      "sector_breakdown_2025_by-region_lda_fr.csv",
    );
    expect(await filtered.text()).toMatch(/Filtres;Acheteur de lait: [^\r\n]+/);
  });

  it("exports adoption as XLSX", async () => {
    const response = await app.request(`/api/sector/export?view=adoption&campaign=${campaign}&format=xlsx`, {
      headers: { cookie: analyst },
    });
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0)).toBe("PK");
  });

  it("logs views and exports of aggregates", async () => {
    await get("/api/sector/trend");
    await app.request("/api/sector/export?view=trend", { headers: { cookie: analyst } });
    const rows = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'sector'");
    const actions = new Set(rows.map((r) => r.action));
    expect(actions).toEqual(new Set(["view_aggregate", "export_aggregate"]));
  });

  it("refuses farmers and bad parameters", async () => {
    const farmerCookie = await api.login(farmer.email, farmer.password);
    expect((await get("/api/sector/trend", farmerCookie)).status).toBe(403);
    expect((await get(`/api/sector/breakdown?campaign=${campaign}&by=favouriteColour`)).status).toBe(400);
    expect((await get("/api/sector/export?view=secrets")).status).toBe(400);
  });
});

describe("an export without a campaign", () => {
  it("is of the campaign under way, not of one an administrator prepared for next year", async () => {
    const own = await fixtures.createEmptyApi({
      now: () => NOW,
      config: { disclosure: { countBound: 0, sumBound: 0 } },
    });
    try {
      const current = await fixtures.campaign(own.db, { year: 2026, surveyVersion: "2026" });
      for (let i = 0; i < 5; i++)
        await fixtures.submittedMonitor(own.db, {
          farm: await fixtures.farm(own.db, { region: "flanders", province: "Antwerpen", herdSize: 80 }),
          campaign: current,
          total: 3,
        });
      await fixtures.campaign(own.db, { year: 2027, surveyVersion: "2026" });
      const reader = await fixtures.analyst(own.db);
      const cookie = await own.login(reader.email, reader.password);
      const response = await own.app.request("/api/sector/export?view=participation&format=csv&raw=1", {
        headers: { cookie },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toContain("2026");
    } finally {
      own.close();
    }
  });
});

describe("a theme's change across a definition change", () => {
  it("carries the mark when one of its initiatives is counted differently, and only then", async () => {
    const own = await fixtures.createEmptyApi({
      now: () => NOW,
      config: { disclosure: { countBound: 0, sumBound: 0 } },
    });
    try {
      // 2024 and 2025 ask questionnaire 2020, 2026 asks 2026, which counts e.g. low_cell_count
      // (animal health) and grazing (animal welfare) differently; no feed initiative changed.
      const campaigns = {
        2024: await fixtures.campaign(own.db, { year: 2024, surveyVersion: "2020" }),
        2025: await fixtures.campaign(own.db, { year: 2025, surveyVersion: "2020" }),
        2026: await fixtures.campaign(own.db, { year: 2026, surveyVersion: "2026" }),
      };
      for (let i = 0; i < K; i++) {
        const farm = await fixtures.farm(own.db, { region: "flanders", province: "Antwerpen", herdSize: 80 });
        for (const campaign of Object.values(campaigns))
          await fixtures.submittedMonitor(own.db, { farm, campaign, total: 3 });
      }
      const reader = await fixtures.analyst(own.db);
      const cookie = await own.login(reader.email, reader.password);
      const themesOf = async (campaign: number) => {
        const response = await own.app.request(`/api/sector/adoption?campaign=${campaign}`, {
          headers: { cookie },
        });
        expect(response.status).toBe(200);
        const body = (await response.json()) as Adoption;
        return Object.fromEntries(body.themes.map((t) => [t.theme, t.definitionChanged]));
      };
      const changedThemes = new Set(
        getCatalogue()
          .initiatives.filter((i) => i.definitionChanged?.includes("2026"))
          .map((i) => i.theme),
      );
      expect([...changedThemes].sort()).toEqual(["animal_health", "animal_welfare", "energy"]);
      const across = await themesOf(campaigns[2026]);
      expect(across).toMatchObject({ animal_health: true, animal_welfare: true, energy: true });
      expect(across).toMatchObject({ animal_feed: false, environment: false, water_soil: false });
      // The same questionnaire on both sides: no theme is marked.
      expect(Object.values(await themesOf(campaigns[2025]))).not.toContain(true);
    } finally {
      own.close();
    }
  });
});
