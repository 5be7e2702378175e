import type { Database } from "../db/client.ts";

/**
 * Periodic audits about every three years per farm (a third of the farms each year), until today.
 * A farm that submitted is audited some weeks after its submission; one that did not, in June.
 * Results: a monitor not filled in is a finding; otherwise about 15% with findings, 3% not compliant.
 */
export async function seedAudits(db: Database, now: Date): Promise<void> {
  await db.writeOne(
    `INSERT INTO audits (farm_id, inspection_body_id, audited_on, kind, result)
     SELECT farm_id, inspection_body_id, audited_on, 'periodic', result FROM (
       SELECT f.id AS farm_id, f.inspection_body_id,
              CASE WHEN r.submitted_at IS NULL THEN 'findings'
                   WHEN (f.id * 37 + c.year) % 100 < 3 THEN 'non_compliant'
                   WHEN (f.id * 37 + c.year) % 100 < 18 THEN 'findings'
                   ELSE 'compliant' END AS result,
              CASE WHEN r.submitted_at IS NOT NULL
                   THEN min(date(r.submitted_at, '+' || (f.id % 60 + 1) || ' days'), c.year || '-12-20')
                   ELSE c.year || '-06-15' END AS audited_on
         FROM farms f
         JOIN campaigns c ON f.id % 3 = c.year % 3
         LEFT JOIN responses r ON r.farm_id = f.id AND r.campaign_id = c.id AND r.status = 'submitted'
        WHERE f.created_at < (c.year + 1) || '-01-01'
          AND (f.stopped_on IS NULL OR f.stopped_on >= (c.year + 1) || '-01-01'))
      WHERE audited_on <= ?`,
    [now.toISOString().slice(0, 10)],
  );
}
