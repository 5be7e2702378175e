import type { Catalogue, Locale } from "@monitor/contract";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useApi } from "./useApi.ts";

/** The colours of the charts: the figure in focus, the one it is compared with, and the others. */
export const COLOURS = {
  current: "#2f7d4f",
  previous: "#9aa59f",
  comparable: "#1a4fa0",
  accent: "#c77c02",
};

export { type Format, useFormat } from "./format.ts";

/** Initiative and theme labels from the catalogue, looked up through a map (no search per row). */
export function useCatalogueLabels() {
  const { i18n, t } = useTranslation();
  const { data } = useApi<Catalogue>("/api/surveys/catalogue");
  return useMemo(() => {
    const locale = i18n.language as Locale;
    const initiatives = new Map((data?.initiatives ?? []).map((i) => [i.id, i.label[locale] ?? i.label.en]));
    const themes = new Map((data?.themes ?? []).map((th) => [th.id, th.label[locale] ?? th.label.en]));
    return {
      initiative: (id: string) => initiatives.get(id) ?? id,
      theme: (id: string | null) => (id ? (themes.get(id) ?? t(`themes.${id}`, { defaultValue: id })) : "—"),
    };
  }, [data, i18n.language, t]);
}

/** A chart with a text description for screen readers and a table alternative. */
export function ChartFigure({
  label,
  height = 280,
  chart,
  table,
  open,
}: {
  label: string;
  height?: number;
  chart: ReactNode;
  table: ReactNode;
  /** Open the table alternative from the start (the printable report). */
  open?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="chart" role="img" aria-label={label} style={{ minHeight: height }}>
        {chart}
      </div>
      <details className="table-alternative" open={open}>
        <summary>{t("results.asTable")}</summary>
        <div className="table-scroll">{table}</div>
      </details>
    </>
  );
}

export interface BarSeries {
  dataKey: string;
  name: string;
  colour: string;
}

/**
 * A chart's legend as a plain list: recharts' own names each colour swatch "… legend icon" in
 * English; here the swatch is decoration and the series name is the text.
 */
export function ChartLegend({ payload }: { payload?: readonly { value?: unknown; color?: string }[] }) {
  return (
    <ul className="chart-legend">
      {(payload ?? []).map((entry) => (
        <li key={String(entry.value)}>
          <span className="chart-swatch" aria-hidden="true" style={{ background: entry.color }} />
          {String(entry.value ?? "")}
        </li>
      ))}
    </ul>
  );
}

/** Whether the screen is phone-narrow (follows rotation and resizing). */
function useNarrow(query = "(max-width: 600px)") {
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const update = () => setNarrow(media.matches);
    media.addEventListener("change", update);
    return () => media.removeEventListener("change", update);
  }, [query]);
  return narrow;
}

/**
 * Bars per theme (or any labelled group), one series per compared figure, in legend order. On a
 * phone the bars lie down, so that each group's name has a line of its own instead of being cut.
 */
export function ThemeBarChart({
  rows,
  series,
  format,
}: {
  rows: Record<string, string | number | null>[];
  series: BarSeries[];
  format?: (value: number) => string;
}) {
  const narrow = useNarrow();
  const order = (item: { dataKey?: unknown }) => series.findIndex((s) => s.dataKey === item.dataKey);
  return (
    <ResponsiveContainer width="100%" height={narrow ? 60 + rows.length * (12 * series.length + 22) : 300}>
      <BarChart
        data={rows}
        layout={narrow ? "vertical" : "horizontal"}
        margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={narrow} horizontal={!narrow} />
        {narrow ? (
          <XAxis type="number" allowDecimals={false} />
        ) : (
          <XAxis
            dataKey="name"
            interval={0}
            angle={-20}
            textAnchor="end"
            height={70}
            tick={{ fontSize: 12 }}
          />
        )}
        {narrow ? (
          <YAxis type="category" dataKey="name" interval={0} width={112} tick={{ fontSize: 12 }} />
        ) : (
          <YAxis allowDecimals={false} width={36} />
        )}
        <Tooltip formatter={(v) => (typeof v === "number" && format ? format(v) : (v as number))} />
        <Legend itemSorter={order} content={<ChartLegend />} />
        {series.map((s) => (
          <Bar key={s.dataKey} dataKey={s.dataKey} name={s.name} fill={s.colour} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
