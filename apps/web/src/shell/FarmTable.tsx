import type { Farm } from "@monitor/contract";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function FarmTable({
  farms,
  farmLink,
}: {
  farms: Farm[];
  farmLink?: ((farm: Farm) => string) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("farm.herdNumber")}</th>
            <th scope="col">{t("farm.name")}</th>
            <th scope="col">{t("farm.region")}</th>
            <th scope="col">{t("farm.province")}</th>
            <th scope="col" className="num">
              {t("farm.herdSize")}
            </th>
            <th scope="col">{t("farm.status")}</th>
          </tr>
        </thead>
        <tbody>
          {farms.map((farm) => (
            <tr key={farm.id}>
              <td>{farm.herdNumber}</td>
              <td>{farmLink ? <Link to={farmLink(farm)}>{farm.name}</Link> : farm.name}</td>
              <td>{t(`regions.${farm.region}`)}</td>
              <td>{farm.province}</td>
              <td className="num">{farm.herdSize}</td>
              <td>{farm.active ? t("farm.active") : t("farm.stopped")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
