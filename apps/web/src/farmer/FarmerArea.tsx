import { useTranslation } from "react-i18next";
import type { Farm } from "../api/types.ts";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useSession } from "../shell/session.tsx";
import { useApi } from "../shell/useApi.ts";

function FarmCard({ farmId }: { farmId: number }) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<{ farm: Farm }>(`/api/farms/${farmId}`);
  if (loading) return <Loading />;
  if (error || !data) return <ErrorMessage message={error?.title} onRetry={reload} />;
  const { farm } = data;
  return (
    <section className="card" aria-labelledby={`farm-${farm.id}`}>
      <h2 id={`farm-${farm.id}`}>{farm.name}</h2>
      <dl className="facts">
        <dt>{t("farm.herdNumber")}</dt>
        <dd>{farm.herdNumber}</dd>
        <dt>{t("farm.region")}</dt>
        <dd>
          {t(`regions.${farm.region}`)}, {farm.province}
        </dd>
        <dt>{t("farm.herdSize")}</dt>
        <dd>{farm.herdSize}</dd>
      </dl>
    </section>
  );
}

export default function FarmerArea() {
  const { t } = useTranslation();
  const { me } = useSession();
  if (!me) return null;
  return (
    <div className="page">
      <h1>{t("farmer.title", { name: me.user.name })}</h1>
      <p className="lead">{t("farmer.intro")}</p>
      {me.farms.length === 0 && <p className="alert">{t("farmer.noFarm")}</p>}
      <div className="grid">
        {me.farms.map((farm) => (
          <FarmCard key={farm.id} farmId={farm.id} />
        ))}
      </div>
    </div>
  );
}
