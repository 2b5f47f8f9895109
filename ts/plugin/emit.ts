// Bundler-independent core of the plugin: chunks in, .binast files and a manifest out.
import { posix } from 'node:path';
import { encode, FORMAT_VERSION, moduleInfo, SCHEMA_HASH } from '../index.ts';
import { encodeDetecting, type SourceType } from '../cli/source-type.ts';

export interface Chunk {
  /** Relative to the output folder, `/`-separated. */
  fileName: string;
  code: string;
  /** From the output format; undefined to detect (script first, then module). */
  sourceType: SourceType | undefined;
}

export interface ManifestEntry {
  /** The chunk's binary AST, relative to the output folder. */
  binast: string;
  sourceType: SourceType;
  /** Bytes of the chunk (UTF-8) and of its .binast. */
  size: number;
  binastSize: number;
  /** Static imports (import declarations and `export ... from`), as the chunk writes them, once each. */
  imports: string[];
  /** `import()` calls with a string literal, as the chunk writes them, once each. */
  dynamicImports: string[];
  /** The chunks of this build that `imports` name (relative specifiers): what to preload with this one. */
  importedChunks: string[];
  /** The chunks of this build that `dynamicImports` name. */
  dynamicImportedChunks: string[];
}

export interface Manifest {
  formatVersion: number;
  /** The decoder's SCHEMA_HASH, as the number it is, so `manifest.schemaHash === SCHEMA_HASH` compares them. */
  schemaHash: number;
  chunks: Record<string, ManifestEntry>;
  /** Chunks that could not be encoded, with the error; present only when there are some. */
  failed?: Record<string, string>;
}

export interface Emitted {
  files: { fileName: string; bytes: Uint8Array }[];
  manifest: Manifest;
  failures: { fileName: string; message: string }[];
}

export function encodeChunks(chunks: Chunk[], comments: boolean): Emitted {
  const manifest: Manifest = {
    formatVersion: FORMAT_VERSION,
    schemaHash: SCHEMA_HASH,
    chunks: {},
  };
  const files: Emitted['files'] = [];
  const failures: Emitted['failures'] = [];
  for (const chunk of [...chunks].sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0))) {
    try {
      const { bytes, sourceType } = chunk.sourceType
        ? { bytes: encode(chunk.code, { sourceType: chunk.sourceType, comments }), sourceType: chunk.sourceType }
        : encodeDetecting(chunk.code, undefined, comments);
      const fileName = `${chunk.fileName}.binast`;
      files.push({ fileName, bytes });
      const info = moduleInfo(bytes);
      manifest.chunks[chunk.fileName] = {
        binast: fileName,
        sourceType,
        size: Buffer.byteLength(chunk.code, 'utf8'),
        binastSize: bytes.length,
        imports: unique([...info.imports, ...info.exports].filter((r) => r.source !== null).sort((a, b) => a.start - b.start).map((r) => r.source!)),
        dynamicImports: unique(info.dynamicImports.flatMap((d) => (d.source === null ? [] : [d.source]))),
        importedChunks: [],
        dynamicImportedChunks: [],
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ fileName: chunk.fileName, message });
      (manifest.failed ??= {})[chunk.fileName] = message;
    }
  }
  for (const [name, entry] of Object.entries(manifest.chunks)) {
    entry.importedChunks = chunksNamed(name, entry.imports, manifest.chunks);
    entry.dynamicImportedChunks = chunksNamed(name, entry.dynamicImports, manifest.chunks);
  }
  return { files, manifest, failures };
}

const unique = (list: string[]): string[] => [...new Set(list)];

/** The chunks that relative `specifiers` in chunk `from` resolve to. */
function chunksNamed(from: string, specifiers: string[], chunks: Record<string, ManifestEntry>): string[] {
  const resolved = specifiers
    .filter((specifier) => specifier.startsWith('./') || specifier.startsWith('../'))
    .map((specifier) => posix.join(posix.dirname(from), specifier));
  return unique(resolved.filter((name) => Object.hasOwn(chunks, name)));
}

export function manifestJson(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
