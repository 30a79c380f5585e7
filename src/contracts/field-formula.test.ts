import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PRIORITY_FORMULA,
  evaluateFormula,
  formulaInput,
  parseFormula,
  PERSUADABLE_PRIORITY_FORMULA,
} from './field-formula.ts';

const station = formulaInput({
  registered: 1000,
  voters: 600,
  abstentions: 400,
  expressed: 580,
  votes: 145,
});

const value = (formula: string) => {
  const parsed = parseFormula(formula);
  if (!parsed.ok) throw new Error(parsed.problem.code);
  return evaluateFormula(parsed.node, station);
};

describe('the priority formula', () => {
  it('computes rates from counts', () => {
    expect(station).toMatchObject({ abstention: 0.4, participation: 0.6, score: 0.25 });
  });

  it('evaluates the default and the persuadable formulas', () => {
    expect(value(DEFAULT_PRIORITY_FORMULA)).toBeCloseTo(1000 * 0.4 * 0.25);
    expect(value(PERSUADABLE_PRIORITY_FORMULA)).toBeCloseTo(1000 * (1 - 0.25 * 2));
  });

  it('follows precedence, parentheses, unary minus, functions and decimal commas', () => {
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('-2 * -3')).toBe(6);
    expect(value('max(1, 5, 3) - min(4, 2)')).toBe(3);
    expect(value('sqrt(16) + abs(-1,5)')).toBe(5.5);
    expect(value('Inscrits * 0,5')).toBe(500);
    expect(value('exprimés')).toBe(580);
  });

  it('gives 0 for a division by zero rather than Infinity', () => {
    expect(value('voix / 0')).toBe(0);
    const empty = formulaInput({
      registered: 0,
      voters: 0,
      abstentions: 0,
      expressed: 0,
      votes: 0,
    });
    expect(empty.score).toBe(0);
    expect(empty.abstention).toBe(0);
  });

  it.each([
    ['', 'formula_empty', 0, ''],
    ['inscrits * foo', 'formula_unknown_name', 11, 'foo'],
    ['inscrits *', 'formula_unexpected', 10, ''],
    ['(inscrits + 1', 'formula_unclosed', 13, ''],
    ['min(inscrits', 'formula_unclosed', 12, ''],
    ['abs(1, 2)', 'formula_arguments', 0, 'abs'],
    ['exit(1)', 'formula_unknown_name', 0, 'exit'],
    ['inscrits ; drop', 'formula_unexpected', 9, ';'],
    ['inscrits 2', 'formula_unexpected', 9, '2'],
    ['x'.repeat(301), 'formula_too_long', 300, ''],
  ])('refuses %j with %s at %i', (formula, code, at, near) => {
    expect(parseFormula(formula)).toEqual({ ok: false, problem: { code, at, near } });
  });

  it('never evaluates code: a constructor name is an unknown variable', () => {
    expect(parseFormula('constructor')).toMatchObject({
      ok: false,
      problem: { code: 'formula_unknown_name' },
    });
    expect(parseFormula('__proto__ * 2')).toMatchObject({ ok: false });
    expect(parseFormula('constructor(1)')).toMatchObject({
      ok: false,
      problem: { code: 'formula_unknown_name' },
    });
    expect(parseFormula('toString(1)')).toMatchObject({ ok: false });
  });
});
