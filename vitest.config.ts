import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // typescript.js with locations: acorn's tree and the decoded tree together
    // need more than the default heap on small machines.
    execArgv: ['--max-old-space-size=6144'],
    // Corpus-wide tests loop over thousands of files in a single `it`;
    // real-world tests set their own 120 s timeout.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
