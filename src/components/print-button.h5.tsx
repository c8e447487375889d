import { Button } from '@tarojs/components';

/** Browser: the system print dialog (the page hides everything but the sheet when printing). */
export default function PrintButton() {
  return (
    <Button className='btn' id='print-now' onClick={() => window.print()}>
      打印
    </Button>
  );
}
