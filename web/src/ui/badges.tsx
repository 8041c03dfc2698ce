import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActorRole, TeamModel } from '../../../common/roles.ts';

const MODEL_COLOR: Record<TeamModel, string> = { shared_pool: 'indigo', dedicated: 'violet', outsourced: 'grape' };

/** The organisation model of a team, in words ("Pôle mutualisé"…). */
export function ModelBadge({ model }: { model: TeamModel }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={MODEL_COLOR[model]} tt="none" size="md">
      {t(`models.${model}`)}
    </Badge>
  );
}

/** A role in French ("Coordinatrice", "DPO / Auditeur"…). */
export function RoleBadge({ role }: { role: ActorRole }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={role === 'org_admin' || role === 'operator' ? 'indigo' : 'gray'} tt="none" size="md">
      {t(`roles.${role}`)}
    </Badge>
  );
}

/** Open / closed right now, as a dot badge (text keeps full contrast). */
export function OpenBadge({ open }: { open: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={open ? 'green' : 'gray'} tt="none" size="md">
      {open ? t('home.open') : t('home.closed')}
    </Badge>
  );
}
