import { useState, type ReactElement } from 'react';
import { Button, Text, View } from '@tarojs/components';
import CommitteeGate from '../../../../components/committee-gate';
import PrintButton from '../../../../components/print-button';
import RollFilePicker from '../../../../components/roll-file-picker';
import { useRollImport, type RollImportReport as Report } from '../../../../hooks/use-roll-import';
import { noticeSheetText } from '../../../../services/notice-sheet-text';
import { civilDate, dayOf } from '../../../../services/format';

/** Rows listed at most per report section: a 3,000-row sheet with a wrong column should not draw 3,000 cards. */
const SHOWN_ROWS = 300;

type ReportRow = Report['rows'][number];

/** 第12行 张三 · 第三组: how the clerk finds the row in the sheet. */
const rowLabel = (r: ReportRow) => `第${r.row}行 ${r.name || '（没有姓名）'}${r.group ? ` · ${r.group}` : ''}`;

/** The first SHOWN_ROWS rows, then how many more were left out. */
function ShownRows({ rows, children }: { readonly rows: readonly ReportRow[]; readonly children: (r: ReportRow) => ReactElement }) {
  return (
    <>
      {rows.slice(0, SHOWN_ROWS).map(children)}
      {rows.length > SHOWN_ROWS ? <Text className='text small muted'>还有{rows.length - SHOWN_ROWS}行没有列出。</Text> : null}
    </>
  );
}

/** 导入名册: the committee's Excel/CSV → upload → import across calls → per-row report → 选民登记告知书 with the new binding codes. */
export default function ImportRollPage() {
  return (
    <CommitteeGate>
      {({ electionId, election, village }) => <ImportRoll electionId={electionId} villageId={village?.villageId ?? election.villageId} villageName={village?.villageName ?? ''} title={election?.title ?? ''} />}
    </CommitteeGate>
  );
}

function ImportRoll({ electionId, villageId, villageName, title }: { electionId: string; villageId: string; villageName: string; title: string }) {
  const job = useRollImport({ electionId, villageId });
  const [fileName, setFileName] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  // Figures and lists once every row is in; before that, the progress.
  const report = job.phase === 'done' ? job.report : null;

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
          disabled={job.working}
          onPicked={(file) => {
            setFileName(file.name);
            void job.start(file);
          }}
        />
        {fileName ? <Text className='text small'>文件：{fileName}</Text> : null}
        {job.phase === 'uploading' ? (
          <Text className='notice warn' data-testid='import-pending'>
            正在上传文件，请稍等…
          </Text>
        ) : null}
        {job.phase === 'importing' ? (
          <Text className='notice warn' data-testid='import-pending'>
            {job.report ? `正在导入：已处理 ${job.report.processed} / ${job.report.total} 行` : '正在导入，请稍等…'}
          </Text>
        ) : null}
        {job.error ? (
          <Text className='notice error' data-testid='import-error'>
            {job.error}
          </Text>
        ) : null}
        {job.error && job.phase === 'importing' ? (
          <Button className='btn' id='import-resume' onClick={() => void job.resume()}>
            继续导入
          </Button>
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
          <ShownRows rows={rejected}>
            {(r) => (
              <View className='todo-item' key={r.row} data-row={r.row}>
                <Text className='text strong'>{rowLabel(r)}</Text>
                <Text className='text small'>{r.message ?? r.reason ?? '不能导入'}</Text>
              </View>
            )}
          </ShownRows>
        </View>
      ) : null}

      {report && warned.length ? (
        <View className='card' data-testid='import-warnings'>
          <Text className='card-title'>请核对的行（{warned.length}行）</Text>
          <Text className='text small muted'>这些行已经导入。本村已有同名、同小组的人，身份证号码不一样，这次的文件里又没有那一条：可能是改正了身份证号码，原来那一条还在名单上。</Text>
          <ShownRows rows={warned}>
            {(r) => (
              <View className='todo-item' key={r.row} data-row={r.row} data-warning={r.warning!.reason}>
                <Text className='text strong'>
                  {rowLabel(r)}
                  {r.birthDate ? ` · ${civilDate(r.birthDate, true, false)}出生` : ''}
                </Text>
                <Text className='text small'>
                  原有登记：{r.warning!.other.name}（{r.warning!.other.group}，{r.warning!.other.sex === 'M' ? '男' : '女'}，{civilDate(r.warning!.other.birthDate, true, false)}出生）
                </Text>
                <Text className='text small'>{r.warning!.message}</Text>
              </View>
            )}
          </ShownRows>
        </View>
      ) : null}

      {report && codes.length ? (
        <View className='card' data-testid='import-codes'>
          <Text className='card-title'>新发的绑定码（{codes.length}人）</Text>
          <Text className='text'>请打印《选民登记告知书》，发给每位选民，用来在小程序上绑定身份。打印好以前可以回到这里再看；确认打印好以后，系统删除保存的绑定码（最迟{report.codesUntil ? dayOf(report.codesUntil) : ''}删除）。</Text>
          <Button className='btn' id='open-print' onClick={() => setPrinting(true)}>
            打印告知书
          </Button>
          <Button className='btn plain' id='confirm-printed' onClick={() => void job.confirmPrinted()}>
            告知书已打印好，删除绑定码
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
