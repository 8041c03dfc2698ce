import type { FastifyInstance } from 'fastify';
import { registerCrud } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { createFunction, deleteFunction, getFunction, listFunctions, updateFunction } from './functions.service.ts';
import { ZFunctionInput, ZFunctionPatch } from './org.schemas.ts';

/** Functions of the organisation (RH, Finance, Achats…). */
export async function functionRoutes(fastify: FastifyInstance, deps: Deps) {
  registerCrud(fastify, deps, {
    path: '/api/functions',
    resource: 'function',
    tag: 'functions',
    summaries: [
      'Fonctions',
      'Créer une fonction',
      'Une fonction',
      'Modifier une fonction (version requise)',
      'Supprimer une fonction',
    ],
    create: ZFunctionInput,
    patch: ZFunctionPatch,
    service: { list: listFunctions, get: getFunction, create: createFunction, update: updateFunction, remove: deleteFunction },
  });
}
