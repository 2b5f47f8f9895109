// Human-readable numbers and error lines shared by the commands.

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
}

export function formatInt(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * `file:line:column: message` for an error about `file` (GNU style, column 1-based so that
 * terminals and editors can jump to it). acorn-style syntax errors carry `loc` with a
 * 0-based column and repeat it as a "(line:col)" suffix, which is dropped here.
 */
export function formatFileError(file: string, error: unknown): string {
  if (error instanceof SyntaxError) {
    const loc = (error as SyntaxError & { loc?: { line: number; column: number } }).loc;
    if (loc && typeof loc.line === 'number') {
      const message = error.message.replace(/ \(\d+:\d+\)$/, '');
      return `${file}:${loc.line}:${loc.column + 1}: SyntaxError: ${message}`;
    }
  }
  return `${file}: ${errorMessage(error)}`;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    // fs errors already name the path; keep only their reason ("ENOENT: no such file ...").
    if (typeof code === 'string' && code.startsWith('E') && 'syscall' in error) {
      return error.message.replace(/, \w+ '.*'$/, '');
    }
    return error.message;
  }
  return String(error);
}

/** Aligned plain-text table; the first column left-aligned, the others right-aligned. */
export function table(rows: string[][], indent = ''): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      indent +
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
