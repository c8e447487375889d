import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import CommitteeGate from '../../../../components/committee-gate';
import PrintButton from '../../../../components/print-button';
import RollFilePicker from '../../../../components/roll-file-picker';
import { useActionCall } from '../../../../hooks/use-action';
import { roll, type OutputOf } from '../../../../services/contracts';
import { noticeSheetText } from '../../../../services/notice-sheet-text';

type Report = OutputOf<typeof roll.importRoll>;
const SHOWN_REJECTED = 300;

/** 导入名册: the committee's Excel/CSV → per-row report → 选民登记告知书 with the new binding codes. */
export default function ImportRollPage() {
  return <CommitteeGate>{({ electionId, election, village }) => <ImportRoll electionId={electionId} villageName={village?.villageName ?? ''} title={election?.title ?? ''} />}</CommitteeGate>;
}

function ImportRoll({ electionId, villageName, title }: { electionId: string; villageName: string; title: string }) {
  const call = useActionCall(roll.importRoll);
  const [fileName, setFileName] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [printing, setPrinting] = useState(false);

  if (printing && report) return <NoticeSheets report={report} villageName={villageName} title={title} onBack={() => setPrinting(false)} />;

  const rejected = report?.rows.filter((r) => r.status === 'rejected') ?? [];
  const warned = report?.rows.filter((r) => r.warning) ?? [];
  const codes = report?.rows.filter((r) => r.bindingCode) ?? [];
  return (
    <View>
      <View className='card' data-testid='import-pick'>
        <Text className='card-title'>导入选民登记表</Text>
        <Text className='text'>支持 Excel（.xlsx）和 CSV。表头要有：姓名、身份证号码、村民小组、类别；可以有：手机号码、居住起始日期、备注。</Text>
        <Text className='text small muted'>同一个文件再导入一次不会重复登记；改正后的文件只更新改了的地方。</Text>
        <RollFilePicker
          disabled={call.pending}
          onPicked={async (file) => {
            setFileName(file.name);
            setReport(null);
            const data = await call.run({ electionId, file });
            if (data) setReport(data);
          }}
        />
        {fileName ? <Text className='text small'>文件：{fileName}</Text> : null}
        {call.pending ? (
          <Text className='notice warn' data-testid='import-pending'>
            正在导入，请稍等…
          </Text>
        ) : null}
        {call.error ? (
          <Text className='notice error' data-testid='import-error'>
            {call.error.message}
          </Text>
        ) : null}
      </View>

      {report ? (
        <View className='card' data-testid='import-report'>
          <Text className='card-title'>导入结果</Text>
          <View className='figures'>
            <Figure label='总行数' value={report.total} />
            <Figure label='已接受' value={report.accepted} />
            <Figure label='新登记' value={report.created} />
            <Figure label='已更新' value={report.updated} />
            <Figure label='无变化' value={report.unchanged} />
            <Figure label='未导入' value={report.rejected} />
            {report.warned ? <Figure label='请核对' value={report.warned} /> : null}
          </View>
          {report.ignoredColumns.length ? <Text className='text small muted'>没有用到的列：{report.ignoredColumns.join('、')}</Text> : null}
          {report.rejected === 0 ? <Text className='notice ok'>每一行都导入了。</Text> : null}
        </View>
      ) : null}

      {report && rejected.length ? (
        <View className='card' data-testid='import-rejected'>
          <Text className='card-title'>没有导入的行（{rejected.length}行）</Text>
          <Text className='text small muted'>请在表格里改正这些行，再导入一次。</Text>
          {rejected.slice(0, SHOWN_REJECTED).map((r) => (
            <View className='todo-item' key={r.row} data-row={r.row}>
              <Text className='text strong'>
                第{r.row}行 {r.name || '（没有姓名）'}
                {r.group ? ` · ${r.group}` : ''}
              </Text>
              <Text className='text small'>{r.message ?? r.reason ?? '不能导入'}</Text>
            </View>
          ))}
          {rejected.length > SHOWN_REJECTED ? <Text className='text small muted'>还有{rejected.length - SHOWN_REJECTED}行没有列出。</Text> : null}
        </View>
      ) : null}

      {report && warned.length ? (
        <View className='card' data-testid='import-warnings'>
          <Text className='card-title'>请核对的行（{warned.length}行）</Text>
          <Text className='text small muted'>这些行已经导入。本村已有同名、同小组的人，身份证号码不一样，这次的文件里又没有那一条：可能是改正了身份证号码，原来那一条还在名单上。</Text>
          {warned.slice(0, SHOWN_REJECTED).map((r) => (
            <View className='todo-item' key={r.row} data-row={r.row} data-warning={r.warning!.reason}>
              <Text className='text strong'>
                第{r.row}行 {r.name}
                {r.group ? ` · ${r.group}` : ''}
                {r.idMasked ? ` · ${r.idMasked}` : ''}
              </Text>
              <Text className='text small'>
                原有登记：{r.warning!.other.name}（{r.warning!.other.group}，身份证号码{r.warning!.other.idMasked}）
              </Text>
              <Text className='text small'>{r.warning!.message}</Text>
            </View>
          ))}
          {warned.length > SHOWN_REJECTED ? <Text className='text small muted'>还有{warned.length - SHOWN_REJECTED}行没有列出。</Text> : null}
        </View>
      ) : null}

      {report && codes.length ? (
        <View className='card' data-testid='import-codes'>
          <Text className='card-title'>新发的绑定码（{codes.length}人）</Text>
          <Text className='text'>绑定码只在这里显示一次。请打印《选民登记告知书》，发给每位选民，用来在小程序上绑定身份。</Text>
          <Button className='btn' id='open-print' onClick={() => setPrinting(true)}>
            打印告知书
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <View className='figure' data-figure={label}>
      <Text className='figure-num'>{value}</Text>
      <Text className='figure-label'>{label}</Text>
    </View>
  );
}

/** 选民登记告知书: one slip per new voter (name, group, binding code) — never the ID number. */
function NoticeSheets({ report, villageName, title, onBack }: { report: Report; villageName: string; title: string; onBack: () => void }) {
  const rows = report.rows.filter((r) => r.bindingCode);
  return (
    <View data-testid='print-sheet'>
      <View className='card no-print'>
        <Text className='text'>共{rows.length}份告知书，按表格行的顺序排列，可以沿虚线剪开。</Text>
        <PrintButton />
        <Button className='btn plain' id='close-print' onClick={onBack}>
          返回导入结果
        </Button>
      </View>
      <View className='card print-sheet'>
        {rows.map((r) => (
          <View className='print-item' key={r.row} data-row={r.row}>
            <Text className='text strong'>选民登记告知书</Text>
            <Text className='text'>
              {r.name}（{villageName} {r.group}）：
            </Text>
            <Text className='text small'>{noticeSheetText({ title, category: r.category, status: r.voterStatus })}</Text>
            <Text className='text'>
              绑定码：<Text className='code'>{r.bindingCode}</Text>
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
