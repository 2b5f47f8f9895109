// acorn's options, checked and sorted by how binast honours each one: natively (the encoder
// and decoder reproduce it), by asking acorn when binast rejects a source (options that only
// accept more), or by letting acorn parse (options whose effect the binary does not carry).
import type { Options as AcornParseOptions, Position } from 'acorn';
import type { CommentCallback, DecodeOptions } from './decode/index.ts';
import type { VerdictOptions } from './acorn-verdict.ts';
import { jsxOptionsOf, type EncodeOptions, type JsxOptions } from './encode.ts';
import { BinastError } from './errors.ts';
import type { Comment } from 'estree';

/** The editions acorn 8.19 names, by year or by number (6 = 2015 ... 17 = 2026). */
export type EcmaVersion =
  | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17
  | 2015 | 2016 | 2017 | 2018 | 2019 | 2020 | 2021 | 2022 | 2023 | 2024 | 2025 | 2026
  | 'latest';

/** What acorn passes to `onInsertedSemicolon` and `onTrailingComma`. */
export type PositionCallback = (lastTokEnd: number, lastTokEndLoc?: Position) => void;

/** acorn 8.19's options, minus the ones binast refuses (`onToken`, `program`, ecmaVersion 3 and 5). */
export interface ParseOptions {
  /** Omitted: 2020 with acorn's warning, as acorn does. Older editions reject newer syntax. */
  ecmaVersion?: EcmaVersion;
  sourceType?: 'script' | 'module' | 'commonjs';
  locations?: boolean;
  ranges?: boolean;
  /** An array to fill (acorn.Comment[] fits) or acorn's callback. */
  onComment?: Comment[] | CommentCallback;
  allowReturnOutsideFunction?: boolean;
  allowHashBang?: boolean;
  allowImportExportEverywhere?: boolean;
  allowAwaitOutsideFunction?: boolean;
  allowSuperOutsideMethod?: boolean;
  allowReserved?: boolean | 'never';
  checkPrivateFields?: boolean;
  strict?: boolean;
  preserveParens?: boolean;
  sourceFile?: string;
  directSourceFile?: string;
  startLocation?: { line: number; column: number };
  onInsertedSemicolon?: PositionCallback;
  onTrailingComma?: PositionCallback;
  /**
   * JSX: `parse(source, { jsx: true, ...options })` is `acorn.Parser.extend(acornJsx()).parse(source,
   * options)` (acorn-jsx 5.3.2); `{ jsx: { allowNamespaces, allowNamespacedObjects } }` passes
   * acorn-jsx its options. Not an acorn option: without it JSX is a SyntaxError, as in acorn.
   */
  jsx?: boolean | JsxOptions;
}

/** The edition binast's encoder parses; acorn 8.19 knows none newer. */
export const LATEST_EDITION = 2026;

export interface ParsePlan {
  /** The edition asked for, as a year (2015 ... 2026). */
  edition: number;
  /** The user's options as acorn takes them (ecmaVersion explicit, so acorn never warns twice); `jsx`: acorn-jsx's. */
  acorn: VerdictOptions;
  /** The options binast's own verdict stands for: acorn rejecting under these confirms a rejection. */
  baseline: VerdictOptions;
  encode: EncodeOptions;
  decode: DecodeOptions;
  /** An option whose effect the binary cannot carry: acorn parses. */
  viaAcorn: boolean;
  /** Some option accepts more than the baseline: when binast rejects, acorn decides. */
  relaxed: boolean;
}

const BOOLEAN_OPTIONS = [
  'locations', 'ranges', 'allowReturnOutsideFunction', 'allowHashBang', 'allowImportExportEverywhere',
  'allowAwaitOutsideFunction', 'allowSuperOutsideMethod', 'checkPrivateFields', 'strict', 'preserveParens',
] as const;
const STRING_OPTIONS = ['sourceFile', 'directSourceFile'] as const;
const CALLBACK_OPTIONS = ['onInsertedSemicolon', 'onTrailingComma'] as const;
const KNOWN = new Set<string>([
  'ecmaVersion', 'sourceType', 'onComment', 'allowReserved', 'startLocation', 'jsx',
  ...BOOLEAN_OPTIONS, ...STRING_OPTIONS, ...CALLBACK_OPTIONS,
]);

/** Refused options: why, and what to do instead. Set to null/undefined they are accepted (acorn ignores them too). */
const REFUSED: Record<string, string> = {
  onToken: 'binast builds no tokens; use acorn.tokenizer(source, options), or acorn.parse with onToken',
  program: 'binast cannot append to an existing Program; parse separately and concatenate the bodies',
};

let warnedAboutEcmaVersion = false;

/** Prints an option's value for an error message: strings quoted, objects and functions named. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'bigint') return `${value}n`;
  return String(value);
}

const badOption = (message: string): BinastError => new BinastError('BAD_OPTION', message);

function editionOf(ecmaVersion: unknown): number {
  if (ecmaVersion === undefined) {
    // acorn 8.19 (getOptions): a one-time warning, then 2020.
    if (!warnedAboutEcmaVersion && typeof console === 'object' && console.warn) {
      warnedAboutEcmaVersion = true;
      console.warn('Since Acorn 8.0.0, options.ecmaVersion is required.\nDefaulting to 2020, but this will stop working in the future.');
    }
    return 2020;
  }
  if (ecmaVersion === 'latest') return LATEST_EDITION;
  if (typeof ecmaVersion === 'number' && Number.isInteger(ecmaVersion)) {
    if (ecmaVersion === 3 || ecmaVersion === 5) {
      throw badOption(
        `ecmaVersion ${ecmaVersion} is not supported: binast parses ECMAScript 2015 and later; ` +
          'use acorn itself for ES3/ES5 sources, or pass ecmaVersion 2015 or later',
      );
    }
    const year = ecmaVersion >= 2015 ? ecmaVersion : ecmaVersion + 2009;
    // acorn treats any later number as its newest edition.
    if (year >= 2015) return Math.min(year, LATEST_EDITION);
  }
  throw badOption(`ecmaVersion ${describeValue(ecmaVersion)} is not valid: use 'latest' or a year from 2015 to ${LATEST_EDITION}`);
}

export function planParse(options: ParseOptions): ParsePlan {
  if (options === null || typeof options !== 'object') {
    throw badOption(`parse options must be an object, got ${describeValue(options)}`);
  }
  const given = options as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    const value = given[key];
    if (key in REFUSED) {
      if (value != null) throw badOption(`acorn option ${key} (${describeValue(value)}) is not supported: ${REFUSED[key]}`);
    } else if (!KNOWN.has(key)) {
      throw badOption(`unknown acorn option ${JSON.stringify(key)}${suggestOption(key)}`);
    }
  }
  for (const key of BOOLEAN_OPTIONS) {
    if (given[key] != null && typeof given[key] !== 'boolean') throw badOption(`${key} must be a boolean, got ${describeValue(given[key])}`);
  }
  for (const key of STRING_OPTIONS) {
    if (given[key] != null && typeof given[key] !== 'string') throw badOption(`${key} must be a string, got ${describeValue(given[key])}`);
  }
  for (const key of CALLBACK_OPTIONS) {
    if (given[key] != null && typeof given[key] !== 'function') throw badOption(`${key} must be a function, got ${describeValue(given[key])}`);
  }
  const { sourceType = 'script', allowReserved, onComment, startLocation } = options;
  if (sourceType !== 'script' && sourceType !== 'module' && sourceType !== 'commonjs') {
    throw badOption(`sourceType must be 'script', 'module' or 'commonjs', got ${describeValue(sourceType)}`);
  }
  if (allowReserved != null && typeof allowReserved !== 'boolean' && allowReserved !== 'never') {
    throw badOption(`allowReserved must be a boolean or 'never', got ${describeValue(allowReserved)}`);
  }
  if (onComment != null && !Array.isArray(onComment) && typeof onComment !== 'function') {
    throw badOption(`onComment must be an array or a function, got ${describeValue(onComment)}`);
  }
  if (startLocation != null && (typeof startLocation !== 'object' || !Number.isInteger(startLocation.line) || !Number.isInteger(startLocation.column))) {
    throw badOption(`startLocation must be { line, column } with integers, got ${describeValue(startLocation)}`);
  }
  if (sourceType === 'commonjs' && options.allowAwaitOutsideFunction) {
    throw badOption("allowAwaitOutsideFunction cannot be used with sourceType 'commonjs' (acorn refuses it too)");
  }
  const edition = editionOf(options.ecmaVersion);
  const jsx = jsxOptionsOf(options.jsx, false);
  // acorn's defaults that depend on the edition.
  const allowHashBang = options.allowHashBang ?? edition >= 2023;
  const commonjs = sourceType === 'commonjs';
  const nativeSourceType = sourceType === 'module' ? 'module' : 'script';
  // commonjs is a script whose top level is a function body: `return` is allowed natively,
  // `new.target` there only through acorn (relaxed).
  const allowReturnOutsideFunction = options.allowReturnOutsideFunction === true || commonjs;

  const { jsx: _jsx, ...acornOnly } = options;
  const acorn: VerdictOptions = {
    ...(acornOnly as AcornParseOptions),
    ecmaVersion: (edition - 2009) as AcornParseOptions['ecmaVersion'],
    ...(jsx ? { jsx } : {}),
  };
  // encode()'s JSX: acorn-jsx's options but namespaced objects (binast rejects them).
  const nativeJsx = jsx ? { allowNamespaces: jsx.allowNamespaces } : undefined;
  const baseline: VerdictOptions = {
    ecmaVersion: 'latest',
    sourceType: nativeSourceType,
    allowReturnOutsideFunction,
    allowHashBang,
    ...(nativeJsx ? { jsx: nativeJsx } : {}),
  };
  const viaAcorn =
    options.preserveParens === true ||
    options.strict === true ||
    allowReserved === 'never' ||
    options.directSourceFile != null ||
    (options.sourceFile != null && options.locations === true) || // else acorn stores it nowhere
    startLocation != null ||
    options.onInsertedSemicolon != null ||
    options.onTrailingComma != null;
  const relaxed =
    edition < LATEST_EDITION ||
    commonjs ||
    options.allowImportExportEverywhere === true ||
    options.allowAwaitOutsideFunction === true ||
    options.allowSuperOutsideMethod === true ||
    allowReserved === true ||
    options.checkPrivateFields === false ||
    (jsx !== null && jsx.allowNamespaces && jsx.allowNamespacedObjects); // `<a:b.c>`
  return {
    edition,
    acorn,
    baseline,
    encode: {
      sourceType: nativeSourceType,
      comments: onComment != null,
      allowReturnOutsideFunction,
      allowHashBang,
      ...(nativeJsx ? { jsx: nativeJsx } : {}),
    },
    decode: {
      locations: options.locations === true,
      ranges: options.ranges === true,
      ...(onComment != null ? { onComment } : {}),
    },
    viaAcorn,
    relaxed,
  };
}

/** " (did you mean "locations"?)" for a near miss of a known option name, else "". */
function suggestOption(key: string): string {
  const lower = key.toLowerCase();
  let best = '';
  let bestDistance = Infinity;
  for (const name of [...KNOWN, ...Object.keys(REFUSED)]) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 4)) ? ` (did you mean ${JSON.stringify(best)}?)` : '';
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
