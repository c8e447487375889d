import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';

export interface PickedFile {
  name: string;
  contentBase64: string;
}

/** WeChat: pick the roll sheet from a chat (电脑微信 → 文件传输助手) and read it as base64. */
export function usePickRollFile() {
  const [message, setMessage] = useState<string | null>(null);
  const pick = useCallback(async (): Promise<PickedFile | null> => {
    setMessage(null);
    let chosen: { path: string; name: string; size: number } | undefined;
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
      chosen = res.tempFiles[0];
    } catch {
      return null; // cancelled
    }
    if (!chosen) return null;
    if (!/\.(xlsx|csv)$/i.test(chosen.name)) {
      setMessage('请选择 Excel（.xlsx）或 CSV 文件');
      return null;
    }
    if (chosen.size > 5 * 1024 * 1024) {
      setMessage('文件超过5MB，请分成几个文件导入');
      return null;
    }
    try {
      const content = await new Promise<string>((ok, ko) => {
        Taro.getFileSystemManager().readFile({
          filePath: chosen!.path,
          encoding: 'base64',
          success: (r) => ok(String(r.data)),
          fail: (e) => ko(e),
        });
      });
      return { name: chosen.name, contentBase64: content };
    } catch {
      setMessage('读取文件失败，请再选一次');
      return null;
    }
  }, []);
  return { pick, message };
}
