import { DiscoveryService } from '@nestjs/core';

/**
 * An extension seam: the library that owns it names it with a token and calls its listeners;
 * other libraries plug in by marking a provider `@ListenerFor(token)`, so the owner never
 * depends on them (dependencies keep pointing from the domains to the owner).
 */
export type Seam = symbol;

/** Marks a provider as a listener of `seam`; the seam's owner finds it with `discoverListeners`. */
export const ListenerFor = DiscoveryService.createDecorator<Seam>();

/**
 * The listeners of `seam` in module order, each once. Call it once every provider exists (in
 * `onModuleInit`): before that, a listener in a later module has no instance yet.
 */
export function discoverListeners<T>(discovery: DiscoveryService, seam: Seam): T[] {
  const found = discovery
    .getProviders({ metadataKey: ListenerFor.KEY })
    .filter((wrapper) => discovery.getMetadataByDecorator(ListenerFor, wrapper) === seam)
    .map((wrapper) => wrapper.instance as T | undefined)
    .filter((instance): instance is T => instance !== undefined);
  return [...new Set(found)];
}

/** The one listener of a seam that takes at most one (e.g. the coupon issuer). */
export function discoverOneListener<T>(discovery: DiscoveryService, seam: Seam): T | undefined {
  const [first, ...others] = discoverListeners<T>(discovery, seam);
  if (others.length > 0) {
    throw new Error(
      `${seam.description ?? 'a seam'} takes one listener, found ${others.length + 1}`,
    );
  }
  return first;
}
