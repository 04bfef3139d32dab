import '@testing-library/jest-dom';

// The fixtures were collected on 2026-11-27. Every test starts the clock on
// that day, so that "collected 3 hours ago" or "retires in 108 days" never
// depends on the day the suite runs. Only Date is faked, and it moves on with
// real time (debounces compare Date.now()); timers run as usual.
beforeEach(() => {
  jest.useFakeTimers({
    now: new Date('2026-11-27T12:00:00Z'),
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
});

afterEach(() => {
  jest.useRealTimers();
});
