/**
 * Performance marks the UI leaves for tests/e2e/perf/uiBench.mjs and DevTools.
 * Cheap (a mark is a few microseconds) and only on events a person would notice.
 */

/** Runs `fn` just after the next frame is painted: rAF runs before paint, a message posted from it runs after. */
export function afterNextPaint(fn: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => fn();
    channel.port2.postMessage(null);
  });
}

export function markAfterPaint(name: string, detail?: unknown): void {
  afterNextPaint(() => performance.mark(name, { detail }));
}
