/**
 * How the attacker reads a response: the ONE place that knows the shapes of the sector views. When
 * the responses change (the disclosure module's integration), this function changes, nothing else.
 *
 * Every figure comes out under its canonical measure name (MEASURE in @monitor/domain):
 *   /api/sector/adoption      `farms` and `initiative:<id>` (its `farms` count; where only a share is
 *                              shown, share × the view's shown farm count, rounded)
 *   /api/sector/trend         `farms` and `sum:total` as the point's rounded mean × its shown farms
 *   /api/sector/distribution  `farms` and `bin:<from>-<to>` per bin
 * A withheld figure (null, or `suppressed: true`) comes out with value null: no observation.
 */
import { MEASURE } from "@monitor/domain";

export type SectorRoute = "adoption" | "trend" | "distribution";

export type ShownFigure =
  | { measure: string; kind: "count"; value: number | null }
  /** A sum shown as a mean rounded to `decimals` places, over a shown farm count. */
  | { measure: string; kind: "mean"; mean: number | null; farms: number | null; decimals: number }
  /** A sum shown as such. */
  | { measure: string; kind: "sum"; value: number | null };

export interface ReadView {
  /** The bins of a distribution, in order (for the checks of their edges). */
  bins: { from: number; to: number; farms: number | null }[];
  figures: ShownFigure[];
}

type Json = Record<string, unknown>;

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const firstNumber = (o: Json, names: readonly string[]): number | null => {
  for (const name of names) if (num(o[name]) !== null) return num(o[name]);
  return null;
};
/** Decimal places of a shown number (2 for 22.35, 0 for 22). */
const decimalsOf = (v: number): number => {
  const text = String(v);
  if (text.includes("e-")) return Number(text.split("e-")[1]);
  return text.includes(".") ? (text.split(".")[1] as string).length : 0;
};

export function readFigures(route: SectorRoute, body: unknown, campaignId: number): ReadView {
  const o = (body ?? {}) as Json;
  const withheld = (x: Json) => x.suppressed === true;
  if (route === "adoption") {
    const farms = withheld(o) ? null : num(o.farms);
    const figures: ShownFigure[] = [{ measure: MEASURE.farms, kind: "count", value: farms }];
    for (const i of (o.initiatives ?? []) as Json[]) {
      const id = String(i.initiativeId ?? i.id);
      const rate = firstNumber(i, ["rate", "share"]);
      let count = withheld(i) ? null : firstNumber(i, ["farms", "count", "adopters"]);
      if (count === null && !withheld(i) && rate !== null && farms !== null) count = Math.round(rate * farms);
      figures.push({ measure: MEASURE.initiative(id), kind: "count", value: count });
    }
    return { bins: [], figures };
  }
  if (route === "trend") {
    const points = (o.points ?? []) as Json[];
    const point = points.find(
      (p) => (num(p.campaign) ?? num((p.campaign as Json | null)?.id)) === campaignId,
    );
    if (!point) return { bins: [], figures: [] };
    const farms = withheld(point) ? null : num(point.farms);
    const sum = withheld(point) ? null : firstNumber(point, ["sumInitiatives", "sum"]);
    const mean = withheld(point) ? null : num(point.meanInitiatives);
    return {
      bins: [],
      figures: [
        { measure: MEASURE.farms, kind: "count", value: farms },
        sum !== null
          ? { measure: MEASURE.sumTotal, kind: "sum", value: sum }
          : {
              measure: MEASURE.sumTotal,
              kind: "mean",
              mean,
              farms,
              decimals: mean === null ? 0 : decimalsOf(mean),
            },
      ],
    };
  }
  const farms = withheld(o) ? null : num(o.farms);
  const bins = ((o.bins ?? []) as Json[]).map((b) => ({
    from: firstNumber(b, ["from", "lo"]) ?? Number.NaN,
    to: firstNumber(b, ["to", "hi"]) ?? Number.NaN,
    farms: withheld(b) ? null : firstNumber(b, ["farms", "value", "count"]),
  }));
  return {
    bins,
    figures: [
      { measure: MEASURE.farms, kind: "count", value: farms },
      ...bins.map((b): ShownFigure => ({ measure: `bin:${b.from}-${b.to}`, kind: "count", value: b.farms })),
    ],
  };
}

/**
 * The shown means and shares of a view, for the accuracy script (shares as fractions), by name:
 *   adoption: `farms`, `share:<initiative>`, `themeMean:<theme>`
 *   trend:    `farms`, `mean`, `median`, `shareAtLeastOne`, `comparableMean` (the campaign's point)
 * Withheld figures are null.
 */
export function readPublished(
  route: "adoption" | "trend",
  body: unknown,
  campaignId: number,
): Map<string, number | null> {
  const o = (body ?? {}) as Json;
  const shown = new Map<string, number | null>();
  if (route === "adoption") {
    const farms = o.suppressed === true ? null : num(o.farms);
    shown.set("farms", farms);
    for (const i of (o.initiatives ?? []) as Json[]) {
      const count = firstNumber(i, ["farms", "count"]);
      const rate =
        i.suppressed === true ? null : (num(i.rate) ?? (count !== null && farms ? count / farms : null));
      shown.set(`share:${String(i.initiativeId ?? i.id)}`, rate);
    }
    for (const t of (o.themes ?? []) as Json[])
      shown.set(`themeMean:${String(t.theme)}`, num(t.meanInitiatives));
    return shown;
  }
  const point = ((o.points ?? []) as Json[]).find(
    (p) => (num(p.campaign) ?? num((p.campaign as Json | null)?.id)) === campaignId,
  );
  if (!point) return shown;
  const hidden = point.suppressed === true;
  const value = (name: string) => (hidden ? null : num(point[name]));
  shown.set("farms", value("farms"));
  shown.set("mean", value("meanInitiatives"));
  shown.set("median", value("medianInitiatives"));
  shown.set("shareAtLeastOne", value("shareWithAtLeastOne"));
  shown.set("comparableMean", value("comparableMean"));
  return shown;
}
