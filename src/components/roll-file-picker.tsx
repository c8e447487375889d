import type { PickedRollFile } from '../services/roll-upload';

export interface RollFilePickerProps {
  disabled: boolean;
  /** The picked sheet, to be uploaded (services/roll-upload) — never read into the call. */
  onPicked: (file: PickedRollFile) => void;
}

/**
 * Type declaration only: the build takes roll-file-picker.h5.tsx (a file input) or
 * roll-file-picker.weapp.tsx (a file from a WeChat chat).
 */
export default function RollFilePicker(_props: RollFilePickerProps) {
  return null;
}
