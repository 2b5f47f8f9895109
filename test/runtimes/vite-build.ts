// Builds a Vite app (its own index.html under `root`) into `outDir`, the way a
// user's app would be built. `binast` resolves through the package's own
// `exports` (self-reference from inside this repo), so the browser gets
// dist/index.js and Vite emits wasm/binast.wasm as a hashed asset.
import { build, type InlineConfig } from 'vite';

export async function viteBuild(root: string, outDir: string, config: InlineConfig = {}): Promise<void> {
  await build({
    root,
    base: './',
    logLevel: 'warn',
    ...config,
    build: { outDir, emptyOutDir: true, reportCompressedSize: false, ...config.build },
  });
}
