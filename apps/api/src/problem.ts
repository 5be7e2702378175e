import type { MessageKey } from "./i18n/messages.ts";

export interface FieldError {
  path: string;
  message: string;
}

/** A failure with its HTTP status; turned into one application/problem+json shape by onError. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly key: MessageKey,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(key);
  }
}

export const badRequest = (errors: FieldError[], key: MessageKey = "invalid_request") =>
  new Problem(400, key, undefined, errors);
export const unauthenticated = () => new Problem(401, "unauthenticated");
export const forbidden = () => new Problem(403, "forbidden");
export const notFound = () => new Problem(404, "not_found");
