import { describe, expect, it } from 'vitest';
import { fr } from '../../messages.ts';
import type { MessageKey, TranslateVars } from '../../core/i18n/index.tsx';
import { timelineLines } from './timelineLines.ts';

const t = (key: MessageKey, vars: TranslateVars = {}) =>
  fr[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));

describe('timelineLines for a consent', () => {
  const wordings = new Map([
    [
      'fr-2026-12-02-1',
      { email: "J'accepte les nouvelles <b>par e-mail</b>.", sms: 'SMS', phone: 'Tél.' },
    ],
  ]);

  it('shows the text the person agreed to, for the channel, from its version', () => {
    const lines = timelineLines(
      'consent',
      { channel: 'email', granted: true, source: 'signup', wordingVersion: 'fr-2026-12-02-1' },
      t,
      wordings,
    );
    expect(lines).toContain(
      "Texte accepté (fr-2026-12-02-1) : « J'accepte les nouvelles <b>par e-mail</b>. »",
    );
  });

  it('shows no text for a withdrawal, nor for a version it does not know', () => {
    const withdrawn = timelineLines(
      'consent',
      { channel: 'email', granted: false, wordingVersion: 'fr-2026-12-02-1' },
      t,
      wordings,
    );
    expect(withdrawn.join('\n')).not.toContain('Texte accepté');
    const unknown = timelineLines(
      'consent',
      { channel: 'sms', granted: true, wordingVersion: 'papier-2026' },
      t,
      wordings,
    );
    expect(unknown.join('\n')).not.toContain('Texte accepté');
  });
});
