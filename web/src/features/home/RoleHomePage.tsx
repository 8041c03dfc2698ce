import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/me.ts';
import { useOverview } from '../../api/organization.ts';
import type { Overview } from '../../api/types.ts';
import { Page } from '../../ui/Page.tsx';
import { Empty, QueryState } from '../../ui/QueryState.tsx';
import { Counts, SitesGrid, TeamsGrid } from './OverviewParts.tsx';

export type Space = 'requester' | 'team' | 'provider' | 'executive';

const TITLE_ROLE = { requester: 'requester', team: 'assistant', provider: 'external_agent', executive: 'executive' } as const;
const TEST_ID = {
  requester: 'page-home-requester',
  team: 'page-home-team',
  provider: 'page-home-provider',
  executive: 'page-home-executive',
};

function SpaceContent({ space, data, mySiteId }: { space: Space; data: Overview; mySiteId: string | null }) {
  const { t } = useTranslation();
  const myTeams = <TeamsGrid title={t('home.myTeams')} teams={data.myTeams} sites={data.sites} empty={t('home.noMyTeams')} />;
  const allTeams = <TeamsGrid title={t('home.teams')} teams={data.teams} sites={data.sites} empty={t('home.noTeams')} />;
  const sites = <SitesGrid sites={data.sites} mySiteId={mySiteId} />;
  if (space === 'requester')
    return (
      <>
        {sites}
        {allTeams}
      </>
    );
  if (space === 'executive')
    return (
      <>
        <Counts counts={data.counts} />
        {sites}
        {allTeams}
      </>
    );
  return (
    <>
      {myTeams}
      {sites}
      <Counts counts={data.counts} />
    </>
  );
}

/** A role home (`/accueil`, `/equipe`, `/prestataire`, `/direction`) built on `GET /api/overview`. */
export function RoleHomePage({ space }: { space: Space }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const overview = useOverview(!!me?.organization);
  const org = me?.organization?.name ?? '';
  return (
    <Page
      title={t(`home.spaces.${TITLE_ROLE[space]}`)}
      testId={TEST_ID[space]}
      description={org && t(`home.intros.${space}`, { org })}
    >
      {!me?.organization ? (
        <Empty>{t('errors.noOrganization')}</Empty>
      ) : (
        <QueryState query={overview}>
          {(data) => (
            <Stack gap="xl">
              <SpaceContent space={space} data={data} mySiteId={me.siteId} />
            </Stack>
          )}
        </QueryState>
      )}
    </Page>
  );
}
