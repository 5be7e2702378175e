import type { BreakdownBy, SectorBreakdown } from "@monitor/contract";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { COLOURS, useFormat } from "../shell/figures.tsx";
import { ErrorMessage } from "../shell/Status.tsx";
import { useSession } from "../shell/session.tsx";
import { useApi } from "../shell/useApi.ts";
import { ExportLinks, SectionHeader, SelectField } from "./common.tsx";
import { BREAKDOWN_BY, FILTER_LABEL, type Filters } from "./filters.ts";
import { breakdownPath } from "./useSectorData.ts";

export function BreakdownSection({
  campaignId,
  filters,
  by,
  onBy,
  k,
}: {
  campaignId: number;
  filters: Filters;
  by: BreakdownBy;
  onBy: (by: BreakdownBy) => void;
  /** k from the dashboard's first figures, until this section's own answer brings it. */
  k: number | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  // The group labels come translated from the API: the fragment (not sent) reloads them on a language change.
  const { data, error, loading, reload } = useApi<SectorBreakdown>(
    breakdownPath(filters, campaignId, by, me?.user.locale ?? ""),
  );
  const minGroup = data?.minGroupSize ?? k;
  const groups = data?.groups ?? [];
  const shown = groups.filter((g) => !g.suppressed && g.meanInitiatives !== null);
  const hidden = groups.length - shown.length;
  const byLabel = t(FILTER_LABEL[by]);
  const chartHeight = Math.max(160, shown.length * 30 + 40);

  return (
    <section className="card" aria-labelledby="breakdown-title" aria-busy={loading}>
      <SectionHeader id="breakdown-title" title={t("sectorDashboard.breakdown")} loading={loading}>
        <SelectField
          className="inline-field no-print"
          label={t("sectorDashboard.breakdownBy")}
          value={by}
          onChange={(e) => onBy(e.target.value as BreakdownBy)}
          data-testid="breakdown-by"
        >
          {BREAKDOWN_BY.map((b) => (
            <option key={b} value={b}>
              {t(FILTER_LABEL[b])}
            </option>
          ))}
        </SelectField>
      </SectionHeader>
      {error && <ErrorMessage message={error.title} onRetry={reload} />}
      {data && (
        <>
          {hidden > 0 && (
            <p className="muted small">{t("sectorDashboard.groupsHidden", { count: hidden, k: minGroup })}</p>
          )}
          {shown.length > 0 && (
            <div
              className="chart"
              role="img"
              aria-label={t("sectorDashboard.breakdownChart", { by: byLabel })}
              style={{ minHeight: chartHeight }}
            >
              <ResponsiveContainer width="100%" height={chartHeight}>
                <BarChart data={shown} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 12 }} interval={0} />
                  <Tooltip formatter={(v) => (typeof v === "number" ? format.number(v) : "—")} />
                  <Bar
                    dataKey="meanInitiatives"
                    name={t("sectorDashboard.meanInitiatives")}
                    fill={COLOURS.current}
                    isAnimationActive={false}
                  />
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
          <div className="table-scroll">
            <table className="wide" data-testid="breakdown-table">
              <caption className="visually-hidden">
                {t("sectorDashboard.breakdownCaption", { by: byLabel })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{byLabel}</th>
                  <th scope="col" className="num">
                    {t("sectorDashboard.farms")}
                  </th>
                  <th scope="col" className="num">
                    {t("sectorDashboard.meanInitiatives")}
                  </th>
                  <th scope="col" className="num">
                    {t("sectorDashboard.shareAtLeastOne")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {groups.map((g) =>
                  g.suppressed ? (
                    <tr key={g.key} className="suppressed-row">
                      <th scope="row">{g.label}</th>
                      <td className="num">{t("common.suppressed", { k: minGroup })}</td>
                      <td className="num muted" colSpan={2}>
                        {t("sectorDashboard.notShown")}
                      </td>
                    </tr>
                  ) : (
                    <tr key={g.key}>
                      <th scope="row">{g.label}</th>
                      <td className="num">{format.integer(g.farms)}</td>
                      <td className="num">{format.number(g.meanInitiatives)}</td>
                      <td className="num">{format.percent(g.shareWithAtLeastOne)}</td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
          {groups.length === 0 && <p className="muted">{t("common.none")}</p>}
        </>
      )}
      <ExportLinks view="breakdown" filters={filters} extra={{ campaign: campaignId, by }} />
    </section>
  );
}
