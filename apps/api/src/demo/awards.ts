import type { InStatement } from "@libsql/client";
import { PSEUDONYM_LENGTH, pseudonymFromBytes } from "@monitor/domain";
import type { Database } from "../db/client.ts";
import type { Repositories } from "../repositories/index.ts";
import { seededRandom } from "./random.ts";

const DAY = 24 * 60 * 60 * 1000;
/** Entered farms in the demo edition (fewer when fewer farms submitted the campaign). */
const ENTRIES = 14;
/** The demo's farms with the most initiatives enter too, so long monitors are part of the review. */
const MANY_INITIATIVES = 60;
const CATEGORY_SETS = [
  ["overall"],
  ["energy_climate", "overall"],
  ["animal_health_welfare"],
  ["young_farmer", "overall"],
  ["energy_climate"],
  ["animal_health_welfare", "overall"],
];
const WEIGHTS = {
  animal_health: 1,
  animal_welfare: 1,
  energy: 2,
  environment: 1.5,
  animal_feed: 1,
  water_soil: 1,
  social_economic: 0.5,
};
/** The second juror's notes, in her language (French). */
const NOTES = [
  "Fort en énergie ; visite à prévoir.",
  "Beaucoup d'initiatives, mais peu sur l'eau.",
  "Intéressant pour la catégorie jeune agriculteur.",
  "Bon score en bien-être animal.",
  "",
];

interface Submitted {
  farm_id: number;
  region: string;
  initiative_total: number;
}

/**
 * The demo's award edition (made by the seed as edition 1): open for entries around the seed's
 * date, blind review, two jurors (jury@ chairs), and farms that submitted the edition's campaign
 * entered with consent, across regions and categories. One farm entered and withdrew, so the
 * ledger shows both. The demo accounts' own farms stay out: their farmers enter themselves.
 */
export async function seedAwards(db: Database, repos: Repositories, now: Date): Promise<void> {
  const year = now.getUTCFullYear();
  const campaign = (await repos.campaigns.list()).find((c) => c.year === year);
  if (!campaign) return;
  const users = await repos.awards.userIdsByEmail(["jury@demo.test", "jury2@demo.test", "admin@demo.test"]);
  const chair = users.get("jury@demo.test") ?? null;
  const second = users.get("jury2@demo.test");
  const admin = users.get("admin@demo.test");
  if (!chair || !second || !admin) throw new Error("the demo jurors and administrator come first");
  await repos.awards.updateEdition(1, {
    name: `Sustainability Awards ${year}`,
    year,
    campaignId: campaign.id,
    opensAt: new Date(now.getTime() - 45 * DAY).toISOString(),
    closesAt: new Date(now.getTime() + 45 * DAY).toISOString(),
    blind: true,
    weights: WEIGHTS,
    categories: ["overall", "energy_climate", "animal_health_welfare", "young_farmer"],
    jurorIds: [chair, second],
    chairUserId: chair,
  });

  const submitted = await db.query<Submitted>(
    `SELECT r.farm_id, f.region, r.initiative_total FROM responses r JOIN farms f ON f.id = r.farm_id
      WHERE r.campaign_id = ? AND r.status = 'submitted' AND f.id > 2
      ORDER BY r.initiative_total DESC, r.farm_id`,
    [campaign.id],
  );
  const chosen = pick(submitted);
  const random = seededRandom(2026_0601);
  const bytes = () => Uint8Array.from({ length: PSEUDONYM_LENGTH }, () => random.int(0, 255));
  const statements: InStatement[] = [];
  const at = (days: number) => new Date(now.getTime() - days * DAY);
  for (const [index, farm] of chosen.entries()) {
    while (!(await repos.awards.ensureCandidate(1, Number(farm.farm_id), pseudonymFromBytes(bytes())))) {}
    const candidate = await repos.awards.candidateOfFarm(1, Number(farm.farm_id));
    if (!candidate) continue;
    const categories = CATEGORY_SETS[index % CATEGORY_SETS.length] ?? ["overall"];
    // Entries recorded by the administrator from the paper entry forms of farms without an account.
    statements.push(repos.awards.consentStatement(candidate.id, "given", categories, admin, at(40 - index)));
    if (index === chosen.length - 1)
      statements.push(repos.awards.consentStatement(candidate.id, "withdrawn", [], admin, at(10)));
  }
  await db.write(statements);

  const entered = (await repos.awards.candidates(1, second)).sort((a, b) => b.total - a.total);
  for (const [index, candidate] of entered.entries()) {
    if (index < entered.length - 2)
      await repos.awards.saveScore(
        candidate.candidateId,
        second,
        random.int(5, 10),
        NOTES[index % NOTES.length] ?? "",
        at(5),
      );
    if (index > 0 && index < 5)
      await repos.awards.saveScore(candidate.candidateId, chair, random.int(4, 9), "", at(4));
  }
}

/** The farms with more than MANY_INITIATIVES initiatives (at most four), then the rest round-robin over regions. */
function pick(submitted: Submitted[]): Submitted[] {
  const many = submitted.filter((s) => Number(s.initiative_total) > MANY_INITIATIVES).slice(0, 4);
  const rest = submitted.filter((s) => !many.includes(s));
  const byRegion = new Map<string, Submitted[]>();
  for (const s of rest) byRegion.set(s.region, [...(byRegion.get(s.region) ?? []), s]);
  // Lower in the ranking too: every region's list from its middle, so scores spread.
  const queues = [...byRegion.values()].map((list) => list.slice(Math.floor(list.length / 3)));
  const chosen = [...many];
  while (chosen.length < ENTRIES && queues.some((q) => q.length)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next && chosen.length < ENTRIES) chosen.push(next);
    }
  }
  return chosen;
}
