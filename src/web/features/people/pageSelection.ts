/** Whether every, or some, of the page's people are selected (for the select-page box). */
export function pageSelection(items: ReadonlyArray<{ id: number }>, selected: ReadonlySet<number>) {
  const allSelected = items.length > 0 && items.every((p) => selected.has(p.id));
  const someSelected = items.some((p) => selected.has(p.id));
  return { allSelected, someSelected };
}
