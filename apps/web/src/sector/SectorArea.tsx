import { useTranslation } from "react-i18next";
import type { SectorOverview } from "../api/types.ts";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";

export default function SectorArea() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<SectorOverview>("/api/sector/overview");
  return (
    <div className="page">
      <h1>{t("sector.title")}</h1>
      {loading && <Loading />}
      {error && <ErrorMessage message={error.title} onRetry={reload} />}
      {data && (
        <>
          <p className="lead">{t("sector.intro", { k: data.minGroupSize })}</p>
          <div className="grid">
            <section className="card figure">
              <h2>{t("sector.population")}</h2>
              <p>{t(`sector.scope_${data.scope.kind}`, { id: data.scope.id })}</p>
            </section>
            <section className="card figure">
              <h2>{t("sector.activeFarms")}</h2>
              <p className="big" data-testid="active-farms">
                {data.farms ?? t("common.suppressed", { k: data.minGroupSize })}
              </p>
            </section>
          </div>
          <section className="card">
            <h2>{t("sector.byRegion")}</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("farm.region")}</th>
                  <th scope="col" className="num">
                    {t("sector.activeFarms")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.regions.map((r) => (
                  <tr key={r.region}>
                    <td>{t(`regions.${r.region}`)}</td>
                    <td className="num">
                      {r.suppressed ? t("common.suppressed", { k: data.minGroupSize }) : r.farms}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}
