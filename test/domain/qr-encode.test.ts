/**
 * The offline QR encoder of the 委托投票证 (src/components/qr/qr-encode.ts): every code is read
 * back by an independent decoder (qrcode-reader, already installed with miniprogram-automator),
 * across versions with one and several error-correction blocks and non-ASCII text.
 */
import { encodeQr } from '../../src/components/qr/qr-encode';

const QrReader = require('qrcode-reader') as new () => { callback: (e: unknown, v: { result: string }) => void; decode(img: { width: number; height: number; data: Uint8ClampedArray }): void };

function decode(text: string): Promise<string> {
  const m = encodeQr(text);
  const scale = 4;
  const quiet = 4;
  const n = (m.length + 2 * quiet) * scale;
  const data = new Uint8ClampedArray(n * n * 4).fill(255);
  m.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const p = (((y + quiet) * scale + dy) * n + (x + quiet) * scale + dx) * 4;
          data[p] = data[p + 1] = data[p + 2] = 0;
        }
    }),
  );
  return new Promise((ok, ko) => {
    const qr = new QrReader();
    qr.callback = (e, v) => (e ? ko(e) : ok(v.result));
    qr.decode({ width: n, height: n, data });
  });
}

describe('encodeQr', () => {
  it.each([
    ['a short certificate number (version 1)', 'WT-2026-0001', 21],
    ['a certificate payload with Chinese names', 'PX7K-3QPA|清溪村|李志强→李志刚|' + 'a'.repeat(100), 49],
    ['a long signed payload (several blocks, version ≥ 7 info)', 'x'.repeat(300), 69],
  ])('encodes %s so that a decoder reads it back', async (_what, text, modules) => {
    expect(encodeQr(text).length).toBe(modules);
    await expect(decode(text)).resolves.toBe(text);
  });

  it('picks the smallest version: one more byte past version 1-M capacity moves to version 2', () => {
    expect(encodeQr('x'.repeat(14)).length).toBe(21);
    expect(encodeQr('x'.repeat(15)).length).toBe(25);
  });

  it('refuses a payload no QR version can hold', () => {
    expect(() => encodeQr('x'.repeat(2400))).toThrow('QR payload too long');
  });
});
