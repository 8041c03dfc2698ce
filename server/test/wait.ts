/**
 * Polls `check` every `every` ms until it holds; throws « délai dépassé : <what> » after `ms`. Returns how long it
 * took (ms), for tests that report it. A `check` may itself throw to stop early (a process that died).
 */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 20_000, every = 100): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`délai dépassé : ${what}`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  return Date.now() - start;
}
