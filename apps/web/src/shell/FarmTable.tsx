import type { ListedFarm } from "@monitor/contract";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "./format.ts";

/** The register as a table; with `audit`, each farm's readiness, next and last audit as well. */
export function FarmTable({
  farms,
  farmLink,
  audit = false,
}: {
  farms: ListedFarm[];
  farmLink?: ((farm: ListedFarm) => string) | undefined;
  audit?: boolean;
}) {
  const { t } = useTranslation();
  const { day } = useFormat();
  const year = farms.find((f) => f.readiness)?.readiness?.campaign.year;
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("farm.herdNumber")}</th>
            <th scope="col">{t("farm.name")}</th>
            {audit ? (
              <>
                <th scope="col">{t("auditing.readiness", { year: year ?? "" })}</th>
                <th scope="col">{t("auditing.nextAudit")}</th>
                <th scope="col">{t("auditing.lastAudit")}</th>
              </>
            ) : (
              <>
                <th scope="col">{t("farm.region")}</th>
                <th scope="col">{t("farm.province")}</th>
                <th scope="col" className="num">
                  {t("farm.herdSize")}
                </th>
              </>
            )}
            <th scope="col">{t("farm.status")}</th>
          </tr>
        </thead>
        <tbody>
          {farms.map((farm) => (
            <tr key={farm.id}>
              <td>{farm.herdNumber}</td>
              <td>{farmLink ? <Link to={farmLink(farm)}>{farm.name}</Link> : farm.name}</td>
              {audit ? (
                <>
                  <td>
                    {farm.readiness ? (
                      <span className={`badge badge-${farm.readiness.status}`}>
                        {t(`farmer.statuses.${farm.readiness.status}`)}
                        {farm.readiness.submittedAt ? ` · ${day(farm.readiness.submittedAt)}` : ""}
                      </span>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>{day(farm.nextAuditOn)}</td>
                  <td>
                    {farm.lastAudit
                      ? `${day(farm.lastAudit.auditedOn)}${farm.lastAudit.result ? ` · ${t(`auditing.results.${farm.lastAudit.result}`)}` : ""}`
                      : "—"}
                  </td>
                </>
              ) : (
                <>
                  <td>{t(`regions.${farm.region}`)}</td>
                  <td>{farm.province}</td>
                  <td className="num">{farm.herdSize}</td>
                </>
              )}
              <td>{farm.active ? t("farm.active") : t("farm.stopped")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
