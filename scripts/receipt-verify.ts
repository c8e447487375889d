/**
 * Offline check of a nomination receipt with only the deployment's published public key:
 *
 *   npm run receipt:verify -- --receipt '<receipt json>' --key <public key pem file> [--root <hex>]
 *
 * Checks that the code is derived from the hash, that the signature is the key's over the hash,
 * and — when the receipt JSON carries `inclusion` {root, index, path} (as verifyReceipt returns
 * it) — that the path leads from the hash to the root, and that root equals `--root` (the one
 * printed on the candidate notice) when given. Exit 0 when everything holds, 1 otherwise.
 */
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { verifyInclusion } from '../server/audit/merkle-tree';
import { receiptCodeOf } from '../server/use-cases/nominations/ballot-receipt.records';

export interface ReceiptCheck {
  readonly ok: boolean;
  readonly lines: string[];
}

interface ReceiptJson {
  code?: unknown;
  hash?: unknown;
  signature?: unknown;
  keyId?: unknown;
  inclusion?: { root?: unknown; path?: unknown } | null;
}

export function checkReceipt(receiptText: string, publicKeyPem: string, expectedRoot?: string): ReceiptCheck {
  const lines: string[] = [];
  let r: ReceiptJson;
  try {
    r = JSON.parse(receiptText) as ReceiptJson;
  } catch {
    return { ok: false, lines: ['回执不是有效的 JSON'] };
  }
  const receipt = (r as { receipt?: ReceiptJson }).receipt ?? r;
  const inclusion = r.inclusion ?? null;
  const { hash, code, signature } = receipt;
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash) || typeof signature !== 'string') return { ok: false, lines: ['回执缺少哈希或签名'] };
  let ok = true;
  const codeOk = code === receiptCodeOf(hash);
  lines.push(codeOk ? '回执编号与哈希一致' : '回执编号与哈希不一致');
  let sigOk = false;
  try {
    sigOk = verify(null, Buffer.from(hash, 'utf8'), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64url'));
  } catch {
    sigOk = false;
  }
  lines.push(sigOk ? `签名有效（密钥 ${String(receipt.keyId ?? '')}）` : '签名无效');
  ok = codeOk && sigOk;
  if (inclusion) {
    const path = Array.isArray(inclusion.path) ? inclusion.path.filter((s): s is string => typeof s === 'string') : [];
    const root = typeof inclusion.root === 'string' ? inclusion.root : '';
    const inOk = verifyInclusion(hash, path, root) && (expectedRoot === undefined || expectedRoot === root);
    lines.push(inOk ? `已计入提名计票（核验码 ${root}）` : '计票包含证明不成立');
    ok = ok && inOk;
  } else if (expectedRoot !== undefined) {
    lines.push('回执没有包含证明，无法对照核验码');
    ok = false;
  }
  return { ok, lines };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const receipt = arg('receipt');
  const key = arg('key');
  if (!receipt || !key) {
    console.error("用法: npm run receipt:verify -- --receipt '<json>' --key <公钥 PEM 文件> [--root <核验码>]");
    process.exit(2);
  }
  const result = checkReceipt(receipt, readFileSync(key, 'utf8'), arg('root'));
  for (const l of result.lines) console.log(l);
  console.log(result.ok ? '核验通过' : '核验不通过');
  process.exit(result.ok ? 0 : 1);
}
