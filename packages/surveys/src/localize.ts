import type { Locale } from "./types.ts";

/**
 * The text of a catalogue label or survey text in one language: `{nl,fr,de,en}` (catalogue) or
 * `{default,nl,fr,de,en}` (survey JSON). Falls back to English, then "default".
 */
export function localize(text: unknown, locale: Locale): string {
  if (typeof text === "string") return text;
  if (typeof text !== "object" || text === null) return "";
  const t = text as Record<string, unknown>;
  for (const key of [locale, "en", "default"]) {
    const v = t[key];
    if (typeof v === "string" && v !== "") return v;
  }
  return "";
}
