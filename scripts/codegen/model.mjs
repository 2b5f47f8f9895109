// Turns the declarative schema into the model both emitters share: tags, wire items with their
// attribute-word bit layout, decoded fields, and the schema hash stored in every binary.
import { FORMAT_VERSION, enums, header, kinds } from './schema.mjs';
import { endGaps, startGaps } from './positions.mjs';

const WIRE_TYPES = new Set(['node', 'node?', 'node[]', '(node|null)[]', 'string', 'string?', 'bool', 'uint', 'f64']);

function bitsFor(count) {
  let bits = 0;
  while (1 << bits < count) bits++;
  return bits;
}

function buildKind(def, index) {
  let bit = 0;
  const wire = Object.entries(def.wire).map(([name, type]) => {
    const item = { name, type, enumName: null, bit: -1, width: 0 };
    if (type.startsWith('enum:')) {
      item.enumName = type.slice(5);
      if (!enums[item.enumName]) throw new Error(`${def.name}.${name}: unknown enum ${item.enumName}`);
      item.type = 'enum';
      item.width = bitsFor(enums[item.enumName].length);
    } else if (type === 'bool') {
      item.width = 1;
    } else if (!WIRE_TYPES.has(type)) {
      throw new Error(`${def.name}.${name}: unknown wire type ${type}`);
    }
    if (item.width > 0) {
      item.bit = bit;
      bit += item.width;
    }
    return item;
  });
  // A skippable body (lazy decoding) takes the attribute word's next bit: "has a skip entry". The
  // writer sets it after writing the body, in place, so the word must stay one byte.
  let skip = null;
  if (def.skippable) {
    const item = wire.find((w) => w.name === def.skippable);
    if (!item || !['node', 'node[]'].includes(item.type)) throw new Error(`${def.name}: skippable must name a node or node[] item`);
    if (bit >= 7) throw new Error(`${def.name}: the skip bit must fit a one-byte attribute word`);
    if (item !== wire[wire.length - 1]) throw new Error(`${def.name}: the skippable item must be the last wire item`);
    skip = { item, bit };
    bit++;
  }
  if (bit > 28) throw new Error(`${def.name}: attribute word needs ${bit} bits (max 28)`);
  const byName = new Map(wire.map((item) => [item.name, item]));
  const fieldDefs = def.fields ?? wire.map((item) => item.name);
  const fields = fieldDefs.map((field) => {
    if (typeof field === 'string') {
      const item = byName.get(field);
      if (!item) throw new Error(`${def.name}.${field}: no wire item of that name`);
      return { key: field, wire: item, expr: null };
    }
    const [key, expr] = field;
    return { key, wire: null, expr };
  });
  for (const item of wire) {
    const used = fields.some((f) => f.wire === item || (f.expr && new RegExp(`\\b${item.name}\\b`).test(f.expr)));
    if (!used) throw new Error(`${def.name}.${item.name}: stored but never decoded`);
  }
  if (def.endLength && wire.some((item) => ['node', 'node?', 'node[]', '(node|null)[]'].includes(item.type))) {
    throw new Error(`${def.name}: only leaves can derive their end`);
  }
  // Position prediction (positions.mjs): each child item's expected start gap(s), the end's gap.
  for (const item of wire) {
    const gap = startGaps[`${def.name}.${item.name}`] ?? 0;
    if (item.type === 'node' || item.type === 'node?') item.expect = gap;
    if (item.type === 'node[]' || item.type === '(node|null)[]') [item.expectFirst, item.expectRest] = Array.isArray(gap) ? gap : [gap, gap];
  }
  return {
    name: def.name,
    type: def.type ?? def.name,
    endExpect: def.endLength ? 0 : (endGaps[def.name] ?? 0),
    tag: index + 1,
    wire,
    fields,
    attrBits: bit,
    skip,
    endLength: def.endLength ?? null,
    rustBefore: def.rustBefore ?? null,
  };
}

// FNV-1a over the canonical JSON of everything that shapes the bytes, so a decoder built from
// another schema refuses the file instead of misreading it.
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function buildModel() {
  // Bit 7 of the tag byte is the position flag (docs/format.md, Nodes).
  if (kinds.length > 127) throw new Error('more than 127 wire kinds do not fit the 7 bits of a tag');
  const built = kinds.map(buildKind);
  const names = new Set();
  for (const kind of built) {
    if (names.has(kind.name)) throw new Error(`duplicate wire kind ${kind.name}`);
    names.add(kind.name);
  }
  for (const kind of built) {
    const fallback = kind.endLength?.fallback;
    if (!fallback) continue;
    const other = built.find((k) => k.name === fallback);
    if (!other || other.endLength || JSON.stringify(other.wire) !== JSON.stringify(kind.wire)) {
      throw new Error(`${kind.name}: fallback ${fallback} must exist, store its end, and have the same wire items`);
    }
  }
  checkPositions(built);
  const schemaHash = fnv1a(JSON.stringify({ FORMAT_VERSION, header, enums, kinds, startGaps, endGaps }));
  return { formatVersion: FORMAT_VERSION, schemaHash, header: headerLayout(), enums, kinds: built };
}

/** Every entry of positions.mjs names a child item (a list: two gaps) or a kind that stores its end. */
function checkPositions(built) {
  const byName = new Map(built.map((kind) => [kind.name, kind]));
  const small = (gap) => Number.isInteger(gap) && gap >= -128 && gap < 128;
  for (const [slot, gap] of Object.entries(startGaps)) {
    const [kindName, field] = slot.split('.');
    const item = byName.get(kindName)?.wire.find((w) => w.name === field);
    const list = item?.type === 'node[]' || item?.type === '(node|null)[]';
    if (!item || !(list || item.type === 'node' || item.type === 'node?')) throw new Error(`positions.mjs: ${slot} is not a child item`);
    if (list ? !(Array.isArray(gap) && gap.length === 2 && gap.every(small)) : !small(gap)) throw new Error(`positions.mjs: bad gap for ${slot}`);
  }
  for (const [kindName, gap] of Object.entries(endGaps)) {
    const kind = byName.get(kindName);
    if (!kind || kind.endLength || !small(gap)) throw new Error(`positions.mjs: ${kindName} stores no end, or a bad gap`);
  }
}

export const snakeCase = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
export const screamingCase = (name) => snakeCase(name).toUpperCase();

/** Byte offsets of the header fields: section i's length is the u32 at 12 + 4 * i. */
function headerLayout() {
  const sectionsAt = 12;
  return {
    magic: header.magic,
    flags: Object.fromEntries(header.flags.map((name, bit) => [name, 1 << bit])),
    sections: header.sections.map((name, i) => ({ name, field: sectionsAt + 4 * i })),
    length: sectionsAt + 4 * header.sections.length,
  };
}
