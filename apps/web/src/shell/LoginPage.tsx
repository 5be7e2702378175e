import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { ApiError } from "../api/client.ts";
import { areasOf, useSession } from "./session.tsx";

export function LoginPage() {
  const { t } = useTranslation();
  const { me, login } = useSession();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (me) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from ?? areasOf(me)[0]?.path ?? "/"} replace />;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
    } catch (e) {
      setError(e instanceof ApiError && e.status !== 0 ? e.title : t("login.offline"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="login card">
      <h1>{t("login.title")}</h1>
      <p className="muted">{t("login.intro")}</p>
      <form onSubmit={onSubmit} noValidate>
        <label>
          {t("login.email")}
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          {t("login.password")}
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("login.busy") : t("login.submit")}
        </button>
      </form>
    </section>
  );
}
