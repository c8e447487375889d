import { crc32, deflateRawSync } from 'node:zlib';
import { readRollFile } from '../../../server/roll/roll-file';
import { declaredInflatedBytes } from '../../../server/roll/xlsx.parser';
import { MAX_XLSX_INFLATED_BYTES, ZipGuardError, storedZip, unzipBounded } from '../../../server/roll/zip-guard';

/**
 * A workbook-shaped zip whose sheet entry carries the data-descriptor flag and false sizes (0 in
 * the local header, 1 KB in the descriptor and the central directory): a streaming unzipper that
 * trusts the flag inflates until the deflate stream ends. Small on disk: zeros deflate ~1000:1.
 */
function bomb(inflatedBytes: number): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const add = (name: string, data: Buffer, lie: boolean) => {
    const n = Buffer.from(name);
    const body = deflateRawSync(data, { level: 9 });
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(lie ? 0x0008 : 0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(lie ? 0 : crc32(data), 14);
    local.writeUInt32LE(lie ? 0 : body.length, 18);
    local.writeUInt32LE(lie ? 0 : data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const said = lie ? 1024 : data.length;
    const descriptor = Buffer.alloc(lie ? 16 : 0);
    if (lie) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc32(data), 4);
      descriptor.writeUInt32LE(body.length, 8);
      descriptor.writeUInt32LE(said, 12);
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(lie ? 0x0008 : 0, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(said, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    parts.push(local, n, body, descriptor);
    central.push(c, n);
    offset += 30 + n.length + body.length + descriptor.length;
  };
  add('[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types/>'), false);
  add('xl/worksheets/sheet1.xml', Buffer.alloc(inflatedBytes, 0x20), true);
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(2, 8);
  end.writeUInt16LE(2, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}

describe('the .xlsx zip-bomb guard counts inflated bytes, not declared sizes', () => {
  const big = bomb(MAX_XLSX_INFLATED_BYTES + 16 * 1024 * 1024);

  it('builds a bomb that is small on disk and whose directory lies', () => {
    expect(big.length).toBeLessThan(200 * 1024);
    expect(declaredInflatedBytes(big)).toBeLessThan(2048);
  });

  it('refuses the bomb as BAD_FILE', async () => {
    const r = await readRollFile({ name: '名册.xlsx', contentBase64: big.toString('base64') });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', reason: 'BAD_FILE' });
  });

  it('stops inflating at the budget: the inflated byte count never passes it', () => {
    const budget = 1024 * 1024;
    let caught: unknown = null;
    try {
      unzipBounded(bomb(8 * 1024 * 1024), { maxInflated: budget, keep: () => true });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ZipGuardError);
    expect((caught as ZipGuardError).reason).toBe('TOO_LARGE');
    expect((caught as ZipGuardError).inflatedBytes).toBeLessThanOrEqual(budget);
  });

  it('follows a data descriptor to the next entry when the entry is within budget', () => {
    const r = unzipBounded(bomb(4096), { maxInflated: 1024 * 1024, keep: () => true });
    expect(r.entries.map((e) => [e.name, e.data.length])).toEqual([
      ['[Content_Types].xml', 29],
      ['xl/worksheets/sheet1.xml', 4096],
    ]);
    expect(r.inflatedBytes).toBe(29 + 4096);
  });

  it('re-packs what it read as a stored zip the guard reads back unchanged', () => {
    const entries = [{ name: 'a.xml', data: Buffer.from('<a/>') }, { name: '表.xml', data: Buffer.from('<b>王</b>') }];
    const r = unzipBounded(storedZip(entries), { keep: () => true });
    expect(r.entries.map((e) => [e.name, e.data.toString()])).toEqual([
      ['a.xml', '<a/>'],
      ['表.xml', '<b>王</b>'],
    ]);
  });

  it('refuses encrypted entries and truncated data', () => {
    const ok = storedZip([{ name: 'a.xml', data: Buffer.from('<a/>') }]);
    const encrypted = Buffer.from(ok);
    encrypted.writeUInt16LE(0x0001, 6);
    expect(() => unzipBounded(encrypted, { keep: () => true })).toThrow(ZipGuardError);
    expect(() => unzipBounded(bomb(4096).subarray(0, 120), { keep: () => true })).toThrow(ZipGuardError);
  });
});
