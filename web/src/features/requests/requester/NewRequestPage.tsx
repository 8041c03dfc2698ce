import { Alert, Anchor, Group, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useServices } from '../../../api/catalog.ts';
import { useMe } from '../../../api/me.ts';
import { Page } from '../../../ui/Page.tsx';
import { can } from '../../../ui/permissions.ts';
import { QueryState } from '../../../ui/QueryState.tsx';
import { RequestForm } from './RequestForm.tsx';
import { ServicePicker } from './ServicePicker.tsx';

/** `/mes-demandes/nouvelle`: pick a service (step 1), then fill its form (step 2, `?service=`). */
export function NewRequestPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const services = useServices();
  const serviceId = params.get('service');
  // Staff file requests on someone's behalf from the workspace, and go back there.
  const staff = can(useMe().data, 'request.note');
  const home = staff ? '/demandes' : '/mes-demandes';
  const service = services.data?.items.find((s) => s.id === serviceId);
  return (
    <Page
      title={service ? service.name : t('requests.create.title')}
      testId="page-new-request"
      description={service ? service.description : t('requests.create.intro')}
    >
      <Anchor component={Link} to={service ? '/mes-demandes/nouvelle' : home} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {service ? t('requests.create.change') : staff ? t('requests.view.back') : t('requests.detail.back')}
        </Group>
      </Anchor>
      <QueryState query={services}>
        {(data) =>
          service ? (
            <Stack gap="md">
              {service.approvalRole && (
                <Alert color="grape" variant="light">
                  {t('requests.create.approvalNote', { role: t(`roles.${service.approvalRole}`) })}
                </Alert>
              )}
              <RequestForm key={service.id} service={service} />
            </Stack>
          ) : (
            <ServicePicker services={data.items} />
          )
        }
      </QueryState>
    </Page>
  );
}
