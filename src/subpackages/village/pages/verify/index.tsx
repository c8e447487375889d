import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { FieldError } from '../../../../components/form-fields';
import PageShell from '../../../../components/page-shell';
import { useVerifyReceipt } from '../../../../hooks/use-nomination';
import { dateTime } from '../../../../services/format';
import { pageQuery } from '../../../../services/committee-nav';
import { scanReceiptCode } from '../../../../services/village-nav';
import '../../../../components/nomination.scss';

/**
 * 核验回执 (anyone, no binding): type or scan the code; the server checks the signature over the
 * stored ballot and says what it covers and whether it is in the published tally.
 */
export default function VerifyPage() {
  const [code, setCode] = useState(() => pageQuery().code ?? '');
  const v = useVerifyReceipt();
  const [result, setResult] = useState<Awaited<ReturnType<typeof v.run>>>(null);
  const check = async (c: string) => {
    setResult(null);
    setResult(await v.run({ code: c }));
  };
  // Opened from a receipt (完成 screen, scanned link): check at once, no second tap to find.
  const [opened] = useState(code);
  const { run } = v;
  useEffect(() => {
    if (opened) void run({ code: opened }).then(setResult);
  }, [opened, run]);
  return (
    <PageShell>
      <View className='card'>
        <Text className='card-title'>核验提名回执</Text>
        <Text className='text'>输入回执上的编号，或扫回执上的二维码。任何人都可以核验，不会显示提名了谁。</Text>
        <Input className='input' id='receipt-input' type='text' maxlength={40} value={code} placeholder='如：NM7K-3QPA-X9' onInput={(e) => setCode(e.detail.value)} />
        <FieldError error={v.error?.fields?.code} />
        <View className='btn-row'>
          <Button
            className='btn plain'
            id='scan-receipt'
            onClick={async () => {
              const c = await scanReceiptCode();
              if (c) {
                setCode(c);
                void check(c);
              }
            }}
          >
            扫二维码
          </Button>
          <Button className={'btn' + (v.pending ? ' disabled' : '')} id='verify-receipt' onClick={() => void check(code)}>
            {v.pending ? '正在核验…' : '核验'}
          </Button>
        </View>
      </View>
      {v.error && !v.error.fields ? (
        <Text className='notice error' data-testid='verify-error'>
          {v.error.message}
        </Text>
      ) : null}
      {result ? <VerifyResult r={result} /> : null}
    </PageShell>
  );
}

function VerifyResult({ r }: { r: NonNullable<Awaited<ReturnType<ReturnType<typeof useVerifyReceipt>['run']>>> }) {
  return (
    <View className='card' data-testid='verify-result' data-valid={r.valid ? 'yes' : 'no'}>
      <Text className={'card-title ' + (r.valid ? 'ok' : 'error')}>{r.valid ? '✓ 回执真实有效' : '✗ 回执核验不通过'}</Text>
      {r.problem ? <Text className='notice error'>{r.problem}</Text> : null}
      {r.covers ? (
        <View>
          <Text className='text'>
            {r.covers.villageName} · {r.covers.electionTitle}
          </Text>
          <Text className='text'>提交时间：{dateTime(r.covers.submittedAt)}（北京时间）</Text>
          <Text className='text'>这张提名票提名了：{r.covers.postsNamed.map((p) => `${p.label}${p.count}人`).join('，') || '无'}</Text>
        </View>
      ) : null}
      <Text className='text' data-testid='inclusion'>
        {r.inclusion ? '✓ 已计入公布的提名统计（可与候选人公告上的校验码核对）' : '提名统计还没有公布；公布后再来核验，可确认是否计入。'}
      </Text>
      {r.inclusion ? <Text className='text small muted code'>校验码：{r.inclusion.root.slice(0, 16)}</Text> : null}
    </View>
  );
}
