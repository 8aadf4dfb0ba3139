// Prints jest's JSON results per test file, then "conformance: N passed, M failed".
// A file that could not run counts each of its tests (as counted in the source) as failed.
const fs = require('fs');
const path = require('path');

const [ resultsFile ] = process.argv.slice(2);
const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));

let passed = 0;
let failed = 0;

for (const file of results.testResults.sort((a, b) => a.name.localeCompare(b.name))) {
  const name = path.basename(file.name);
  const tests = file.assertionResults;
  let filePassed = tests.filter((t) => t.status === 'passed').length;
  let fileFailed = tests.filter((t) => t.status === 'failed').length;

  if (tests.length === 0 && file.status === 'failed') {
    const declared = (fs.readFileSync(file.name, 'utf8').match(/^\s*test\(/gm) || []).length;
    fileFailed = Math.max(declared, 1);
  }
  passed += filePassed;
  failed += fileFailed;
  console.log(`${fileFailed === 0 ? 'PASS' : 'FAIL'} ${name}: ${filePassed} passed, ${fileFailed} failed`);

  for (const test of tests.filter((t) => t.status === 'failed')) {
    const firstLine = (test.failureMessages[0] || '').split('\n').find((line) => line.trim()) || '';
    console.log(`     ✕ ${test.title}: ${firstLine.trim().slice(0, 160)}`);
  }
  if (tests.length === 0 && file.message) {
    const firstLine = file.message.split('\n').find((line) => line.trim()) || '';
    console.log(`     could not run: ${firstLine.trim().slice(0, 160)}`);
  }
}

console.log(`conformance: ${passed} passed, ${failed} failed`);
fs.writeFileSync(path.join(path.dirname(resultsFile), 'score'), `${passed} ${failed}\n`);
