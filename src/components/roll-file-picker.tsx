export interface RollFilePickerProps {
  disabled: boolean;
  onPicked: (file: { name: string; contentBase64: string }) => void;
}

/**
 * Type declaration only: the build takes roll-file-picker.h5.tsx (a file input) or
 * roll-file-picker.weapp.tsx (a file from a WeChat chat).
 */
export default function RollFilePicker(_props: RollFilePickerProps) {
  return null;
}
