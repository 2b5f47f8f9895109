// The encode fuzzer's JSX sources (issue #14): generated JSX, valid and almost valid, and
// mutated real JSX files, for `fuzzEncode(..., { sources: fuzzJsxSource })` with an api whose
// `jsx` is acorn-jsx's parser (`acorn.Parser.extend(acornJsx())`). binast must build acorn-jsx's
// tree or reject with it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { REPO_ROOT } from './engine.mjs';

/** The real JSX corpus: every `.jsx` file of these pinned devDependencies. */
export const JSX_PACKAGES = ['@kobalte/core', '@ark-ui/solid', '@solidjs/router'];

/** `{ pkg, name, path, source }` for every `.jsx` file of JSX_PACKAGES, sorted. */
export function jsxFiles(packages = JSX_PACKAGES) {
  const files = [];
  for (const pkg of packages) {
    const base = join(REPO_ROOT, 'node_modules', pkg);
    for (const name of globSync('**/*.jsx', { cwd: base }).sort()) {
      const path = join(base, name);
      files.push({ pkg, name: `${pkg}/${name}`, path, source: readFileSync(path, 'utf8'), sourceType: 'module' });
    }
  }
  return files;
}

const JSX_TOKENS = [
  '<', '>', '</', '/>', '<>', '</>', '{', '}', '{...x}', '=', '"', "'", ':', '.', '-', 'a', 'div', 'Foo', 'ns:t',
  'a.b', '&amp;', '&lt;', '&#65;', '&#x41;', '&nbsp;', '&bogus;', '&', '&#;', '&#x;', '&toString;', '\r\n', '\n',
  '&#xD83D;&#xDE00;', 'é', '😀', '{/* c */}', '{}', 'x={1}', '"a&quot;b"', '<a/>', '<a></a>', '</a>', '=>',
  '\\u0061', 'this', 'class', 'n', '//', '/*', '*/', '`', '${', '?', ';',
];

/** Text a JSX child may hold: entities of every kind, line breaks, non-ASCII, odd characters. */
function text(random) {
  const parts = [
    'hi', ' ', 'text n', 'fun', '\n  ', '\r\n', '\r', '\u2028', 'é', '日本', '😀', '&amp;', '&lt;&gt;', '&nbsp;',
    '&#65;', '&#x41;', '&#X41;', '&#x1F600;', '&#xD83D;&#xDE00;', '&#xD800;', '&#0;', '&#99999999;', '&unknown;',
    '&amp', '& ', '&#;', '&#x;', '&;', '&toString;', '&valueOf;', '&__proto__;', '&constructor;', '&abcdefghij;',
    '&a;b', 'n', '1n', 'a_b', '"q"', "'", '=', ':', '/', '.', '&&', '\t',
  ];
  const odd = ['>', '}', '&gt', '\\', '`'];
  return Array.from({ length: random.range(1, 4) }, () => (random.chance(0.03) ? random.pick(odd) : random.pick(parts))).join('');
}

/**
 * A program with JSX in it: elements, fragments, member and namespaced names, every attribute
 * form, nested expression containers, empty containers with comments, text with entities, in
 * arrow bodies, conditionals, templates, class fields, calls... Most are valid; a few odd choices
 * (mismatched closing tags, spread children, empty attribute containers, adjacent elements,
 * `>`/`}` in text, unterminated strings) exercise acorn-jsx's errors.
 */
export function generateJsx(random, budget = 30) {
  let remaining = budget;
  const odd = () => random.chance(0.03);
  const name = () =>
    random.pick(['a', 'div', 'span', 'Foo', 'Foo.Bar', 'a.b.c', 'svg:rect', 'xlink:href', 'data-x', 'my-el', 'this', 'this.x', 'A.b-c', 'if', 'class', 'é', 'ñ-x']);
  const attrName = () => random.pick(['a', 'id', 'className', 'data-x', 'aria-label', 'xlink:href', 'on:click', 'class', 'for', 'key', 'n', 'if']);
  const string = () => {
    const quote = random.pick(['"', "'"]);
    const body = odd()
      ? random.pick(['\\"', "\\'", quote])
      : random.pick(['', 'x', 'a b', 'a&amp;b', '&quot;', '&#39;', '&#x27;', 'line\nbreak', 'crlf\r\nx', '\\n', '\\', 'é😀', '&bogus;', '&', '{x}', '<b>', 'x n', '&#xD800;', quote === '"' ? "'" : '"']);
    return odd() ? `${quote}${body}` : `${quote}${body}${quote}`;
  };
  const expr = (depth) => {
    remaining--;
    if (depth > 5 || remaining <= 0) return random.pick(['x', 'a.b', '1', '"s"', 'null', 'f()', 'this.p', '`t`']);
    switch (random.int(12)) {
      case 0: return element(depth + 1);
      case 1: return fragment(depth + 1);
      case 2: return `${expr(depth + 1)} ? ${element(depth + 1)} : ${random.pick(['null', element(depth + 1)])}`;
      case 3: return `${expr(depth + 1)} && ${element(depth + 1)}`;
      case 4: return `items.map((i) => ${element(depth + 1)})`;
      case 5: return `\`a\${${element(depth + 1)}}b\``;
      case 6: return `() => ${random.chance(0.5) ? element(depth + 1) : `{ return ${element(depth + 1)}; }`}`;
      case 7: return `(${element(depth + 1)})`;
      case 8: return `f(${element(depth + 1)}, ${expr(depth + 1)})`;
      case 9: return `{ k: ${element(depth + 1)} }`;
      case 10: return odd() ? `${element(depth + 1)}${random.pick(['.props', '[0]', '()', '?.x', '`t`'])}` : `x < y`;
      default: return random.pick(['x', 'a.b', '1', '"s"', '[1, 2]', 'f()', 'a > b', 'a < b ? c : d', '/re/g']);
    }
  };
  const attribute = (depth) => {
    switch (random.int(odd() ? 10 : 8)) {
      case 0: return attrName();
      case 1: case 2: return `${attrName()}=${string()}`;
      case 3: return `${attrName()}={${expr(depth + 1)}}`;
      case 4: return `{...${random.pick(['props', 'a.b', 'f()', '{ a: 1 }'])}}`;
      case 5: return `${attrName()}=${element(depth + 1)}`;
      case 6: return `${attrName()}=${fragment(depth + 1)}`;
      case 7: return `${attrName()}={/* c */ ${expr(depth + 1)}}`;
      case 8: return `${attrName()}={}`;
      default: return `${attrName()}=`;
    }
  };
  const gap = () => random.pick([' ', ' ', '\n', '\r\n', '  ', ' /* c */ ', '\n// c\n']);
  const child = (depth) => {
    remaining--;
    if (depth > 5 || remaining <= 0) return text(random);
    switch (random.int(odd() ? 12 : 9)) {
      case 0: case 1: return text(random);
      case 2: return element(depth + 1);
      case 3: return fragment(depth + 1);
      case 4: return `{${expr(depth + 1)}}`;
      case 5: return random.pick(['{/* comment */}', '{}', '{ }', '{// line\n}', '{/* a */ /* b */}', '{\n}']);
      case 6: return `{${random.pick(['x', 'a.b', 'cond ? "a" : "b"', '`t${x}`'])}}`;
      case 7: return `{${element(depth + 1)}}`;
      case 8: return '\n    ';
      case 9: return '{...children}';
      case 10: return '<a/><b/>';
      default: return `</${name()}>`;
    }
  };
  function element(depth) {
    remaining--;
    const tag = name();
    const attributes = Array.from({ length: random.int(depth > 4 ? 1 : 4) }, () => gap() + attribute(depth)).join('');
    if (depth > 5 || remaining <= 0 || random.chance(0.3)) return `<${tag}${attributes}${random.pick(['', ' '])}/>`;
    const children = Array.from({ length: random.int(4) }, () => child(depth)).join('');
    const closing = odd() ? name() : tag;
    return `<${tag}${attributes}>${children}</${closing}>`;
  }
  function fragment(depth) {
    remaining--;
    const children = Array.from({ length: random.int(4) }, () => child(depth)).join('');
    return odd() ? `<>${children}</a>` : `<${random.pick(['', ' '])}>${children}</${random.pick(['', ' '])}>`;
  }
  let names = 0;
  const stmt = () => {
    const n = names++;
    switch (random.int(9)) {
      case 0: return `const el${n} = ${element(0)};`;
      case 1: return `function C${n}(props) { return ${random.chance(0.5) ? `(\n  ${element(0)}\n)` : element(0)}; }`;
      case 2: return `const F${n} = () => ${fragment(0)};`;
      case 3: return `class K${n} { render() { return ${element(0)}; } field = ${element(0)}; static s = ${fragment(0)}; }`;
      case 4: return `x = cond ? ${element(0)} : ${fragment(0)};`;
      case 5: return `render(${element(0)}, root);`;
      case 6: return `export default ${random.chance(0.5) ? element(0) : `function App() { return ${element(0)}; }`};`;
      case 7: return odd() ? `${element(0)}${element(0)}` : `(${element(0)});`;
      default: return `let t${n} = \`\${${element(0)}}\`;`;
    }
  };
  const parts = [];
  while (remaining > 0) parts.push(stmt());
  return parts.join(random.pick(['\n', '\r\n', ' ']));
}

let realJsx;

/** One JSX source to try: generated, a JSX token soup, or a mutated slice of a real JSX file. */
export function fuzzJsxSource(random) {
  const choice = random.int(10);
  if (choice < 5) return { origin: 'generated jsx', source: generateJsx(random, random.range(4, 40)), sourceType: 'module' };
  if (choice === 5) {
    const n = random.range(1, 16);
    const source = Array.from({ length: n }, () => random.pick(JSX_TOKENS)).join(random.pick(['', ' ', '\n']));
    return { origin: 'jsx tokens', source, sourceType: random.pick(['script', 'module']) };
  }
  realJsx ??= jsxFiles();
  const file = random.pick(realJsx);
  let source = file.source;
  if (source.length > 12000) {
    const start = random.int(source.length - 6000);
    source = source.slice(start, start + 6000);
  }
  const edits = random.range(1, 2);
  for (let e = 0; e < edits; e++) {
    // Mostly inside JSX: just before a closing tag, where children go.
    let at = random.int(source.length + 1);
    const closing = source.indexOf('</', at);
    if (random.chance(0.7) && closing >= 0) at = closing;
    switch (random.int(6)) {
      case 0: source = source.slice(0, at) + random.pick(JSX_TOKENS) + source.slice(at); break;
      case 1: source = source.slice(0, at) + source.slice(at + random.range(1, 12)); break;
      case 2: case 5: source = source.slice(0, at) + text(random) + source.slice(at); break;
      case 3: {
        const from = random.int(source.length);
        source = source.slice(0, at) + source.slice(from, from + random.range(1, 40)) + source.slice(at);
        break;
      }
      default: source = source.slice(0, at) + random.pick([' ', '\n', '\r\n', '/**/', '\u2028']) + source.slice(at);
    }
  }
  return { origin: `mutated ${file.name}`, source, sourceType: 'module' };
}
