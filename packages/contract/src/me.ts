import { z } from "zod";
import { sessionUser } from "./auth.ts";
import { locale, roleGrant } from "./common.ts";

export const mePatchBody = z.strictObject({ locale });
export type MePatchBody = z.input<typeof mePatchBody>;

/** The current user, the roles with their scopes, and the farms the user farms. */
export const meResponse = z.strictObject({
  user: sessionUser,
  roles: z.array(roleGrant),
  farms: z.array(
    z.strictObject({ id: z.number().int().positive(), herdNumber: z.string(), name: z.string() }),
  ),
});
export type Me = z.output<typeof meResponse>;
