/** A module of messages: the same keys in French and in English. */
export interface MessageModule {
  fr: Record<string, string>;
  en: Record<string, string>;
}

/** The names a text fills in: `{name}`, and `{count, plural, …}`'s count. */
export function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(/\{(\w+)(?=\}|, plural,)/g)].map((match) => match[1]));
}

/**
 * What is wrong across modules of messages, one sentence each (none when all is well): a key
 * in one language only, a key two modules define (one would silently hide the other once
 * merged), a placeholder in one language's text only (a typo in a name shows its braces to users).
 */
export function messageProblems(modules: Record<string, MessageModule>): string[] {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const [name, { fr, en }] of Object.entries(modules)) {
    for (const key of Object.keys(fr)) {
      const other = owner.get(key);
      if (other) problems.push(`${key} is defined by both ${other} and ${name}`);
      owner.set(key, name);
      if (!(key in en)) {
        problems.push(`${name}: ${key} has no English text`);
        continue;
      }
      const [inFrench, inEnglish] = [placeholders(fr[key]), placeholders(en[key])];
      for (const placeholder of inFrench)
        if (!inEnglish.has(placeholder))
          problems.push(`${name}: ${key} lacks {${placeholder}} in English`);
      for (const placeholder of inEnglish)
        if (!inFrench.has(placeholder))
          problems.push(`${name}: ${key} has {${placeholder}} in English only`);
    }
    for (const key of Object.keys(en)) {
      if (!(key in fr)) problems.push(`${name}: ${key} has no French text`);
    }
  }
  return problems;
}
