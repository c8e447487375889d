/**
 * SignaturePad — a handwritten signature (手写签名) for nominations and proxy forms.
 *
 *   <SignaturePad id='nom-sign' label='请在框里写上您的名字' onConfirm={(sig) => submit(sig)} />
 *
 * Props
 *  - id: prefix of the element ids (`{id}-canvas`, `{id}-clear`, `{id}-confirm`; tests tap these).
 *  - label: what to write, read out by screen readers and shown above the pad.
 *  - onConfirm(sig): 写好了 was tapped and the strokes pass `signatureInputSchema`
 *    (src/contracts/signature.schema.ts): { width, height, strokes: [[x0,y0,x1,y1,…], …] } in
 *    integer pad pixels, thinned (≥ 3 px between kept points), ready to send as-is.
 *  - onClear?(): 清除 was tapped (the parent may drop a confirmed signature).
 *  - confirmText?: the confirm button's words (default 写好了). height?: pad height in CSS px (220).
 *  - disabled?: greys the buttons (e.g. while submitting).
 *
 * Works in WeChat (`<Canvas type='2d'>`, touch) and H5 (plain canvas, pointer events: mouse,
 * pen, touch); the platform surface is picked by file suffix (signature-pad-surface[.weapp].tsx).
 * Buttons are the app's `.btn` (≥ 60 px tall). No image is made: the vectors are the record.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { signatureInputSchema } from '../contracts/signature.schema';
import type { SignatureInput } from '../contracts/signature.schema';
import type { StrokeRecorder } from '../services/signature-strokes';
import SignaturePadSurface from './signature-pad-surface';
import './signature-pad.scss';

export interface SignaturePadProps {
  id: string;
  label: string;
  onConfirm: (sig: SignatureInput) => void;
  onClear?: () => void;
  confirmText?: string;
  height?: number;
  disabled?: boolean;
}

export default function SignaturePad({ id, label, onConfirm, onClear, confirmText = '写好了', height = 220, disabled }: SignaturePadProps) {
  const [recorder, setRecorder] = useState<StrokeRecorder | null>(null);
  const [strokes, setStrokes] = useState(0);
  const [clearSeq, setClearSeq] = useState(0);
  const [message, setMessage] = useState<string | null>(null);

  const clear = () => {
    setClearSeq((n) => n + 1);
    setStrokes(0);
    setMessage(null);
    onClear?.();
  };
  const confirm = () => {
    if (!recorder || recorder.strokeCount === 0) return setMessage('请先在框里写上您的名字');
    const parsed = signatureInputSchema.safeParse(recorder.toInput());
    if (!parsed.success) return setMessage(parsed.error.issues[0]?.message ?? '请清除后重写');
    setMessage(null);
    onConfirm(parsed.data);
  };

  return (
    <View className='signature-pad' id={id}>
      <Text className='field-label'>{label}</Text>
      <View className='signature-frame'>
        <SignaturePadSurface
          canvasId={`${id}-canvas`}
          height={height}
          label={label}
          clearSeq={clearSeq}
          onRecorder={setRecorder}
          onStroke={() => {
            setStrokes(recorder?.strokeCount ?? 0);
            setMessage(recorder?.full ? '框里写满了，请点“清除”重写' : null);
          }}
        />
        {strokes === 0 ? <Text className='signature-placeholder'>在这里用手指写</Text> : null}
      </View>
      <Text className='field-hint' aria-live='polite' data-testid={`${id}-status`}>
        {strokes === 0 ? '还没有写' : `已写 ${strokes} 笔`}
      </Text>
      {message ? <Text className='notice error' data-testid={`${id}-message`}>{message}</Text> : null}
      <View className='btn-row'>
        <Button className={'btn plain' + (disabled ? ' disabled' : '')} id={`${id}-clear`} disabled={disabled || undefined} onClick={clear}>
          清除
        </Button>
        <Button className={'btn' + (disabled ? ' disabled' : '')} id={`${id}-confirm`} disabled={disabled || undefined} onClick={confirm}>
          {confirmText}
        </Button>
      </View>
    </View>
  );
}
