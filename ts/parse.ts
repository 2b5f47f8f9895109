// parse(): a drop-in for acorn.parse(source, options). Every acorn option is either honoured
// or refused with a clear error; none is silently ignored.
import type { Comment, Program } from 'estree';
import { decode, type CommentCallback } from './decode/index.ts';
import { encode } from './encode.ts';
import { BinastError } from './errors.ts';

export interface AcornOptions {
  ecmaVersion?: 'latest' | number;
  sourceType?: 'script' | 'module';
  locations?: boolean;
  ranges?: boolean;
  onComment?: Comment[] | CommentCallback;
  allowReturnOutsideFunction?: boolean;
  allowHashBang?: boolean;
  [option: string]: unknown;
}

/** The newest ECMAScript edition acorn 8.19 distinguishes; binast always parses the latest. */
const LATEST_EDITION = 2026;

/** Options that change what acorn returns in ways binast does not reproduce, with the value that is harmless. */
const REFUSED: Record<string, (value: unknown) => boolean> = {
  onToken: (v) => v == null,
  onInsertedSemicolon: (v) => v == null,
  onTrailingComma: (v) => v == null,
  program: (v) => v == null,
  sourceFile: (v) => v == null,
  directSourceFile: (v) => v == null,
  startLocation: (v) => v == null,
  preserveParens: (v) => v == null || v === false,
  strict: (v) => v == null || v === false,
  allowReserved: (v) => v == null || v === false,
  allowImportExportEverywhere: (v) => v == null || v === false,
  allowAwaitOutsideFunction: (v) => v == null || v === false,
  allowSuperOutsideMethod: (v) => v == null || v === false,
  checkPrivateFields: (v) => v == null || v === true,
};

const HONOURED = new Set([
  'ecmaVersion', 'sourceType', 'locations', 'ranges', 'onComment', 'allowReturnOutsideFunction', 'allowHashBang',
]);

/**
 * Throws BAD_OPTION for what parse() refuses: options that are not an object, unknown or
 * unsupported acorn options, an ecmaVersion or sourceType binast does not parse. (onComment's
 * type is checked by decode.) The AST cache runs it once per call instead of parsing.
 */
export function checkParseOptions(options: AcornOptions): void {
  if (options === null || typeof options !== 'object') {
    throw new BinastError('BAD_OPTION', 'parse options must be an object');
  }
  for (const key of Object.keys(options)) {
    const harmless = REFUSED[key];
    if (harmless) {
      if (!harmless(options[key])) {
        throw new BinastError('BAD_OPTION', `acorn option "${key}: ${String(options[key])}" is not supported by binast`);
      }
    } else if (!HONOURED.has(key)) {
      throw new BinastError('BAD_OPTION', `unknown acorn option "${key}"`);
    }
  }
  const { ecmaVersion, sourceType = 'script' } = options;
  const edition = typeof ecmaVersion === 'number' && ecmaVersion < 2015 ? ecmaVersion + 2009 : ecmaVersion;
  if (edition !== 'latest' && !(typeof edition === 'number' && edition >= LATEST_EDITION)) {
    throw new BinastError(
      'BAD_OPTION',
      `ecmaVersion ${String(ecmaVersion)} is not supported: binast parses the latest ECMAScript ('latest' or >= ${LATEST_EDITION})`,
    );
  }
  if (sourceType !== 'script' && sourceType !== 'module') {
    throw new BinastError('BAD_OPTION', `sourceType ${JSON.stringify(sourceType)} is not supported (use 'script' or 'module')`);
  }
}

export function parse(source: string, options: AcornOptions = {}): Program {
  checkParseOptions(options);
  const { sourceType = 'script' } = options;
  const bytes = encode(source, {
    sourceType,
    comments: options.onComment != null,
    allowReturnOutsideFunction: options.allowReturnOutsideFunction === true,
    allowHashBang: options.allowHashBang !== false,
  });
  return decode(bytes, {
    locations: options.locations === true,
    ranges: options.ranges === true,
    ...(options.onComment != null ? { onComment: options.onComment } : {}),
  });
}
