import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { homeIn, type PublicSite } from '../../../contracts/recruitment.ts';
import {
  Browser,
  createTestApp,
  engines,
  staffBrowser,
  type TestApp,
} from '../../testing/harness.ts';
import { campaignName, defaultHome, writeSetting } from './service.ts';

describe.each(engines)('home page content in two languages on %s', (engine) => {
  let t: TestApp;
  let admin: Browser;
  let visitor: Browser;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await staffBrowser(t, 'admin@settings.example', ['admin']);
    visitor = new Browser(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  const readSite = async () => (await visitor.get('/api/site')).json() as PublicSite;

  it('still reads home content stored before it had an English version', async () => {
    const stored = { ...defaultHome, campaignName: 'Ancienne', title: 'Titre ancien' };
    await writeSetting(t.ctx.database, t.ctx.campaignId, 'home', stored);
    const { home } = await readSite();
    expect(home).toEqual(stored);
    expect(homeIn(home, 'en')).toEqual(stored);
  });

  it('saves the English texts, audits the change and serves them to visitors', async () => {
    const response = await admin.put('/api/admin/site/home', {
      ...defaultHome,
      campaignName: 'Nouvelle campagne',
      en: { title: '  Join the campaign  ', message: 'Together.', signupCallToAction: 'I join' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const { home } = await readSite();
    expect(home.en).toEqual({
      title: 'Join the campaign',
      message: 'Together.',
      signupCallToAction: 'I join',
    });
    expect(homeIn(home, 'en')).toEqual({
      campaignName: 'Nouvelle campagne',
      title: 'Join the campaign',
      message: 'Together.',
      signupCallToAction: 'I join',
    });
    expect(homeIn(home, 'fr').title).toBe(defaultHome.title);
    expect(await campaignName(t.ctx.database, t.ctx.campaignId)).toBe('Nouvelle campagne');
    const audit = await t.ctx.database.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE action = 'settings.home.update'",
    );
    expect(audit).toHaveLength(1);
  });

  it('does not store empty English texts: the French ones are shown instead', async () => {
    const response = await admin.put('/api/admin/site/home', {
      ...defaultHome,
      en: { title: 'Join us', message: '', signupCallToAction: '   ' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const { home } = await readSite();
    expect(home.en).toEqual({ title: 'Join us' });
    expect(homeIn(home, 'en')).toMatchObject({
      title: 'Join us',
      message: defaultHome.message,
      signupCallToAction: defaultHome.signupCallToAction,
    });

    // A client that knows nothing of English leaves it as it is.
    await admin.put('/api/admin/site/home', { ...defaultHome, title: 'Rejoignez-nous' });
    expect((await readSite()).home).toMatchObject({
      title: 'Rejoignez-nous',
      en: { title: 'Join us' },
    });

    await admin.put('/api/admin/site/home', { ...defaultHome, en: { title: '' } });
    expect((await readSite()).home).not.toHaveProperty('en');
  });

  it('refuses English texts as long as the French ones are refused', async () => {
    const tooLong = await admin.put('/api/admin/site/home', {
      ...defaultHome,
      en: { title: 'x'.repeat(201), signupCallToAction: 'y'.repeat(121) },
    });
    expect(tooLong.statusCode).toBe(400);
    const fields = (tooLong.json() as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['en.title', 'en.signupCallToAction']));

    const control = await admin.put('/api/admin/site/home', {
      ...defaultHome,
      en: { title: 'Join\u0007us' },
    });
    expect(control.statusCode).toBe(400);
    expect((await readSite()).home.en).toBeUndefined();
  });
});
