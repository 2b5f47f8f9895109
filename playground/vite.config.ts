// The playground is a static page: `npx vite playground` to develop,
// `npx vite build playground` to build it into playground/dist.
// `binast` resolves to this repository through its package.json `exports`
// (run `npm run build` first); the WASM encoder becomes a hashed asset.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
  },
});
