import { z } from "zod";

/** Liveness: 200 when the database answers, 503 with the same shape when it does not. */
export const healthResponse = z.strictObject({
  status: z.enum(["ok", "unavailable"]),
  database: z.enum(["reachable", "unreachable"]),
});
export type Health = z.output<typeof healthResponse>;
