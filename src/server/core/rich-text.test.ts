import { describe, expect, it } from 'vitest';
import { richTextToHtml, richTextToPlain } from './rich-text.ts';

describe('formatted text', () => {
  it('draws the marks people use', () => {
    expect(richTextToHtml('**Réunion** *jeudi*\n\n- tracts\n- porte-à-porte')).toBe(
      '<p><strong>Réunion</strong> <em>jeudi</em></p>\n<ul>\n<li>tracts</li>\n<li>porte-à-porte</li>\n</ul>',
    );
    expect(richTextToHtml('[Le site](https://example.org)')).toBe(
      '<p><a href="https://example.org" rel="nofollow ugc noopener" target="_blank">Le site</a></p>',
    );
    expect(richTextToHtml('# Titre')).toBe('<h3>Titre</h3>');
  });

  it.each([
    ['<script>alert(1)</script>ok', 'ok'],
    ['<img src=x onerror=alert(1)>', ''],
    ['[x](javascript:alert(1))', '<p><a rel="nofollow ugc noopener" target="_blank">x</a></p>'],
    [
      '<a href="data:text/html,<script>alert(1)</script>">x</a>',
      '<p><a rel="nofollow ugc noopener" target="_blank">x</a></p>',
    ],
    ['<p style="position:fixed;top:0">x</p>', '<p>x</p>'],
    ['<style>body{display:none}</style>x', 'x'],
    ['<iframe src="https://evil.example"></iframe>', ''],
    [
      '<a href="//evil.example">x</a>',
      '<p><a rel="nofollow ugc noopener" target="_blank">x</a></p>',
    ],
    ['<svg onload=alert(1)><circle/></svg>', ''],
    ['<p onclick="alert(1)" class="big">x</p>', '<p>x</p>'],
  ])('takes out what could run or restyle the page: %s', (source, html) => {
    const drawn = richTextToHtml(source);
    expect(drawn).toBe(html);
    expect(drawn).not.toMatch(/script|onerror|onload|onclick|javascript:|style|iframe|data:/i);
  });

  it('gives the plain text for summaries', () => {
    expect(richTextToPlain('**Réunion** <b>jeudi</b>\n\n- tracts')).toBe('Réunion jeudi tracts');
  });
});
