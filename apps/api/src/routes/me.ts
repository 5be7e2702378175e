import { mePatchBody } from "@monitor/contract";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { currentUser, requireUser } from "../middleware/auth.ts";
import { jsonBody } from "../middleware/validate.ts";

async function meDocument(c: Context<AppEnv>) {
  const user = currentUser(c);
  const farms = await c.get("deps").repos.farms.ofFarmer(user.id);
  return {
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
    roles: user.grants,
    farms: farms.map((f) => ({ id: f.id, herdNumber: f.herdNumber, name: f.name })),
  };
}

export const meRoutes = new Hono<AppEnv>()
  .use("/me", requireUser())
  .get("/me", async (c) => c.json(await meDocument(c)))
  .patch("/me", async (c) => {
    const { locale } = await jsonBody(c, mePatchBody);
    const user = currentUser(c);
    await c.get("deps").repos.users.setLocale(user.id, locale);
    user.locale = locale;
    c.set("locale", locale);
    return c.json(await meDocument(c));
  });
