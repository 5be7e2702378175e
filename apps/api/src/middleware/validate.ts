import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env.ts";
import type { Locale } from "../i18n/locale.ts";
import { badRequest, type FieldError } from "./problem.ts";

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

/** The JSON body, checked against a strict schema: malformed JSON and unknown fields are a 400. */
export async function jsonBody<T extends z.ZodType>(c: Context<AppEnv>, schema: T): Promise<z.infer<T>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
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

export const idParam = z.coerce.number().int().positive();
