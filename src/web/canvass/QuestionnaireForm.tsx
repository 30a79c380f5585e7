import type { ReactNode } from 'react';
import type { AnswerValue } from '../../contracts/field-answers.ts';
import type { Question, QuestionnaireVersion } from '../../contracts/field-questionnaires.ts';
import type { CanvassTranslate } from './i18n.ts';
import type { CanvassMessageKey } from './messages.ts';
import {
  asksConsent,
  asksContact,
  asksOpinionConsent,
  questionsToShow,
  toggledChoice,
  toggledPick,
  type ProblemsByField,
  type QuestionnaireState,
} from './questionnaire.ts';

type Update = (change: (state: QuestionnaireState) => QuestionnaireState) => void;

const SCALE = [1, 2, 3, 4, 5] as const;

/** A field's id in the page, and its error's. */
export const fieldId = (field: string) => `field-${field.replace(/[^a-z0-9_-]/gi, '-')}`;
const errorId = (field: string) => `${fieldId(field)}-error`;

export function problemText(t: CanvassTranslate, code: string): string {
  const known = [
    'required',
    'consent_required',
    'invalid_email',
    'invalid_phone',
    'invalid_name',
    'no_links',
    'too_long',
    'out_of_range',
  ];
  return t((known.includes(code) ? `problem.${code}` : 'problem.other') as CanvassMessageKey);
}

function FieldError({
  field,
  problems,
  t,
}: {
  field: string;
  problems: ProblemsByField;
  t: CanvassTranslate;
}) {
  const code = problems.get(field);
  if (!code) return null;
  return (
    <p className="error" id={errorId(field)}>
      {problemText(t, code)}
    </p>
  );
}

const describedBy = (field: string, problems: ProblemsByField, ...more: (string | false)[]) =>
  [problems.has(field) && errorId(field), ...more].filter(Boolean).join(' ') || undefined;

/** A question as a group of choices, with its label as the legend. */
function ChoiceGroup({
  question,
  field,
  problems,
  t,
  hint,
  children,
}: {
  question: Question;
  field: string;
  problems: ProblemsByField;
  t: CanvassTranslate;
  hint?: string;
  children: ReactNode;
}) {
  const hintId = `${fieldId(field)}-hint`;
  return (
    <fieldset
      className="question"
      id={fieldId(field)}
      tabIndex={-1}
      aria-describedby={describedBy(field, problems, !!(hint || question.help) && hintId)}
    >
      <legend>
        {question.label}
        {question.required && <span className="required"> ({t('q.required')})</span>}
      </legend>
      {(hint || question.help) && (
        <p className="hint" id={hintId}>
          {[question.help, hint].filter(Boolean).join(' ')}
        </p>
      )}
      <FieldError field={field} problems={problems} t={t} />
      <div className="choices">{children}</div>
    </fieldset>
  );
}

function Choice({
  pressed,
  onClick,
  children,
}: {
  pressed: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button type="button" className="choice" aria-pressed={pressed} onClick={onClick}>
      {children}
    </button>
  );
}

function QuestionField({
  question,
  state,
  update,
  problems,
  t,
}: {
  question: Question;
  state: QuestionnaireState;
  update: Update;
  problems: ProblemsByField;
  t: CanvassTranslate;
}) {
  const field = `q.${question.id}`;
  const value = state.answers[question.id];
  const setAnswer = (next: AnswerValue | undefined) =>
    update((s) => {
      const answers = { ...s.answers };
      if (next === undefined) delete answers[question.id];
      else answers[question.id] = next;
      return { ...s, answers };
    });
  const group = { question, field, problems, t };
  switch (question.kind) {
    case 'single':
      return (
        <ChoiceGroup {...group}>
          {question.options.map((option) => (
            <Choice
              key={option.id}
              pressed={value === option.id}
              onClick={() => setAnswer(toggledChoice(value, option.id))}
            >
              {option.label}
            </Choice>
          ))}
        </ChoiceGroup>
      );
    case 'multiple':
      return (
        <ChoiceGroup {...group}>
          {question.options.map((option) => (
            <label key={option.id} className="check">
              <input
                type="checkbox"
                checked={Array.isArray(value) && value.includes(option.id)}
                onChange={() => setAnswer(toggledPick(question, value, option.id))}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </ChoiceGroup>
      );
    case 'scale':
      return (
        <ChoiceGroup
          {...group}
          hint={t('q.scaleEnds', { low: question.scale.low, high: question.scale.high })}
        >
          {SCALE.map((n) => (
            <Choice
              key={n}
              pressed={value === n}
              onClick={() => setAnswer(toggledChoice(value, n))}
            >
              {n}
            </Choice>
          ))}
        </ChoiceGroup>
      );
    case 'support':
      return (
        <ChoiceGroup {...group}>
          {SCALE.map((n) => (
            <Choice
              key={n}
              pressed={state.supportLevel === n}
              onClick={() =>
                update((s) => ({ ...s, supportLevel: toggledChoice(s.supportLevel, n) ?? null }))
              }
            >
              {t(`q.support.${n}`)}
            </Choice>
          ))}
        </ChoiceGroup>
      );
    case 'text':
      return (
        <div className="question">
          <label htmlFor={fieldId(field)}>
            {question.label}
            {question.required && <span className="required"> ({t('q.required')})</span>}
          </label>
          {question.help && (
            <p className="hint" id={`${fieldId(field)}-hint`}>
              {question.help}
            </p>
          )}
          <FieldError field={field} problems={problems} t={t} />
          <textarea
            id={fieldId(field)}
            rows={3}
            maxLength={2_000}
            value={typeof value === 'string' ? value : ''}
            aria-invalid={problems.has(field) || undefined}
            aria-describedby={describedBy(
              field,
              problems,
              !!question.help && `${fieldId(field)}-hint`,
            )}
            onChange={(event) => setAnswer(event.target.value)}
          />
        </div>
      );
  }
}

function TextField({
  field,
  label,
  value,
  onChange,
  problems,
  t,
  type = 'text',
}: {
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problems: ProblemsByField;
  t: CanvassTranslate;
  type?: 'text' | 'email' | 'tel';
}) {
  return (
    <div className="field">
      <label htmlFor={fieldId(field)}>{label}</label>
      <FieldError field={field} problems={problems} t={t} />
      <input
        id={fieldId(field)}
        type={type}
        value={value}
        // The resident's details, not the volunteer's: the browser must not fill them in.
        autoComplete="off"
        aria-invalid={problems.has(field) || undefined}
        aria-describedby={describedBy(field, problems)}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

function Checkbox({
  field,
  checked,
  onChange,
  problems,
  t,
  children,
}: {
  field: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  problems: ProblemsByField;
  t: CanvassTranslate;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <FieldError field={field} problems={problems} t={t} />
      <label className="check">
        <input
          id={fieldId(field)}
          type="checkbox"
          checked={checked}
          aria-invalid={problems.has(field) || undefined}
          aria-describedby={describedBy(field, problems)}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>{children}</span>
      </label>
    </div>
  );
}

/**
 * The questionnaire of the pack's version: the consent screen first (nothing personal is taken
 * before it), then the questions its conditions show, the opinion consent, the contact with a
 * consent per channel, and "do not visit again".
 */
export function QuestionnaireForm({
  version,
  state,
  update,
  problems,
  t,
}: {
  version: QuestionnaireVersion;
  state: QuestionnaireState;
  update: Update;
  problems: ProblemsByField;
  t: CanvassTranslate;
}) {
  const { definition } = version;
  const consentAsked = asksConsent(definition);
  const started = !consentAsked || state.consent !== null;
  const capture = definition.contactCapture;
  const setContact = (change: Partial<QuestionnaireState['contact']>) =>
    update((s) => ({ ...s, contact: { ...s.contact, ...change } }));

  return (
    <section className="questionnaire" aria-labelledby="questionnaire-title">
      <h2 id="questionnaire-title">{t('q.title')}</h2>
      {definition.intro && (
        <details className="intro">
          <summary>{t('q.forYou')}</summary>
          <p className="prewrap">{definition.intro}</p>
        </details>
      )}
      {consentAsked && state.consent === null && (
        <div className="consent" id={fieldId('consent')} tabIndex={-1}>
          <h3>{t('q.consentTitle')}</h3>
          <p className="hint">{t('q.consentHelp')}</p>
          <FieldError field="consent" problems={problems} t={t} />
          <blockquote className="prewrap">{definition.consentText}</blockquote>
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={() => update((s) => ({ ...s, consent: 'accepted' }))}
            >
              {t('q.consentAccept')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => update((s) => ({ ...s, consent: 'refused' }))}
            >
              {t('q.consentRefuse')}
            </button>
          </div>
        </div>
      )}
      {consentAsked && state.consent !== null && (
        <p className="note">
          {t(state.consent === 'accepted' ? 'q.consentAccepted' : 'q.consentRefused')}{' '}
          <button
            type="button"
            className="link"
            onClick={() => update((s) => ({ ...s, consent: null }))}
          >
            {t('q.consentChange')}
          </button>
        </p>
      )}
      {started && (
        <>
          {questionsToShow(definition, state).map((question) => (
            <QuestionField
              key={question.id}
              question={question}
              state={state}
              update={update}
              problems={problems}
              t={t}
            />
          ))}
          {asksOpinionConsent(definition, state) && (
            <Checkbox
              field="storeOpinion"
              checked={state.storeOpinion}
              onChange={(storeOpinion) => update((s) => ({ ...s, storeOpinion }))}
              problems={problems}
              t={t}
            >
              <strong>{t('q.opinionConsent')}</strong> — {definition.opinionConsentText}
            </Checkbox>
          )}
          {asksContact(definition, state) && (
            <fieldset className="contact" id={fieldId('contact')} tabIndex={-1}>
              <legend>{t('q.contactTitle')}</legend>
              <FieldError field="contact" problems={problems} t={t} />
              <label className="check">
                <input
                  type="checkbox"
                  checked={state.contactOpen}
                  onChange={(event) => update((s) => ({ ...s, contactOpen: event.target.checked }))}
                />
                <span>{t('q.contactOpen')}</span>
              </label>
              {state.contactOpen && (
                <>
                  <TextField
                    field="contact.firstName"
                    label={t('q.firstName')}
                    value={state.contact.firstName}
                    onChange={(firstName) => setContact({ firstName })}
                    problems={problems}
                    t={t}
                  />
                  <TextField
                    field="contact.lastName"
                    label={t('q.lastName')}
                    value={state.contact.lastName}
                    onChange={(lastName) => setContact({ lastName })}
                    problems={problems}
                    t={t}
                  />
                  {capture.askEmail && (
                    <>
                      <TextField
                        field="contact.email"
                        type="email"
                        label={t('q.email')}
                        value={state.contact.email}
                        onChange={(email) => setContact({ email })}
                        problems={problems}
                        t={t}
                      />
                      <Checkbox
                        field="contact.emailConsent"
                        checked={state.contact.emailConsent}
                        onChange={(emailConsent) => setContact({ emailConsent })}
                        problems={problems}
                        t={t}
                      >
                        {capture.consentTexts.email}
                      </Checkbox>
                    </>
                  )}
                  {capture.askPhone && (
                    <>
                      <TextField
                        field="contact.phone"
                        type="tel"
                        label={t('q.phone')}
                        value={state.contact.phone}
                        onChange={(phone) => setContact({ phone })}
                        problems={problems}
                        t={t}
                      />
                      <Checkbox
                        field="contact.phoneConsent"
                        checked={state.contact.phoneConsent}
                        onChange={(phoneConsent) => setContact({ phoneConsent })}
                        problems={problems}
                        t={t}
                      >
                        {capture.consentTexts.phone}
                      </Checkbox>
                    </>
                  )}
                </>
              )}
            </fieldset>
          )}
          <Checkbox
            field="doNotVisitAgain"
            checked={state.doNotVisitAgain}
            onChange={(doNotVisitAgain) => update((s) => ({ ...s, doNotVisitAgain }))}
            problems={problems}
            t={t}
          >
            {t('q.doNotVisitAgain')}
          </Checkbox>
        </>
      )}
    </section>
  );
}
