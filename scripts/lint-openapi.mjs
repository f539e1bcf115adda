// Lints the committed OpenAPI document with Redocly's recommended rules: no errors allowed.
// Run by `npm run lint`; the e2e test `openapi-document` keeps openapi.json equal to the app's.
import { createConfig, formatProblems, getTotals, lint } from '@redocly/openapi-core';

const file = process.argv[2] ?? 'openapi.json';
const config = await createConfig({ extends: ['recommended'] });
const problems = await lint({ ref: file, config });
const totals = getTotals(problems);
if (totals.errors > 0 || totals.warnings > 0) {
  formatProblems(problems, { format: 'stylish', totals, version: 'vafa', maxProblems: 500 });
}
console.log(
  `${file}: ${totals.errors} errors, ${totals.warnings} warnings (Redocly recommended rules)`,
);
process.exit(totals.errors > 0 ? 1 : 0);
