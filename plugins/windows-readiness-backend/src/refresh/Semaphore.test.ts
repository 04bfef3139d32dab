import { Semaphore } from './Semaphore';

describe('Semaphore', () => {
  it('never lets more than its limit run, and runs every one', async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        semaphore.use(async () => {
          running++;
          most = Math.max(most, running);
          await new Promise(resolve => setTimeout(resolve, 5 + (i % 3)));
          running--;
          done.push(i);
        }),
      ),
    );
    expect(most).toBe(2);
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('frees the slot of a holder that throws', async () => {
    const semaphore = new Semaphore(1);
    await expect(
      semaphore.use(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(semaphore.use(async () => 'next')).resolves.toBe('next');
  });
});
