import { useTranslation } from "react-i18next";
import { useSession } from "../shell/session.tsx";

export default function JuryArea() {
  const { t } = useTranslation();
  const { me } = useSession();
  const editions = me?.roles.filter((r) => r.role === "juror") ?? [];
  return (
    <div className="page">
      <h1>{t("jury.title")}</h1>
      <p className="lead">{t("jury.intro")}</p>
      {editions.map((edition) => (
        <section key={edition.scope.id} className="card">
          <h2>
            {t("jury.edition")} {edition.scope.id}
          </h2>
          <p className="muted">{t("jury.empty")}</p>
        </section>
      ))}
    </div>
  );
}
