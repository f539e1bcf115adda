import { readFileSync, writeFileSync } from 'node:fs';
import { ROLE_MATRIX, renderRoleTable, withRoleTable } from '@vafa/app';

/** `npm run -s docs:roles`: renders the role matrix into README.md (or the file named). */
const file = process.argv[2] ?? 'README.md';
writeFileSync(file, withRoleTable(readFileSync(file, 'utf8'), renderRoleTable(ROLE_MATRIX)));
console.log(`${file}: role table rendered from ${ROLE_MATRIX.length} endpoints.`);
