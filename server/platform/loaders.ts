import type { Kdb } from '../db/database.ts';
import type { Actor, Scope } from './actor.ts';
import type { Subject } from './authz.ts';

/**
 * Loads the `:id` of a route inside the actor's organisation; undefined means 404. A loader may also use
 * the actor to hide what they may not see (a private channel's message) as 404 rather than 403.
 */
export type Loader = (db: Kdb, scope: Scope, id: string, actor?: Actor) => Promise<(Subject & object) | undefined>;

const loaders = new Map<string, Loader>();

/** Modules register how to load their resources so the auth hook answers 404 before anything else. */
export function registerLoader(resource: string, loader: Loader): void {
  loaders.set(resource, loader);
}

export function loaderFor(resource: string): Loader {
  const loader = loaders.get(resource);
  if (!loader) throw new Error(`aucun chargeur pour la ressource « ${resource} »`);
  return loader;
}

export function registeredResources(): string[] {
  return [...loaders.keys()];
}
