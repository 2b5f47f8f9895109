// Regenerates every file derived from scripts/codegen/schema.mjs. With --check it writes
// nothing and fails when a generated file is stale (CI runs it so the two sides cannot drift).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModel } from './model.mjs';
import { emitRustMod, emitRustSchema, emitRustWriter } from './emit-rust.mjs';
import { emitTsDecoder, emitTsSchema } from './emit-ts.mjs';
import { emitJsxEntities } from './emit-jsx-entities.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const model = buildModel();
const outputs = {
  'crates/binast/src/generated/mod.rs': emitRustMod(model),
  'crates/binast/src/generated/schema.rs': emitRustSchema(model),
  'crates/binast/src/generated/writer.rs': emitRustWriter(model),
  'ts/generated/schema.ts': emitTsSchema(model),
  'ts/generated/decoder.ts': emitTsDecoder(model),
  'crates/binast/src/convert/jsx_entities.rs': emitJsxEntities(),
};

const check = process.argv.includes('--check');
const stale = [];
for (const [path, text] of Object.entries(outputs)) {
  const file = join(root, path);
  let current = null;
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (current === text) continue;
  if (check) {
    stale.push(path);
  } else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote ${relative(root, file)}`);
  }
}
if (stale.length > 0) {
  console.error(`generated files are stale; run \`npm run codegen\` and commit:\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
if (check) console.log(`codegen: ${Object.keys(outputs).length} generated files are up to date (schema ${model.schemaHash.toString(16)})`);
