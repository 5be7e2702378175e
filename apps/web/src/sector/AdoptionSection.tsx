import type { SectorAdoption } from "@monitor/contract";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ChartFigure,
  COLOURS,
  type Format,
  ThemeBarChart,
  useCatalogueLabels,
  useFormat,
} from "../shell/figures.tsx";
import { ErrorMessage } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";
import { ExportLinks, SectionHeader, SelectField, SuppressedNotice } from "./common.tsx";
import type { Filters } from "./filters.ts";
import { viewPath } from "./useSectorData.ts";

type Initiative = SectorAdoption["initiatives"][number];
type Labels = ReturnType<typeof useCatalogueLabels>;

export function useAdoption(campaignId: number | undefined, filters: Filters) {
  return useApi<SectorAdoption>(
    campaignId === undefined ? null : viewPath("adoption", filters, { campaign: campaignId }),
  );
}

/** The change since the previous campaign, in percentage points, as the API computed it. */
const changeOf = (i: Initiative) => i.change ?? null;

/** The most adopted initiatives and those that rose most since the previous campaign. */
export function useRanked(adoption: SectorAdoption | null, limit: number) {
  return useMemo(() => {
    const list = adoption?.initiatives ?? [];
    const top = list
      .filter((i) => i.rate !== null)
      .sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0))
      .slice(0, limit);
    const rising = list
      .map((i) => ({ i, change: changeOf(i) }))
      // a rise across a definition change is no rise of the practice
      .filter((x) => !x.i.definitionChanged)
      .filter((x): x is { i: Initiative; change: number } => x.change !== null && x.change > 0)
      .sort((a, b) => b.change - a.change)
      .slice(0, limit)
      .map((x) => x.i);
    return { top, rising };
  }, [adoption, limit]);
}

/** A rate as a bar, with the previous campaign's rate as a thin mark underneath. */
function Meter({ rate, previous }: { rate: number | null; previous: number | null | undefined }) {
  return (
    <span className="meter" aria-hidden="true">
      <span className="meter-now" style={{ width: `${(rate ?? 0) * 100}%` }} />
      {previous !== null && previous !== undefined && (
        <span className="meter-before" style={{ width: `${previous * 100}%` }} />
      )}
    </span>
  );
}

function RankedList({
  title,
  items,
  labels,
  format,
  previousYear,
  testId,
}: {
  title: string;
  items: Initiative[];
  labels: Labels;
  format: Format;
  previousYear: number | null;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="ranked">
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">{t("common.none")}</p>
      ) : (
        <ol data-testid={testId}>
          {items.map((i) => (
            <li key={i.initiativeId}>
              <span className="ranked-label">
                {labels.initiative(i.initiativeId)}
                <span className="muted small"> · {labels.theme(i.theme)}</span>
              </span>
              <Meter rate={i.rate} previous={i.previousRate} />
              <span className="ranked-figures">
                <strong>{format.percent(i.rate)}</strong>
                {previousYear !== null && (
                  <span className="muted small">
                    {" "}
                    {t("sectorDashboard.previously", {
                      year: previousYear,
                      share:
                        i.previousRate === null || i.previousRate === undefined
                          ? t("sectorDashboard.notAsked")
                          : format.percent(i.previousRate),
                    })}
                  </span>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** Top and rising initiatives side by side (dashboard and report). */
export function TopAndRising({ adoption, limit = 10 }: { adoption: SectorAdoption; limit?: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCatalogueLabels();
  const { top, rising } = useRanked(adoption, limit);
  const previousYear = adoption.previousCampaign?.year ?? null;
  return (
    <div className="ranked-grid">
      <RankedList
        title={t("sectorDashboard.topInitiatives")}
        items={top}
        labels={labels}
        format={format}
        previousYear={previousYear}
        testId="top-initiatives"
      />
      <RankedList
        title={
          previousYear === null
            ? t("sectorDashboard.risingNone")
            : t("sectorDashboard.risingInitiatives", { year: previousYear })
        }
        items={rising}
        labels={labels}
        format={format}
        previousYear={previousYear}
        testId="rising-initiatives"
      />
    </div>
  );
}

/** Mean initiatives per theme, this campaign against the previous one. */
export function ThemeAdoption({ adoption, open }: { adoption: SectorAdoption; open?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCatalogueLabels();
  const year = adoption.campaign.year;
  const previousYear = adoption.previousCampaign?.year ?? null;
  const rows = adoption.themes.map((th) => ({
    name: labels.theme(th.theme),
    current: th.meanInitiatives,
    previous: th.previousMean,
  }));
  const currentName = String(year);
  return (
    <ChartFigure
      open={open}
      height={300}
      label={t("sectorDashboard.themeChart", { year, previous: previousYear ?? "—" })}
      chart={
        <ThemeBarChart
          rows={rows}
          format={format.number}
          series={[
            ...(previousYear !== null
              ? [{ dataKey: "previous", name: String(previousYear), colour: COLOURS.previous }]
              : []),
            { dataKey: "current", name: currentName, colour: COLOURS.current },
          ]}
        />
      }
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t("receipt.theme")}</th>
              {previousYear !== null && (
                <th scope="col" className="num">
                  {t("sectorDashboard.meanIn", { year: previousYear })}
                </th>
              )}
              <th scope="col" className="num">
                {t("sectorDashboard.meanIn", { year: currentName })}
              </th>
            </tr>
          </thead>
          <tbody>
            {adoption.themes.map((th) => (
              <tr key={th.theme}>
                <th scope="row">{labels.theme(th.theme)}</th>
                {previousYear !== null && <td className="num">{format.number(th.previousMean)}</td>}
                <td className="num">
                  {format.number(th.meanInitiatives)}
                  {previousYear !== null && th.definitionChanged && (
                    <DefinitionMark version={adoption.campaign.surveyVersion} year={previousYear} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

type Sort = "rate" | "change" | "name";
const FIRST_ROWS = 15;

/** Every initiative of the campaign, ranked; a theme filter and a sort order. */
function InitiativeTable({ adoption }: { adoption: SectorAdoption }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const labels = useCatalogueLabels();
  const [theme, setTheme] = useState("");
  const [sort, setSort] = useState<Sort>("rate");
  const [showAll, setShowAll] = useState(false);
  const previousYear = adoption.previousCampaign?.year ?? null;

  const rows = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    const list = adoption.initiatives
      .filter((i) => !theme || i.theme === theme)
      .map((i) => ({ ...i, label: labels.initiative(i.initiativeId), change: changeOf(i) }));
    if (sort === "name") list.sort((a, b) => collator.compare(a.label, b.label));
    else if (sort === "change") list.sort((a, b) => (b.change ?? -2) - (a.change ?? -2));
    else list.sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1));
    return list;
  }, [adoption, theme, sort, labels, i18n.language]);

  const themes = adoption.themes.map((th) => th.theme);
  const shown = showAll ? rows : rows.slice(0, FIRST_ROWS);

  return (
    <div className="initiative-table">
      <div className="controls">
        <SelectField label={t("receipt.theme")} value={theme} onChange={(e) => setTheme(e.target.value)}>
          <option value="">{t("sectorDashboard.allThemes")}</option>
          {themes.map((id) => (
            <option key={id} value={id}>
              {labels.theme(id)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("sectorDashboard.sortBy")}
          value={sort}
          onChange={(e) => setSort(e.target.value as Sort)}
        >
          <option value="rate">{t("sectorDashboard.sortRate")}</option>
          <option value="change">{t("sectorDashboard.sortChange")}</option>
          <option value="name">{t("sectorDashboard.sortName")}</option>
        </SelectField>
      </div>
      <div className="table-scroll">
        <table className="wide">
          <thead>
            <tr>
              <th scope="col">{t("sectorDashboard.initiative")}</th>
              <th scope="col">{t("receipt.theme")}</th>
              <th scope="col" className="num">
                {t("sectorDashboard.farms")}
              </th>
              <th scope="col" className="num">
                {t("sectorDashboard.adoption")}
              </th>
              {previousYear !== null && (
                <>
                  <th scope="col" className="num">
                    {t("sectorDashboard.adoptionIn", { year: previousYear })}
                  </th>
                  <th scope="col" className="num">
                    {t("sectorDashboard.change")}
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((i) => (
              <tr key={i.initiativeId}>
                <th scope="row">{i.label}</th>
                <td>{labels.theme(i.theme)}</td>
                <td className="num">{format.integer(i.farms)}</td>
                <td className="num">{format.percent(i.rate)}</td>
                {previousYear !== null && (
                  <>
                    <td className="num">
                      {i.previousRate === null || i.previousRate === undefined
                        ? t("sectorDashboard.notAsked")
                        : format.percent(i.previousRate)}
                    </td>
                    <td className="num">
                      {format.points(i.change)}
                      {i.definitionChanged && (
                        <DefinitionMark version={adoption.campaign.surveyVersion} year={previousYear} />
                      )}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > FIRST_ROWS && (
        <p>
          <button type="button" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
            {showAll ? t("sectorDashboard.showFewer") : t("sectorDashboard.showAll", { count: rows.length })}
          </button>
        </p>
      )}
    </div>
  );
}

export function AdoptionSection({
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
  const { data, error, loading, reload } = useAdoption(campaignId, filters);
  const previousYear = data?.previousCampaign?.year ?? null;
  return (
    <section className="card" aria-labelledby="adoption-title" aria-busy={loading}>
      <SectionHeader id="adoption-title" title={t("sectorDashboard.adoptionTitle")} loading={loading} />
      {error && <ErrorMessage message={error.title} onRetry={reload} />}
      {data &&
        (data.suppressed ? (
          <SuppressedNotice k={data.minGroupSize ?? k} />
        ) : (
          <>
            <p className="muted">
              {previousYear === null
                ? t("sectorDashboard.adoptionIntroNoPrevious", { farms: format.integer(data.farms) })
                : t("sectorDashboard.adoptionIntro", {
                    farms: format.integer(data.farms),
                    year: previousYear,
                  })}
            </p>
            <TopAndRising adoption={data} />
            <h3>{t("sectorDashboard.perTheme")}</h3>
            <ThemeAdoption adoption={data} />
            <h3>{t("sectorDashboard.allInitiatives")}</h3>
            <InitiativeTable adoption={data} />
          </>
        ))}
      <ExportLinks view="adoption" filters={filters} extra={{ campaign: campaignId }} />
    </section>
  );
}

/** The catalogue's mark on a change across a questionnaire that counts the initiative differently. */
function DefinitionMark({ version, year }: { version: string; year: number }) {
  const { t } = useTranslation();
  const note = t("sectorHonest.definitionChangedNote", { version, year });
  return (
    <span className="chip small warning" title={note} data-testid="definition-changed">
      {" "}
      ⚠ {t("sectorHonest.definitionChanged")}
      <span className="visually-hidden">: {note}</span>
    </span>
  );
}
