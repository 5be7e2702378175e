import { z } from "zod";
import { answerConflict, mergedAnswers, responseState } from "./monitor.ts";

export const fieldError = z.strictObject({ path: z.string(), message: z.string() });
export type FieldError = z.output<typeof fieldError>;

/**
 * Every failure (RFC 9457 problem document, `application/problem+json`): the title in the user's
 * language, field errors for a 400 or a 422, and the current state of the monitor with a 409 on a save.
 */
export const problemDocument = z.strictObject({
  type: z.url(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string().optional(),
  errors: z.array(fieldError).optional(),
  /** With a 409 on a save: the monitor as stored now (null when it is gone). */
  current: responseState.nullable().optional(),
  /** With a 409 on a merging save: the questions changed on both sides, to choose from. */
  conflicts: z.array(answerConflict).optional(),
  /** With the conflicts: everything else merged (the other device's answer where they conflict). */
  merged: mergedAnswers.optional(),
});
export type ProblemDocument = z.output<typeof problemDocument>;
