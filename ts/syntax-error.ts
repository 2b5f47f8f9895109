// Syntax errors shaped like acorn's: "message (line:column)", with `pos`, `loc`, `raisedAt`.

export interface BinastSyntaxError extends SyntaxError {
  pos: number;
  loc: { line: number; column: number };
  raisedAt: number;
}

const LINE_BREAK = /\r\n?|\n|\u2028|\u2029/g;

/** Line (1-based) and column (UTF-16) of `pos`, counting line breaks as acorn does. */
export function lineColumn(source: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(source); match !== null && match.index < pos; match = LINE_BREAK.exec(source)) {
    line++;
    lineStart = match.index + match[0].length;
  }
  return { line, column: pos - lineStart };
}

export function syntaxError(source: string, message: string, pos: number): BinastSyntaxError {
  const loc = lineColumn(source, pos);
  const error = new SyntaxError(`${message} (${loc.line}:${loc.column})`) as BinastSyntaxError;
  error.pos = pos;
  error.loc = loc;
  error.raisedAt = pos;
  return error;
}
