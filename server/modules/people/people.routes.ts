import type { FastifyInstance } from 'fastify';
import { registerCrud } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { ZUserCreate, ZUserPatch } from './people.schemas.ts';
import { createUser, getUser, listUsers, removeUser, updateUser } from './people.service.ts';

/** Members of the current organisation: role and home site. */
export async function peopleRoutes(fastify: FastifyInstance, deps: Deps) {
  registerCrud(fastify, deps, {
    path: '/api/users',
    resource: 'user',
    tag: 'users',
    summaries: [
      'Membres de l’organisation',
      'Ajouter une personne (compte existant ou nouveau, invitée par e-mail sans mot de passe)',
      'Un membre',
      'Modifier rôle, site ou nom (version requise)',
      'Retirer de l’organisation',
    ],
    create: ZUserCreate,
    patch: ZUserPatch,
    service: {
      list: listUsers,
      get: getUser,
      create: (ctx, scope, input) => createUser(deps, ctx, scope, input),
      update: updateUser,
      remove: removeUser,
    },
  });
}
