import type { RoleMatrixRow, RouteAccess } from './role-matrix';

export const ROLE_TABLE_BEGIN =
  '<!-- role table: rendered from libs/app/src/role-matrix.ts by `npm run -s docs:roles` -->';
export const ROLE_TABLE_END = '<!-- end of role table -->';

const who = (access: RouteAccess): string => {
  if (access === 'public') {
    return 'anyone, without credentials';
  }
  if (access === 'member') {
    return "a member token, for that member's own data";
  }
  return access.join(', ');
};

/** The matrix as a Markdown table, laid out exactly as Prettier lays it out. */
export function renderRoleTable(rows: readonly RoleMatrixRow[]): string {
  const table = [
    ['endpoint', 'who may call it'],
    ...rows.map((r) => [`\`${r.method} ${r.path}\``, who(r.access)]),
  ];
  const widths = [0, 1].map((c) => Math.max(3, ...table.map((cells) => (cells[c] ?? '').length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  const [header, ...body] = table;
  return [line(header ?? []), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** The table between the README's markers, or null when they are missing. */
export function roleTableIn(readme: string): string | null {
  const begin = readme.indexOf(ROLE_TABLE_BEGIN);
  const end = readme.indexOf(ROLE_TABLE_END);
  if (begin < 0 || end < begin) {
    return null;
  }
  return readme.slice(begin + ROLE_TABLE_BEGIN.length, end).trim();
}

/** The README with the table between its markers replaced. */
export function withRoleTable(readme: string, table: string): string {
  const begin = readme.indexOf(ROLE_TABLE_BEGIN);
  const end = readme.indexOf(ROLE_TABLE_END);
  if (begin < 0 || end < begin) {
    throw new Error(`The README has no role table markers (${ROLE_TABLE_BEGIN}).`);
  }
  return `${readme.slice(0, begin + ROLE_TABLE_BEGIN.length)}\n\n${table}\n\n${readme.slice(end)}`;
}
