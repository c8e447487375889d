/**
 * Zip-bomb guard for .xlsx imports. A workbook is a zip; a streaming unzipper (such as the one
 * inside read-excel-file, which read rolls before) follows the local headers and — for entries
 * flagged with a data descriptor — inflates until each deflate stream ends, whatever sizes the
 * central directory or the local headers declare. A 408 KB file with that flag and false sizes
 * made it inflate past 1 GB.
 *
 * So the guard walks the local headers the same way, inflates every entry itself while counting
 * the inflated bytes against one budget for the whole file, and stops at the budget (zlib's
 * maxOutputLength: inflation halts there, nothing past it is produced). The sheet reader
 * (xlsx.parser.ts) reads only the entries the guard inflated. storedZip re-packs entries as a
 * plain stored zip with exact sizes (tests use it to build workbooks and to feed the previous
 * reader in the parity test).
 */
import { crc32, inflateRawSync } from 'node:zlib';

/** Inflated bytes a roll workbook may hold: a 5,000-row sheet is a few MB of XML. */
export const MAX_XLSX_INFLATED_BYTES = 32 * 1024 * 1024;
/** Entries in a workbook: a few dozen in practice. */
const MAX_ZIP_ENTRIES = 2000;

export type ZipRefusal = 'NOT_ZIP' | 'TOO_LARGE' | 'TOO_MANY_ENTRIES' | 'BAD_ENTRY';

export class ZipGuardError extends Error {
  constructor(
    readonly reason: ZipRefusal,
    /** Bytes inflated before the guard stopped (never more than the budget). */
    readonly inflatedBytes: number,
  ) {
    super(`zip refused: ${reason} after ${inflatedBytes} inflated bytes`);
    this.name = 'ZipGuardError';
  }
}

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

const LOCAL = 0x04034b50;
export const CENTRAL = 0x02014b50;
export const EOCD = 0x06054b50;
const DESCRIPTOR = 0x08074b50;

interface Walk {
  at: number;
  inflated: number;
  readonly budget: number;
}

/** One entry's data from `start`: its bytes and how many compressed bytes it took. */
function inflateEntry(buf: Buffer, start: number, method: number, declared: number | null, walk: Walk): { data: Buffer; consumed: number } {
  if (method === 0) {
    if (declared === null || start + declared > buf.length) throw new ZipGuardError('BAD_ENTRY', walk.inflated);
    if (walk.inflated + declared > walk.budget) throw new ZipGuardError('TOO_LARGE', walk.inflated);
    return { data: buf.subarray(start, start + declared), consumed: declared };
  }
  if (method !== 8) throw new ZipGuardError('BAD_ENTRY', walk.inflated);
  const input = buf.subarray(start, declared === null ? buf.length : start + declared);
  const room = walk.budget - walk.inflated;
  try {
    // maxOutputLength stops zlib as soon as the output would pass the room left.
    const r = inflateRawSync(input, { info: true, maxOutputLength: Math.max(1, room) }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    if (r.buffer.length > room) throw new ZipGuardError('TOO_LARGE', walk.inflated);
    return { data: r.buffer, consumed: r.engine.bytesWritten };
  } catch (e) {
    if (e instanceof ZipGuardError) throw e;
    const tooLarge = e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw new ZipGuardError(tooLarge ? 'TOO_LARGE' : 'BAD_ENTRY', tooLarge ? walk.budget : walk.inflated);
  }
}

/**
 * The entries `keep` selects, every entry inflated within `maxInflated` bytes in total.
 * Throws ZipGuardError on anything else (encrypted, unknown method, truncated, over budget).
 */
export function unzipBounded(buf: Buffer, opts: { maxInflated?: number; keep: (name: string) => boolean }): { entries: ZipEntry[]; inflatedBytes: number } {
  const walk: Walk = { at: 0, inflated: 0, budget: opts.maxInflated ?? MAX_XLSX_INFLATED_BYTES };
  const entries: ZipEntry[] = [];
  for (let count = 0; ; count++) {
    if (walk.at + 4 > buf.length) throw new ZipGuardError(count ? 'BAD_ENTRY' : 'NOT_ZIP', walk.inflated);
    const sig = buf.readUInt32LE(walk.at);
    if (sig === CENTRAL || sig === EOCD) break;
    if (sig !== LOCAL || walk.at + 30 > buf.length) throw new ZipGuardError(count ? 'BAD_ENTRY' : 'NOT_ZIP', walk.inflated);
    if (count >= MAX_ZIP_ENTRIES) throw new ZipGuardError('TOO_MANY_ENTRIES', walk.inflated);
    const flags = buf.readUInt16LE(walk.at + 6);
    const method = buf.readUInt16LE(walk.at + 8);
    const nameLen = buf.readUInt16LE(walk.at + 26);
    const start = walk.at + 30 + nameLen + buf.readUInt16LE(walk.at + 28);
    if (flags & 0x0001 || start > buf.length) throw new ZipGuardError('BAD_ENTRY', walk.inflated);
    const name = buf.toString('utf8', walk.at + 30, walk.at + 30 + nameLen);
    const hasDescriptor = (flags & 0x0008) !== 0;
    const { data, consumed } = inflateEntry(buf, start, method, hasDescriptor ? null : buf.readUInt32LE(walk.at + 18), walk);
    walk.inflated += data.length;
    if (opts.keep(name)) entries.push({ name, data });
    walk.at = start + consumed;
    if (hasDescriptor) walk.at += walk.at + 4 <= buf.length && buf.readUInt32LE(walk.at) === DESCRIPTOR ? 16 : 12;
  }
  return { entries, inflatedBytes: walk.inflated };
}

/**
 * The fields a local header and its central-directory entry share, from the flags on (`at` 6 in
 * the local header, 8 in the central entry): UTF-8 names, stored, the CRC, both sizes, the name's length.
 */
function writeEntryFields(b: Buffer, at: number, crc: number, size: number, nameLength: number): void {
  b.writeUInt16LE(0x0800, at);
  b.writeUInt32LE(crc, at + 8);
  b.writeUInt32LE(size, at + 12);
  b.writeUInt32LE(size, at + 16);
  b.writeUInt16LE(nameLength, at + 20);
}

/** A plain zip of stored (uncompressed) entries with exact sizes and CRCs. */
export function storedZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    writeEntryFields(local, 6, crc, e.data.length, name.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    writeEntryFields(central, 8, crc, e.data.length, name.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
