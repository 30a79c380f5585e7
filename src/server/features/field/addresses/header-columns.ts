import { guessFileKind, normaliseName, type FileKind } from './kinds.ts';

/** The header as read, and what of it the reader uses. */
export interface HeaderColumns {
  /** The header as read (trimmed). */
  names: string[];
  /** Columns the reader does not use. */
  ignored: string[];
  /** Optional columns the reader uses that the header lacks. */
  missingOptional: string[];
}

/** Column index of each field; -1 for an optional field the file lacks. */
export type ColumnMap<Field extends string> = Record<Field, number> & {
  /** Cells a row needs to hold every required field. */
  width: number;
  /** By column index, whether a row's cell is read. */
  wanted: boolean[];
  columns: HeaderColumns;
};

/**
 * How a reader knows its file: the kind `guessFileKind` names, or its own test of the header's
 * names (normalised), for a kind `guessFileKind` does not know.
 */
type Recognition = { kind: FileKind } | { recognise(names: ReadonlySet<string>): boolean };

/** A file's columns: each field's names (its own first, then others accepted), which are required. */
export type ColumnSpec<Field extends string> = Recognition & {
  aliases: Record<Field, string[]>;
  /** Fields the file must have; a list is a choice: one of its fields at least. */
  required: ReadonlyArray<Field | readonly Field[]>;
  /** The refusals of the file's reader; `found` is what `guessFileKind` takes the file for. */
  notKind(found: FileKind | null): Error;
  missingColumns(names: string[]): Error;
};

/**
 * Finds each field's column by name (case, accents, spaces and underscores ignored), so that
 * columns may move, be added or (the optional ones) go away; refuses a file of another kind,
 * or one without a required column.
 */
export function headerColumnsReader<Field extends string>(spec: ColumnSpec<Field>) {
  const fieldByName = new Map<string, Field>();
  for (const [field, names] of Object.entries(spec.aliases) as [Field, string[]][]) {
    for (const name of names) fieldByName.set(normaliseName(name), field);
  }
  return (fields: string[]): ColumnMap<Field> => {
    const names = fields.map((field) => field.trim());
    while (names.length && names[names.length - 1] === '') names.pop();
    const normalised = names.map(normaliseName);
    const found = new Set(normalised);
    const kind = guessFileKind(found);
    if ('kind' in spec ? kind !== spec.kind : !spec.recognise(found)) throw spec.notKind(kind);

    const index = {} as Record<Field, number>;
    const ignored: string[] = [];
    normalised.forEach((name, at) => {
      const field = fieldByName.get(name);
      if (field && index[field] === undefined) index[field] = at;
      else ignored.push(names[at]);
    });
    // Each requirement's column: its field's, or the first of a choice's in the header.
    const columnOf = (need: Field | readonly Field[]) => {
      const present = (typeof need === 'string' ? [need] : need)
        .map((field) => index[field])
        .filter((at) => at !== undefined);
      return present.length ? Math.min(...present) : -1;
    };
    const requiredAt = spec.required.map(columnOf);
    const missing = spec.required.filter((_, n) => requiredAt[n] === -1);
    if (missing.length) {
      throw spec.missingColumns(
        missing.map((need) => spec.aliases[typeof need === 'string' ? need : need[0]][0]),
      );
    }
    const missingOptional: string[] = [];
    for (const field of Object.keys(spec.aliases) as Field[]) {
      if (index[field] === undefined) {
        index[field] = -1;
        missingOptional.push(spec.aliases[field][0]);
      }
    }
    const wanted = names.map(() => false);
    for (const at of Object.values(index) as number[]) if (at !== -1) wanted[at] = true;
    return {
      ...index,
      width: Math.max(...requiredAt) + 1,
      wanted,
      columns: { names, ignored, missingOptional },
    };
  };
}
