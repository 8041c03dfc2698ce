import type { FastifyInstance } from 'fastify';
import { registerCrud } from '../../platform/crud-routes.ts';
import type { Deps } from '../../platform/deps.ts';
import { ZTeamInput, ZTeamPatch } from './org.schemas.ts';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from './teams.service.ts';

/** Teams (pools): model, coordinator, sites and functions covered, members, provider contract. */
export async function teamRoutes(fastify: FastifyInstance, deps: Deps) {
  registerCrud(fastify, deps, {
    path: '/api/teams',
    resource: 'team',
    tag: 'teams',
    summaries: ['Équipes', 'Créer une équipe', 'Une équipe', 'Modifier une équipe (version requise)', 'Supprimer une équipe'],
    create: ZTeamInput,
    patch: ZTeamPatch,
    service: { list: listTeams, get: getTeam, create: createTeam, update: updateTeam, remove: deleteTeam },
  });
}
