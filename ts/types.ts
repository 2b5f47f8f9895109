// binast's trees are acorn's trees, so their types are acorn's: every node has `start` and
// `end`, and `loc` / `range` (optional, present when asked for), as `acorn.parse` declares.
// Type-only: nothing of acorn is loaded by these imports.
export type { Comment, Node, Position, Program, SourceLocation } from 'acorn';
