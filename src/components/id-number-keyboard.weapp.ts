/** WeChat: the idcard keyboard (digits plus X); the browser build types plain text (id-number-keyboard.ts). */
export const ID_NUMBER_KEYBOARD: 'text' | 'idcard' = 'idcard';
