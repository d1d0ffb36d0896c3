/**
 * /admin/users — 用户管理 for the admin: every user with roles and state, and a button to
 * disable or enable each. Disabling ends the user's sessions on the server at once.
 */
import { createResource, createSignal, Show } from 'solid-js';
import { trpc } from '../trpc';
import { localized, t } from '../i18n/i18n';
import { errorMessage, isUnauthorized } from '../errors';
import { AsyncView } from '../components/AsyncView';
import { usePageTitle } from '../components/page-title';
import { ListTable } from '../components/ListTable';
import { useSession } from '../session/SessionProvider';
import { ROLE_LABELS } from '../../../workflows/roles';

export function UsersAdminPage() {
  usePageTitle(() => t('users.title'));
  const session = useSession();
  const [list, { refetch }] = createResource(() => trpc.users.list.query());
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal('');

  const toggle = async (userId: string, disabled: boolean) => {
    setError('');
    setBusy(userId);
    try {
      await trpc.users.setDisabled.mutate({ userId, disabled });
      await refetch();
    } catch (e) {
      if (isUnauthorized(e)) session.expired();
      setError(errorMessage(e));
    } finally {
      setBusy('');
    }
  };

  return (
    <section class="users-admin">
      <h1>{t('users.title')}</h1>
      <p class="page-intro">{t('users.intro')}</p>
      <Show when={error()}>
        <p class="notice notice-error" role="alert" data-testid="users-error">{error()}</p>
      </Show>
      <section class="card">
        <AsyncView resource={list} onRetry={refetch}>
        {(users) => (
          <ListTable
            class="users-table"
            testId="users-table"
            columns={[t('users.username'), t('users.name'), t('users.department'), t('users.roles'), t('users.state')]}
            actions
            rows={users()}
          >
            {(u) => (
              <tr data-testid={`user-${u.username}`}>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>{u.department}</td>
                <td>{u.roles.map((r) => localized(ROLE_LABELS[r])).join('、')}</td>
                <td>
                  <span class={`badge ${u.disabled ? 'badge-user-disabled' : 'badge-user-active'}`}>{u.disabled ? t('users.disabled') : t('users.active')}</span>
                </td>
                <td>
                  <button type="button" class={`button button-small${u.disabled ? '' : ' button-danger'}`} disabled={busy() === u.id || u.id === session.user()?.id} onClick={() => toggle(u.id, !u.disabled)}>
                    {u.disabled ? t('users.enable') : t('users.disable')}
                  </button>
                </td>
              </tr>
            )}
          </ListTable>
        )}
        </AsyncView>
      </section>
    </section>
  );
}
