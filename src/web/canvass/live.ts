import { liveQuery } from 'dexie';
import { useEffect, useState, type DependencyList } from 'react';

/**
 * A Dexie query kept up to date: it runs again whenever a table it read changes (in this tab,
 * or another), so the outbox count and the walk list follow every write and every sync.
 * `undefined` until the first result.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: DependencyList): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (next) => setValue(next),
      error: (error: unknown) => console.error(error),
    });
    return () => subscription.unsubscribe();
    // The caller lists what the query reads, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
