import { Accordion, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CatalogService, Confidentiality } from '../../api/types.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { Fact } from '../../ui/Fact.tsx';

/** Names of the objects a service points to (team, function, SLA policy), by id. */
export interface Lookups {
  teams: Map<string, string>;
  functions: Map<string, string>;
  policies: Map<string, string>;
}

const CONFIDENTIALITY_COLOR: Record<Confidentiality, string> = { normal: 'gray', confidential: 'orange', sensitive: 'red' };

function Facts({ service, lookups }: { service: CatalogService; lookups: Lookups }) {
  const { t } = useTranslation();
  const name = (map: Map<string, string>, id: string | null) => (id && map.get(id)) || t('catalog.none');
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="xs" m={0}>
      <Fact label={t('catalog.team')}>{name(lookups.teams, service.teamId)}</Fact>
      <Fact label={t('catalog.function')}>{name(lookups.functions, service.functionId)}</Fact>
      <Fact label={t('catalog.autonomy')}>{t(`catalog.autonomyLevels.l${service.autonomyLevel}`)}</Fact>
      <Fact label={t('catalog.priority')}>{service.defaultPriority}</Fact>
      <Fact label={t('catalog.sla')}>{name(lookups.policies, service.slaPolicyId)}</Fact>
      <Fact label={t('catalog.approval')}>{service.approvalRole ? t(`roles.${service.approvalRole}`) : t('catalog.none')}</Fact>
    </SimpleGrid>
  );
}

function FormFields({ service }: { service: CatalogService }) {
  const { t } = useTranslation();
  if (service.form.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('catalog.noForm')}
      </Text>
    );
  const columns = [t('catalog.fieldColumns.label'), t('catalog.fieldColumns.type'), t('catalog.fieldColumns.required')];
  return (
    <Accordion variant="contained" chevronPosition="left">
      <Accordion.Item value="form">
        <Accordion.Control>{t('catalog.formFields', { count: service.form.length })}</Accordion.Control>
        <Accordion.Panel>
          <DataTable bare label={service.name} columns={columns} minWidth={420}>
            {service.form.map((f) => (
              <Table.Tr key={f.key}>
                <Table.Td>{f.label}</Table.Td>
                <Table.Td>{t(`catalog.fieldTypes.${f.type}`)}</Table.Td>
                <Table.Td>{f.required ? t('catalog.required') : t('catalog.optional')}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

function Badges({ service }: { service: CatalogService }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      <Badge variant="light" tt="none" color={CONFIDENTIALITY_COLOR[service.confidentiality]}>
        {t(`catalog.confidentiality.${service.confidentiality}`)}
      </Badge>
      {!service.active && (
        <Badge variant="outline" tt="none" color="gray">
          {t('catalog.inactive')}
        </Badge>
      )}
    </Group>
  );
}

/** One service of the catalogue, with an edit button for those who may design it. */
export function ServiceCard({
  service,
  lookups,
  onEdit,
}: {
  service: CatalogService;
  lookups: Lookups;
  onEdit?: (s: CatalogService) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card data-testid="catalog-service" style={service.active ? undefined : { borderStyle: 'dashed' }}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3}>{service.name}</Title>
          <Group gap="xs">
            <Badges service={service} />
            {onEdit && service.allowedActions?.includes('service.update') && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPencil size={14} aria-hidden />}
                onClick={() => onEdit(service)}
                aria-label={t('catalog.editor.editNamed', { name: service.name })}
              >
                {t('common.edit')}
              </Button>
            )}
          </Group>
        </Group>
        {service.description && <Text size="sm">{service.description}</Text>}
        <Facts service={service} lookups={lookups} />
        {service.requiredSkills.length > 0 && (
          <Group gap={6} aria-label={t('catalog.skills')} role="group">
            <Text size="xs" c="dimmed">
              {t('catalog.skills')}
            </Text>
            {service.requiredSkills.map((s) => (
              <Badge key={s} variant="default" tt="none">
                {s}
              </Badge>
            ))}
          </Group>
        )}
        {service.checklist?.length > 0 && (
          <div>
            <Text size="xs" c="dimmed">
              {t('catalog.editor.checklist')}
            </Text>
            <Text component="ol" size="sm" m={0} pl="lg">
              {service.checklist.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </Text>
          </div>
        )}
        <FormFields service={service} />
      </Stack>
    </Card>
  );
}
