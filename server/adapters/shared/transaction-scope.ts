import { AsyncLocalStorage } from 'node:async_hooks';
import { StoreError } from '../../ports/store.port';

/**
 * Knows whether the current async call chain runs inside this store's `runTransaction`, so the
 * adapters can refuse calls that would deadlock (embedded store: the transaction holds the
 * only writer) or silently escape the transaction (CloudBase: a nested call opens a second,
 * independent transaction).
 */
export class TransactionScope {
  private readonly als = new AsyncLocalStorage<true>();

  get active(): boolean {
    return this.als.getStore() === true;
  }

  run<T>(fn: () => Promise<T>): Promise<T> {
    return this.als.run(true, fn);
  }

  refuseNested(): void {
    if (this.active) {
      throw new StoreError('INVALID', 'runTransaction called inside a transaction: pass the outer `tx` down instead (nesting would deadlock or escape the transaction)');
    }
  }

  refuseOutsideWrite(op: string): void {
    if (this.active) {
      throw new StoreError('INVALID', `store.${op} called inside runTransaction: write through \`tx.${op}\` so the change commits or rolls back with the transaction`);
    }
  }
}

/** The `tx` handed to a transaction body stops working once that body has finished. */
export function closedTxError(): StoreError {
  return new StoreError('INVALID', 'transaction already finished: a `tx` must not be used after its runTransaction callback returned');
}
