// The tools of the project-scale and cold benchmarks: one entry per tool. To add one, append an
// entry (or push one from another module imported here); bench/README.md explains the fields.
//
//   id       short name, used on the command line (--tools decode,acorn) and in results
//   label    what the tables print
//   group    'binast' | 'parser' | 'cache' (bold rows, ratios)
//   input    which input each call gets: 'source' (string), 'binary' (Uint8Array, binast's encoding
//            of the file), 'acornJson' (string), 'acornV8' (Buffer); see corpus.mjs
//   load(ctx)          in the child, untimed except as "import" in the cold table: imports what
//                      the tool needs and returns run(input, file) -> result, the timed call
//                      (file = { file, sourceType, path }, ctx = { binastDist, corpusDir, workDir })
//   cold     true: also measured in the cold single-file table
//   prepare(ctx)       optional, in the parent, once before any round (e.g. fill a cache)
//   beforeRun(ctx)     optional, in the parent, before each fresh process of this tool (e.g. empty
//                      a cache for a "cold cache" tool); not timed
import { CACHE_TOOLS } from './cache-tools.mjs';
import { entryUrl } from './entry.mjs';
import { visitAll } from '../visit.mjs';

const acornOptions = (file, extra) => ({ ecmaVersion: 'latest', sourceType: file.sourceType, ...extra });
const dist = (ctx, entry) => entryUrl(ctx.binastDist, entry);

/**
 * binast's decode tools for one build (dist/ directory); `suffix` tells builds apart in an A/B.
 * Another build decodes the binaries its own encoder wrote (input `binary@<name>`, prepared by
 * run.mjs), so builds of different formats compare; it is not in the cold table.
 */
export function binastDecodeTools(suffix = '', labelSuffix = '', distDir = null, name = null) {
  const decodeTool = (id, label, options, then = null) => ({
    id: `${id}${suffix}`, label: `${label}${labelSuffix}`, group: 'binast', input: name ? `binary@${name}` : 'binary', cold: !name,
    async load(ctx) {
      const { decode } = await import(dist(distDir ? { binastDist: distDir } : ctx, 'decode/index.js'));
      if (then) return (bytes) => then(decode(bytes, options ?? undefined));
      return options ? (bytes) => decode(bytes, options) : (bytes) => decode(bytes);
    },
  });
  return [
    decodeTool('decode', 'binast decode', null),
    decodeTool('decodeLoc', 'binast decode +loc', { locations: true }),
    decodeTool('decodeLocRanges', 'binast decode +loc +ranges', { locations: true, ranges: true }),
    // Lazy bodies (issue #13): the top level only; every body read, against an eager decode
    // walked the same way (the walk reads each body of the lazy tree). A build older than format 3
    // ignores \`lazy\` (its "lazy" figures are eager decodes).
    decodeTool('decodeLazy', 'binast decode lazy (top level)', { lazy: true }),
    decodeTool('decodeLazyAll', 'binast decode lazy + walk (every body read)', { lazy: true }, visitAll),
    decodeTool('decodeWalk', 'binast decode + walk', null, visitAll),
  ];
}

/**
 * binast's moduleInfo for one build, as binastDecodeTools: another build (`--compare`) reads
 * the binaries its own encoder wrote and gets an `@name` twin, so an A/B is one interleaved run.
 */
function moduleInfoTool(suffix = '', labelSuffix = '', distDir = null, name = null) {
  return { id: `moduleInfo${suffix}`, label: `binast moduleInfo${labelSuffix}`, group: 'binast',
    input: name ? `binary@${name}` : 'binary', cold: !name,
    async load(ctx) {
      const { moduleInfo } = await import(dist(distDir ? { binastDist: distDir } : ctx, 'decode/index.js'));
      return (bytes) => moduleInfo(bytes);
    } };
}

const LEXER_GAVE_UP = Object.freeze([]);

export const TOOLS = [
  ...binastDecodeTools(),
  { id: 'parse', label: 'binast parse (encode+decode)', group: 'binast', input: 'source', cold: false,
    async load(ctx) {
      const { parse } = await import(dist(ctx, 'node.js'));
      return (source, file) => parse(source, acornOptions(file));
    } },
  { id: 'acorn', label: 'acorn.parse', group: 'parser', input: 'source', cold: true,
    async load() {
      const acorn = await import('acorn');
      return (source, file) => acorn.parse(source, acornOptions(file));
    } },
  { id: 'acornLoc', label: 'acorn.parse +loc', group: 'parser', input: 'source', cold: true,
    async load() {
      const acorn = await import('acorn');
      return (source, file) => acorn.parse(source, acornOptions(file, { locations: true }));
    } },
  { id: 'meriyah', label: 'meriyah (ranges)', group: 'parser', input: 'source', cold: false,
    async load() {
      const meriyah = await import('meriyah');
      return (source, file) => meriyah.parse(source, { module: file.sourceType === 'module', ranges: true });
    } },
  { id: 'oxcRaw', label: 'oxc-parser raw transfer', group: 'parser', input: 'source', cold: true,
    available: () => Number(process.versions.node.split('.')[0]) >= 22,
    async load() {
      const oxc = await import('oxc-parser');
      return (source, file) =>
        oxc.parseSync('input.js', source, { sourceType: file.sourceType, experimentalRawTransfer: true }).program;
    } },
  // Module records (issue #13): binast's modules section against es-module-lexer's lexing of the source.
  moduleInfoTool(),
  // moduleInfo's first step, alone: how much of it the integrity check is.
  { id: 'checksum', label: 'XXH32 of the whole binary (decode\'s integrity check)', group: 'binast', input: 'binary', cold: true,
    async load(ctx) {
      const { xxh32 } = await import(dist(ctx, 'decode/checksum.js'));
      return (bytes) => ({ hash: xxh32(bytes, bytes.length - 4) });
    } },
  { id: 'esModuleLexer', label: 'es-module-lexer parse', group: 'parser', input: 'source', cold: true,
    async load() {
      const lexer = await import('es-module-lexer');
      await lexer.init();
      // A lexer can give up on valid code (a regex/division guess): that file's answer is "none".
      return (source) => {
        try {
          return lexer.parse(source);
        } catch {
          return LEXER_GAVE_UP;
        }
      };
    } },
  { id: 'json', label: 'JSON.parse (cached acorn JSON)', group: 'cache', input: 'acornJson', cold: false,
    async load() {
      return (json) => JSON.parse(json);
    } },
  { id: 'v8', label: 'v8.deserialize (cached acorn AST)', group: 'cache', input: 'acornV8', cold: false,
    async load() {
      const v8 = await import('node:v8');
      return (buffer) => v8.deserialize(buffer);
    } },
  ...CACHE_TOOLS,
];

/**
 * Another build's encoder, and its parse (encode + decode), on the same sources (`--compare`):
 * `encode@name`, `parse@name`.
 */
function binastEncodeTools(suffix, labelSuffix, distDir) {
  return [
    { id: `encode${suffix}`, label: `binast encode (WASM)${labelSuffix}`, group: 'binast', input: 'source', cold: false,
      async load() {
        const { encode } = await import(entryUrl(distDir, 'node.js'));
        return (source, file) => encode(source, { sourceType: file.sourceType });
      } },
    { id: `parse${suffix}`, label: `binast parse (encode+decode)${labelSuffix}`, group: 'binast', input: 'source', cold: false,
      async load() {
        const { parse } = await import(entryUrl(distDir, 'node.js'));
        return (source, file) => parse(source, acornOptions(file));
      } },
  ];
}

/**
 * TOOLS, plus the tools of other builds to compare (`--compare name=path/to/dist`): ids
 * `decode@name`, ..., `moduleInfo@name`, `encode@name`, `parse@name` (list them in `--tools`
 * beside the tools they twin). Each build reads the binaries its own encoder wrote (binary@name),
 * so builds of different formats compare.
 */
export function allTools(compare = []) {
  const extra = compare.flatMap(({ name, dir }) => [
    ...binastDecodeTools(`@${name}`, ` (${name})`, dir, name),
    moduleInfoTool(`@${name}`, ` (${name})`, dir, name),
    ...binastEncodeTools(`@${name}`, ` (${name})`, dir),
  ]);
  return [...TOOLS, ...extra].filter((t) => !t.available || t.available());
}
