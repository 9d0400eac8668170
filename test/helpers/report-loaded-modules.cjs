// Preloaded with `node --require`: as the process exits, prints the CommonJS modules it loaded
// (Bolt and botbuilder are CommonJS) on one stderr line, so a test can see which SDKs start-up
// pulled in. Writes to a pipe are synchronous on Linux, so the line survives process.exit().
process.on("exit", () => {
  process.stderr.write(`\nloaded-modules: ${JSON.stringify(Object.keys(require.cache))}\n`);
});
