import type { SectorTrend } from "@monitor/contract";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFigure, COLOURS, useFormat } from "../shell/figures.tsx";
import { SuppressedNotice } from "./common.tsx";

type Metric = "mean" | "share";

/** The years in which the questionnaire version changed, with the new version. */
function versionChanges(trend: SectorTrend) {
  return trend.points.flatMap((p, i) => {
    const before = trend.points[i - 1];
    return before && before.surveyVersion !== p.surveyVersion
      ? [{ year: p.year, version: p.surveyVersion }]
      : [];
  });
}

/** Average initiatives (or share with at least one) per campaign since 2014, in two series. */
export function TrendChart({ trend, open }: { trend: SectorTrend; open?: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const years = new Intl.ListFormat(i18n.language, { type: "conjunction" });
  const [metric, setMetric] = useState<Metric>("mean");
  const k = trend.minGroupSize;
  const changes = versionChanges(trend);
  const all = metric === "mean" ? "meanInitiatives" : "shareWithAtLeastOne";
  const comparable = metric === "mean" ? "comparableMean" : "comparableShareWithAtLeastOne";
  const value = (v: unknown) =>
    typeof v === "number" ? (metric === "mean" ? format.number(v) : format.percent(v)) : "—";
  const first = trend.points[0]?.year;
  const hidden = trend.points.filter((p) => p.suppressed).length;
  if (hidden === trend.points.length) return <SuppressedNotice k={k} />;
  const last = trend.points[trend.points.length - 1]?.year;

  return (
    <>
      <fieldset className="segmented no-print">
        <legend className="visually-hidden">{t("sectorDashboard.trendMetric")}</legend>
        {(["mean", "share"] as const).map((m) => (
          <label key={m}>
            <input type="radio" name="trend-metric" checked={metric === m} onChange={() => setMetric(m)} />
            {t(m === "mean" ? "sectorDashboard.meanInitiatives" : "sectorDashboard.shareAtLeastOne")}
          </label>
        ))}
      </fieldset>
      <ChartFigure
        open={open}
        height={300}
        label={t("sectorDashboard.trendChart", {
          metric: t(
            metric === "mean" ? "sectorDashboard.meanInitiatives" : "sectorDashboard.shareAtLeastOne",
          ),
          from: first,
          to: last,
          versions: years.format(changes.map((c) => String(c.year))),
        })}
        chart={
          <ResponsiveContainer width="100%" height={300}>
            <LineChart data={trend.points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="year" />
              <YAxis
                allowDecimals={metric === "share"}
                domain={metric === "share" ? [0, 1] : [0, "auto"]}
                tickFormatter={(v: number) => (metric === "share" ? format.percent(v) : format.integer(v))}
                width={48}
              />
              <Tooltip formatter={(v) => value(v)} />
              <Legend itemSorter={(item) => (item.dataKey === all ? 0 : 1)} />
              {changes.map((c) => (
                <ReferenceLine
                  key={c.year}
                  x={c.year}
                  stroke={COLOURS.accent}
                  strokeDasharray="4 4"
                  label={{
                    value: t("sectorDashboard.versionChange", { version: c.version }),
                    position: "insideTopRight",
                    fill: COLOURS.accent,
                    fontSize: 12,
                  }}
                />
              ))}
              <Line
                dataKey={all}
                name={t("sectorDashboard.seriesAll")}
                stroke={COLOURS.current}
                strokeWidth={3}
                isAnimationActive={false}
              />
              <Line
                dataKey={comparable}
                name={t("sectorDashboard.seriesComparable", { count: trend.comparableInitiatives.length })}
                stroke={COLOURS.comparable}
                strokeWidth={2}
                strokeDasharray="6 3"
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        }
        table={
          <table className="wide">
            <thead>
              <tr>
                <th scope="col">{t("sectorDashboard.year")}</th>
                <th scope="col">{t("sectorDashboard.questionnaire")}</th>
                <th scope="col" className="num">
                  {t("sectorDashboard.farms")}
                </th>
                <th scope="col" className="num">
                  {t("sectorDashboard.meanInitiatives")}
                </th>
                <th scope="col" className="num">
                  {t("sectorDashboard.medianInitiatives")}
                </th>
                <th scope="col" className="num">
                  {t("sectorDashboard.shareAtLeastOne")}
                </th>
                <th scope="col" className="num">
                  {t("sectorDashboard.comparableMean")}
                </th>
                <th scope="col" className="num">
                  {t("sectorDashboard.comparableShare")}
                </th>
              </tr>
            </thead>
            <tbody>
              {trend.points.map((p) =>
                p.suppressed ? (
                  <tr key={p.campaign}>
                    <th scope="row">{p.year}</th>
                    <td>{p.surveyVersion}</td>
                    <td className="num" colSpan={6}>
                      {t("common.suppressed", { k })}
                    </td>
                  </tr>
                ) : (
                  <tr key={p.campaign} className={p.provisional ? "provisional" : undefined}>
                    <th scope="row">
                      {p.year}
                      {p.provisional && (
                        <span className="chip small" data-testid="provisional-mark">
                          {t("sectorHonest.provisional")}
                        </span>
                      )}
                    </th>
                    <td>{p.surveyVersion}</td>
                    <td className="num">{format.integer(p.farms)}</td>
                    <td className="num">{format.number(p.meanInitiatives)}</td>
                    <td className="num">{format.number(p.medianInitiatives)}</td>
                    <td className="num">{format.percent(p.shareWithAtLeastOne)}</td>
                    <td className="num">{format.number(p.comparableMean)}</td>
                    <td className="num">{format.percent(p.comparableShareWithAtLeastOne)}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        }
      />
      {hidden > 0 && <p className="muted small">{t("sectorDashboard.yearsHidden", { count: hidden, k })}</p>}
      {trend.points
        .filter((p) => p.provisional)
        .map((p) => (
          <p key={p.campaign} className="muted small" data-testid="provisional-note">
            {t("sectorHonest.provisionalNote", { year: p.year })}
          </p>
        ))}
      <p className="muted small">
        {t("sectorDashboard.trendNote", {
          count: trend.comparableInitiatives.length,
          years: years.format(changes.map((c) => String(c.year))),
        })}
      </p>
    </>
  );
}
