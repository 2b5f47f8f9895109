// binast inspect --imports: a file's module records (moduleInfo), read without decoding the tree.
import { moduleInfo, type ImportAttributeRecord, type ModuleInfo } from '../decode/modules.ts';
import { readHeader } from '../decode/header.ts';
import { createPositioner, readLineStarts } from '../decode/locations.ts';

/** The records as `binast inspect --imports --json` prints them. */
export function moduleRecords(file: string, bytes: Uint8Array): { file: string } & ModuleInfo {
  return { file, ...moduleInfo(bytes) };
}

const quote = (text: string): string => JSON.stringify(text);

function withAttributes(attributes: ImportAttributeRecord[]): string {
  return attributes.length === 0 ? '' : ` with { ${attributes.map((a) => `${quote(a.key)}: ${quote(a.value)}`).join(', ')} }`;
}

/** One line per record, at the `line:column` where it starts (from the file's line table). */
export function renderModuleRecords(file: string, bytes: Uint8Array, info: ModuleInfo): string {
  const position = createPositioner(readLineStarts(bytes, readHeader(bytes).lines));
  const at = (offset: number): string => {
    const { line, column } = position(offset);
    return `${line}:${column + 1}`.padEnd(10);
  };
  const out = [`${file}: ${info.hasModuleSyntax ? 'module syntax' : 'no module syntax'}`];
  const list = (title: string, lines: string[]) => {
    out.push(`${title} (${lines.length})`);
    for (const line of lines) out.push(`  ${line}`);
  };
  list(
    'imports',
    info.imports.map((i) => {
      const names = i.specifiers.map((s) =>
        s.kind === 'namespace' ? `* as ${s.local}` : s.imported === s.local ? s.local : `${s.imported} as ${s.local}`,
      );
      return `${at(i.start)}${quote(i.source)}${names.length ? ` { ${names.join(', ')} }` : ''}${withAttributes(i.attributes)}`;
    }),
  );
  list(
    'exports',
    info.exports.map((e) => {
      const names = e.names.map((n) => (n.local === null ? (e.kind === 'all' ? `* as ${n.exported}` : n.exported) : n.local === n.exported ? n.exported : `${n.local} as ${n.exported}`));
      const what = e.kind === 'all' && names.length === 0 ? '*' : names.join(', ');
      return `${at(e.start)}${what}${e.source === null ? '' : ` from ${quote(e.source)}${withAttributes(e.attributes)}`}`;
    }),
  );
  list('dynamic imports', info.dynamicImports.map((d) => `${at(d.start)}${d.source === null ? '(not a string literal)' : quote(d.source)}`));
  list('import.meta', info.importMeta.map((m) => at(m.start).trimEnd()));
  return `${out.join('\n')}\n`;
}
