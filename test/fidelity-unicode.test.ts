// Non-ASCII input: offsets are UTF-16 code units, and acorn counts \r\n, \r,
// U+2028 and U+2029 as line breaks in loc (even inside strings and templates).
// Every case is compared with acorn plain / locations / ranges, with comments.
import { describe, expect, it } from 'vitest';
import { differenceFromAcorn } from './helpers/compare.ts';
import type { SourceType } from './helpers/corpus.ts';

const LS = '\u2028';
const PS = '\u2029';

// [name, source, sourceType?]; sources use escapes in TS so the raw
// characters the parser sees are explicit.
const CASES: [string, string, SourceType?][] = [
  // identifiers
  ['BMP identifiers', 'var café = 1, 日本 = 2;\ncafé + 日本;'],
  ['astral identifier', 'let 𠮷 = 1, a𠮷b = 2;\n𠮷 + a𠮷b; x'],
  ['identifier escapes', 'var \\u0061bc = 1; \\u{62}cd; a\\u0062c; \\u{20BB7}x; 𠮷\\u{20BB7};'],
  ['unicode property keys and labels', '({ 日本: 1, "😀": 2, [`é`]: 3, \\u0061: 4 });\né: for (;;) break é;'],
  ['unicode private names', 'class A { #日本 = 1; #\\u0061 = 2; m() { return this.#日本 + this.#a; } }'],
  ['BOM is whitespace', '\uFEFFx;\uFEFF y'],

  // strings
  ['non-ASCII strings', '"é日本😀"; x; \'😀😀\'; y'],
  ['astral escapes in strings', '"\\u{1F600}"; "\\uD83D\\uDE00"; x'],
  ['lone surrogate escapes in strings', '"\\uD800"; "\\uDC00\\uD800"; "a\\uDFFFb"; x'],
  ['line separators inside strings', `"a${LS}b"; "c${PS}d";\nx`],
  ['line continuations in strings', '"a\\\r\nb"; "c\\\rd"; "e\\' + LS + 'f"; x'],
  ['directives with non-ASCII', `"use strict"; "日本${LS}"; "\\u{1F600}"; x`],

  // templates
  ['non-ASCII templates', '`😀${x}é${"日本"}😀`; y'],
  ['lone surrogates in templates', '`\\uD800`; `\\uDC00${x}\\uD800`; y'],
  ['CRLF and CR in templates', '`a\r\nb`; `c\rd${x}e\r\nf`;\r\ny'],
  ['line separators in templates', `\`a${LS}b${PS}c\`; \`${LS}\${x}${PS}\`;\ny`],
  ['tagged template with invalid escapes', 'tag`\\unicode \\u{110000} 😀 \\uD800`; y'],

  // comments
  ['non-ASCII comments', '// 日本 😀\nx /* é 😀 */ + y; // é'],
  ['comments with line breaks', `/* a\r\nb */ x; /* ${LS} */ y; // z${LS}w;\r\n// ${PS}v`],

  // regular expressions
  ['astral regexes', '/😀/u; /[\\u{1F600}]/v; /😀/; x'],
  ['unicode regex features', '/é+/gi; /\\p{Script=Han}+/u; /[\\p{L}--[a-z]]/v; /[😀]/u; y'],

  // whole-file line endings and columns after astral characters
  ['CRLF source', 'var a = "😀";\r\nvar b = `😀`;\r\n\r\nb'],
  ['CR and LS/PS line breaks', `a;\rb;${LS}c;${PS}d;`],

  // modules: string export names
  ['module string names', 'import { "😀" as x } from "日本";\nexport { x as "é😀" };', 'module'],
];

describe('unicode fidelity', () => {
  for (const [name, source, sourceType = 'script'] of CASES) {
    it(name, () => {
      const diff = differenceFromAcorn(source, sourceType);
      expect(diff, `${JSON.stringify(source)}: ${diff}`).toBeNull();
    });
  }
});
