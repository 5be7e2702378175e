import { ROLE_SCOPES, ROLES, type Role, type ScopeType } from "@monitor/domain";
import { useTranslation } from "react-i18next";

export interface GrantDraft {
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
}

export const newGrant = (): GrantDraft => ({ role: "farmer", scopeType: "farm", scopeId: "" });

/** `role:scopeType[:scopeId]` as the users list shows it, back to a grant. */
export function grantOf(text: string): GrantDraft {
  const [role, scopeType, scopeId] = text.split(":");
  return { role: role as Role, scopeType: scopeType as ScopeType, scopeId: scopeId ?? "" };
}

export const grantBody = (g: GrantDraft) => ({
  role: g.role,
  scopeType: g.scopeType,
  scopeId: g.scopeType === "all" ? null : g.scopeId.trim(),
});

/** One role in one scope: the scope types offered are those the role can hold. */
export function GrantEditor({
  grant,
  onChange,
  onRemove,
}: {
  grant: GrantDraft;
  onChange: (grant: GrantDraft) => void;
  onRemove?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const scopes = ROLE_SCOPES[grant.role];
  return (
    <div className="search">
      <label>
        {t("administration.role")}
        <select
          value={grant.role}
          onChange={(e) => {
            const role = e.target.value as Role;
            onChange({ role, scopeType: ROLE_SCOPES[role][0] as ScopeType, scopeId: "" });
          }}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("administration.scope")}
        <select
          value={grant.scopeType}
          onChange={(e) => onChange({ ...grant, scopeType: e.target.value as ScopeType, scopeId: "" })}
        >
          {scopes.map((scope) => (
            <option key={scope} value={scope}>
              {t(`administration.scopes.${scope}`)}
            </option>
          ))}
        </select>
      </label>
      {grant.scopeType !== "all" && (
        <label>
          {t("administration.scopeId")}
          <input value={grant.scopeId} onChange={(e) => onChange({ ...grant, scopeId: e.target.value })} />
        </label>
      )}
      {onRemove && (
        <button type="button" onClick={onRemove} aria-label="−">
          −
        </button>
      )}
    </div>
  );
}
