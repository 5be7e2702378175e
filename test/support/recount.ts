import { farmAttribute } from "@monitor/domain";
import { comparableInitiativeIds, getCatalogue } from "@monitor/surveys";
import type { Database } from "../../apps/api/src/db/client.ts";

/**
 * The statistic counters of a campaign recounted from the row-level tables (submitted responses,
 * their derived initiatives and the key they were counted under, but for the size class: the class
 * the farm-attribute table gives the farm's herd in the campaign's year), independently of the counter
 * code, next to the counter rows as stored: one row per cell of the farm-attribute lattice (each
 * full combination, the roll-up, each value of one attribute and each pair of values of two). Both
 * come normalised: rows without farms dropped, histogram entries of 0 dropped, keys sorted.
 */
type Counts = Record<string, number>;
interface CounterState {
  farms: number;
  recordKeys: number;
  totals: Counts;
  comparable: Counts;
  themes: Record<string, Counts>;
  initiatives: Counts;
}

const KEY_COLUMNS = [
  "region",
  "province",
  "size_class",
  "dairy_buyer_id",
  "certification_body_id",
  "inspection_body_id",
];

const sorted = (counts: Counts): Counts =>
  Object.fromEntries(
    Object.entries(counts)
      .filter(([, n]) => n !== 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

const normalise = (state: CounterState): CounterState => ({
  farms: state.farms,
  recordKeys: state.recordKeys % 4294967296,
  totals: sorted(state.totals),
  comparable: sorted(state.comparable),
  themes: Object.fromEntries(
    Object.entries(state.themes)
      .map(([theme, counts]) => [theme, sorted(counts)] as const)
      .filter(([, counts]) => Object.keys(counts).length)
      .sort(([a], [b]) => a.localeCompare(b)),
  ),
  initiatives: sorted(state.initiatives),
});

export async function storedCounters(
  db: Database,
  campaignId: number,
): Promise<Record<string, CounterState>> {
  const rows = await db.query<Record<string, string | number>>(
    "SELECT * FROM statistic_counters WHERE campaign_id = ? AND farms <> 0",
    [campaignId],
  );
  return Object.fromEntries(
    rows
      .map((row) => [
        KEY_COLUMNS.map((column) => row[column]).join("|"),
        normalise({
          farms: Number(row.farms),
          recordKeys: Number(row.record_keys),
          totals: JSON.parse(String(row.totals)),
          comparable: JSON.parse(String(row.comparable)),
          themes: JSON.parse(String(row.themes)),
          initiatives: JSON.parse(String(row.initiatives)),
        }),
      ])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
}

export async function recountedCounters(
  db: Database,
  campaignId: number,
): Promise<Record<string, CounterState>> {
  // Other attributes stay as counted (a register change leaves counted monitors where they are); a
  // size class is the herd's of the campaign's year, which submission and register import keep.
  const responses = await db.query<{
    id: number;
    counter_key: string;
    size_class: string;
    record_key: number;
  }>(
    `SELECT r.id, r.counter_key, ${farmAttribute("sizeClass").sql("c.year")} AS size_class, f.record_key
       FROM responses r JOIN farms f ON f.id = r.farm_id JOIN campaigns c ON c.id = r.campaign_id
      WHERE r.campaign_id = ? AND r.status = 'submitted'`,
    [campaignId],
  );
  const taken = await db.query<{ response_id: number; initiative_id: string }>(
    `SELECT ri.response_id, ri.initiative_id FROM response_initiatives ri
       JOIN responses r ON r.id = ri.response_id WHERE r.campaign_id = ? AND r.status = 'submitted'`,
    [campaignId],
  );
  const themeOf = new Map(getCatalogue().initiatives.map((i) => [i.id, i.theme as string]));
  const comparable = comparableInitiativeIds();
  const byResponse = new Map<number, string[]>();
  for (const row of taken) {
    const list = byResponse.get(Number(row.response_id)) ?? [];
    list.push(row.initiative_id);
    byResponse.set(Number(row.response_id), list);
  }
  const states = new Map<string, CounterState>();
  const add = (key: string, ids: string[], recordKey: number) => {
    const state = states.get(key) ?? {
      farms: 0,
      recordKeys: 0,
      totals: {},
      comparable: {},
      themes: {},
      initiatives: {},
    };
    state.farms++;
    state.recordKeys += recordKey;
    state.totals[ids.length] = (state.totals[ids.length] ?? 0) + 1;
    const shared = ids.filter((id) => comparable.has(id)).length;
    state.comparable[shared] = (state.comparable[shared] ?? 0) + 1;
    for (const theme of getCatalogue().themes) {
      const n = ids.filter((id) => themeOf.get(id) === theme.id).length;
      state.themes[theme.id] ??= {};
      const histogram = state.themes[theme.id] as Counts;
      histogram[n] = (histogram[n] ?? 0) + 1;
    }
    for (const id of ids) state.initiatives[id] = (state.initiatives[id] ?? 0) + 1;
    states.set(key, state);
  };
  // Every cell of the lattice: the full key, and the key with all but at most two columns rolled up.
  const cells: number[][] = [KEY_COLUMNS.map((_, i) => i), []];
  KEY_COLUMNS.forEach((_, i) => {
    cells.push([i]);
    for (let j = i + 1; j < KEY_COLUMNS.length; j++) cells.push([i, j]);
  });
  for (const response of responses) {
    const ids = byResponse.get(Number(response.id)) ?? [];
    const key = JSON.parse(response.counter_key) as string[];
    key[KEY_COLUMNS.indexOf("size_class")] = response.size_class;
    for (const kept of cells)
      add(
        key.map((value, i) => (kept.includes(i) ? value : "*")).join("|"),
        ids,
        Number(response.record_key),
      );
  }
  return Object.fromEntries(
    [...states]
      .map(([key, state]) => [key, normalise(state)] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
