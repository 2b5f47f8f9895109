// binast's trees are acorn's trees, so their types are acorn's: every node has `start` and
// `end`, and `loc` / `range` (optional, present when asked for), as `acorn.parse` declares.
// Type-only: nothing of acorn is loaded by these imports.
export type { Comment, Node, Position, Program, SourceLocation } from 'acorn';
// JSX nodes (encode/parse with `jsx`): acorn-jsx's shapes, as @types/estree-jsx declares them.
export type {
  JSXAttribute,
  JSXClosingElement,
  JSXClosingFragment,
  JSXElement,
  JSXEmptyExpression,
  JSXExpressionContainer,
  JSXFragment,
  JSXIdentifier,
  JSXMemberExpression,
  JSXNamespacedName,
  JSXOpeningElement,
  JSXOpeningFragment,
  JSXSpreadAttribute,
  JSXText,
} from 'estree-jsx';
