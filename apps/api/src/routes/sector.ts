import { aggregateScope, suppressBelow } from "@monitor/domain";
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { currentUser, requireRole } from "../middleware/auth.ts";
import { forbidden } from "../middleware/problem.ts";

export const sectorRoutes = new Hono<AppEnv>()
  .use("/sector/*", requireRole("sector_analyst", "admin"))
  .get("/sector/overview", async (c) => {
    const scope = aggregateScope(currentUser(c).grants);
    if (!scope) throw forbidden();
    const { repos, config } = c.get("deps");
    const regions = await repos.sector.activeFarmsByRegion(scope);
    const total = regions.reduce((sum, r) => sum + r.farms, 0);
    const k = config.minGroupSize;
    return c.json({
      scope,
      minGroupSize: k,
      farms: suppressBelow(total, k, () => total).value,
      regions: regions.map((r) => {
        const figure = suppressBelow(r.farms, k, () => r.farms);
        return { region: r.region, farms: figure.value, suppressed: figure.suppressed };
      }),
    });
  });
