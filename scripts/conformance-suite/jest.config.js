// The tests of the installed mediasoup package run from a copy of it outside node_modules
// (jest's file crawler skips node_modules): they require('../') and read test/data relative
// to the package, so the copy is the root.
const path = require('path');

module.exports = {
  rootDir: path.join(__dirname, 'run', 'mediasoup'),
  testEnvironment: 'node',
  testRegex: 'test/test-.*\\.js$',
  watchman: false
};
