import type { Kdb } from '../db/database.ts';
import type { Scope } from './actor.ts';
import type { Subject } from './authz.ts';

/** Loads the `:id` of a route inside the actor's organisation; undefined means 404. */
export type Loader = (db: Kdb, scope: Scope, id: string) => Promise<(Subject & object) | undefined>;

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
