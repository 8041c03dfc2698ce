import { ZForm } from '../../common/catalog.ts';
import { createCategory } from '../modules/catalog/categories.service.ts';
import { createService } from '../modules/catalog/services.service.ts';
import { createPolicy } from '../modules/sla/policies.service.ts';
import type { Scope } from '../platform/actor.ts';
import type { Ctx } from '../platform/context.ts';
import { DEMO_CATEGORIES, DEMO_SLA, HR_FINANCE_SERVICES } from './demo-catalog.ts';
import { GENERAL_SERVICES } from './demo-catalog-general.ts';

/** The demo SLA contract, categories and twenty services with their forms, through the real services. */
export async function seedCatalog(
  ctx: Ctx,
  scope: Scope,
  teamIds: Map<string, string>,
  fnIds: Map<string, string>,
): Promise<void> {
  const contract = await createPolicy(ctx, scope, { ...DEMO_SLA.default, isDefault: true });
  const rhPolicy = await createPolicy(ctx, scope, { ...DEMO_SLA.rh, isDefault: false });
  const categories = new Map<string, string>();
  for (const [position, c] of DEMO_CATEGORIES.entries()) {
    categories.set(c.key, (await createCategory(ctx, scope, { name: c.name, icon: c.icon, position })).id);
  }
  for (const [position, s] of [...HR_FINANCE_SERVICES, ...GENERAL_SERVICES].entries()) {
    await createService(ctx, scope, {
      categoryId: categories.get(s.category) ?? '',
      name: s.name,
      description: s.description,
      teamId: teamIds.get(s.team) ?? null,
      functionId: fnIds.get(s.fn) ?? null,
      autonomyLevel: s.autonomy,
      requiredSkills: s.skills,
      confidentiality: s.confidentiality,
      defaultPriority: s.priority,
      slaPolicyId: s.sla === 'rh' ? rhPolicy.id : contract.id,
      approvalRole: s.approval ?? null,
      form: ZForm.parse(s.form),
      active: true,
      position,
    });
  }
}
