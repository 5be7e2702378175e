import { z } from "zod";
import { locale } from "./common.ts";

export const loginBody = z.strictObject({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.input<typeof loginBody>;

/** The user as the session sees it. */
export const sessionUser = z.strictObject({
  id: z.number().int().positive(),
  email: z.string(),
  name: z.string(),
  locale,
});
export type SessionUser = z.output<typeof sessionUser>;

export const loginResponse = z.strictObject({ user: sessionUser });
export type LoginResponse = z.output<typeof loginResponse>;
