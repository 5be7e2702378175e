import type { Log } from "./env.ts";

/** One JSON line per event. Callers pass ids and figures, never passwords, tokens or answers. */
export const jsonLog: Log = (level, message, fields = {}) => {
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
};
