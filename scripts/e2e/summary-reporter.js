// A node:test reporter that closes a run with what failed and why, one line a test (its file,
// its name, the error's first line), then "e2e-ERA: N passed, M failed, K skipped".
'use strict';

const path = require('node:path');

const era = process.env.MEDIASOUP_ERA || '3.8';

/** The first line of what made a test fail: node:test wraps the test's own error as its cause. */
function reason(error) {
  const cause = error && error.cause ? error.cause : error;
  if (!cause) return 'no error reported';
  // The first line, and the next one when the first ends in a colon (assert's "Input:" or "falsy value:").
  const named = (e) => {
    const [ first, ...rest ] = `${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message || e}`.split('\n');
    const next = rest.find((line) => line.trim() !== '');
    return first.endsWith(':') && next ? `${first} ${next.trim()}` : first;
  };
  // assert.rejects() with a validation function names only the verdict: the error came as actual.
  const actual = cause.actual && cause.actual.message ? ` [got ${named(cause.actual)}]` : '';
  return named(cause) + actual;
}

module.exports = async function* summary(source) {
  let passed = 0;
  let skipped = 0;
  const failures = [];
  for await (const { type, data } of source) {
    // Suites and the test files' own wrappers report too; only tests are counted.
    if ((type !== 'test:pass' && type !== 'test:fail') || (data.details && data.details.type === 'suite')) continue;
    if (type === 'test:fail') {
      failures.push(`  ${data.file ? `${path.basename(data.file)}: ` : ''}${data.name}\n      ${reason(data.details.error)}`);
    } else if (data.skip !== undefined && data.skip !== false) {
      skipped++;
    } else {
      passed++;
    }
  }
  if (failures.length > 0) yield `\nfailed under ${era}:\n${failures.join('\n')}\n`;
  yield `e2e-${era}: ${passed} passed, ${failures.length} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`;
};
