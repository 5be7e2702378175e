import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sizeClassOf } from "@monitor/domain";
import { countInitiatives, getVersion, type Locale, validateAnswers } from "@monitor/surveys";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { REGIONS } from "./register.ts";
import { seedDemo } from "./seed.ts";

/** A demo database of its own, seeded the way `npm start` does. */
async function seededDatabase(farms: number, now: Date) {
  const dir = mkdtempSync(join(tmpdir(), "monitor-sector-"));
  const db = new Database({ url: `file:${join(dir, "sector.db")}` });
  const clock = () => now;
  await migrate(db, clock);
  await seedDemo(db, clock, { farms });
  return {
    db,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The published figures (domain.md, "Published figures"): shares of the farms that filled the monitor in. */
const PUBLISHED: Record<
  number,
  { mean?: number; atLeastOne?: number; participation?: number; rates?: Record<string, number> }
> = {
  2014: {
    mean: 9,
    atLeastOne: 0.81,
    rates: { "energy.own_renewable_electricity": 0.22, "animal_health.herd_health_vet": 0.73 },
  },
  2016: {
    mean: 11,
    atLeastOne: 0.925,
    rates: {
      "energy.own_renewable_electricity": 0.27,
      "energy.heat_recovery_precooling": 0.32,
      "energy.energy_scan": 0.03,
    },
  },
  2017: {
    mean: 14,
    rates: { "energy.own_renewable_electricity": 0.28, "animal_health.herd_health_vet": 0.84 },
  },
  2018: { mean: 15.4, rates: { "animal_feed.food_industry_byproducts": 0.56 } },
  2020: {
    mean: 20,
    participation: 0.96,
    rates: {
      "energy.own_renewable_electricity": 0.39,
      "animal_welfare.cow_brush": 0.6,
      "water_soil.alternative_water": 0.52,
      "animal_feed.food_industry_byproducts": 0.61,
    },
  },
  2022: { mean: 20.6, participation: 0.98 },
  2025: { mean: 22 },
};

type Figures = { year: number; submitted: number; mean: number; at_least_one: number; active: number };

describe("the demo sector, measured from the database", () => {
  const NOW = new Date("2026-11-21T10:00:00.000Z");
  let sector: Awaited<ReturnType<typeof seededDatabase>>;
  const figures = new Map<number, Figures>();
  const rates = new Map<string, number>();

  beforeAll(async () => {
    sector = await seededDatabase(2000, NOW);
    // Independent of the generator: counts over the derived initiative rows of the submitted monitors.
    const rows = await sector.db.query<Figures>(
      `SELECT c.year,
              count(*) AS submitted,
              avg(coalesce(n.initiatives, 0)) AS mean,
              avg(coalesce(n.initiatives, 0) > 0) AS at_least_one,
              (SELECT count(*) FROM farms f
                WHERE f.created_at < (c.year + 1) || '-01-01'
                  AND (f.stopped_on IS NULL OR f.stopped_on >= (c.year + 1) || '-01-01')) AS active
         FROM responses r
         JOIN campaigns c ON c.id = r.campaign_id
         LEFT JOIN (SELECT response_id, count(*) AS initiatives FROM response_initiatives GROUP BY response_id) n
           ON n.response_id = r.id
        WHERE r.status = 'submitted'
        GROUP BY c.year`,
    );
    for (const r of rows) figures.set(Number(r.year), r);
    const adopted = await sector.db.query<{ year: number; initiative_id: string; farms: number }>(
      `SELECT c.year, ri.initiative_id, count(DISTINCT r.farm_id) AS farms
         FROM response_initiatives ri
         JOIN responses r ON r.id = ri.response_id AND r.status = 'submitted'
         JOIN campaigns c ON c.id = r.campaign_id
        GROUP BY c.year, ri.initiative_id`,
    );
    for (const a of adopted) {
      const year = Number(a.year);
      rates.set(`${year} ${a.initiative_id}`, Number(a.farms) / Number(figures.get(year)?.submitted));
    }
  }, 120_000);
  afterAll(() => sector?.close());

  for (const [year, published] of Object.entries(PUBLISHED)) {
    it(`reproduces ${year} within 1 percentage point / 0.5 initiative`, () => {
      const measured = figures.get(Number(year));
      expect(measured, `no submissions in ${year}`).toBeDefined();
      if (!measured) return;
      if (published.mean !== undefined)
        expect(Math.abs(Number(measured.mean) - published.mean)).toBeLessThanOrEqual(0.5);
      if (published.atLeastOne !== undefined)
        expect(Math.abs(Number(measured.at_least_one) - published.atLeastOne)).toBeLessThanOrEqual(0.01);
      if (published.participation !== undefined)
        expect(
          Math.abs(Number(measured.submitted) / Number(measured.active) - published.participation),
        ).toBeLessThanOrEqual(0.01);
      for (const [id, rate] of Object.entries(published.rates ?? {})) {
        const got = rates.get(`${year} ${id}`) ?? 0;
        expect(Math.abs(got - rate), `${id} in ${year}: ${(got * 100).toFixed(1)}%`).toBeLessThanOrEqual(
          0.01,
        );
      }
    });
  }

  it("interpolates the years in between, and the open 2026 campaign is about 60% in with about 30 of 72", () => {
    const mean = (year: number) => Number(figures.get(year)?.mean);
    expect(mean(2015)).toBeGreaterThan(mean(2014));
    expect(mean(2015)).toBeLessThan(mean(2016));
    expect(mean(2019)).toBeGreaterThan(mean(2018));
    expect(mean(2019)).toBeLessThan(mean(2020));
    expect(mean(2021)).toBeGreaterThan(mean(2020));
    expect(mean(2024)).toBeLessThan(mean(2025));
    const current = figures.get(2026);
    const share = Number(current?.submitted) / Number(current?.active);
    expect(share).toBeGreaterThanOrEqual(0.55);
    expect(share).toBeLessThanOrEqual(0.65);
    expect(Math.abs(mean(2026) - 30)).toBeLessThanOrEqual(0.5);
  });

  it("lets farms stop over the years, about as fast as the sector shrank, and a few start later", async () => {
    const first = Number(figures.get(2014)?.active);
    const last = Number(figures.get(2025)?.active);
    // 8,500 farms in 2013; ~3,150 certified suppliers in Flanders (of ~5,300) by 2025
    expect(last / first).toBeGreaterThan(0.55);
    expect(last / first).toBeLessThan(0.75);
    const stopped = await sector.db.queryOne<{ n: number }>(
      "SELECT count(*) AS n FROM farms WHERE active = 0 AND stopped_on IS NOT NULL",
    );
    expect(Number(stopped?.n)).toBeGreaterThan(500);
    const late = await sector.db.queryOne<{ n: number }>(
      "SELECT count(*) AS n FROM farms WHERE created_at >= '2015-01-01'",
    );
    expect(Number(late?.n)).toBeGreaterThan(10);
    // nothing after a stop, nothing before the start
    const misplaced = await sector.db.queryOne<{ n: number }>(
      `SELECT count(*) AS n FROM responses r JOIN campaigns c ON c.id = r.campaign_id JOIN farms f ON f.id = r.farm_id
        WHERE (f.stopped_on IS NOT NULL AND c.year >= CAST(substr(f.stopped_on, 1, 4) AS INTEGER))
           OR c.year < CAST(substr(f.created_at, 1, 4) AS INTEGER)
           OR r.submitted_at < f.created_at`,
    );
    expect(Number(misplaced?.n)).toBe(0);
  });

  it("stores derived initiatives that are exactly what the stored answers count", async () => {
    const sample = await sector.db.query<{ id: number; survey_version_id: string; data: string }>(
      "SELECT id, survey_version_id, data FROM responses WHERE id % 97 = 0",
    );
    expect(sample.length).toBeGreaterThan(100);
    for (const r of sample) {
      const version = getVersion(r.survey_version_id);
      if (!version) throw new Error(r.survey_version_id);
      const derived = await sector.db.query<{ initiative_id: string }>(
        "SELECT initiative_id FROM response_initiatives WHERE response_id = ?",
        [r.id],
      );
      expect(derived.map((d) => d.initiative_id).sort()).toEqual(
        countInitiatives(version, JSON.parse(r.data)).initiatives.sort(),
      );
    }
  });

  it("has the demo farms submitted every earlier year and not the current one", async () => {
    await expectDemoFarmHistory(sector.db, 2014, 2026);
  });

  it("changes most farms' herd size over the years, and the sector's average herd grows", async () => {
    const farms = await sector.db.queryOne<{ farms: number; changing: number }>(
      `SELECT count(*) AS farms, sum(sizes > 1) AS changing
         FROM (SELECT farm_id, count(DISTINCT herd_size) AS sizes FROM farm_herd_sizes GROUP BY farm_id HAVING count(*) >= 3)`,
    );
    expect(Number(farms?.changing) / Number(farms?.farms)).toBeGreaterThan(0.8);
    const average = await sector.db.query<{ year: number; herd: number }>(
      "SELECT year, avg(herd_size) AS herd FROM farm_herd_sizes WHERE year IN (2014, 2025) GROUP BY year ORDER BY year",
    );
    // Flanders: 34 cows per farm in 2003, 80 in 2023; Wallonia 69 in 2024 (demo/README.md)
    expect(Number(average[0]?.herd)).toBeGreaterThan(50);
    expect(Number(average[0]?.herd)).toBeLessThan(70);
    expect(Number(average[1]?.herd)).toBeGreaterThan(70);
    expect(Number(average[1]?.herd)).toBeLessThan(95);
  });

  it("counts each campaign's farms in the size class of that year's herd, not today's", async () => {
    const counted = await sector.db.query<{ size_class: string; farms: number }>(
      `SELECT s.size_class, s.farms FROM statistic_counters s JOIN campaigns c ON c.id = s.campaign_id
        WHERE c.year = 2014 AND s.size_class <> '*' AND s.region = '*' AND s.province = '*'
          AND s.dairy_buyer_id = '*' AND s.certification_body_id = '*' AND s.inspection_body_id = '*'`,
    );
    const herds = await sector.db.query<{ in_year: number; today: number }>(
      `SELECT h.herd_size AS in_year, f.herd_size AS today FROM responses r JOIN campaigns c ON c.id = r.campaign_id
         JOIN farms f ON f.id = r.farm_id JOIN farm_herd_sizes h ON h.farm_id = f.id AND h.year = c.year
        WHERE c.year = 2014 AND r.status = 'submitted'`,
    );
    const byClass = (herd: "in_year" | "today") => {
      const farms: Record<string, number> = {};
      for (const row of herds) {
        const id = sizeClassOf(Number(row[herd]));
        farms[id] = (farms[id] ?? 0) + 1;
      }
      return farms;
    };
    expect(Object.fromEntries(counted.map((r) => [r.size_class, Number(r.farms)]))).toEqual(
      byClass("in_year"),
    );
    expect(byClass("today")).not.toEqual(byClass("in_year"));
  });

  it("spreads the farms over the provinces as the cited figures do, within 3 points", async () => {
    const rows = await sector.db.query<{ province: string; share: number }>(
      "SELECT province, count(*) * 1.0 / (SELECT count(*) FROM farms) AS share FROM farms GROUP BY province",
    );
    const total = REGIONS.reduce((s, r) => s + r.weight, 0);
    const expected = new Map<string, number>();
    for (const r of REGIONS) {
      const provinces = r.provinces.reduce((s, [, w]) => s + w, 0);
      for (const [p, w] of r.provinces)
        expected.set(p, (expected.get(p) ?? 0) + (r.weight / total) * (w / provinces));
    }
    for (const [province, share] of expected) {
      const got = Number(rows.find((r) => r.province === province)?.share ?? 0);
      expect(Math.abs(got - share), province).toBeLessThanOrEqual(0.03);
    }
    const share = (p: string) => Number(rows.find((r) => r.province === p)?.share);
    expect(share("West-Vlaanderen")).toBeGreaterThan(2 * share("Vlaams-Brabant"));
  });

  it("has the open campaign with submitted monitors, drafts and farms that have not started", async () => {
    const rows = await sector.db.query<{ status: string; n: number }>(
      `SELECT r.status, count(*) AS n FROM responses r JOIN campaigns c ON c.id = r.campaign_id
        WHERE c.year = 2026 GROUP BY r.status`,
    );
    const active = Number(figures.get(2026)?.active);
    const drafts = Number(rows.find((r) => r.status === "draft")?.n ?? 0);
    const submitted = Number(rows.find((r) => r.status === "submitted")?.n ?? 0);
    expect(drafts / active).toBeGreaterThan(0.15);
    expect((active - drafts - submitted) / active).toBeGreaterThan(0.1);
  });

  it("lets adoption depend on the farm: energy on larger farms, grazing on smaller ones", async () => {
    const rows = await sector.db.query<{
      large: number;
      farms: number;
      mean: number;
      energy: number;
      grazing: number;
    }>(
      `SELECT h.herd_size >= 100 AS large, count(*) AS farms, avg(r.initiative_total) AS mean,
              avg(EXISTS (SELECT 1 FROM response_initiatives ri WHERE ri.response_id = r.id AND ri.initiative_id = 'energy.own_renewable_electricity')) AS energy,
              avg(EXISTS (SELECT 1 FROM response_initiatives ri WHERE ri.response_id = r.id AND ri.initiative_id = 'animal_welfare.grazing')) AS grazing
         FROM responses r JOIN campaigns c ON c.id = r.campaign_id
         JOIN farm_herd_sizes h ON h.farm_id = r.farm_id AND h.year = c.year
        WHERE c.year = 2025 AND r.status = 'submitted' AND (h.herd_size < 50 OR h.herd_size >= 100)
        GROUP BY large ORDER BY large`,
    );
    const [small, large] = rows.map((r) => ({ ...r, energy: Number(r.energy), grazing: Number(r.grazing) }));
    expect(large?.energy).toBeGreaterThan((small?.energy ?? 1) + 0.1);
    expect(small?.grazing).toBeGreaterThan((large?.grazing ?? 1) + 0.03);
    // no strong inverse relation between size and the number of initiatives
    expect(Number(large?.mean)).toBeGreaterThan(Number(small?.mean) - 1);
  });
});

async function expectDemoFarmHistory(db: Database, fromYear: number, currentYear: number) {
  for (const farmId of [1, 2]) {
    const rows = await db.query<{ year: number; status: string }>(
      "SELECT c.year, r.status FROM responses r JOIN campaigns c ON c.id = r.campaign_id WHERE r.farm_id = ? ORDER BY c.year",
      [farmId],
    );
    const years = [];
    for (let y = fromYear; y < currentYear; y++) years.push(y);
    expect(rows.map((r) => Number(r.year))).toEqual(years);
    expect(rows.every((r) => r.status === "submitted")).toBe(true);
    const farm = await db.queryOne<{ active: number; stopped_on: string | null }>(
      "SELECT active, stopped_on FROM farms WHERE id = ?",
      [farmId],
    );
    expect(farm).toMatchObject({ active: 1, stopped_on: null });
    const initiatives = await db.queryOne<{ n: number }>(
      `SELECT count(*) AS n FROM response_initiatives ri JOIN responses r ON r.id = ri.response_id
         JOIN campaigns c ON c.id = r.campaign_id WHERE r.farm_id = ? AND c.year = ?`,
      [farmId, currentYear - 1],
    );
    expect(Number(initiatives?.n)).toBeGreaterThan(0);
  }
}

describe("a small demo sector, as the API tests seed it", () => {
  let sector: Awaited<ReturnType<typeof seededDatabase>>;
  beforeAll(async () => {
    sector = await seededDatabase(20, new Date("2026-03-02T08:00:00.000Z"));
  }, 60_000);
  afterAll(() => sector?.close());

  it("still has the demo farms' history, and the open campaign partly submitted", async () => {
    await expectDemoFarmHistory(sector.db, 2014, 2026);
    const current = await sector.db.queryOne<{ n: number; latest: string }>(
      `SELECT count(*) AS n, max(r.submitted_at) AS latest FROM responses r JOIN campaigns c ON c.id = r.campaign_id
        WHERE c.year = 2026`,
    );
    expect(Number(current?.n)).toBeGreaterThan(3);
    expect(String(current?.latest) <= "2026-03-02T08:00:00.000Z").toBe(true);
  });

  it("seeds only answer sets the server accepts: every submitted one passes the submission check, every draft the save check", async () => {
    const rows = await sector.db.query<{
      id: number;
      survey_version_id: string;
      status: string;
      data: string;
      locale: string;
    }>("SELECT id, survey_version_id, status, data, locale FROM responses");
    expect(rows.length).toBeGreaterThan(150);
    const refused = rows.flatMap((r) => {
      const version = getVersion(r.survey_version_id);
      if (!version) throw new Error(r.survey_version_id);
      const mode = r.status === "submitted" ? "submit" : "save";
      const errors = validateAnswers(version, JSON.parse(r.data), r.locale as Locale, mode);
      return errors.length ? [{ id: r.id, errors }] : [];
    });
    expect(refused).toEqual([]);
  });
});
