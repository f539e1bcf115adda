import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_KEY } from '@vafa/platform';
import { startTestApp, TestApp } from '../support/test-app';

describe('every endpoint declares who may call it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('finds an access rule on every route handler', () => {
    const discovery = new DiscoveryService(t.app.get(ModulesContainer));
    const reflector = t.app.get(Reflector);
    const scanner = new MetadataScanner();
    const unguarded: string[] = [];
    let routes = 0;
    for (const wrapper of discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || !wrapper.metatype) {
        continue;
      }
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as () => unknown;
        if (Reflect.getMetadata('path', handler) === undefined) {
          continue;
        }
        routes++;
        const access = reflector.getAllAndOverride(ACCESS_KEY, [handler, wrapper.metatype]);
        if (!access) {
          unguarded.push(`${wrapper.metatype.name}.${name}`);
        }
      }
    }
    expect(routes).toBeGreaterThan(5);
    expect(unguarded).toEqual([]);
  });
});
