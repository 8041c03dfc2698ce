import { Box, Center, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Logo } from './Logo.tsx';

/** Frame of the signed-out pages (login, password reset, installation). */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" style={{ background: 'linear-gradient(180deg, #eef1fb 0%, #f7f8fb 45%)' }}>
      <Group component="header" justify="space-between" px="lg" py="md">
        <Logo to="/" />
        <LanguageSwitch />
      </Group>
      <Center component="main" id="contenu" px="md" pb="xl" pt="md">
        <Stack w="100%" maw={440} gap="md">
          <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="lg">
            <Outlet />
          </Paper>
          <Text size="sm" c="dimmed" ta="center">
            {t('app.tagline')}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
