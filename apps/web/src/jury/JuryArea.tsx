import type { AwardList, EditionDocument } from "@monitor/contract";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Route, Routes, useParams } from "react-router";
import { ErrorMessage, Loading } from "../shell/Status.tsx";
import { useApi } from "../shell/useApi.ts";
import { CandidateList } from "./CandidateList.tsx";
import { EditionHeader } from "./common.tsx";
import "./jury.css";
import "../awards/strings.ts";

const CandidatePage = lazy(() => import("./CandidatePage.tsx"));
const ComparePage = lazy(() => import("./ComparePage.tsx"));
const ShortlistPage = lazy(() => import("./ShortlistPage.tsx"));

function Editions() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<AwardList>("/api/awards");
  if (loading) return <Loading />;
  if (error || !data) return <ErrorMessage message={error?.title} onRetry={reload} />;
  const [only] = data.editions;
  if (data.editions.length === 1 && only) return <Navigate to={`/jury/${only.id}`} replace />;
  return (
    <div className="page">
      <h1>{t("awards.title")}</h1>
      <p className="lead">{t("awards.intro")}</p>
      {data.editions.length === 0 && <p className="muted">{t("awards.noEditions")}</p>}
      <ul className="edition-list">
        {data.editions.map((e) => (
          <li key={e.id} className="card">
            <Link to={`/jury/${e.id}`}>{e.name}</Link>{" "}
            <span className={`badge badge-award-${e.status}`}>{t(`awards.status.${e.status}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One edition: its header, then the page of the route below it. */
function Edition() {
  const { editionId = "" } = useParams();
  const { data, error, loading, reload } = useApi<EditionDocument>(`/api/awards/${editionId}`);
  if (loading) return <Loading />;
  if (error || !data) return <ErrorMessage message={error?.title} onRetry={reload} />;
  return (
    <div className="page jury">
      <EditionHeader document={data} />
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<CandidateList document={data} />} />
          <Route path="candidates/:candidateId" element={<CandidatePage document={data} />} />
          <Route path="compare" element={<ComparePage document={data} />} />
          <Route path="shortlist" element={<ShortlistPage document={data} onChange={reload} />} />
        </Routes>
      </Suspense>
    </div>
  );
}

export default function JuryArea() {
  return (
    <Routes>
      <Route index element={<Editions />} />
      <Route path=":editionId/*" element={<Edition />} />
    </Routes>
  );
}
