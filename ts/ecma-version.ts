// Older `ecmaVersion`s. binast's encoder parses the latest edition; for an older one, the
// decoded tree is scanned for any construct newer than that edition. None found: the tree is
// acorn's, once the keys acorn adds only in newer editions are dropped. One found: the caller
// lets acorn parse (it rejects the construct, with its error). The scan is conservative: a
// false alarm costs an acorn parse, never a wrong answer.

type Node = { type: string; [key: string]: unknown };

/** Keys acorn 8.19 adds to a node only from some edition on (node type -> [key, first edition]). */
const KEYS_SINCE: Record<string, [string, number][]> = {
  FunctionDeclaration: [['async', 2017]],
  FunctionExpression: [['async', 2017]],
  ArrowFunctionExpression: [['async', 2017]],
  ForOfStatement: [['await', 2018]],
  ExportAllDeclaration: [['exported', 2020], ['attributes', 2025]],
  ImportDeclaration: [['attributes', 2025]],
  ExportNamedDeclaration: [['attributes', 2025]],
  ImportExpression: [['options', 2025]],
  CallExpression: [['optional', 2020]],
  MemberExpression: [['optional', 2020]],
};

/** A regular expression using syntax whose validity changed after 2015. */
const NEWER_REGEXP_SYNTAX = /\(\?<|\\[pPk]|\(\?[a-zA-Z-]/;

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** True when `source[from, to)` holds a comma: a trailing comma before `)` (or a false alarm in a comment). */
const commaBetween = (source: string, from: number, to: number): boolean => source.slice(from, to).includes(',');

const end = (node: unknown): number => (node as { end: number }).end;
const start = (node: unknown): number => (node as { start: number }).start;

/** Does `node` use syntax newer than `edition`? `inAsync`: inside an async function. */
function isNewer(node: Node, edition: number, source: string, inAsync: boolean): boolean {
  switch (node.type) {
    case 'BinaryExpression':
      return node.operator === '**' && edition < 2016;
    case 'AssignmentExpression':
      return (node.operator === '**=' && edition < 2016) || (/^(&&|\|\||\?\?)=$/.test(node.operator as string) && edition < 2021);
    case 'LogicalExpression':
      return node.operator === '??' && edition < 2020;
    case 'ChainExpression':
      return edition < 2020;
    case 'MetaProperty':
      return (node.meta as Node & { name: string }).name === 'import' && edition < 2020;
    case 'ImportExpression':
      return edition < 2020 || (edition < 2025 && (node.options !== null || commaBetween(source, end(node.source), end(node))));
    case 'ExportAllDeclaration':
      return (
        (node.exported !== null && (edition < 2020 || ((node.exported as Node).type === 'Literal' && edition < 2022))) ||
        ((node.attributes as unknown[]).length > 0 && edition < 2025)
      );
    case 'ImportDeclaration':
    case 'ExportNamedDeclaration':
      return ((node.attributes as unknown[] | undefined)?.length ?? 0) > 0 && edition < 2025;
    case 'ImportSpecifier':
      return (node.imported as Node).type === 'Literal' && edition < 2022;
    case 'ExportSpecifier':
      return ((node.local as Node).type === 'Literal' || (node.exported as Node).type === 'Literal') && edition < 2022;
    case 'Literal':
      return isNewerLiteral(node, edition);
    case 'TemplateElement':
      return (node.value as { cooked: string | null }).cooked === null && edition < 2018;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression': {
      const params = node.params as Node[];
      const last = params[params.length - 1];
      return (
        (node.async === true && (edition < 2017 || (node.generator === true && edition < 2018))) ||
        (last !== undefined && edition < 2017 && commaBetween(source, end(last), start(node.body)))
      );
    }
    case 'CallExpression':
    case 'NewExpression': {
      const args = node.arguments as Node[];
      const last = args[args.length - 1];
      return last !== undefined && edition < 2017 && commaBetween(source, end(last), end(node));
    }
    case 'ForOfStatement':
      return node.await === true && (edition < 2018 || (!inAsync && edition < 2022));
    case 'AwaitExpression':
      return !inAsync && edition < 2022; // top-level await
    case 'ObjectPattern':
      return edition < 2018 && (node.properties as Node[]).some((p) => p.type === 'RestElement');
    case 'ObjectExpression':
      return edition < 2018 && (node.properties as Node[]).some((p) => p.type === 'SpreadElement');
    case 'RestElement':
      return edition < 2016 && (node.argument as Node).type !== 'Identifier'; // ES2015 allowed identifiers only (in bindings)
    case 'CatchClause':
      return node.param === null && edition < 2019;
    case 'PropertyDefinition':
    case 'PrivateIdentifier':
    case 'StaticBlock':
      return edition < 2022;
    case 'VariableDeclaration':
      return (node.kind === 'using' || node.kind === 'await using') && edition < 2026;
    default:
      return false;
  }
}

function isNewerLiteral(node: Node, edition: number): boolean {
  if (node.bigint !== undefined && edition < 2020) return true;
  const raw = node.raw as string;
  if (edition < 2021 && (typeof node.value === 'number' || node.bigint !== undefined) && raw.includes('_')) return true;
  const regex = node.regex as { pattern: string; flags: string } | undefined;
  if (regex === undefined) return false;
  const { pattern, flags } = regex;
  return (
    (edition < 2018 && flags.includes('s')) ||
    (edition < 2022 && flags.includes('d')) ||
    (edition < 2024 && flags.includes('v')) ||
    // named groups, lookbehind, \p{...} (its tables grow every year), modifiers, duplicate names
    (edition < 2025 && NEWER_REGEXP_SYNTAX.test(pattern))
  );
}

/** `node` without the keys acorn adds only from a later edition (a copy, keys in order), or `node` itself. */
function withoutNewerKeys(node: Node, edition: number): Node {
  const since = KEYS_SINCE[node.type];
  if (since === undefined || !since.some(([, first]) => edition < first)) return node;
  const copy: Node = { type: node.type };
  for (const key in node) {
    if (!since.some(([k, first]) => k === key && edition < first)) copy[key] = node[key];
  }
  return copy;
}

/**
 * `program` as acorn parses `source` at `edition` (a year before binast's latest), or null when
 * the source may use syntax newer than `edition` (then acorn must parse it). Iterative: decoded
 * trees can be deeper than the JavaScript stack.
 */
export function fitEdition<T extends object>(program: T, source: string, edition: number): T | null {
  // A raw U+2028/U+2029 in a string literal is valid from ES2019 on.
  if (edition < 2019 && /[\u2028\u2029]/.test(source)) return null;
  const stack: { holder: Record<string | number, unknown>; key: string | number; inAsync: boolean }[] = [];
  const root = { program } as Record<string, unknown>;
  stack.push({ holder: root, key: 'program', inAsync: false });
  while (stack.length > 0) {
    const { holder, key, inAsync } = stack.pop()!;
    const original = holder[key] as Node;
    if (isNewer(original, edition, source, inAsync)) return null;
    const node = withoutNewerKeys(original, edition);
    if (node !== original) holder[key] = node;
    const childAsync = node.type.endsWith('FunctionExpression') || node.type === 'FunctionDeclaration'
      ? original.async === true
      : inAsync;
    for (const k in node) {
      const value = node[k];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) if (isNode(value[i])) stack.push({ holder: value as never, key: i, inAsync: childAsync });
      } else if (isNode(value)) {
        stack.push({ holder: node, key: k, inAsync: childAsync });
      }
    }
  }
  return root.program as T;
}
