import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from '../../../../electron/library/watch/coalescer.js';

describe('Coalescer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const make = (run: (key: string) => Promise<unknown> | unknown = () => undefined) => {
    const calls: string[] = [];
    const coalescer = new Coalescer({
      quietMs: 500,
      maxWaitMs: 3000,
      run: async (key) => {
        calls.push(key);
        await run(key);
      },
    });
    return { coalescer, calls };
  };

  it('runs once after a burst has been quiet for quietMs', async () => {
    const { coalescer, calls } = make();
    for (let i = 0; i < 10; i++) {
      if (i > 0) await vi.advanceTimersByTimeAsync(100);
      coalescer.touch('/a');
    }
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(499);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['/a']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toEqual(['/a']);
  });

  it('runs at maxWaitMs when changes never stop', async () => {
    const { coalescer, calls } = make();
    for (let t = 0; t < 7000; t += 200) {
      coalescer.touch('/a');
      await vi.advanceTimersByTimeAsync(200);
    }
    // A steady trickle for 7 s: one run every ~3 s instead of none.
    expect(calls.length).toBe(2);
  });

  it('keeps folders apart', async () => {
    const { coalescer, calls } = make();
    coalescer.touch('/a');
    coalescer.touch('/b');
    coalescer.touch('/a');
    await vi.advanceTimersByTimeAsync(600);
    expect(calls.sort()).toEqual(['/a', '/b']);
  });

  it('never runs a folder twice at once, and runs once more for changes made during a run', async () => {
    let finish!: () => void;
    let active = 0;
    let maxActive = 0;
    const { coalescer, calls } = make(async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise<void>((resolve) => (finish = resolve));
      active--;
    });
    coalescer.touch('/a');
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toEqual(['/a']);
    for (let i = 0; i < 5; i++) coalescer.touch('/a'); // during the run
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    finish();
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toHaveLength(2);
    finish();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(2);
    expect(maxActive).toBe(1);
  });

  it('reports a failed run and keeps working', async () => {
    const errors: string[] = [];
    let fail = true;
    const coalescer = new Coalescer({
      quietMs: 10,
      maxWaitMs: 100,
      run: () => {
        if (fail) throw new Error('disk on fire');
      },
      onError: (key, error) => errors.push(`${key}: ${error.message}`),
    });
    coalescer.touch('/a');
    await vi.advanceTimersByTimeAsync(20);
    expect(errors).toEqual(['/a: disk on fire']);
    fail = false;
    coalescer.touch('/a');
    await vi.advanceTimersByTimeAsync(20);
    expect(errors).toHaveLength(1);
  });

  it('cancel drops a pending run', async () => {
    const { coalescer, calls } = make();
    coalescer.touch('/a');
    coalescer.cancel('/a');
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toEqual([]);
    expect(coalescer.busy('/a')).toBe(false);
  });
});
