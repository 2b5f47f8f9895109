// The module records of an ESTree Program, found by walking the tree: the independent
// reference moduleInfo() is compared with (test/modules.test.ts). Written from ESTree's
// definitions only, without looking at the modules section.
import type { ModuleInfo } from '../../ts/index.ts';

type AnyNode = { type: string; start: number; end: number; [key: string]: any };

const nameOf = (node: AnyNode): string => (node.type === 'Identifier' ? node.name : node.value);

function attributesOf(node: AnyNode) {
  return (node.attributes ?? []).map((a: AnyNode) => ({ key: nameOf(a.key), value: a.value.value }));
}

/** The identifiers a binding pattern declares, in source order. */
function boundNames(pattern: AnyNode | null, out: string[] = []): string[] {
  if (pattern === null) return out;
  switch (pattern.type) {
    case 'Identifier':
      out.push(pattern.name);
      break;
    case 'ObjectPattern':
      for (const p of pattern.properties) boundNames(p.type === 'RestElement' ? p.argument : p.value, out);
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements) boundNames(element, out);
      break;
    case 'RestElement':
      boundNames(pattern.argument, out);
      break;
    case 'AssignmentPattern':
      boundNames(pattern.left, out);
      break;
  }
  return out;
}

function exportNames(node: AnyNode) {
  switch (node.type) {
    case 'ExportAllDeclaration':
      return node.exported ? [{ exported: nameOf(node.exported), local: null }] : [];
    case 'ExportDefaultDeclaration': {
      const d = node.declaration;
      const named = (d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') && d.id;
      return [{ exported: 'default', local: named ? d.id.name : null }];
    }
  }
  const d = node.declaration;
  if (d === null) return node.specifiers.map((s: AnyNode) => ({ exported: nameOf(s.exported), local: nameOf(s.local) }));
  const names = d.type === 'VariableDeclaration' ? d.declarations.flatMap((v: AnyNode) => boundNames(v.id)) : [d.id.name];
  return names.map((name: string) => ({ exported: name, local: name }));
}

const KIND = { ExportNamedDeclaration: 'named', ExportDefaultDeclaration: 'default', ExportAllDeclaration: 'all' } as const;
const SPECIFIER = { ImportSpecifier: 'named', ImportDefaultSpecifier: 'default', ImportNamespaceSpecifier: 'namespace' } as const;

export function referenceModuleInfo(program: AnyNode): ModuleInfo {
  const info: ModuleInfo = { imports: [], exports: [], dynamicImports: [], importMeta: [], hasModuleSyntax: false };
  for (const node of program.body as AnyNode[]) {
    if (node.type === 'ImportDeclaration') {
      info.imports.push({
        source: node.source.value,
        sourceStart: node.source.start,
        sourceEnd: node.source.end,
        specifiers: node.specifiers.map((s: AnyNode) => ({
          kind: SPECIFIER[s.type as keyof typeof SPECIFIER],
          imported: s.type === 'ImportSpecifier' ? nameOf(s.imported) : s.type === 'ImportDefaultSpecifier' ? 'default' : null,
          local: s.local.name,
        })),
        attributes: attributesOf(node),
        phase: node.phase ?? null,
        start: node.start,
        end: node.end,
      });
    } else if (node.type in KIND) {
      const source = node.source ?? null;
      info.exports.push({
        kind: KIND[node.type as keyof typeof KIND],
        names: exportNames(node),
        source: source && source.value,
        sourceStart: source && source.start,
        sourceEnd: source && source.end,
        attributes: source ? attributesOf(node) : [],
        start: node.start,
        end: node.end,
      });
    }
  }
  // Every node, with an explicit stack (trees may be deep).
  const stack: unknown[] = [program];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      continue;
    }
    const node = value as AnyNode;
    if (node.type === 'ImportExpression') {
      const { source } = node;
      const literal = source.type === 'Literal' && typeof source.value === 'string';
      const template = source.type === 'TemplateLiteral' && source.expressions.length === 0;
      info.dynamicImports.push({
        source: literal ? source.value : template ? source.quasis[0].value.cooked : null,
        sourceStart: node.source.start,
        sourceEnd: node.source.end,
        start: node.start,
        end: node.end,
      });
    } else if (node.type === 'MetaProperty' && node.meta.name === 'import') {
      info.importMeta.push({ start: node.start, end: node.end });
    }
    for (const key of Object.keys(node)) {
      if (key !== 'loc') stack.push(node[key]);
    }
  }
  info.dynamicImports.sort((a, b) => a.start - b.start);
  info.importMeta.sort((a, b) => a.start - b.start);
  info.hasModuleSyntax = info.imports.length > 0 || info.exports.length > 0 || info.importMeta.length > 0;
  return info;
}
