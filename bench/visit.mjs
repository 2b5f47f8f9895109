/** Visits every object and array of a tree (reading every lazy body on the way); returns the tree. */
export function visitAll(tree) {
  const stack = [tree];
  while (stack.length > 0) {
    const value = stack.pop();
    for (const key in value) {
      const child = value[key];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return tree;
}
