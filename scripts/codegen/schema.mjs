// The one schema of binast: every ESTree node kind acorn produces, its fields in acorn's key
// order, and how each is stored on the wire. scripts/codegen turns it into the Rust writer
// (crates/binast/src/generated) and the TypeScript decoder (ts/generated).
//
// A *wire kind* is one node tag in the binary. Several wire kinds may decode to one ESTree
// `type` (e.g. Literal) when storing them apart saves bytes or derives fields for free.
//
// `wire` lists what is stored, in stream order (source order where acorn's key order differs,
// so that position deltas stay small). Wire item types:
//   node      a child node                 node?      a child node or null
//   node[]    a list of nodes              (node|null)[] a list with holes (array elisions)
//   string    a string-table reference     string?    a string or null
//   bool      a bit of the node's attribute word
//   enum:X    an index into enum X, packed into the attribute word
//   uint      an unsigned varint           f64        8 bytes, IEEE 754 little-endian
// `fields` lists what the decoded object holds, in acorn's key order after type/start/end:
// a bare name is the wire item of that name; [key, expr] is a TypeScript expression over the
// wire items (a constant or a value derived at decode time).
// `endLength` marks leaves whose end is `start + length`, derivable from what they store, so
// the end is not written: `ts`/`rust` compute the length in UTF-16 units from the wire items.
// With `fallback`, the writer checks it and uses that kind (which stores the end) where the
// source differs (escapes in identifiers); without one the length always holds.
// `rustBefore` is a Rust statement the writer method runs first (a hook into hand-written code).
// `skippable` names the wire item (a function body) that a lazy decode may skip and read on first
// access: the writer gives it an entry in the bodies section when it is large enough, and says so
// in one more bit of the attribute word (docs/format.md, Bodies section).

export const FORMAT_VERSION = 3;

// The fixed header (docs/format.md, Layout): magic, version, flags, string-reference width, a
// reserved byte, the schema hash, then one u32 byte length per section; the sections follow the
// header back to back in this order. The Rust writer, the decoder, `binast inspect` and the
// fuzzer's forge all take these constants from here.
export const header = {
  magic: [0x89, 0x42, 0x41, 0x53],
  /** Flag bits of byte 5, from bit 0. */
  flags: ['module', 'comments', 'jsx'],
  sections: ['strings', 'nodes', 'refs', 'lines', 'comments', 'bodies', 'modules'],
};

export const enums = {
  SourceType: ['script', 'module'],
  VariableKind: ['var', 'let', 'const', 'using', 'await using'],
  PropertyKind: ['init', 'get', 'set'],
  MethodKind: ['constructor', 'method', 'get', 'set'],
  UnaryOperator: ['-', '+', '!', '~', 'typeof', 'void', 'delete'],
  UpdateOperator: ['++', '--'],
  LogicalOperator: ['||', '&&', '??'],
  BinaryOperator: [
    '==', '!=', '===', '!==', '<', '<=', '>', '>=', '<<', '>>', '>>>',
    '+', '-', '*', '/', '%', '**', '|', '^', '&', 'in', 'instanceof',
  ],
  AssignmentOperator: [
    '=', '+=', '-=', '*=', '/=', '%=', '**=', '<<=', '>>=', '>>>=',
    '|=', '^=', '&=', '||=', '&&=', '??=',
  ],
};

const FALSE = 'false';
const TRUE = 'true';
const NULL = 'null';

// Functions share one shape; `expression`/`generator`/`id` are constants where acorn's
// grammar fixes them.
const functionWire = { id: 'node?', generator: 'bool', async: 'bool', params: 'node[]', body: 'node' };
const functionFields = ['id', ['expression', FALSE], 'generator', 'async', 'params', 'body'];
const classWire = { id: 'node?', superClass: 'node?', body: 'node' };

export const kinds = [
  // Program and statements
  { name: 'Program', wire: { body: 'node[]', sourceType: 'enum:SourceType' } },
  { name: 'ExpressionStatement', wire: { expression: 'node' } },
  // A directive prologue entry; acorn derives `directive` from the literal's raw text.
  {
    name: 'Directive', type: 'ExpressionStatement', wire: { expression: 'node' },
    fields: ['expression', ['directive', 'expression.raw.slice(1, -1)']],
  },
  { name: 'BlockStatement', wire: { body: 'node[]' } },
  { name: 'StaticBlock', wire: { body: 'node[]' }, skippable: 'body' },
  { name: 'EmptyStatement', wire: {} },
  { name: 'DebuggerStatement', wire: {} },
  { name: 'WithStatement', wire: { object: 'node', body: 'node' } },
  { name: 'ReturnStatement', wire: { argument: 'node?' } },
  { name: 'LabeledStatement', wire: { label: 'node', body: 'node' }, fields: ['body', 'label'] },
  { name: 'BreakStatement', wire: { label: 'node?' } },
  { name: 'ContinueStatement', wire: { label: 'node?' } },
  { name: 'IfStatement', wire: { test: 'node', consequent: 'node', alternate: 'node?' } },
  { name: 'SwitchStatement', wire: { discriminant: 'node', cases: 'node[]' } },
  { name: 'SwitchCase', wire: { test: 'node?', consequent: 'node[]' }, fields: ['consequent', 'test'] },
  { name: 'ThrowStatement', wire: { argument: 'node' } },
  { name: 'TryStatement', wire: { block: 'node', handler: 'node?', finalizer: 'node?' } },
  { name: 'CatchClause', wire: { param: 'node?', body: 'node' } },
  { name: 'WhileStatement', wire: { test: 'node', body: 'node' } },
  { name: 'DoWhileStatement', wire: { body: 'node', test: 'node' } },
  { name: 'ForStatement', wire: { init: 'node?', test: 'node?', update: 'node?', body: 'node' } },
  { name: 'ForInStatement', wire: { left: 'node', right: 'node', body: 'node' } },
  { name: 'ForOfStatement', wire: { await: 'bool', left: 'node', right: 'node', body: 'node' } },
  { name: 'VariableDeclaration', wire: { declarations: 'node[]', kind: 'enum:VariableKind' } },
  { name: 'VariableDeclarator', wire: { id: 'node', init: 'node?' } },

  // Functions and classes
  { name: 'FunctionDeclaration', wire: functionWire, fields: functionFields, skippable: 'body' },
  { name: 'FunctionExpression', wire: functionWire, fields: functionFields, skippable: 'body' },
  {
    name: 'ArrowFunctionExpression',
    wire: { expression: 'bool', async: 'bool', params: 'node[]', body: 'node' },
    fields: [['id', NULL], 'expression', ['generator', FALSE], 'async', 'params', 'body'],
    skippable: 'body',
  },
  { name: 'ClassDeclaration', wire: classWire },
  { name: 'ClassExpression', wire: classWire },
  { name: 'ClassBody', wire: { body: 'node[]' } },
  {
    name: 'MethodDefinition',
    wire: { static: 'bool', computed: 'bool', key: 'node', kind: 'enum:MethodKind', value: 'node' },
  },
  { name: 'PropertyDefinition', wire: { static: 'bool', computed: 'bool', key: 'node', value: 'node?' } },

  // Expressions
  {
    name: 'Identifier', wire: { name: 'string' },
    endLength: { ts: 'name.length', rust: 'str_len16(name)', fallback: 'IdentifierWithEnd' },
    // A hand-written hook: the encoder may have re-parsed a misparsed `let` as a placeholder.
    rustBefore: 'let name = self.let_identifier(span, name);',
  },
  {
    name: 'PrivateIdentifier', wire: { name: 'string' },
    endLength: { ts: 'name.length + 1', rust: 'str_len16(name) + 1', fallback: 'PrivateIdentifierWithEnd' },
  },
  { name: 'ThisExpression', wire: {}, endLength: { ts: '4', rust: '4' } },
  { name: 'Super', wire: {}, endLength: { ts: '5', rust: '5' } },
  { name: 'ArrayExpression', wire: { elements: '(node|null)[]' } },
  { name: 'ObjectExpression', wire: { properties: 'node[]' } },
  {
    name: 'Property',
    wire: {
      method: 'bool', shorthand: 'bool', computed: 'bool', key: 'node', value: 'node',
      kind: 'enum:PropertyKind',
    },
  },
  { name: 'SequenceExpression', wire: { expressions: 'node[]' } },
  {
    name: 'UnaryExpression', wire: { operator: 'enum:UnaryOperator', argument: 'node' },
    fields: ['operator', ['prefix', TRUE], 'argument'],
  },
  { name: 'UpdateExpression', wire: { operator: 'enum:UpdateOperator', prefix: 'bool', argument: 'node' } },
  { name: 'BinaryExpression', wire: { left: 'node', operator: 'enum:BinaryOperator', right: 'node' } },
  { name: 'LogicalExpression', wire: { left: 'node', operator: 'enum:LogicalOperator', right: 'node' } },
  {
    name: 'AssignmentExpression', wire: { left: 'node', operator: 'enum:AssignmentOperator', right: 'node' },
    fields: ['operator', 'left', 'right'],
  },
  { name: 'ConditionalExpression', wire: { test: 'node', consequent: 'node', alternate: 'node' } },
  { name: 'CallExpression', wire: { callee: 'node', arguments: 'node[]', optional: 'bool' } },
  { name: 'NewExpression', wire: { callee: 'node', arguments: 'node[]' } },
  { name: 'MemberExpression', wire: { object: 'node', property: 'node', computed: 'bool', optional: 'bool' } },
  { name: 'ChainExpression', wire: { expression: 'node' } },
  { name: 'YieldExpression', wire: { delegate: 'bool', argument: 'node?' } },
  { name: 'AwaitExpression', wire: { argument: 'node' } },
  { name: 'TemplateLiteral', wire: { quasis: 'node[]', expressions: 'node[]' }, fields: ['expressions', 'quasis'] },
  { name: 'TaggedTemplateExpression', wire: { tag: 'node', quasi: 'node' } },
  // Template elements whose cooked value equals the raw text store it once.
  {
    name: 'TemplateElement', wire: { raw: 'string', tail: 'bool' },
    fields: [['value', '{ raw, cooked: raw }'], 'tail'],
  },
  {
    name: 'TemplateElementCooked', type: 'TemplateElement',
    wire: { raw: 'string', cooked: 'string?', tail: 'bool' },
    fields: [['value', '{ raw, cooked }'], 'tail'],
  },
  { name: 'MetaProperty', wire: { meta: 'node', property: 'node' } },
  { name: 'ImportExpression', wire: { source: 'node', options: 'node?' } },
  { name: 'SpreadElement', wire: { argument: 'node' } },

  // Literals: one wire kind per value kind; `raw` is derived wherever the source text allows.
  {
    name: 'StringLiteralDoubleQuoted', type: 'Literal', wire: { value: 'string' },
    fields: ['value', ['raw', '"\\"" + value + "\\""']],
    endLength: { ts: 'value.length + 2', rust: 'str_len16(value) + 2' },
  },
  {
    name: 'StringLiteralSingleQuoted', type: 'Literal', wire: { value: 'string' },
    fields: ['value', ['raw', '"\'" + value + "\'"']],
    endLength: { ts: 'value.length + 2', rust: 'str_len16(value) + 2' },
  },
  {
    name: 'StringLiteral', type: 'Literal', wire: { value: 'string', raw: 'string' },
    endLength: { ts: 'raw.length', rust: 'str_len16(raw)' },
  },
  // An integer below 2^31 whose raw text is its plain decimal form.
  {
    name: 'IntegerLiteral', type: 'Literal', wire: { value: 'uint' }, fields: ['value', ['raw', '"" + value']],
    endLength: { ts: 'decimalDigits(value)', rust: 'decimal_digits(value)' },
  },
  {
    name: 'NumberLiteral', type: 'Literal', wire: { value: 'f64', raw: 'string' },
    endLength: { ts: 'raw.length', rust: 'str_len16(raw)' },
  },
  {
    name: 'BooleanLiteral', type: 'Literal', wire: { value: 'bool' },
    fields: ['value', ['raw', 'value ? "true" : "false"']],
    endLength: { ts: 'value ? 4 : 5', rust: 'if value { 4 } else { 5 }' },
  },
  {
    name: 'NullLiteral', type: 'Literal', wire: {}, fields: [['value', NULL], ['raw', '"null"']],
    endLength: { ts: '4', rust: '4' },
  },
  {
    name: 'RegExpLiteral', type: 'Literal', wire: { pattern: 'string', flags: 'string' },
    fields: [
      ['value', 'regExpValue(pattern, flags)'],
      ['raw', '"/" + pattern + "/" + flags'],
      ['regex', '{ pattern, flags }'],
    ],
    endLength: { ts: 'pattern.length + flags.length + 2', rust: 'str_len16(pattern) + str_len16(flags) + 2' },
  },
  {
    name: 'BigIntLiteral', type: 'Literal', wire: { raw: 'string' },
    fields: [['value', 'bigIntValue(raw)'], 'raw', ['bigint', 'bigIntDigits(raw)']],
    endLength: { ts: 'raw.length', rust: 'str_len16(raw)' },
  },

  // Patterns
  { name: 'ObjectPattern', wire: { properties: 'node[]' } },
  { name: 'ArrayPattern', wire: { elements: '(node|null)[]' } },
  { name: 'RestElement', wire: { argument: 'node' } },
  { name: 'AssignmentPattern', wire: { left: 'node', right: 'node' } },

  // Modules
  { name: 'ImportDeclaration', wire: { specifiers: 'node[]', source: 'node', attributes: 'node[]' } },
  { name: 'ImportSpecifier', wire: { imported: 'node', local: 'node' } },
  { name: 'ImportDefaultSpecifier', wire: { local: 'node' } },
  { name: 'ImportNamespaceSpecifier', wire: { local: 'node' } },
  { name: 'ImportAttribute', wire: { key: 'node', value: 'node' } },
  {
    name: 'ExportNamedDeclaration',
    wire: { declaration: 'node?', specifiers: 'node[]', source: 'node?', attributes: 'node[]' },
  },
  { name: 'ExportSpecifier', wire: { local: 'node', exported: 'node' } },
  { name: 'ExportDefaultDeclaration', wire: { declaration: 'node' } },
  { name: 'ExportAllDeclaration', wire: { exported: 'node?', source: 'node', attributes: 'node[]' } },

  // Identifiers written with escapes (`\\u0061`): their end is stored.
  { name: 'IdentifierWithEnd', type: 'Identifier', wire: { name: 'string' } },
  { name: 'PrivateIdentifierWithEnd', type: 'PrivateIdentifier', wire: { name: 'string' } },

  // JSX (encode's `jsx` option), as acorn-jsx 5.3.2 builds it: `acorn.Parser.extend(acornJsx())`.
  {
    name: 'JSXElement', wire: { openingElement: 'node', children: 'node[]', closingElement: 'node?' },
    fields: ['openingElement', 'closingElement', 'children'],
  },
  {
    name: 'JSXFragment', wire: { openingFragment: 'node', children: 'node[]', closingFragment: 'node' },
    fields: ['openingFragment', 'closingFragment', 'children'],
  },
  {
    name: 'JSXOpeningElement', wire: { name: 'node', attributes: 'node[]', selfClosing: 'bool' },
    fields: ['attributes', 'name', 'selfClosing'],
  },
  { name: 'JSXClosingElement', wire: { name: 'node' } },
  // acorn-jsx reads `<>` with its opening-element code: an empty attribute list, not self-closing.
  { name: 'JSXOpeningFragment', wire: {}, fields: [['attributes', '[]'], ['selfClosing', FALSE]] },
  { name: 'JSXClosingFragment', wire: {} },
  { name: 'JSXAttribute', wire: { name: 'node', value: 'node?' } },
  { name: 'JSXSpreadAttribute', wire: { argument: 'node' } },
  { name: 'JSXExpressionContainer', wire: { expression: 'node' } },
  // From the end of `{` to the start of `}` (comments inside included).
  { name: 'JSXEmptyExpression', wire: {} },
  { name: 'JSXIdentifier', wire: { name: 'string' }, endLength: { ts: 'name.length', rust: 'str_len16(name)' } },
  { name: 'JSXMemberExpression', wire: { object: 'node', property: 'node' } },
  { name: 'JSXNamespacedName', wire: { namespace: 'node', name: 'node' } },
  // Text: `value` has entities decoded and CRLF read as LF; where it equals the raw text it is
  // stored once. acorn-jsx builds text with acorn's parseLiteral, which adds `bigint` (the
  // value) when the raw text ends with `n`: those are kinds of their own, one shape each.
  {
    name: 'JSXText', wire: { raw: 'string' }, fields: [['value', 'raw'], 'raw'],
    endLength: { ts: 'raw.length', rust: 'str_len16(raw)' },
  },
  {
    name: 'JSXTextCooked', type: 'JSXText', wire: { value: 'string', raw: 'string' },
    endLength: { ts: 'raw.length', rust: 'str_len16(raw)' },
  },
  {
    name: 'JSXTextN', type: 'JSXText', wire: { raw: 'string' }, fields: [['value', 'raw'], 'raw', ['bigint', 'raw']],
    endLength: { ts: 'raw.length', rust: 'str_len16(raw)' },
  },
  {
    name: 'JSXTextCookedN', type: 'JSXText', wire: { value: 'string', raw: 'string' },
    fields: ['value', 'raw', ['bigint', 'value']],
    endLength: { ts: 'raw.length', rust: 'str_len16(raw)' },
  },
];
