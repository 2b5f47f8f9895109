// The cache folder as this process sees it: the packs it has opened (descriptors kept open),
// an in-memory index over them, and the entries and file records this process added but has
// not written yet. New entries are written as one pack per flush: in the background (a thread
// of libuv's pool, while the caller goes on parsing) when enough have piled up or a second
// after the last one; synchronously at flush(), close() and when the process exits. A normal
// exit waits for background writes; flush() (and so process.exit()) completes them itself,
// renaming a finished temp file or rewriting an unfinished one.
import { closeSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFile } from 'node:fs';
import { join } from 'node:path';
import { BinastError } from '../errors.ts';
import { tempPathFor, writeFileAtomic } from './atomic.ts';
import { openPack, PACK_NAME, readEntry, serializePack, type EntryRecord, type FileRecord, type NewEntry, type OpenPack } from './pack.ts';

export interface StoreLimits {
  /** Write a pack once this many bytes of new entries are waiting. */
  flushBytes: number;
  /** A pack that served a hit gets its mtime (its last use, for pruning) renewed when older than this. */
  touchAfterMs: number;
}

interface Location {
  pack: OpenPack;
  record: EntryRecord;
}

/** A pack being written in the background. */
interface Write {
  name: string;
  temp: string;
  bytes: Buffer;
  /** Its entries, still served from memory until the pack is in place. */
  entries: Map<string, NewEntry>;
  /** Finished, failed, or superseded by a synchronous rewrite (then the background one is discarded). */
  settled: boolean;
}

/** How often a process looks for packs other processes wrote since, when it misses. */
const RESCAN_MS = 1000;
/** A flush this long after the last new entry, for processes that keep running. */
const IDLE_FLUSH_MS = 1000;

const liveStores = new Set<PackStore>();
let exitHookInstalled = false;

export class PackStore {
  private readonly packs = new Map<string, OpenPack>();
  private readonly entries = new Map<string, Location>();
  private readonly files = new Map<string, FileRecord>();
  private readonly pending = new Map<string, NewEntry>();
  private readonly pendingFiles = new Map<string, FileRecord>();
  private readonly used = new Set<OpenPack>();
  private readonly writing = new Set<Write>();
  private waitingBytes = 0;
  private lastScan = -Infinity;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly dir: string,
    private readonly limits: StoreLimits,
    readonly report: (error: unknown) => void,
    /** Called after each pack written, with the packs this store knows are in the folder. */
    private readonly afterFlush: (packs: readonly OpenPack[]) => void,
  ) {
    liveStores.add(this);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      // 'exit' runs synchronous code only, which is all a flush is. A crash or a signal loses
      // the waiting entries, never stores a partial one.
      process.on('exit', () => {
        for (const store of liveStores) {
          try {
            store.flush();
          } catch (error) {
            store.report(error); // an exit hook must not throw over the process's own ending
          }
        }
      });
    }
  }

  /** Bytes of new entries not written yet (waiting, or being written in the background). */
  get pendingBytes(): number {
    let bytes = this.waitingBytes;
    for (const write of this.writing) for (const entry of write.entries.values()) bytes += entry.bytes.length;
    return bytes;
  }

  /** The stored bytes for `key`, or undefined. Unreadable entries are reported and missed. */
  read(key: string, sourceLength: number): Uint8Array | undefined {
    if (this.lastScan === -Infinity) this.scan();
    let waiting = this.pending.get(key);
    for (const write of this.writing) waiting ??= write.entries.get(key);
    if (waiting !== undefined) return waiting.sourceLength === sourceLength ? waiting.bytes : undefined;
    let location = this.entries.get(key);
    if (location === undefined && performance.now() - this.lastScan >= RESCAN_MS) {
      this.scan();
      location = this.entries.get(key);
    }
    if (location === undefined || location.record.sourceLength !== sourceLength) return undefined;
    try {
      const bytes = readEntry(location.pack, location.record);
      this.used.add(location.pack);
      return bytes;
    } catch (error) {
      this.report(error);
      return undefined;
    }
  }

  /** Forgets `key`'s location after its bytes proved bad, so the replacement is looked up instead. */
  forget(key: string): void {
    this.entries.delete(key);
  }

  /** The content key recorded for a file in exactly this state, if any. */
  fileKey(path: string, state: Omit<FileRecord, 'path' | 'key'>): string | undefined {
    if (this.lastScan === -Infinity) this.scan();
    const record = this.pendingFiles.get(path) ?? this.files.get(path);
    if (
      record === undefined ||
      record.size !== state.size ||
      record.mtimeMs !== state.mtimeMs ||
      record.ctimeMs !== state.ctimeMs ||
      record.ino !== state.ino
    ) {
      return undefined;
    }
    return record.key;
  }

  add(entry: NewEntry): void {
    if (this.pending.has(entry.key)) return;
    this.pending.set(entry.key, entry);
    this.waitingBytes += entry.bytes.length;
    this.waiting();
  }

  addFile(record: FileRecord): void {
    this.pendingFiles.set(record.path, record);
    this.waiting();
  }

  private waiting(): void {
    if (this.waitingBytes >= this.limits.flushBytes) {
      this.writeInBackground();
      return;
    }
    if (this.idleTimer !== undefined) this.idleTimer.refresh();
    else {
      this.idleTimer = setTimeout(() => this.writeInBackground(), IDLE_FLUSH_MS);
      this.idleTimer.unref();
    }
  }

  /** Takes the waiting entries and file records as the bytes of one new pack. */
  private takePending(): { name: string; bytes: Buffer; entries: Map<string, NewEntry> } | undefined {
    if (this.idleTimer !== undefined) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
    }
    if (this.pending.size === 0 && this.pendingFiles.size === 0) return undefined;
    const entries = new Map(this.pending);
    const { bytes } = serializePack([...entries.values()], [...this.pendingFiles.values()]);
    this.pending.clear();
    this.pendingFiles.clear();
    this.waitingBytes = 0;
    return { name: newPackName(), bytes, entries };
  }

  private writeInBackground(): void {
    const taken = this.takePending();
    if (taken === undefined) return;
    const path = join(this.dir, taken.name);
    const temp = tempPathFor(path);
    const write: Write = { ...taken, temp, settled: false };
    this.writing.add(write);
    const fail = (error: unknown): void => {
      this.report(new BinastError('LIMIT', `cannot write cache pack ${path}`, -1, { cause: error }));
      rmSync(temp, { force: true });
    };
    try {
      mkdirSync(this.dir, { recursive: true });
    } catch (error) {
      this.writing.delete(write);
      fail(error);
      return;
    }
    writeFile(temp, write.bytes, (error) => {
      if (write.settled) {
        rmSync(temp, { force: true }); // renamed or rewritten by flush() meanwhile (flush, close, exit)
        return;
      }
      write.settled = true;
      this.writing.delete(write);
      try {
        if (error) throw error;
        renameSync(temp, path);
      } catch (cause) {
        fail(cause);
        return;
      }
      this.stored(write.name);
    });
  }

  /** Writes the waiting entries and file records as one pack, and completes background writes, synchronously; renews the mtime of packs that served hits. */
  flush(): void {
    // A process that never yields (a plain loop over files) has not run any write's callback
    // yet, though libuv's thread may have finished it: a temp file of full size is complete
    // (written in order), so it is renamed into place here; only unfinished ones are rewritten.
    for (const write of this.writing) {
      write.settled = true;
      if (statSync(write.temp, { throwIfNoEntry: false })?.size === write.bytes.length) {
        try {
          renameSync(write.temp, join(this.dir, write.name));
          this.stored(write.name);
          continue;
        } catch {
          // rewritten below
        }
      }
      this.writeNow(write.name, write.bytes);
    }
    this.writing.clear();
    this.touchUsed();
    const taken = this.takePending();
    if (taken !== undefined) this.writeNow(taken.name, taken.bytes);
  }

  private writeNow(name: string, bytes: Buffer): void {
    const path = join(this.dir, name);
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileAtomic(path, bytes);
    } catch (error) {
      // A read-only or full disk costs speed, not results: these entries are simply not stored.
      this.report(new BinastError('LIMIT', `cannot write cache pack ${path}`, -1, { cause: error }));
      return;
    }
    this.stored(name);
  }

  /** A pack of ours is in place: index it (so its entries leave memory), and let limits be checked. */
  private stored(name: string): void {
    this.load(name);
    this.afterFlush([...this.packs.values()]);
  }

  /** Finds packs written since the last look (by any process) and indexes them. */
  scan(): void {
    this.lastScan = performance.now();
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch (error) {
      // A folder deleted under us (rm -rf of a cache folder) is empty; flush() recreates it.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.report(new BinastError('LIMIT', `cannot list the cache folder ${this.dir}`, -1, { cause: error }));
      }
      return;
    }
    // Oldest first, so that a newer pack's file record for the same path wins.
    for (const name of names.sort()) {
      if (PACK_NAME.test(name) && !this.packs.has(name)) this.load(name);
    }
  }

  private load(name: string): void {
    let pack: OpenPack;
    try {
      pack = openPack(join(this.dir, name), name);
    } catch (error) {
      // Pruned since the listing (ENOENT) is an ordinary race, not an error.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.report(error);
      return;
    }
    this.packs.set(name, pack);
    for (const record of pack.index.entries) this.entries.set(record.key, { pack, record });
    for (const file of pack.index.files) this.files.set(file.path, file);
  }

  private touchUsed(): void {
    const now = Date.now();
    for (const pack of this.used) {
      if (now - pack.mtimeMs < this.limits.touchAfterMs) continue;
      try {
        utimesSync(join(this.dir, pack.name), now / 1000, now / 1000);
        pack.mtimeMs = now;
      } catch {
        // pruned meanwhile, or another user's pack: its age stays as it was
      }
    }
    this.used.clear();
  }

  /** Closes the packs that are no longer in the folder (pruned by anyone), forgetting their entries. */
  dropVanished(): void {
    for (const [name, pack] of this.packs) {
      if (statSync(join(this.dir, name), { throwIfNoEntry: false }) !== undefined) continue;
      this.packs.delete(name);
      for (const record of pack.index.entries) {
        if (this.entries.get(record.key)?.pack === pack) this.entries.delete(record.key);
      }
      for (const file of pack.index.files) {
        if (this.files.get(file.path) === file) this.files.delete(file.path);
      }
      this.used.delete(pack);
      closeSync(pack.fd);
    }
  }

  /** Flushes, then closes every pack. The store is not used afterwards. */
  close(): void {
    this.flush();
    for (const pack of this.packs.values()) closeSync(pack.fd);
    this.packs.clear();
    this.entries.clear();
    this.files.clear();
    this.lastScan = -Infinity;
    liveStores.delete(this);
  }

  /** Drops everything waiting and every open pack (after clear()). */
  reset(): void {
    for (const write of this.writing) write.settled = true;
    this.writing.clear();
    this.pending.clear();
    this.pendingFiles.clear();
    this.waitingBytes = 0;
    for (const pack of this.packs.values()) closeSync(pack.fd);
    this.packs.clear();
    this.entries.clear();
    this.files.clear();
    this.used.clear();
    this.lastScan = -Infinity;
  }
}

function newPackName(): string {
  const random = Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
  return `${Date.now().toString(36).padStart(9, '0')}-${process.pid.toString(36)}-${random}.binastpack`;
}
