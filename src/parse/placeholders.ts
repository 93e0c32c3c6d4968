import type { SourceLocation } from "../core/location.js";
import { unknown, type TemplateValue, type UnknownValue } from "../core/value.js";

/**
 * Placeholders teams leave in manifests for a tool to fill at deploy time: envsubst and Flux
 * (`${CARTS_IAM_ROLE}`), Kustomize vars (`$(ROLE_ARN)`), templating left in plain YAML
 * (`{{ .Values.roleArn }}`), and documentation (`<ACCOUNT_ID>`, `xxxxxxxxxxxx`). Each is an unknown
 * part of the value; the rest of the text stays known (`arn:aws:iam::${ACCOUNT_ID}:role/carts`
 * still names role `carts`).
 */
export function hasPlaceholder(text: string): boolean {
  return nextPlaceholder(text, 0) !== undefined;
}

/**
 * The next placeholder at or after `from`, as [start, end), scanned in one pass: the regular
 * expression this replaces (`\$\{[A-Za-z_][A-Za-z0-9_.:-]*(?::?[-=?+][^}]*)?\}|\$\([A-Za-z_][A-Za-z0-9_.-]*\)|
 * \{\{[^{}]*\}\}|<[A-Za-z][A-Za-z0-9 _.-]*>|(?<![A-Za-z0-9])[xX]{4,}(?![A-Za-z0-9])`) backtracked on
 * `${a-${a-${a-…` without a closing brace, quadratic in a value a pull request chooses.
 */
function nextPlaceholder(text: string, from: number): [number, number] | undefined {
  let close = -2; // the first "}" at or after the scan position, found once and reused
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let end: number | undefined;
    if (c === DOLLAR && text.charCodeAt(i + 1) === OPEN_BRACE) {
      if (close !== -1 && close < i) close = text.indexOf("}", i);
      end = close < 0 ? undefined : envsubst(text, i + 2, close);
    } else if (c === DOLLAR && text.charCodeAt(i + 1) === OPEN_PAREN) end = run(text, i + 2, isIdentStart, isKustomizeChar, CLOSE_PAREN);
    else if (c === OPEN_BRACE && text.charCodeAt(i + 1) === OPEN_BRACE) end = braces(text, i + 2);
    else if (c === LESS) end = run(text, i + 1, isLetter, isDocChar, GREATER);
    else {
      let skipTo: number | undefined;
      if ((c === LOWER_X || c === UPPER_X) && !isAlnum(text.charCodeAt(i - 1))) {
        let j = i;
        while (text.charCodeAt(j) === LOWER_X || text.charCodeAt(j) === UPPER_X) j++;
        if (j - i >= 4 && !isAlnum(text.charCodeAt(j))) end = j;
        else skipTo = j - 1; // no run inside this one can be a placeholder: it is preceded by an x
      }
      if (end === undefined && isAccountChar(c) && !isWordChar(text.charCodeAt(i - 1))) end = accountWord(text, i);
      if (end === undefined && skipTo !== undefined) i = skipTo;
    }
    if (end !== undefined) return [i, end];
  }
  return undefined;
}

/**
 * `${NAME}` or `${NAME<op>text}` between `from` and the first `}` at `close`: a name of
 * [A-Za-z0-9_.:-] starting with a letter or `_`, then optionally `:`? and one of `-=?+` and
 * anything. Since `:` and `-` are name characters too, any split of the name's run will do.
 */
function envsubst(text: string, from: number, close: number): number | undefined {
  if (!isIdentStart(text.charCodeAt(from))) return undefined;
  let j = from + 1;
  while (j < close && isNameChar(text.charCodeAt(j))) j++;
  if (j === close) return close + 1;
  for (let k = from + 1; k <= j; k++) {
    const c = text.charCodeAt(k);
    if (isOperator(c) || (c === COLON && isOperator(text.charCodeAt(k + 1)))) return close + 1;
  }
  return undefined;
}

/**
 * Documentation's account placeholder written as a word: `ACCOUNT_ID`, `AWS_ACCOUNT_ID`,
 * `YOUR_ACCOUNT_NUMBER` (upper case, digits and `_`, naming ACCOUNT, standing alone).
 */
function accountWord(text: string, from: number): number | undefined {
  let j = from;
  while (j < text.length && isAccountChar(text.charCodeAt(j))) j++;
  return !isWordChar(text.charCodeAt(j)) && text.slice(from, j).includes("ACCOUNT") ? j : undefined;
}

/** A run of `first` then `rest` characters ending with `end`: the index after it, or undefined. */
function run(text: string, from: number, first: (c: number) => boolean, rest: (c: number) => boolean, end: number): number | undefined {
  if (!first(text.charCodeAt(from))) return undefined;
  let j = from + 1;
  while (j < text.length && rest(text.charCodeAt(j))) j++;
  return text.charCodeAt(j) === end ? j + 1 : undefined;
}

/** `{{ … }}` with no brace inside. */
function braces(text: string, from: number): number | undefined {
  let j = from;
  while (j < text.length && text.charCodeAt(j) !== OPEN_BRACE && text.charCodeAt(j) !== CLOSE_BRACE) j++;
  return text.charCodeAt(j) === CLOSE_BRACE && text.charCodeAt(j + 1) === CLOSE_BRACE ? j + 2 : undefined;
}

const [DOLLAR, OPEN_BRACE, CLOSE_BRACE, OPEN_PAREN, CLOSE_PAREN, LESS, GREATER, COLON, LOWER_X, UPPER_X] = [..."${}()<>:xX"].map((c) => c.charCodeAt(0));
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isLetter = (c: number) => isUpper(c) || isLower(c);
const isWordChar = (c: number) => isLetter(c) || (c >= 48 && c <= 57) || c === 95;
const isAccountChar = (c: number) => isUpper(c) || isDigit(c) || c === 95;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlnum = (c: number) => isLetter(c) || isDigit(c);
const isIdentStart = (c: number) => isLetter(c) || c === 95;
const isNameChar = (c: number) => isAlnum(c) || c === 95 || c === 46 || c === 58 || c === 45;
const isKustomizeChar = (c: number) => isAlnum(c) || c === 95 || c === 46 || c === 45;
const isDocChar = (c: number) => isAlnum(c) || c === 32 || c === 95 || c === 46 || c === 45;
const isOperator = (c: number) => c === 45 || c === 61 || c === 63 || c === 43;

/** The text with each placeholder an unknown part (naming it), or undefined when it has none. */
export function placeholderTemplate(text: string, loc: SourceLocation): TemplateValue | undefined {
  if (!hasPlaceholder(text)) return undefined;
  const parts: Array<string | UnknownValue> = [];
  let last = 0;
  for (let m = nextPlaceholder(text, 0); m; m = nextPlaceholder(text, m[1])) {
    const [start, end] = m;
    if (start > last) parts.push(text.slice(last, start));
    const placeholder = text.slice(start, end);
    parts.push({ ...unknown(`placeholder ${placeholder}, filled in at deploy time`, loc), placeholder });
    last = end;
  }
  if (last < text.length) parts.push(text.slice(last));
  return { kind: "template", parts, loc };
}

/** Every placeholder of a text as [start, end) (tests compare it with the regular expression it replaces). */
export function placeholderSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let m = nextPlaceholder(text, 0); m; m = nextPlaceholder(text, m[1])) out.push(m);
  return out;
}
