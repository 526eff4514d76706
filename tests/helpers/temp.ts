// Temporary folders in Vitest tests: `tempDir(prefix)` makes `<system temp>/<prefix>XXXXXX` and removes
// it when the test that made it finishes (passed or failed); made outside a test (module level, a
// describe body, beforeAll) or inside a concurrent test, it goes after the file's own afterAll hooks.
// `deferCleanup(fn)` runs `fn` at the same point, before the folders made earlier go (the CLI helpers
// use it to stop a process still running in such a folder). See tests/helpers/cleanup.ts.
//
// Importing this module binds the scopes to the importing test file; tests/helpers/cli.ts imports it,
// so every Vitest file that uses the CLI or batch helpers has it.
import { afterAll, TestRunner } from 'vitest';
import { CleanupScope, outerScope, setScopeResolver } from './cleanup.js';

export { deferCleanup, endProcess, removeDir, tempDir } from './cleanup.js';

const perTest = new WeakMap<object, CleanupScope>();

setScopeResolver(() => {
  const test = TestRunner.getCurrentTest();
  // concurrent tests cannot be told apart from here; a test already finishing no longer takes hooks
  if (!test || test.concurrent || test.result?.state !== 'run') return undefined;
  let scope = perTest.get(test);
  if (!scope) {
    const own = new CleanupScope();
    perTest.set(test, own);
    test.context.onTestFinished(() => {
      perTest.delete(test);
      return own.close();
    });
    scope = own;
  }
  return scope;
});

// registered while the test file is collected, before its own hooks: runs after them
afterAll(() => outerScope.close());
