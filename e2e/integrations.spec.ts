import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSupporter, expect, test, uniq } from './support/fixtures.ts';

/** The verifier docs/api.md gives receivers. */
function verify(secret: string, body: string, header: string, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2)));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return parts.v1 === expected;
}

test('an admin makes an API token, calls the API with it, and receives a signed webhook after a sign-up', async ({
  adminPage: page,
  playwright,
  baseURL,
}) => {
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/levier`;

  try {
    // A token with one scope, shown once.
    const name = `CRM ${uniq()}`;
    await page.goto('/admin/integrations');
    await expect(page.getByRole('heading', { name: 'Intégrations', level: 1 })).toBeVisible();
    await page.getByRole('textbox', { name: 'Nom du jeton' }).fill(name);
    await page.getByRole('checkbox', { name: 'Voir les personnes', exact: true }).check();
    await page.getByRole('button', { name: 'Créer le jeton' }).click();
    const secret = (await page.getByTestId('secret').first().innerText()).trim();
    expect(secret).toMatch(/^lvr_/);
    await expect(page.getByRole('table', { name: 'Jetons de la campagne' })).toContainText(name);
    await page.reload();
    await expect(page.getByTestId('secret')).toHaveCount(0);

    // The API with the token alone: 200 in scope, 403 out of it.
    const api = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${secret}` },
    });
    expect((await api.get('/api/people')).status()).toBe(200);
    const out = await api.get('/api/integrations/webhooks');
    expect(out.status()).toBe(403);
    expect(out.headers()['content-type']).toContain('application/problem+json');
    await api.dispose();

    // A webhook endpoint for sign-ups, on a loopback server of the test.
    await page.getByRole('textbox', { name: 'Adresse (https)' }).fill(hookUrl);
    await page.getByRole('checkbox', { name: 'Inscription confirmée' }).check();
    await page.getByRole('button', { name: 'Ajouter le webhook' }).click();
    const hookSecret = (await page.getByTestId('secret').first().innerText()).trim();
    expect(hookSecret).toMatch(/^whsec_/);

    const supporter = await createSupporter(page.request);
    await expect
      .poll(() => received.filter((r) => r.body.includes('"type":"signup"')).length, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    const delivery = received.find((r) => r.body.includes('"type":"signup"'))!;
    expect(verify(hookSecret, delivery.body, String(delivery.headers['levier-signature']))).toBe(
      true,
    );
    expect(
      verify(hookSecret, `${delivery.body} `, String(delivery.headers['levier-signature'])),
    ).toBe(false);
    expect(delivery.body).not.toContain(supporter.email);

    // The delivery log in HQ.
    const section = page.getByRole('region', { name: hookUrl });
    await section.getByRole('button', { name: 'Voir les envois' }).click();
    await expect(
      section
        .getByRole('table', { name: `Envois vers ${hookUrl}` })
        .getByText('envoyé')
        .first(),
    ).toBeVisible({ timeout: 15_000 });
    await section.getByRole('button', { name: `Supprimer ${hookUrl}` }).click();
    await expect(page.getByRole('region', { name: hookUrl })).toHaveCount(0);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
