import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useLogout, useSignedIn } from '../api/me.ts';
import { errorText } from '../components/ErrorAlert.tsx';
import { useMyPersonalData } from '../features/privacy/privacy-api.ts';
import { useT } from '../i18n/locale.tsx';

function initials(fullName: string): string {
  return fullName
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

export function UserMenu() {
  const t = useT();
  const me = useSignedIn();
  const logout = useLogout();
  const myData = useMyPersonalData();
  const navigate = useNavigate();
  // 152-FZ art. 14: anyone signed in may take what Opora keeps about them, as a JSON file.
  const downloadMyData = () =>
    myData.mutate(undefined, {
      onSuccess: (file) => notifications.show({ color: 'green', message: t('privacy.my.ready', { name: file.fileName }) }),
      onError: (error) => notifications.show({ color: 'red', message: t('privacy.my.failed', { reason: errorText(error, t) }) }),
    });
  return (
    <Menu position="bottom-end" shadow="md" width={260}>
      <Menu.Target>
        <UnstyledButton aria-label={t('web.shell.userMenu', { name: me.user.fullName })} style={{ borderRadius: '50%' }}>
          <Avatar color="opora" radius="xl" aria-hidden="true">
            {initials(me.user.fullName)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <div style={{ padding: '0.5rem 0.75rem' }}>
          <Text size="sm" fw={600} className="break-anywhere">
            {me.user.fullName}
          </Text>
          <Text size="xs" c="dimmed" className="break-anywhere">
            {me.user.email}
          </Text>
        </div>
        <Menu.Divider />
        <Menu.Item onClick={downloadMyData} disabled={myData.isPending}>
          {t('privacy.my.menu')}
        </Menu.Item>
        <Menu.Item onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}>
          {t('web.shell.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
