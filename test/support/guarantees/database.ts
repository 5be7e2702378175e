import { hashPassword } from "../../../apps/api/src/auth/password.ts";
import { Database } from "../../../apps/api/src/db/client.ts";
import { migrate } from "../../../apps/api/src/db/migrate.ts";
import { seedDemo } from "../../../apps/api/src/demo/seed.ts";
import { createRepositories } from "../../../apps/api/src/repositories/index.ts";

const DAY = 24 * 60 * 60 * 1000;
export const FARMER_PASSWORD = "guarantee-password";

export interface PreparedDatabase {
  /** An open campaign of its own on the 2026 questionnaire, where no farm has started yet. */
  campaignId: number;
  farmers: { farmId: number; userId: number; email: string }[];
}

/**
 * Prepares a database file the way `npm start` would leave it (migrations, a small demo register),
 * plus a campaign open around `now` and one farmer account per farm, then closes it: the file is
 * then the server process's.
 */
export async function prepareDatabase(
  url: string,
  options: { farms: number[]; now?: Date; demoFarms?: number },
): Promise<PreparedDatabase> {
  const now = options.now ?? new Date();
  const clock = () => now;
  const db = new Database({ url });
  try {
    await migrate(db, clock);
    await seedDemo(db, clock, { farms: options.demoFarms ?? 20 });
    const repos = createRepositories(db);
    const campaignId = await repos.campaigns.create({
      name: "Guarantee tests",
      year: 2090,
      surveyVersionId: "2026",
      opensAt: new Date(now.getTime() - DAY).toISOString(),
      closesAt: new Date(now.getTime() + 30 * DAY).toISOString(),
    });
    const passwordHash = await hashPassword(FARMER_PASSWORD);
    const farmers = [];
    for (const farmId of options.farms) {
      const email = `farmer-${farmId}@guarantee.test`;
      const userId = await repos.users.create(
        { email, name: `Farmer ${farmId}`, passwordHash, locale: "en" },
        [{ role: "farmer", scopeType: "farm", scopeId: String(farmId) }],
        now,
      );
      farmers.push({ farmId, userId, email });
    }
    return { campaignId, farmers };
  } finally {
    db.close();
  }
}
