import type { SectorDistribution } from "@monitor/contract";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure, COLOURS, useFormat } from "../shell/figures.tsx";
import { ErrorMessage } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";
import { ExportLinks, SectionHeader, SuppressedNotice } from "./common.tsx";
import type { Filters } from "./filters.ts";
import { viewPath } from "./useSectorData.ts";

export function DistributionSection({
  campaignId,
  filters,
  k,
}: {
  campaignId: number;
  filters: Filters;
  /** k from the dashboard's first figures, until this section's own answer brings it. */
  k: number | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, loading, reload } = useApi<SectorDistribution>(
    viewPath("distribution", filters, { campaign: campaignId }),
  );
  const minGroup = data?.minGroupSize ?? k;
  const rows = (data?.bins ?? []).map((b) => ({
    ...b,
    name: b.from === b.to ? format.integer(b.from) : `${format.integer(b.from)}–${format.integer(b.to)}`,
  }));
  return (
    <section className="card" aria-labelledby="distribution-title" aria-busy={loading}>
      <SectionHeader id="distribution-title" title={t("sectorDashboard.distribution")} loading={loading} />
      {error && <ErrorMessage message={error.title} onRetry={reload} />}
      {data &&
        (data.suppressed ? (
          <SuppressedNotice k={data.minGroupSize} />
        ) : (
          <>
            <p className="muted">
              {t("sectorDashboard.distributionIntro", { farms: format.integer(data.farms) })}
            </p>
            <ChartFigure
              label={t("sectorDashboard.distributionChart", { farms: format.integer(data.farms) })}
              chart={
                <ResponsiveContainer width="100%" height={280}>
                  <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 24, left: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis
                      dataKey="name"
                      label={{
                        value: t("sectorDashboard.initiativesPerFarm"),
                        position: "insideBottom",
                        offset: -16,
                      }}
                    />
                    <YAxis allowDecimals={false} width={40} />
                    <Tooltip formatter={(v) => (typeof v === "number" ? format.integer(v) : "—")} />
                    <Bar
                      dataKey="farms"
                      name={t("sectorDashboard.farms")}
                      fill={COLOURS.current}
                      isAnimationActive={false}
                    />
                  </BarChart>
                </ResponsiveContainer>
              }
              table={
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("sectorDashboard.initiativesPerFarm")}</th>
                      <th scope="col" className="num">
                        {t("sectorDashboard.farms")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((b) => (
                      <tr key={`${b.from}-${b.to}`}>
                        <th scope="row">{b.name}</th>
                        <td className="num">
                          {b.farms === null
                            ? t("common.suppressed", { k: minGroup })
                            : format.integer(b.farms)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            />
          </>
        ))}
      <ExportLinks view="distribution" filters={filters} extra={{ campaign: campaignId }} />
    </section>
  );
}
