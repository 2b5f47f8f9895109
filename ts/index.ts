// binast's API. This entry works everywhere; in environments without synchronous WASM
// compilation (browsers, Workers) call `await init()` before `encode`/`parse`.
// Node's entry (./node.ts) initialises the encoder synchronously on import.
export { decode, type DecodeOptions, type CommentCallback } from './decode/index.ts';
export { encode, type EncodeOptions, type JsxOptions } from './encode.ts';
export {
  moduleInfo,
  type DynamicImportRecord,
  type ExportNameRecord,
  type ExportRecord,
  type ImportAttributeRecord,
  type ImportMetaRecord,
  type ImportPhase,
  type ImportRecord,
  type ImportSpecifierRecord,
  type ModuleInfo,
} from './decode/modules.ts';
export { parse, type AcornOptions, type EcmaVersion, type ParseOptions, type PositionCallback } from './parse.ts';
export type {
  Comment,
  JSXAttribute,
  JSXClosingElement,
  JSXClosingFragment,
  JSXElement,
  JSXEmptyExpression,
  JSXExpressionContainer,
  JSXFragment,
  JSXIdentifier,
  JSXMemberExpression,
  JSXNamespacedName,
  JSXOpeningElement,
  JSXOpeningFragment,
  JSXSpreadAttribute,
  JSXText,
  Node,
  Position,
  Program,
  SourceLocation,
} from './types.ts';
export { BinastError, type BinastErrorCode } from './errors.ts';
export type { BinastSyntaxError } from './syntax-error.ts';
export { isReady, type InitInput } from './wasm-loader.ts';
export { init } from './init.ts';
export { useAcornJsx } from './acorn-verdict.ts';
export { FORMAT_VERSION, SCHEMA_HASH } from './generated/schema.ts';
