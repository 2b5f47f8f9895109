// decode(encode(src, {comments: true}), {onComment: arr}) fills arr exactly as
// acorn's onComment array: {type, value, start, end, loc?, range?} in source order.
import type { Comment } from 'estree';
import { describe, expect, it } from 'vitest';
import { decode, encode } from '../ts/index.ts';
import { firstDifference } from './helpers/canonical.ts';
import { differenceFromAcorn } from './helpers/compare.ts';
import { type SourceType, readSource, realWorldFile } from './helpers/corpus.ts';

// acorn reports a hashbang as a Line comment starting at 0 whose value omits
// "#!"; HTML-like comments likewise start at "<!--" / "-->" and omit them.
const CASES: [string, string, SourceType?][] = [
  ['line and block comments', '// one\nx /* two */ + /* three\n */ y; // four'],
  ['comments inside expressions and empty comments', 'f(/**/a, /* b */ b //\n, c) /***/ ;//'],
  ['comment at end of input without newline', 'x // last'],
  ['only comments', '/* a */ // b\n/* c */'],
  ['comments before directives', '/* a */ "use strict"; // b\n"x"'],
  ['comments around arrows and regexes', 'a = (/* p */ b) /* q */ => /* r */ /re/g // s\n/ 1'],
  ['hashbang', '#!/usr/bin/env node\n// second\nx'],
  ['hashbang alone', '#!shebang'],
  ['hashbang in module', '#!/usr/bin/env node\nexport const x = 1; // y', 'module'],
  ['HTML open comment', 'x <!-- foo\ny'],
  ['HTML close comment at line start', 'x = 1\n--> bar\ny'],
  ['HTML close comment after whitespace', 'x\n  --> indented\ny'],
  ['HTML close comment after a multi-line block comment', 'x\n/*\n*/ --> after block\ny'],
  ['--> that is not a comment', 'x = y-->z'],
  ['comments with CRLF and LS', '// a\r\n/* b\r\nc */ x // d\u2028// e'],
];

describe('onComment matches acorn', () => {
  for (const [name, source, sourceType = 'script'] of CASES) {
    it(name, () => {
      const diff = differenceFromAcorn(source, sourceType);
      expect(diff, `${JSON.stringify(source)}: ${diff}`).toBeNull();
    });
  }

  for (const name of ['lodash', 'vue']) {
    const file = realWorldFile(name);
    it(`comments in ${file.name} (${file.sourceType})`, { timeout: 120_000 }, () => {
      const diff = differenceFromAcorn(readSource(file), file.sourceType);
      expect(diff, String(diff)).toBeNull();
    });
  }
});

describe('comments not encoded', () => {
  it('decode with onComment throws an error saying comments were not encoded', () => {
    const bytes = encode('// c\nx');
    const comments: Comment[] = [];
    expect(() => decode(bytes, { onComment: comments })).toThrow(/comment/i);
    expect(() => decode(bytes, { onComment: comments })).toThrow(/not (been )?encoded|without comments/i);
  });

  it('decode without onComment still works', () => {
    expect(decode(encode('// c\nx')).body).toHaveLength(1);
  });

  it('encoding comments does not change the tree', () => {
    const src = '/* a */ x; // b';
    expect(firstDifference(decode(encode(src, { comments: true })), decode(encode(src)))).toBeNull();
  });
});
