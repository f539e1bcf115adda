import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en.json';
import fa from '../src/i18n/fa.json';

const SOURCE = join(import.meta.dirname, '../src');

function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keysOf(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) {
      return sourceFiles(path);
    }
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Literal keys passed to t('...'); keys built at run time are checked by their own tests. */
function keysUsedInCode(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of sourceFiles(SOURCE)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*['"]([\w.]+)['"]/g)) {
      used.set(match[1] as string, file);
    }
  }
  return used;
}

describe('translations', () => {
  it('English and Persian have exactly the same keys', () => {
    const english = keysOf(en).sort();
    const persian = keysOf(fa).sort();
    expect(persian.filter((key) => !english.includes(key))).toEqual([]);
    expect(english.filter((key) => !persian.includes(key))).toEqual([]);
  });

  it('has no empty string in either language', () => {
    for (const [language, tree] of [
      ['en', en],
      ['fa', fa],
    ] as const) {
      const empty = keysOf(tree).filter((key) => {
        const value = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect({ language, empty }).toEqual({ language, empty: [] });
    }
  });

  it('defines every key the code asks for', () => {
    const defined = new Set(keysOf(en));
    const missing = [...keysUsedInCode()].filter(([key]) => !defined.has(key));
    expect(missing).toEqual([]);
  });

  it('has a label for every section and role the code builds keys for', async () => {
    const { SECTIONS } = await import('../src/layout/sections');
    const defined = new Set(keysOf(en));
    expect(SECTIONS.map((s) => `nav.${s.key}`).filter((key) => !defined.has(key))).toEqual([]);
    const roles = ['admin', 'marketer', 'cashier', 'integration'];
    expect(roles.map((r) => `session.role.${r}`).filter((key) => !defined.has(key))).toEqual([]);
  });
});
