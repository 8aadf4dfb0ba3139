// The tests of the installed mediasoup 3.32 package (node/lib/test/*.js, compiled already) run
// from a copy of the package outside node_modules, which jest's file crawler skips.
const path = require('path');

module.exports = {
  rootDir: path.join(__dirname, 'run', 'mediasoup'),
  testEnvironment: 'node',
  testRegex: 'node/lib/test/test-.*\\.js$',
  transform: {},
  watchman: false
};
