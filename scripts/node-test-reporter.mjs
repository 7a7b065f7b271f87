// A node:test reporter for scripts/test.mjs: counts the tests (not the suites) that passed,
// failed, were skipped or are todo, and lists each skipped or todo test with its file and
// reason, as one JSON object. Used next to the spec reporter, which prints the run as usual.
export default async function* countingReporter(source) {
  const totals = { passed: 0, failed: 0, skipped: 0, todo: 0, skips: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    if (data.details?.type === 'suite') continue;
    if (data.skip !== undefined && data.skip !== false) {
      totals.skipped++;
      totals.skips.push({ name: data.name, file: data.file, reason: typeof data.skip === 'string' ? data.skip : '' });
    } else if (data.todo !== undefined && data.todo !== false) {
      totals.todo++;
      totals.skips.push({ name: data.name, file: data.file, reason: typeof data.todo === 'string' ? data.todo : '', todo: true });
    } else if (event.type === 'test:pass') totals.passed++;
    else totals.failed++;
  }
  yield `${JSON.stringify(totals)}\n`;
}
