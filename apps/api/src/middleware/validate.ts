import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env.ts";
import type { Locale } from "../i18n/locale.ts";
import { badRequest, type FieldError, Problem } from "../problem.ts";

const zodLocales: Record<Locale, () => { localeError: z.core.$ZodErrorMap }> = {
  nl: z.locales.nl,
  fr: z.locales.fr,
  de: z.locales.de,
  en: z.locales.en,
};

export function parseWith<T extends z.ZodType>(schema: T, input: unknown, locale: Locale): z.infer<T> {
  const result = schema.safeParse(input, { error: zodLocales[locale]().localeError });
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  throw badRequest(errors);
}

/** Lists and objects may nest this deep in a body: answers nest two levels, a dynamic panel four. */
const MAX_DEPTH = 32;

/** The deepest nesting of `[` and `{` outside strings, found without recursion. */
export function nestingDepth(json: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const ch = json.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) deepest = Math.max(deepest, ++depth);
    else if (ch === 93 || ch === 125) depth--;
  }
  return deepest;
}

/**
 * The JSON body, checked against a strict schema: malformed JSON and unknown fields are a 400,
 * nesting deeper than any answer needs a 422 before anything walks it.
 */
export async function jsonBody<T extends z.ZodType>(c: Context<AppEnv>, schema: T): Promise<z.infer<T>> {
  const text = await c.req.text();
  if (nestingDepth(text) > MAX_DEPTH)
    throw new Problem(422, "nesting_too_deep", `at most ${MAX_DEPTH} levels`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw badRequest([], "invalid_json");
  }
  return parseWith(schema, raw, c.get("locale"));
}

export function queryParams<T extends z.ZodType>(c: Context<AppEnv>, schema: T): z.infer<T> {
  return parseWith(schema, c.req.query(), c.get("locale"));
}

export function pathParams<T extends z.ZodType>(c: Context<AppEnv>, schema: T): z.infer<T> {
  return parseWith(schema, c.req.param(), c.get("locale"));
}

/** A database id in a path: one definition, in the contract. */
export { idParam } from "@monitor/contract";
