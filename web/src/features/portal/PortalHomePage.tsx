import { Box, Grid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/me.ts';
import { usePortalHome } from '../../api/portal.ts';
import type { Me } from '../../api/types.ts';
import { Page } from '../../ui/Page.tsx';
import { can } from '../../ui/permissions.ts';
import { Empty, QueryState } from '../../ui/QueryState.tsx';
import { AnnouncementsBlock, Catalogue, OpenRequests } from './HomeParts.tsx';
import { HelpSearch } from './HelpSearch.tsx';
import classes from './portal.module.css';

/**
 * `/accueil`: the requester portal (also « Portail » for staff and executives who file requests): search
 * the help centre, pick a service by category, see where my requests stand and the announcements.
 */
export function PortalHomePage() {
  const { t } = useTranslation();
  const me = useMe().data as Me;
  const home = usePortalHome(!!me.organization);
  const canCreate = can(me, 'request.create');
  const first = me.user.displayName.split(/\s+/)[0] ?? '';
  return (
    <Page
      title={t('portal.home.title')}
      testId="page-portal"
      description={me.organization ? t('portal.home.intro', { name: first, org: me.organization.name }) : undefined}
    >
      {!me.organization ? (
        <Empty>{t('errors.noOrganization')}</Empty>
      ) : (
        <>
          <Box className={classes.hero}>
            <HelpSearch canCreate={canCreate} />
          </Box>
          <QueryState query={home}>
            {(data) => (
              <Grid gap="lg">
                {/* Same order on screen and for the keyboard, on a phone and on a desk. */}
                <Grid.Col span={{ base: 12, md: 5 }}>
                  <Stack gap="xl">
                    <AnnouncementsBlock items={data.announcements} />
                    <OpenRequests home={data} />
                  </Stack>
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 7 }}>
                  <Catalogue categories={data.categories} canCreate={canCreate} />
                </Grid.Col>
              </Grid>
            )}
          </QueryState>
        </>
      )}
    </Page>
  );
}
