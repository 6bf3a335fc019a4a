import type { AppConfig } from '../config/app-config';
import { PdfPool } from './pdf-pool';

/** A promise to settle from outside, and whether the work behind it has started. */
function step<T>() {
  let settle!: { resolve: (value: T) => void; reject: (error: Error) => void };
  const promise = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  return { promise, ...settle, started: false };
}
const turns = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise((done) => setImmediate(done));
};

/** Issue #15: no more downloads gather their view at once than there are PDF workers; the others wait their turn. */
describe('PdfPool.prepare', () => {
  const poolOf = (workers: number) => new PdfPool({ pdfWorkers: workers } as AppConfig);

  it('lets as many prepare at once as there are workers, the others in the order they came', async () => {
    const pool = poolOf(2);
    const steps = [step<number>(), step<number>(), step<number>(), step<number>()];
    const order: number[] = [];
    const results = steps.map((s, i) =>
      pool.prepare(() => {
        s.started = true;
        order.push(i);
        return s.promise;
      }),
    );
    await turns();
    expect(steps.map((s) => s.started)).toEqual([true, true, false, false]);
    steps[1].resolve(1);
    await turns();
    expect(steps.map((s) => s.started)).toEqual([true, true, true, false]);
    steps[0].resolve(0);
    steps[2].resolve(2);
    await turns();
    expect(steps[3].started).toBe(true);
    steps[3].resolve(3);
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3]);
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('gives the turn on when the work fails, and passes the failure on', async () => {
    const pool = poolOf(1);
    const failing = step<number>();
    const next = step<number>();
    const first = pool.prepare(() => failing.promise);
    const second = pool.prepare(() => {
      next.started = true;
      return next.promise;
    });
    await turns();
    expect(next.started).toBe(false);
    failing.reject(new Error('niet gevonden'));
    await expect(first).rejects.toThrow('niet gevonden');
    await turns();
    expect(next.started).toBe(true);
    next.resolve(7);
    expect(await second).toBe(7);
    // Free again: the next one starts at once.
    let started = false;
    const third = pool.prepare(async () => (started = true));
    await turns(1);
    expect(started).toBe(true);
    await third;
  });
});
