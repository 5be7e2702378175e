import type { Comparison, FarmResults } from "@monitor/contract";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import {
  ChartFigure,
  ChartLegend,
  COLOURS,
  ThemeBarChart,
  useCatalogueLabels,
  useFormat,
} from "../shell/figures.tsx";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";

function ComparisonCard({ title, comparison, k }: { title: string; comparison: Comparison; k: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="card figure" aria-label={title}>
      <h3>{title}</h3>
      {comparison.suppressed ? (
        <p className="muted">{t("results.tooFew", { k })}</p>
      ) : (
        <dl className="facts">
          <dt>{t("results.farms")}</dt>
          <dd>{comparison.farms}</dd>
          <dt>{t("results.mean")}</dt>
          <dd>{format.number(comparison.mean)}</dd>
          <dt>{t("results.median")}</dt>
          <dd>{format.number(comparison.median)}</dd>
          <dt>{t("results.yourPosition")}</dt>
          <dd>{t("results.percentile", { value: format.number(comparison.percentile) })}</dd>
        </dl>
      )}
    </section>
  );
}

function ThemeChart({ results }: { results: FarmResults }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = results.themes.map((th) => ({
    name: t(`themes.${th.theme}`),
    farm: th.farm,
    sector: th.sectorMean,
  }));
  return (
    <section className="card" aria-labelledby="themes-title">
      <h2 id="themes-title">{t("results.perTheme")}</h2>
      <ChartFigure
        label={t("results.perThemeChart")}
        height={300}
        chart={
          <ThemeBarChart
            rows={rows}
            series={[
              { dataKey: "farm", name: t("results.yourFarm"), colour: COLOURS.current },
              { dataKey: "sector", name: t("results.sectorMean"), colour: COLOURS.previous },
            ]}
          />
        }
        table={
          <table>
            <thead>
              <tr>
                <th scope="col">{t("receipt.theme")}</th>
                <th scope="col" className="num">
                  {t("results.yourFarm")}
                </th>
                <th scope="col" className="num">
                  {t("results.sectorMean")}
                </th>
                <th scope="col" className="num">
                  {t("results.sectorMedian")}
                </th>
              </tr>
            </thead>
            <tbody>
              {results.themes.map((th) => (
                <tr key={th.theme}>
                  <td>{t(`themes.${th.theme}`)}</td>
                  <td className="num">{th.farm}</td>
                  <td className="num">{format.number(th.sectorMean)}</td>
                  <td className="num">{format.number(th.sectorMedian)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </section>
  );
}

function TrendChart({ results }: { results: FarmResults }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (results.trend.length < 2) return null;
  return (
    <section className="card" aria-labelledby="trend-title">
      <h2 id="trend-title">{t("results.trend")}</h2>
      <ChartFigure
        label={t("results.trendChart")}
        height={260}
        chart={
          <ResponsiveContainer width="100%" height={260}>
            <LineChart data={results.trend} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="year" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend content={<ChartLegend />} />
              <Line
                dataKey="total"
                name={t("results.yourFarm")}
                stroke={COLOURS.current}
                strokeWidth={3}
                isAnimationActive={false}
              />
              <Line
                dataKey="sectorMean"
                name={t("results.sectorMean")}
                stroke={COLOURS.previous}
                strokeWidth={2}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        }
        table={
          <table>
            <thead>
              <tr>
                <th scope="col">{t("farmer.campaign")}</th>
                <th scope="col" className="num">
                  {t("results.yourFarm")}
                </th>
                <th scope="col" className="num">
                  {t("results.sectorMean")}
                </th>
              </tr>
            </thead>
            <tbody>
              {results.trend.map((p) => (
                <tr key={p.year}>
                  <td>{p.year}</td>
                  <td className="num">{p.total}</td>
                  <td className="num">{format.number(p.sectorMean)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <p className="muted small">{t("results.versionsNote")}</p>
    </section>
  );
}

function Suggestions({ results }: { results: FarmResults }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCatalogueLabels();
  const from = results.suggestionsFrom;
  return (
    <section className="card" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t("results.colleagues")}</h2>
      {from && (
        <p className="muted">
          {t("results.colleaguesIntro", {
            farms: from.farms,
            group:
              [
                from.region && t(`regions.${from.region}`),
                from.sizeClass && t(`sizeClasses.${from.sizeClass}`),
              ]
                .filter(Boolean)
                .join(", ") || t("results.allFarms"),
          })}
        </p>
      )}
      {results.suggestions.length === 0 ? (
        <p className="muted">{t("results.noSuggestions")}</p>
      ) : (
        <ol className="suggestions">
          {results.suggestions.map((s) => (
            <li key={s.initiativeId}>
              <span>{labels.initiative(s.initiativeId)}</span>
              <span className="muted small">{s.theme && t(`themes.${s.theme}`)}</span>
              <strong>{t("results.adoptedBy", { share: format.percent(s.adoption) })}</strong>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function ResultsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { farmId = "", campaignId = "" } = useParams();
  const { data, error, loading, reload } = useApi<FarmResults>(`/api/farms/${farmId}/results/${campaignId}`);
  if (loading) return <Loading />;
  if (error || !data) return <ErrorMessage message={error?.title} onRetry={reload} />;
  return (
    <article className="page results">
      <p className="no-print">
        <Link to="/farmer">{t("receipt.back")}</Link>
      </p>
      <h1>{t("results.title", { year: data.campaign.year })}</h1>
      <div className="grid">
        <section className="card figure">
          <h2>{t("results.yourInitiatives")}</h2>
          <p className="big" data-testid="farm-total">
            {data.farm.total}
          </p>
          <p className="muted">
            {data.sector.suppressed
              ? t("results.tooFew", { k: data.minGroupSize })
              : t("results.againstSector", {
                  mean: format.number(data.sector.mean),
                  median: format.number(data.sector.median),
                })}
          </p>
        </section>
        <section className="card figure">
          <h2>{t("results.position")}</h2>
          <p className="big" data-testid="percentile">
            {data.percentile === null ? "—" : format.number(data.percentile)}
          </p>
          <p className="muted">{t("results.percentileExplained")}</p>
        </section>
      </div>
      <div className="grid">
        <ComparisonCard
          title={t("results.sameRegion", { region: t(`regions.${data.region.key}`) })}
          comparison={data.region}
          k={data.minGroupSize}
        />
        <ComparisonCard
          title={t("results.sameSize", { size: t(`sizeClasses.${data.sizeClass.key}`) })}
          comparison={data.sizeClass}
          k={data.minGroupSize}
        />
      </div>
      <ThemeChart results={data} />
      <TrendChart results={data} />
      <Suggestions results={data} />
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t("receipt.print")}
        </button>
      </p>
    </article>
  );
}
