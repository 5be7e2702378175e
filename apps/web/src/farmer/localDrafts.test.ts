import type { ResponseState } from "@monitor/contract";
import { describe, expect, it } from "vitest";
import { isAhead, type LocalDraft, settledWith } from "./localDrafts.ts";

const draft = (over: Partial<LocalDraft> = {}): LocalDraft => ({
  data: { grazing: false },
  page: 0,
  carriedOver: [],
  version: 3,
  unsent: true,
  visited: [0],
  keptAt: "2026-12-07T10:00:00.000Z",
  ...over,
});
const server = (version: number, data: Record<string, unknown>): ResponseState => ({
  status: "draft",
  version,
  data,
  page: 0,
  updatedAt: "2026-12-07T10:00:00.000Z",
  submittedAt: null,
  carriedOver: [],
});

describe("the device's copy of a draft", () => {
  it("is ahead of the server with unsent answers, or with a later acknowledged version", () => {
    expect(isAhead(draft(), 5)).toBe(true);
    expect(isAhead(draft({ unsent: false, version: 6 }), 5)).toBe(true);
    expect(isAhead(draft({ unsent: false, version: 5 }), 5)).toBe(false);
    expect(isAhead(undefined, 5)).toBe(false);
  });

  it("builds on the save that was on its way when the page was left, once the server has it", () => {
    const left = draft({ sending: { grazing: true, dairy_cows: 12 } });
    expect(settledWith(left, server(4, { dairy_cows: 12, grazing: true }))?.version).toBe(4);
    // That save did not arrive, or another device saved: the draft starts where it did.
    expect(settledWith(left, server(3, { grazing: true }))?.version).toBe(3);
    expect(settledWith(left, server(4, { grazing: true }))?.version).toBe(3);
    expect(settledWith(draft(), server(4, { grazing: false }))?.version).toBe(3);
  });
});
