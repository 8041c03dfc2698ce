import type { FastifyInstance } from 'fastify';
import { registerCrud } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { createCategory, deleteCategory, getCategory, listCategories, updateCategory } from './categories.service.ts';
import { ZCategoryInput, ZCategoryPatch, ZServiceInput, ZServicePatch } from './catalog.schemas.ts';
import { createService, deleteService, getService, listServices, updateService } from './services.service.ts';

/** The service catalogue (process map): categories and services with their dynamic forms. */
export async function catalogRoutes(fastify: FastifyInstance, deps: Deps) {
  registerCrud(fastify, deps, {
    path: '/api/catalog/categories',
    resource: 'category',
    tag: 'catalog',
    summaries: [
      'Catégories du catalogue',
      'Créer une catégorie',
      'Une catégorie',
      'Modifier une catégorie (version requise)',
      'Supprimer une catégorie vide',
    ],
    create: ZCategoryInput,
    patch: ZCategoryPatch,
    service: { list: listCategories, get: getCategory, create: createCategory, update: updateCategory, remove: deleteCategory },
  });
  registerCrud(fastify, deps, {
    path: '/api/catalog/services',
    resource: 'service',
    tag: 'catalog',
    summaries: [
      'Services du catalogue (actifs seulement pour les demandeurs)',
      'Créer un service',
      'Un service et son formulaire',
      'Modifier un service (version requise)',
      'Supprimer un service',
    ],
    create: ZServiceInput,
    patch: ZServicePatch,
    service: { list: listServices, get: getService, create: createService, update: updateService, remove: deleteService },
  });
}
