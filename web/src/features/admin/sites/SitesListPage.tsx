import { Anchor, Button, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../../api/me.ts';
import { useSites } from '../../../api/sites.ts';
import type { Site } from '../../../api/types.ts';
import { OpenBadge } from '../../../ui/badges.tsx';
import { useSiteTime } from '../../../ui/format.ts';
import { Page } from '../../../ui/Page.tsx';
import { can } from '../../../ui/permissions.ts';
import { Empty, QueryState } from '../../../ui/QueryState.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';

function SiteRow({ site }: { site: Site }) {
  const { t } = useTranslation();
  const siteTime = useSiteTime();
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/admin/sites/${site.id}`} fw={600}>
          {site.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={2}>
          {site.address}
        </Text>
      </Table.Td>
      <Table.Td>{site.timezone}</Table.Td>
      <Table.Td>{t(`regions.${site.holidayRegion}`)}</Table.Td>
      <Table.Td>
        {site.openNow !== undefined && <OpenBadge open={site.openNow} />}{' '}
        <Text span size="sm" c="dimmed">
          {siteTime(site.localTime, site.timezone)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

const COLUMNS = ['name', 'address', 'timezone', 'region', 'now'] as const;

/** `/admin/sites`: every site of the organisation. */
export function SitesListPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const sites = useSites();
  const action = can(me, 'site.create') && (
    <Button component={Link} to="/admin/sites/nouveau" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('sites.new')}
    </Button>
  );
  return (
    <Page title={t('sites.title')} testId="page-admin-sites" description={t('sites.intro')} actions={action}>
      <QueryState query={sites}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('sites.empty')}</Empty>
          ) : (
            <DataTable label={t('sites.title')} columns={COLUMNS.map((c) => t(`sites.columns.${c}`))} minWidth={760}>
              {data.items.map((s) => (
                <SiteRow key={s.id} site={s} />
              ))}
            </DataTable>
          )
        }
      </QueryState>
    </Page>
  );
}
