/** Browser build: plain text (an 18-digit number may end in X). WeChat: id-number-keyboard.weapp.ts. */
export const ID_NUMBER_KEYBOARD: 'text' | 'idcard' = 'text';
