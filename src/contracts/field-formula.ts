/**
 * The priority formula of polling stations: an arithmetic expression over a station's figures,
 * which HQ edits. Parsed here (server and web share it: the editor says what is wrong as it is
 * typed), never evaluated as code.
 *
 * Variables (per polling station, from the chosen election):
 * - `inscrits` registered voters, `votants` voters, `abstentions`, `exprimes` valid ballots;
 * - `voix` the chosen candidate's (or nuance's) votes;
 * - `abstention` = abstentions / inscrits, `participation` = votants / inscrits,
 *   `score` = voix / exprimes (0 to 1, 0 when there is nothing to divide).
 * Operators `+ - * /`, parentheses, decimal numbers (point or comma), functions `min(a, b…)`,
 * `max(a, b…)`, `abs(a)`, `sqrt(a)`. A division by zero gives 0.
 */

export const formulaVariables = [
  'inscrits',
  'votants',
  'abstentions',
  'exprimes',
  'voix',
  'abstention',
  'participation',
  'score',
] as const;
export type FormulaVariable = (typeof formulaVariables)[number];
export type FormulaInput = Record<FormulaVariable, number>;

const functions = {
  min: (args: number[]) => Math.min(...args),
  max: (args: number[]) => Math.max(...args),
  abs: (args: number[]) => Math.abs(args[0]),
  sqrt: (args: number[]) => Math.sqrt(Math.max(0, args[0])),
} as const;
type FunctionName = keyof typeof functions;
const arity: Record<FunctionName, [number, number]> = {
  min: [1, 20],
  max: [1, 20],
  abs: [1, 1],
  sqrt: [1, 1],
};

export type FormulaNode =
  | { kind: 'number'; value: number }
  | { kind: 'variable'; name: FormulaVariable }
  | { kind: 'negate'; operand: FormulaNode }
  | { kind: 'binary'; operator: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode }
  | { kind: 'call'; name: FunctionName; args: FormulaNode[] };

/** Why a formula cannot be read: a stable code and the position (0-based) it was found at. */
export interface FormulaProblem {
  code:
    | 'formula_empty'
    | 'formula_too_long'
    | 'formula_unexpected'
    | 'formula_unknown_name'
    | 'formula_arguments'
    | 'formula_unclosed';
  at: number;
  /** The word or character at fault. */
  near: string;
}

export const FORMULA_MAX_LENGTH = 300;

/** The default: many voters to win where the candidate already does well and turnout is low. */
export const DEFAULT_PRIORITY_FORMULA = 'inscrits * abstention * score';
/** A persuadable variant: where the race is close (score near one half), weighted by size. */
export const PERSUADABLE_PRIORITY_FORMULA = 'inscrits * (1 - abs(score - 0.5) * 2)';

type Token =
  | { kind: 'number'; value: number; at: number; text: string }
  | { kind: 'name'; text: string; at: number }
  | { kind: 'symbol'; text: string; at: number }
  | { kind: 'end'; at: number; text: string };

function tokenize(source: string): Token[] | FormulaProblem {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\d+(?:[.,]\d+)?)|([A-Za-zÀ-ÿ_][\wÀ-ÿ]*)|([-+*/(),]))/y;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    pattern.lastIndex = at;
    const match = pattern.exec(source);
    if (!match) {
      const start = at + (source.slice(at).length - source.slice(at).trimStart().length);
      return { code: 'formula_unexpected', at: start, near: source[start] ?? '' };
    }
    const start = match.index + match[0].length - (match[1] ?? match[2] ?? match[3]).length;
    if (match[1]) {
      tokens.push({
        kind: 'number',
        value: Number(match[1].replace(',', '.')),
        at: start,
        text: match[1],
      });
    } else if (match[2]) tokens.push({ kind: 'name', text: match[2], at: start });
    else tokens.push({ kind: 'symbol', text: match[3], at: start });
    at = pattern.lastIndex;
  }
  tokens.push({ kind: 'end', at: source.length, text: '' });
  return tokens;
}

class FormulaError extends Error {
  constructor(readonly problem: FormulaProblem) {
    super(problem.code);
  }
}

/** Reads a formula; answers its tree or the first problem found. */
export function parseFormula(
  source: string,
): { ok: true; node: FormulaNode } | { ok: false; problem: FormulaProblem } {
  if (source.trim() === '')
    return { ok: false, problem: { code: 'formula_empty', at: 0, near: '' } };
  if (source.length > FORMULA_MAX_LENGTH) {
    return { ok: false, problem: { code: 'formula_too_long', at: FORMULA_MAX_LENGTH, near: '' } };
  }
  const tokens = tokenize(source);
  if (!Array.isArray(tokens)) return { ok: false, problem: tokens };
  let index = 0;
  const peek = () => tokens[index];
  const fail = (code: FormulaProblem['code'], token: Token = peek()): never => {
    throw new FormulaError({ code, at: token.at, near: token.text });
  };
  const isSymbol = (text: string) => peek().kind === 'symbol' && peek().text === text;

  const expression = (): FormulaNode => {
    let node = term();
    while (isSymbol('+') || isSymbol('-')) {
      const operator = tokens[index++].text as '+' | '-';
      node = { kind: 'binary', operator, left: node, right: term() };
    }
    return node;
  };
  const term = (): FormulaNode => {
    let node = unary();
    while (isSymbol('*') || isSymbol('/')) {
      const operator = tokens[index++].text as '*' | '/';
      node = { kind: 'binary', operator, left: node, right: unary() };
    }
    return node;
  };
  const unary = (): FormulaNode => {
    if (isSymbol('-')) {
      index++;
      return { kind: 'negate', operand: unary() };
    }
    if (isSymbol('+')) index++;
    return primary();
  };
  const primary = (): FormulaNode => {
    const token = peek();
    if (token.kind === 'number') {
      index++;
      return { kind: 'number', value: token.value };
    }
    if (token.kind === 'name') {
      index++;
      const name = token.text.toLowerCase();
      if (isSymbol('(')) {
        if (!Object.hasOwn(functions, name)) fail('formula_unknown_name', token);
        index++;
        const args = [expression()];
        while (isSymbol(',')) {
          index++;
          args.push(expression());
        }
        if (!isSymbol(')')) fail(peek().kind === 'end' ? 'formula_unclosed' : 'formula_unexpected');
        index++;
        const [least, most] = arity[name as FunctionName];
        if (args.length < least || args.length > most) fail('formula_arguments', token);
        return { kind: 'call', name: name as FunctionName, args };
      }
      const variable = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (!(formulaVariables as readonly string[]).includes(variable)) {
        fail('formula_unknown_name', token);
      }
      return { kind: 'variable', name: variable as FormulaVariable };
    }
    if (isSymbol('(')) {
      index++;
      const node = expression();
      if (!isSymbol(')')) fail(peek().kind === 'end' ? 'formula_unclosed' : 'formula_unexpected');
      index++;
      return node;
    }
    return fail('formula_unexpected');
  };

  try {
    const node = expression();
    if (peek().kind !== 'end') fail('formula_unexpected');
    return { ok: true, node };
  } catch (error) {
    if (error instanceof FormulaError) return { ok: false, problem: error.problem };
    throw error;
  }
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/** A station's variables from its counts. */
export function formulaInput(counts: {
  registered: number;
  voters: number;
  abstentions: number;
  expressed: number;
  votes: number;
}): FormulaInput {
  return {
    inscrits: counts.registered,
    votants: counts.voters,
    abstentions: counts.abstentions,
    exprimes: counts.expressed,
    voix: counts.votes,
    abstention: ratio(counts.abstentions, counts.registered),
    participation: ratio(counts.voters, counts.registered),
    score: ratio(counts.votes, counts.expressed),
  };
}

/** The formula's value for one station (a division by zero, or anything not finite, gives 0). */
export function evaluateFormula(node: FormulaNode, input: FormulaInput): number {
  const value = evaluate(node, input);
  return Number.isFinite(value) ? value : 0;
}

function evaluate(node: FormulaNode, input: FormulaInput): number {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'variable':
      return input[node.name];
    case 'negate':
      return -evaluate(node.operand, input);
    case 'call':
      return functions[node.name](node.args.map((arg) => evaluate(arg, input)));
    case 'binary': {
      const left = evaluate(node.left, input);
      const right = evaluate(node.right, input);
      if (node.operator === '+') return left + right;
      if (node.operator === '-') return left - right;
      if (node.operator === '*') return left * right;
      return right === 0 ? 0 : left / right;
    }
  }
}
