import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { MAX_ROLL_UPLOAD_BYTES } from '../services/roll-upload-rules';
import type { RollFilePickerProps } from './roll-file-picker';

/** Browser: a plain file input; the File itself goes to the upload (services/roll-upload.h5.ts). */
export default function RollFilePicker({ disabled, onPicked }: RollFilePickerProps) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <View className='field'>
      <label className='btn secondary file-label' htmlFor='roll-file'>
        选择 Excel 或 CSV 文件
      </label>
      <input
        id='roll-file'
        data-testid='roll-file'
        type='file'
        accept='.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'
        disabled={disabled}
        style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          input.value = '';
          setMessage(null);
          if (!file) return;
          if (!/\.(xlsx|csv)$/i.test(file.name)) return setMessage('请选择 Excel（.xlsx）或 CSV 文件');
          if (file.size > MAX_ROLL_UPLOAD_BYTES) return setMessage('文件超过5MB，请分成几个文件导入');
          onPicked({ name: file.name, size: file.size, handle: file });
        }}
      />
      {message ? <Text className='notice error'>{message}</Text> : null}
    </View>
  );
}
