import { describe, expect, it } from 'vitest';
import { pageHtml } from './web.ts';

const template = `<!doctype html><html><head><meta charset="utf-8">
<title>Levier</title>
<meta name="description" content="default"></head><body><div id="root"></div></body></html>`;

describe('page html', () => {
  it('puts the campaign text in the head escaped, whatever it holds', () => {
    const html = pageHtml(
      template,
      {
        title: `Votez $\` $' $& "<script>alert(1)</script>"`,
        campaignName: 'Levier & Co',
        message: 'Rejoignez-nous <b>vite</b>',
      },
      'https://campagne.example/a?$&',
    );
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain(
      '<title>Votez $` $&#39; $&amp; &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; — Levier &amp; Co</title>',
    );
    expect(head).toContain('content="Rejoignez-nous &lt;b&gt;vite&lt;/b&gt;"');
    expect(head).toContain('<meta property="og:url" content="https://campagne.example/a?$&amp;">');
    // Nothing of the template leaked in, nothing of it lost.
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).not.toContain('content="default"');
    expect(html).toContain('<div id="root"></div>');
    expect(html).not.toContain('<script>');
  });

  it('names the campaign once when the title already holds its name', () => {
    const home = { campaignName: 'Ensemble', message: '' };
    const title = (text: string) =>
      pageHtml(template, { ...home, title: text }, 'https://campagne.example/').match(
        /<title>(.*)<\/title>/,
      )?.[1];
    expect(title('Campagne 2027 — Ensemble')).toBe('Campagne 2027 — Ensemble');
    expect(title('Campagne 2027')).toBe('Campagne 2027 — Ensemble');
  });
});
