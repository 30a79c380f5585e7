import type { Database } from './index.ts';

/**
 * Values a process keeps per database and campaign (caches, writers): tests run several apps,
 * on two engines and several campaigns, in one process.
 */
export function perCampaign<T>() {
  const byDatabase = new WeakMap<Database, Map<number, T>>();
  const of = (database: Database) => {
    let values = byDatabase.get(database);
    if (!values) byDatabase.set(database, (values = new Map()));
    return values;
  };
  return {
    get: (database: Database, campaignId: number) => of(database).get(campaignId),
    set: (database: Database, campaignId: number, value: T) => {
      of(database).set(campaignId, value);
      return value;
    },
    delete: (database: Database, campaignId: number) => of(database).delete(campaignId),
  };
}
