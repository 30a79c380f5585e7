import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultQuestionnaire } from '../../../contracts/field-questionnaires.ts';
import type { TargetArea, Turf } from '../../../contracts/field-turfs.ts';
import type { CanvassPack, Questionnaire } from '../../../contracts/field-visits.ts';
import {
  createTestApp,
  engines,
  staffBrowser,
  supporterBrowser,
  type Browser,
  type TestApp,
} from '../../testing/harness.ts';
import {
  AIN,
  createArea,
  cutArea,
  expectStatus,
  importFixtureAddresses,
  problemOf,
} from './test-data.ts';

describe.each(engines)('the questionnaire an area’s turfs carry (%s)', (engine) => {
  let t: TestApp;
  let staff: Browser;
  let area: TargetArea;
  let turf: Turf;
  let first: Questionnaire;
  let second: Questionnaire;

  const create = async (name: string) =>
    expectStatus<Questionnaire>(
      await staff.post('/api/field/questionnaires', { ...defaultQuestionnaire, name }),
      201,
    );
  const choose = (questionnaireId: number | null, as: Browser = staff) =>
    as.request('PUT', `/api/field/areas/${area.id}/questionnaire`, { questionnaireId });
  const carried = async () =>
    expectStatus<CanvassPack>(await staff.get(`/api/field/turfs/${turf.id}/pack`), 200)
      .questionnaire?.questionnaireId;

  beforeAll(async () => {
    t = await createTestApp(engine);
    staff = await staffBrowser(t, 'areas@field.example', ['staff']);
    await importFixtureAddresses(t, staff);
    area = await createArea(staff, {
      kind: 'communes',
      name: 'L’Abergement',
      communes: [AIN.abergement.code],
    });
    [turf] = await cutArea(staff, area.id, { minSize: 5, maxSize: 8 });
    first = await create('Questionnaire des bourgs');
    second = await create('Questionnaire des hameaux');
  }, 90_000);
  afterAll(() => t?.close());

  it('carries the most recently changed questionnaire until the area names one', async () => {
    expect(area.questionnaireId).toBeNull();
    expect(await carried()).toBe(second.id);
    const chosen = expectStatus<TargetArea>(await choose(first.id), 200);
    expect(chosen.questionnaireId).toBe(first.id);
    expect(await carried()).toBe(first.id);
    expect(expectStatus<TargetArea>(await choose(null), 200).questionnaireId).toBeNull();
    expect(await carried()).toBe(second.id);
  });

  it('falls back to the most recent one when the chosen questionnaire is archived', async () => {
    await choose(first.id);
    const archived = await staff.request('PUT', `/api/field/questionnaires/${first.id}`, {
      name: first.name,
      definition: first.current.definition,
      archived: true,
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(await carried()).toBe(second.id);
    expect(problemOf(await choose(first.id))).toEqual({
      status: 422,
      code: 'unknown_questionnaire',
    });
  });

  it('refuses an unknown questionnaire, an unknown area, and people without field.manage', async () => {
    expect(problemOf(await choose(999_999))).toEqual({
      status: 422,
      code: 'unknown_questionnaire',
    });
    const missing = await staff.request('PUT', '/api/field/areas/999999/questionnaire', {
      questionnaireId: null,
    });
    expect(missing.statusCode).toBe(404);
    const { browser: supporter } = await supporterBrowser(t, 'curious@field.example');
    expect((await choose(second.id, supporter)).statusCode).toBe(403);
    const finance = await staffBrowser(t, 'finance@field.example', ['finance']);
    expect((await choose(second.id, finance)).statusCode).toBe(403);
    const { items } = expectStatus<{ items: TargetArea[] }>(
      await staff.get('/api/field/areas'),
      200,
    );
    // Still the archived one chosen before: the refusals changed nothing.
    expect(items.find((a) => a.id === area.id)?.questionnaireId).toBe(first.id);
  });
});
