import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { MAX_ROLL_UPLOAD_BYTES } from '../services/roll-upload-rules';
import type { PickedRollFile } from '../services/roll-upload';

/** WeChat: pick the roll sheet from a chat (电脑微信 → 文件传输助手); its temporary path is uploaded as it is. */
export function usePickRollFile() {
  const [message, setMessage] = useState<string | null>(null);
  const pick = useCallback(async (): Promise<PickedRollFile | null> => {
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
    if (chosen.size > MAX_ROLL_UPLOAD_BYTES) {
      setMessage('文件超过5MB，请分成几个文件导入');
      return null;
    }
    return { name: chosen.name, size: chosen.size, handle: chosen.path };
  }, []);
  return { pick, message };
}
