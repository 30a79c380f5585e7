import { useEffect, useRef, useState } from 'react';
import type { VisitOutcome } from '../../contracts/field-turfs.ts';
import type { CanvassPack } from '../../contracts/field-visits.ts';
import { useScreenHeading } from './focus.ts';
import { useI18n } from './i18n.ts';
import { useLiveQuery } from './live.ts';
import { enqueueVisit, localVisits } from './outbox.ts';
import {
  asksConsent,
  buildSubmission,
  checkSubmission,
  emptyQuestionnaire,
  type ProblemsByField,
  type QuestionnaireState,
} from './questionnaire.ts';
import { fieldId, QuestionnaireForm } from './QuestionnaireForm.tsx';
import { navigate } from './router.ts';
import { useOpenedTurf, useServices } from './services.tsx';
import { addressLabel, doorLabel } from './walk-list.ts';

/** The outcomes of a knock (a leaflet is the walk list's own mode). */
const DOOR_OUTCOMES = [
  'not_home',
  'conversation',
  'refused',
  'come_back',
  'moved',
  'do_not_visit',
] as const satisfies readonly VisitOutcome[];

/** Screen 3: one address (or one door of its building): outcome, questionnaire, notes. */
export function AddressSheet({ turfId, addressId }: { turfId: number; addressId: number }) {
  const { opened } = useOpenedTurf(turfId);
  const { t } = useI18n();
  const refused = opened !== null && opened.kind !== 'ready';
  useEffect(() => {
    // The walk list says why the turf cannot be canvassed (silence, no longer given…).
    if (refused) navigate({ screen: 'walk', turfId }, { replace: true });
  }, [refused, turfId]);
  if (!opened || opened.kind !== 'ready') return <p className="note">{t('walk.opening')}</p>;
  const address = opened.pack.addresses.find((a) => a.id === addressId);
  if (!address) {
    return (
      <div className="screen">
        <BackToList turfId={turfId} />
        <p className="note note-warning">{t('sheet.missing')}</p>
      </div>
    );
  }
  return <Sheet key={addressId} pack={opened.pack} addressId={addressId} />;
}

function BackToList({ turfId }: { turfId: number }) {
  const { t } = useI18n();
  return (
    <a
      className="back"
      href={`/canvass/turfs/${turfId}`}
      onClick={(event) => {
        event.preventDefault();
        navigate({ screen: 'walk', turfId });
      }}
    >
      {t('sheet.back')}
    </a>
  );
}

/** Past this many names (a building), the list opens on demand: the form comes first. */
const OPEN_ELECTORS = 8;

/** The electors the electoral list places at the address: who the volunteer may greet. */
function Electors({ names }: { names: readonly string[] }) {
  const { t } = useI18n();
  if (names.length === 0) return null;
  const list = (
    <>
      <p className="hint">{t('sheet.electorsHint')}</p>
      <ul>
        {names.map((name, i) => (
          // Two electors may share a name: the position keeps them apart.
          <li key={`${i}-${name}`}>{name}</li>
        ))}
      </ul>
    </>
  );
  if (names.length > OPEN_ELECTORS) {
    return (
      <details className="electors">
        <summary>{t('sheet.electorsMany', { count: names.length })}</summary>
        {list}
      </details>
    );
  }
  return (
    <section className="electors" aria-labelledby="electors-title">
      <h2 id="electors-title">{t('sheet.electors')}</h2>
      {list}
    </section>
  );
}

interface Dwelling {
  building: string;
  floor: string;
  door: string;
}

function Sheet({ pack, addressId }: { pack: CanvassPack; addressId: number }) {
  const { db, flash, lastAddress, sync } = useServices();
  const { t } = useI18n();
  const heading = useScreenHeading();
  const turfId = pack.turf.id;
  const address = pack.addresses.find((a) => a.id === addressId)!;
  const label = addressLabel(address);
  const version = pack.questionnaire;
  const [dwelling, setDwelling] = useState<Dwelling>({ building: '', floor: '', door: '' });
  const [outcome, setOutcome] = useState<VisitOutcome | null>(null);
  const [notes, setNotes] = useState('');
  const [answers, setAnswers] = useState<QuestionnaireState>(emptyQuestionnaire);
  const [problems, setProblems] = useState<ProblemsByField>(new Map());
  const [summary, setSummary] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const doorInput = useRef<HTMLInputElement>(null);
  const here = useLiveQuery(
    async () => (await localVisits(db, turfId)).filter((v) => v.addressId === addressId),
    [db, turfId, addressId],
  );
  const words = { building: t('sheet.building'), floor: t('sheet.floor'), door: t('sheet.door') };

  const showProblems = (next: ProblemsByField, message: string) => {
    setProblems(next);
    setSummary(message);
    const [first] = next.keys();
    // After the render that shows the messages.
    requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
  };

  const save = async (nextDoor: boolean) => {
    if (saving) return;
    if (!outcome) {
      showProblems(new Map([['outcome', 'required']]), t('sheet.outcomeRequired'));
      return;
    }
    const started =
      version && outcome === 'conversation'
        ? !asksConsent(version.definition) || answers.consent !== null
        : false;
    const questionnaire = started && version ? buildSubmission(version, answers) : undefined;
    if (questionnaire && version) {
      const found = checkSubmission(version.definition, questionnaire);
      if (found.size > 0) {
        showProblems(found, t('sheet.fix'));
        return;
      }
    }
    setSaving(true);
    try {
      await enqueueVisit(db, {
        turfId,
        addressId,
        outcome,
        mode: 'door',
        ...dwelling,
        notes,
        ...(questionnaire ? { questionnaire } : {}),
      });
    } catch {
      setSaving(false);
      setSummary(t('sheet.saveFailed'));
      return;
    }
    setSaving(false);
    void sync.trigger();
    const where = doorLabel(dwelling, words);
    flash.set({
      text: t('sheet.saved', {
        address: where ? `${label} (${where})` : label,
        outcome: t(`outcome.${outcome}`),
      }),
      at: Date.now(),
    });
    if (nextDoor) {
      // Same building and floor, the next door: a fresh visit.
      setDwelling((d) => ({ ...d, door: '' }));
      setOutcome(null);
      setNotes('');
      setAnswers(emptyQuestionnaire());
      setProblems(new Map());
      setSummary(null);
      doorInput.current?.focus();
      return;
    }
    lastAddress.set(addressId);
    navigate({ screen: 'walk', turfId });
  };

  const dwellingField = (key: keyof Dwelling, max: number) => (
    <div className="field">
      <label htmlFor={`dwelling-${key}`}>{words[key]}</label>
      <input
        id={`dwelling-${key}`}
        ref={key === 'door' ? doorInput : undefined}
        type="text"
        maxLength={max}
        autoComplete="off"
        value={dwelling[key]}
        onChange={(event) => setDwelling((d) => ({ ...d, [key]: event.target.value }))}
      />
    </div>
  );

  return (
    <div className="screen">
      <BackToList turfId={turfId} />
      <h1 ref={heading} tabIndex={-1}>
        {label}
      </h1>
      <p className="hint">{[address.postalCode, address.communeName].filter(Boolean).join(' ')}</p>
      {address.doNotVisit && <p className="note note-warning">{t('sheet.doNotVisit')}</p>}
      <Electors names={address.electors} />
      {here && here.length > 0 && (
        <section className="previous" aria-labelledby="previous-title">
          <h2 id="previous-title">{t('sheet.previous')}</h2>
          <ul>
            {here.map((visit) => (
              <li key={visit.id}>
                {[doorLabel(visit, words), t(`outcome.${visit.outcome}`)]
                  .filter(Boolean)
                  .join(' : ')}
                {visit.state === 'pending' && ` · ${t('walk.waiting')}`}
                {visit.state === 'rejected' && ` · ${t('walk.refused')}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save(false);
        }}
      >
        <fieldset className="dwelling">
          <legend>{t('sheet.dwelling')}</legend>
          <p className="hint">{t('sheet.dwellingHelp')}</p>
          <div className="row">
            {dwellingField('building', 60)}
            {dwellingField('floor', 20)}
            {dwellingField('door', 20)}
          </div>
        </fieldset>
        <fieldset
          className="outcomes"
          id={fieldId('outcome')}
          tabIndex={-1}
          aria-describedby={problems.has('outcome') ? `${fieldId('outcome')}-error` : undefined}
        >
          <legend>{t('sheet.outcome')}</legend>
          {problems.has('outcome') && (
            <p className="error" id={`${fieldId('outcome')}-error`}>
              {t('sheet.outcomeRequired')}
            </p>
          )}
          <div className="choices">
            {DOOR_OUTCOMES.map((choice) => (
              <label key={choice} className={`outcome-choice outcome-${choice}`}>
                <input
                  type="radio"
                  name="outcome"
                  value={choice}
                  checked={outcome === choice}
                  onChange={() => {
                    setOutcome(choice);
                    setProblems((p) => {
                      const next = new Map(p);
                      next.delete('outcome');
                      return next;
                    });
                  }}
                />
                <span>{t(`outcome.${choice}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {outcome === 'conversation' && version && (
          <QuestionnaireForm
            version={version}
            state={answers}
            update={(change) => setAnswers(change)}
            problems={problems}
            t={t}
          />
        )}
        <div className="field">
          <label htmlFor="visit-notes">{t('sheet.notes')}</label>
          <textarea
            id="visit-notes"
            rows={3}
            maxLength={2_000}
            value={notes}
            onChange={(event) => setNotes(event.target.value)}
          />
        </div>
        {summary && (
          <p className="error" role="alert">
            {summary}
          </p>
        )}
        <div className="actions actions-sticky">
          <button type="submit" className="button" disabled={saving}>
            {t('sheet.save')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={saving}
            onClick={() => void save(true)}
          >
            {t('sheet.saveNext')}
          </button>
        </div>
      </form>
    </div>
  );
}
