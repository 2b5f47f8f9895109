// What shapes a stored tree. The cache follows parse()'s own plan of acorn's options
// (nativePlan in ../parse.ts, one mapping for both); these are the bits of it that change the
// stored bytes for the same source, and so seed the key.
import type { ParsePlan } from '../parse-options.ts';

export function treeShape(plan: ParsePlan): number {
  const { sourceType, allowReturnOutsideFunction, allowHashBang, comments, jsx } = plan.encode;
  const namespaces = typeof jsx === 'object' ? jsx.allowNamespaces !== false : true;
  return (
    (sourceType === 'module' ? 1 : 0) |
    (allowReturnOutsideFunction === true ? 2 : 0) |
    (allowHashBang === true ? 4 : 0) |
    (comments === true ? 8 : 0) |
    (jsx ? (namespaces ? 16 : 48) : 0) // JSX, and without namespaced names
  );
}
