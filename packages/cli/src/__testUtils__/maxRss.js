// Preloaded into the winready process the abuse tests spawn: writes its peak
// resident set size (kB, from getrusage) to WINREADY_TEST_RSS_FILE at exit.
const fs = require('node:fs');

process.on('exit', () => {
  const file = process.env.WINREADY_TEST_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
