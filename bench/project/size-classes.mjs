// The size classes of the project tables (by source length): the fixed cost per call shows in the
// small files, the per-node cost in the large ones. Issue #12 asks for parse() by these classes.
export const SIZE_CLASSES = [
  { key: 'under4k', label: '< 4 KB files', limit: 4096 },
  { key: 'under64k', label: '4–64 KB', limit: 65536 },
  { key: 'over64k', label: '> 64 KB', limit: Infinity },
];

/** The key of the class a file of `bytes` bytes belongs to. */
export const sizeClass = (bytes) => SIZE_CLASSES.find((c) => bytes < c.limit).key;
