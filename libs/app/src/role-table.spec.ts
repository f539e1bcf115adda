import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLE_MATRIX } from './role-matrix';
import { renderRoleTable, roleTableIn, withRoleTable } from './role-table';

describe('the role matrix and the README table rendered from it', () => {
  it('is the table in the README (regenerate with npm run -s docs:roles)', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    expect(roleTableIn(readme)).toBe(renderRoleTable(ROLE_MATRIX));
  });

  it('names each endpoint once, and admin on every staff endpoint (admin always passes)', () => {
    const endpoints = ROLE_MATRIX.map((r) => `${r.method} ${r.path}`);
    expect(new Set(endpoints).size).toBe(endpoints.length);
    const staffRows = ROLE_MATRIX.filter((r) => typeof r.access !== 'string');
    expect(staffRows.filter((r) => !r.access.includes('admin'))).toEqual([]);
  });

  it('replaces only what lies between the markers', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const replaced = withRoleTable(readme, '| a | b |');
    expect(roleTableIn(replaced)).toBe('| a | b |');
    expect(withRoleTable(replaced, renderRoleTable(ROLE_MATRIX))).toBe(readme);
  });
});
