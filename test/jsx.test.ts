// JSX (issue #14): binast's trees for JSX are acorn-jsx 5.3.2's
// (`acorn.Parser.extend(acornJsx())`), byte for byte as JSON: every production of a case list
// of our own in every combination of the position options (and comments through onComment),
// the errors (message and position), acorn-jsx's options, and the `.jsx` files of three npm
// packages. The fuzzer's JSX sources are in test/fuzz/fuzz.test.ts.
import * as acorn from 'acorn';
import acornJsx from 'acorn-jsx';
import type { Comment } from 'estree';
import type * as ESTreeJsx from 'estree-jsx';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BinastError, decode, encode, parse } from '../ts/index.ts';
import { readHeader, FLAG_JSX } from '../ts/decode/header.ts';
import { createCache } from '../ts/cache/index.ts';
import { binast, ensureBuilt, removeTempDirs, tempDir } from './cli-helpers.ts';
import { firstDifference } from './helpers/canonical.ts';
import { POSITION_VARIANTS } from './helpers/compare.ts';
import { JSX_PACKAGES, jsxFiles } from './fuzz/jsx.mjs';

const JsxParser = acorn.Parser.extend(acornJsx());
const jsxParsers = new Map<string, typeof acorn.Parser>();
function acornJsxParser(options: { allowNamespaces?: boolean; allowNamespacedObjects?: boolean } = {}): typeof acorn.Parser {
  const key = JSON.stringify(options);
  let parser = jsxParsers.get(key);
  if (!parser) jsxParsers.set(key, (parser = acorn.Parser.extend(acornJsx(options))));
  return parser;
}

type SourceType = 'script' | 'module';

/** First difference from acorn-jsx over the position variants (trees and comments), or null. */
function differenceFromAcornJsx(source: string, sourceType: SourceType = 'module'): string | null {
  const bytes = encode(source, { sourceType, comments: true, jsx: true });
  for (const options of POSITION_VARIANTS) {
    const comments: Comment[] = [];
    const actual = decode(bytes, { ...options, onComment: comments });
    const acornComments: acorn.Comment[] = [];
    const expected = JsxParser.parse(source, { ecmaVersion: 'latest', sourceType, ...options, onComment: acornComments });
    // JSON.stringify: exactly what acorn-jsx's tree prints as (key order included).
    if (JSON.stringify(actual) !== JSON.stringify(expected)) return `${JSON.stringify(options)} tree: ${firstDifference(actual, expected)}`;
    if (JSON.stringify(comments) !== JSON.stringify(acornComments)) return `${JSON.stringify(options)} comments: ${firstDifference(comments, acornComments)}`;
  }
  // parse() is the same tree.
  const parsed = parse(source, { ecmaVersion: 'latest', sourceType, jsx: true, locations: true, ranges: true });
  const expected = JsxParser.parse(source, { ecmaVersion: 'latest', sourceType, locations: true, ranges: true });
  if (JSON.stringify(parsed) !== JSON.stringify(expected)) return `parse(): ${firstDifference(parsed, expected)}`;
  return null;
}

/** Every JSX production acorn-jsx has, in the places JSX appears. */
export const JSX_CASES: string[] = [
  // Elements and fragments
  '<a/>',
  '<a />',
  '<a></a>',
  '<a>text</a>',
  '<div><span>x</span><br/></div>',
  '<></>',
  '<>a<b/>{c}</>',
  '< >x</ >',
  '<\n>\n</\n>',
  '< /* c */ >x</ /* d */ >',
  '<a><></><b><></></b></a>',
  // Names: identifiers, keywords, hyphens, members, namespaces, `this`, non-ASCII
  '<Foo/>',
  '<_a/>',
  '<$a/>',
  '<this/>',
  '<this.props.x/>',
  '<if/>',
  '<class></class>',
  '<my-element></my-element>',
  '<a-b-c d-e-f="1"/>',
  '<a.b/>',
  '<a.b.c.d></a.b.c.d>',
  '<A.b-c></A.b-c>',
  '<a-b.c-d.e-f></a-b.c-d.e-f>',
  '<a . b . c></a.b.c>',
  '<svg:rect/>',
  '<svg:rect></svg:rect>',
  '<a:b-c></a:b-c>',
  '<a : b/>',
  '<é/>',
  '<日本 語="x"></日本>',
  '<a\u200cb/>',
  // Attributes
  '<a b/>',
  '<a b c d/>',
  '<a b="c"/>',
  "<a b='c'/>",
  '<a b=""/>',
  '<a b="it\'s"/>',
  "<a b='say \"hi\"'/>",
  '<a b="\\n"/>',
  '<a b="\\"/>',
  '<a b="\\u0041"/>',
  '<a b="line\nbreak"/>',
  '<a b="crlf\r\nbreak"/>',
  '<a b="cr\rbreak"/>',
  '<a b="ls\u2028ps\u2029"/>',
  '<a b="é😀"/>',
  '<a b={1}/>',
  '<a b={c.d}/>',
  '<a b={/* c */ d}/>',
  '<a b={c /* c */}/>',
  '<a b={`t${c}`}/>',
  '<a b={<c/>}/>',
  '<a b=<c/>/>',
  '<a b=<c>d</c>/>',
  '<a b=<></>/>',
  '<a {...b}/>',
  '<a {...b.c} d {...e()}/>',
  '<a {...{ x: 1 }}/>',
  '<a {... b}/>',
  '<a xlink:href="#x"/>',
  '<a on:click={f}/>',
  '<a\n  b="1"\n  c={2}\n/>',
  '<a\r\n  b="1"\r\n/>',
  '<a /* c */ b /* d */ = /* e */ "x" // f\n/>',
  '<a b = "c"/>',
  '<a n/>',
  '<a b="n"/>',
  '<a key="1n"/>',
  // Children: expression containers, empty expressions with comments, spread in attributes
  '<a>{b}</a>',
  '<a>{b}{c}</a>',
  '<a>{b ? <c/> : <d/>}</a>',
  '<a>{b && <c>{d}</c>}</a>',
  '<a>{items.map((i) => <li key={i}>{i}</li>)}</a>',
  '<a>{{ b: 1 }}</a>',
  '<a>{(b, c)}</a>',
  '<a>{b, c}</a>',
  '<a b={c, d}/>',
  '<a {...(b, c)} d={e, f}/>',
  '<a>{}</a>',
  '<a>{ }</a>',
  '<a>{\n}</a>',
  '<a>{/* comment */}</a>',
  '<a>{/* a */ /* b */}</a>',
  '<a>{// line\n}</a>',
  '<a>{ /* c */ b /* d */ }</a>',
  '<a>{`${<b/>}`}</a>',
  '<a>{<b/>}</a>',
  '<a>{function () { return <b/>; }}</a>',
  // Text: line breaks, CRLF, whitespace-only, non-ASCII, `bigint` (raw ending in n)
  '<a> </a>',
  '<a>\n</a>',
  '<a>\n  text\n  more\n</a>',
  '<a>\r\n  text\r\n</a>',
  '<a>\r\r\n\n</a>',
  '<a>cr\ronly</a>',
  '<a>\u2028\u2029</a>',
  '<a>\t x \t</a>',
  '<a>é 日本 😀</a>',
  '<a>fun</a>',
  '<a>n</a>',
  '<a>1n</a>',
  '<a>a_b_n</a>',
  '<a>fun&amp;n</a>',
  '<a>// not a comment</a>',
  '<a>/* not a comment */</a>',
  '<a>"quoted" \'text\'</a>',
  '<a>a = b; c: d</a>',
  // HTML entities: named, decimal, hex, unknown, unterminated, lone and paired surrogates
  '<a>&amp;</a>',
  '<a>&lt;b&gt;</a>',
  '<a>&nbsp;&copy;&hearts;&diams;&euro;&trade;</a>',
  '<a>&quot;&apos;</a>',
  '<a>&#65;&#066;&#0000067;</a>',
  '<a>&#x41;&#x42;&#xFF;&#xff;</a>',
  '<a>&#X41;</a>',
  '<a>&#x1F600;</a>',
  '<a>&#128512;</a>',
  '<a>&#xD83D;&#xDE00;</a>',
  '<a>&#xD800;</a>',
  '<a>&#xDC00;x</a>',
  '<a>&#0;</a>',
  '<a>&#99999999;</a>',
  '<a>&#xFFFFFFF;</a>',
  '<a>&unknown;</a>',
  '<a>&bogus; &amp</a>',
  '<a>&amp</a>',
  '<a>& </a>',
  '<a>&</a>',
  '<a>&;</a>',
  '<a>&#;</a>',
  '<a>&#x;</a>',
  '<a>&#a;</a>',
  '<a>&#x1g;</a>',
  '<a>&abcdefghi;</a>',
  '<a>&abcdefghij;</a>',
  '<a>&#000000065;</a>',
  '<a>&#0000000065;</a>',
  '<a>&amp;&amp;</a>',
  '<a>&&amp;</a>',
  '<a>&am&amp;</a>',
  '<a>&😀;</a>',
  '<a>&toString;</a>',
  '<a>&valueOf;</a>',
  '<a>&__proto__;</a>',
  '<a>&constructor;</a>',
  '<a>&hasOwnProperty;</a>',
  '<a>&amp;\r\n&lt;</a>',
  '<a b="&amp;"/>',
  '<a b="&lt;&gt;&quot;"/>',
  "<a b='&apos;'/>",
  '<a b="&#65;&#x42;"/>',
  '<a b="&unknown;"/>',
  '<a b="&"/>',
  '<a b="&#xD800;"/>',
  '<a b="&amp;\r\n"/>',
  '<a b="&toString;"/>',
  // JSX in expressions: arrows, conditionals, templates, class fields, calls, returns, objects
  'const el = <a/>;',
  'const f = () => <a/>;',
  'const f = () => (\n  <div>\n    <span/>\n  </div>\n);',
  'const f = async () => <a>{await b}</a>;',
  'function C() { return <a/>; }',
  'function C() {\n  return (\n    <a/>\n  );\n}',
  'x = c ? <a/> : <b/>;',
  'x = c ? <a/> : null;',
  'x = c && <a/>;',
  'x = c || <></>;',
  'x = `a${<b/>}c`;',
  'x = tag`${<b/>}`;',
  'class K { f = <a/>; static s = <></>; #p = <b/>; render() { return <c/>; } }',
  'render(<App/>, document.getElementById("root"));',
  'x = [<a key="1"/>, <b key="2"/>];',
  'x = { a: <a/>, [b]: <b/> };',
  'x = (<a/>);',
  'x = (<a/>) < b;',
  'x = a < b > c;',
  'if (a < b) c(<d/>);',
  'export default <a/>;',
  'export default function App() { return <a/>; }',
  'export const X = () => <a/>;',
  'for (const x of <a/>) ;',
  'x = <a/>\n/re/g',
  'yield_ = function* () { yield <a/>; };',
  'x = new Foo(<a/>);',
  'x = typeof <a/>;',
  'x = <a/> ?? <b/>;',
  // A member access, call or tagged template on an element (oxc parses it apart: quirks).
  'x = <a/>.props;',
  'x = <a></a>.type;',
  'x = <a/>[0];',
  'x = <a/>();',
  'x = <a/>`t`;',
  'x = <a/>?.b;',
  'x = <></>.c;',
  'x = <a b="&amp;">{/* c */}text&#65;</a>.d.e(1)[2];',
  'x = <a>{<b/>.c}</a>.d;',
  'f(<a/>.b, <c/>.d);',
  'function g() { return<a/>.b; }',
  'x = <a/>\n.b;',
  'x = <a.b-c></a.b-c>.d;',
  'class K { f = <a>{this.x}</a>.props; }',
  'async function h() { return <a>{b}</a>.c; }',
  // ... also on the next line, where oxc inserts a semicolon and acorn-jsx reads on.
  '<a></a>\n``',
  '<a/>\n(b)',
  '<a/>\n[b]',
  'x = <a/>\n`t`',
  'f = () => <a/>\n(b)',
  '<a/>\n// c\n(b)',
  '<a>{/* q */}</a> /*\n*/ (b)',
  'x = <a>\n(text)\n[more]\n`t`</a>',
  'x = <>\n</>\n(b)',
  'x = <a>{/* a */}{b}{/* c */}</a> // d',
  '/* before */ <a>{/* inside */}</a> /* after */',
  'x = 1; <!-- html comment\n<a/>',
  'x = 1;\n<a/>',
  '<a-/>',
  '<a b="c"d/>',
  '#!/usr/bin/env node\n<a/>',
  // Nesting
  '<a><b><c><d><e>deep</e></d></c></b></a>',
  '<a>{<b>{<c>{<d/>}</c>}</b>}</a>',
  '<a b={<c d={<e f={<g/>}/>}/>}/>',
];

/** Sources acorn-jsx rejects: binast must reject them with its message, at its position. */
const JSX_ERRORS = [
  '<a></b>',
  '<a><b></a></b>',
  '<a.b></a.c>',
  '<a.b-c></a.b_c>',
  '<a:b></a:c>',
  '<a:b></a>',
  '<a></a:a>',
  '<></a>',
  '<a></>',
  '<a>',
  '<a',
  '<a b',
  '<a b="c',
  "<a b='c/>",
  '<a b=c/>',
  '<a b=/>',
  '<a b={}/>',
  '<a b={/* c */}/>',
  '<a {b}/>',
  '<a {...}/>',
  '<a>{...b}</a>',
  '<a/><b/>',
  'x = <a/><b/>;',
  '<a></a><b></b>',
  '<a>></a>',
  '<a>}</a>',
  '<a>a > b</a>',
  '<a>{b</a>',
  '<a>{b}}</a>',
  '<a.b:c/>',
  '<a:b.c/>',
  '<a:b:c/>',
  '<a.></a.>',
  '<.a/>',
  '<1/>',
  '<a 1/>',
  '<\\u0061/>',
  '<a\\u0062/>',
  '<𝒜/>',
  '<a𝒜/>',
  '<a b:/>',
  '<a b.c/>',
  '<a>&</b>',
  '</a>',
  '<a>text',
  '<a>{/* unterminated </a>',
  '<a/>>',
  'x = <a/> <b/>;',
  '<a><</a>',
  '<a>{<b/></a>',
  'function f() { return <a/>',
  '<a></a>{b}',
  '<a b=<c>/>',
  '<a>=></a>',
  'x = <a/>\n<b/>',
  'x = 1\n<a/>',
  'x = <a></b>.c;',
  'x = <a>{(() => { let q; let q; })}</a>.c;',
  'x = <a/>.;',
  '<a {...b, c}/>',
];

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

const describeError = (error: unknown): string =>
  error instanceof SyntaxError ? `SyntaxError ${error.message} @${(error as SyntaxError & { pos: number }).pos}` : `${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`;

describe('JSX cases: identical to acorn-jsx (plain, locations, ranges, both; comments)', () => {
  it(`${JSX_CASES.length} cases, each as a module and as a script`, () => {
    const failures: string[] = [];
    let compared = 0;
    for (const source of JSX_CASES) {
      for (const sourceType of ['module', 'script'] as const) {
        const expected = thrown(() => JsxParser.parse(source, { ecmaVersion: 'latest', sourceType }));
        if (expected !== undefined) {
          // A module-only source (`export`) as a script, or a script-only one (`<!--`) as a
          // module: the same error.
          if (sourceType === 'script' && thrown(() => JsxParser.parse(source, { ecmaVersion: 'latest', sourceType: 'module' })) !== undefined) {
            failures.push(`${JSON.stringify(source)}: acorn-jsx rejects it as a module and as a script (${describeError(expected)}); move it to JSX_ERRORS`);
          }
          const error = thrown(() => parse(source, { ecmaVersion: 'latest', sourceType, jsx: true }));
          if (describeError(error) !== describeError(expected)) failures.push(`${JSON.stringify(source)} (${sourceType}): ${describeError(error)}; acorn-jsx ${describeError(expected)}`);
          continue;
        }
        const diff = thrown(() => {
          const d = differenceFromAcornJsx(source, sourceType);
          if (d) throw new Error(d);
        });
        if (diff) failures.push(`${JSON.stringify(source)} (${sourceType}): ${describeError(diff)}`);
        compared++;
      }
    }
    expect(failures).toEqual([]);
    expect(compared).toBeGreaterThan(JSX_CASES.length * 1.9);
    console.log(`jsx cases: ${JSX_CASES.length} sources, ${compared} source/sourceType pairs identical to acorn-jsx in 4 position variants with comments`);
  });

  it('the header has flag bit 2 (JSX); decode() needs no option for it', () => {
    const bytes = encode('<a/>', { jsx: true });
    expect(readHeader(bytes).flags & FLAG_JSX).toBe(FLAG_JSX);
    expect(bytes[5]! & 4).toBe(4);
    expect(readHeader(encode('a', {})).flags & FLAG_JSX).toBe(0);
    // Plain JavaScript encoded with jsx decodes to the same tree.
    const source = 'const a = 1 < 2, b = a > 1;';
    expect(JSON.stringify(decode(encode(source, { jsx: true })))).toBe(JSON.stringify(decode(encode(source))));
  });

  it('encode() takes UTF-8 bytes with jsx too; onComment as a callback gets acorn-jsx\'s comments', () => {
    const source = 'const a = <p b="é &amp; ü">{/* c */}日本 &hearts;{d /* e */}</p>; // f';
    const fromBytes = encode(new TextEncoder().encode(source), { sourceType: 'module', jsx: true, comments: true });
    expect(fromBytes).toEqual(encode(source, { sourceType: 'module', jsx: true, comments: true }));
    const error = thrown(() => encode(new TextEncoder().encode('<a></b>'), { jsx: true }));
    expect(describeError(error)).toBe(describeError(thrown(() => JsxParser.parse('<a></b>', { ecmaVersion: 'latest' }))));
    const calls: unknown[][] = [];
    const expected: unknown[][] = [];
    parse(source, { ecmaVersion: 'latest', sourceType: 'module', jsx: true, locations: true, onComment: (...args: unknown[]) => calls.push(args) });
    JsxParser.parse(source, { ecmaVersion: 'latest', sourceType: 'module', locations: true, onComment: (...args: unknown[]) => expected.push(args) });
    expect(JSON.stringify(calls)).toBe(JSON.stringify(expected));
    expect(calls.length).toBe(3);
  });

  it("the node types are @types/estree-jsx's", () => {
    const program = parse('<a b="c">{d}</a>', { ecmaVersion: 'latest', jsx: true });
    const statement = program.body[0] as unknown as ESTreeJsx.ExpressionStatement;
    const element = statement.expression as ESTreeJsx.JSXElement;
    const attribute = element.openingElement.attributes[0] as ESTreeJsx.JSXAttribute;
    expect(element.type).toBe('JSXElement');
    expect((attribute.name as ESTreeJsx.JSXIdentifier).name).toBe('b');
    expect((element.children[0] as ESTreeJsx.JSXExpressionContainer).type).toBe('JSXExpressionContainer');
  });
});

describe('JSX errors: where acorn-jsx errors, the same SyntaxError', () => {
  it(`${JSX_ERRORS.length} sources acorn-jsx rejects, through encode() and parse()`, () => {
    const failures: string[] = [];
    for (const source of JSX_ERRORS) {
      for (const sourceType of ['module', 'script'] as const) {
        const expected = thrown(() => JsxParser.parse(source, { ecmaVersion: 'latest', sourceType, locations: true }));
        if (!(expected instanceof SyntaxError)) {
          failures.push(`${JSON.stringify(source)} (${sourceType}): acorn-jsx accepts it; move it to JSX_CASES`);
          continue;
        }
        const viaEncode = thrown(() => encode(source, { sourceType, jsx: true }));
        const viaParse = thrown(() => parse(source, { ecmaVersion: 'latest', sourceType, jsx: true }));
        for (const [what, error] of [['encode', viaEncode], ['parse', viaParse]] as const) {
          if (!(error instanceof SyntaxError) || error.message !== expected.message || (error as unknown as { pos: number }).pos !== (expected as unknown as { pos: number }).pos) {
            failures.push(`${JSON.stringify(source)} (${sourceType}) ${what}: ${describeError(error)}; acorn-jsx ${describeError(expected)}`);
          }
        }
        const loc = (viaParse as { loc?: unknown }).loc;
        expect(loc).toEqual((expected as unknown as { loc: unknown }).loc);
      }
    }
    expect(failures).toEqual([]);
  });

  it('without jsx, JSX is the SyntaxError acorn throws', () => {
    for (const source of ['<a/>', 'x = <a>b</a>;', '<>x</>']) {
      const expected = thrown(() => acorn.parse(source, { ecmaVersion: 'latest' })) as SyntaxError;
      expect(expected).toBeInstanceOf(SyntaxError);
      for (const error of [thrown(() => encode(source)), thrown(() => parse(source, { ecmaVersion: 'latest' }))]) {
        expect(describeError(error)).toBe(describeError(expected));
      }
    }
  });
});

describe("acorn-jsx's options", () => {
  const cases = ['<a:b/>', '<a b:c="d"/>', '<a:b.c/>', '<a:b.c></a:b.c>', '<a.b:c/>', '<a/>', '<a b="c"><d:e/></a>'];
  const outcome = (run: () => unknown): string => {
    try {
      return JSON.stringify(run());
    } catch (error) {
      return describeError(error);
    }
  };
  for (const jsx of [{ allowNamespaces: false }, { allowNamespacedObjects: true }, { allowNamespaces: false, allowNamespacedObjects: true }, { allowNamespaces: true }, {}]) {
    it(`parse({ jsx: ${JSON.stringify(jsx)} }) is acornJsx(${JSON.stringify(jsx)})`, () => {
      const parser = acornJsxParser(jsx);
      for (const source of cases) {
        for (const options of [{}, { locations: true }]) {
          const expected = outcome(() => parser.parse(source, { ecmaVersion: 'latest', ...options }));
          expect(outcome(() => parse(source, { ecmaVersion: 'latest', jsx, ...options })), source).toBe(expected);
        }
      }
    });
  }

  it('encode() honours allowNamespaces and refuses allowNamespacedObjects: true (BAD_OPTION)', () => {
    const expected = thrown(() => acornJsxParser({ allowNamespaces: false }).parse('<a:b/>', { ecmaVersion: 'latest' })) as SyntaxError;
    expect(describeError(thrown(() => encode('<a:b/>', { jsx: { allowNamespaces: false } })))).toBe(describeError(expected));
    expect(() => encode('<a/>', { jsx: { allowNamespacedObjects: true } })).toThrow(BinastError);
    expect((thrown(() => encode('<a/>', { jsx: { allowNamespacedObjects: true } })) as BinastError).code).toBe('BAD_OPTION');
    // Without namespaces, allowNamespacedObjects changes nothing: accepted.
    expect(encode('<a/>', { jsx: { allowNamespaces: false, allowNamespacedObjects: true } })).toBeInstanceOf(Uint8Array);
  });

  it('bad jsx options are BAD_OPTION', () => {
    for (const jsx of ['yes', 1, [], { allowNamespace: true }, { allowNamespaces: 'no' }, { allowNamespacedObjects: 1 }]) {
      for (const run of [() => encode('<a/>', { jsx: jsx as never }), () => parse('<a/>', { ecmaVersion: 'latest', jsx: jsx as never })]) {
        const error = thrown(run);
        expect(error, JSON.stringify(jsx)).toBeInstanceOf(BinastError);
        expect((error as BinastError).code).toBe('BAD_OPTION');
      }
    }
    // `jsx: false` is no JSX.
    expect(thrown(() => parse('<a/>', { ecmaVersion: 'latest', jsx: false }))).toBeInstanceOf(SyntaxError);
  });

  it('older editions: acorn-jsx with that ecmaVersion', () => {
    for (const source of ['const f = () => <a b={c}/>;', 'x = <a>{async () => await b}</a>;', 'x = <a>{b ?? c}</a>;']) {
      for (const ecmaVersion of [2015, 2017, 2019, 2020] as const) {
        const expected = outcome(() => JsxParser.parse(source, { ecmaVersion, locations: true }));
        expect(outcome(() => parse(source, { ecmaVersion, jsx: true, locations: true })), `${ecmaVersion}: ${source}`).toBe(expected);
      }
    }
  });
});

describe(`real JSX source: the .jsx files of ${JSX_PACKAGES.join(', ')}`, () => {
  const files = jsxFiles();
  it('at least 100 files in at least three packages', () => {
    const packages = new Set(files.map((f) => f.pkg));
    expect(packages.size).toBeGreaterThanOrEqual(3);
    expect(files.length).toBeGreaterThanOrEqual(100);
  });
  for (const pkg of JSX_PACKAGES) {
    it(`${pkg}: identical to acorn-jsx, plain and with locations, eager and lazy`, { timeout: 120_000 }, () => {
      const mine = files.filter((f) => f.pkg === pkg);
      expect(mine.length).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const file of mine) {
        const bytes = encode(file.source, { sourceType: 'module', jsx: true });
        for (const options of [{}, { locations: true }]) {
          const expected = JSON.stringify(JsxParser.parse(file.source, { ecmaVersion: 'latest', sourceType: 'module', ...options }));
          if (JSON.stringify(decode(bytes, options)) !== expected) failures.push(`${file.name} ${JSON.stringify(options)} (decode)`);
          // Lazy bodies (components are mostly function bodies): the same tree once read.
          if (JSON.stringify(decode(bytes, { ...options, lazy: true })) !== expected) failures.push(`${file.name} ${JSON.stringify(options)} (lazy)`);
          if (JSON.stringify(parse(file.source, { ecmaVersion: 'latest', sourceType: 'module', jsx: true, ...options })) !== expected) {
            failures.push(`${file.name} ${JSON.stringify(options)} (parse)`);
          }
        }
      }
      expect(failures).toEqual([]);
      console.log(`jsx real source: ${pkg}: ${mine.length} files identical to acorn-jsx (plain and with locations, eager and lazy)`);
    });
  }
});

describe('JSX in the cache and the CLI', () => {
  afterAll(() => removeTempDirs());

  it('the cache keys JSX apart: a source cached without jsx is not served with it, and the reverse', () => {
    const dir = tempDir('jsx-cache');
    const cache = createCache({ dir });
    const source = 'x = a < b > c;'; // valid with and without JSX
    const plain = cache.parse(source, { ecmaVersion: 'latest' });
    const withJsx = cache.parse(source, { ecmaVersion: 'latest', jsx: true });
    expect(JSON.stringify(withJsx)).toBe(JSON.stringify(JsxParser.parse(source, { ecmaVersion: 'latest' })));
    expect(JSON.stringify(plain)).toBe(JSON.stringify(acorn.parse(source, { ecmaVersion: 'latest' })));
    const element = '<a b="&amp;">{c}</a>';
    expect(JSON.stringify(cache.parse(element, { ecmaVersion: 'latest', jsx: true, locations: true }))).toBe(
      JSON.stringify(JsxParser.parse(element, { ecmaVersion: 'latest', locations: true })),
    );
    expect(() => cache.parse(element, { ecmaVersion: 'latest' })).toThrow(SyntaxError);
    expect(() => cache.parse('<a:b/>', { ecmaVersion: 'latest', jsx: { allowNamespaces: false } })).toThrow(SyntaxError);
    expect(cache.parse('<a:b/>', { ecmaVersion: 'latest', jsx: true }).body.length).toBe(1);
    cache.close();
  });

  it('binast encode/verify/inspect: .jsx files are JSX; --jsx makes any file JSX', () => {
    ensureBuilt();
    const dir = tempDir('jsx-cli');
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'app.jsx'), 'export const App = () => <div className="a">&nbsp;{x}</div>;\n');
    writeFileSync(join(dir, 'src', 'plain.js'), 'const el = <a/>;\n');
    expect(binast(['encode', 'src/app.jsx'], { cwd: dir }).code).toBe(0);
    const inspected = binast(['inspect', 'src/app.jsx.binast'], { cwd: dir });
    expect(inspected.stdout).toMatch(/flags\s+module, no comments, JSX/);
    expect(JSON.parse(binast(['inspect', 'src/app.jsx.binast', '--json'], { cwd: dir }).stdout).flags).toEqual({ module: true, comments: false, jsx: true });
    // A .js file with JSX: a SyntaxError without --jsx, fine with it.
    expect(binast(['encode', 'src/plain.js'], { cwd: dir }).code).toBe(1);
    expect(binast(['encode', 'src/plain.js', '--jsx'], { cwd: dir }).code).toBe(0);
    // Folders include .jsx files; verify compares them with acorn-jsx.
    const verified = binast(['verify', 'src', '--jsx'], { cwd: dir });
    expect(verified.stdout, verified.stderr).toMatch(/verified 2 files .*: 2 identical to acorn/);
    expect(binast(['verify', 'src/app.jsx'], { cwd: dir }).code).toBe(0);
  });
});
