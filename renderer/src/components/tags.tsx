import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OccupancyState, Relation, Role } from '../../../shared/master/enums';
import { formatDate } from './format';

const STATE_COLORS: Record<OccupancyState, string> = {
  not_handed_over: 'default',
  vacant: 'gold',
  under_decoration: 'purple',
  owner_occupied: 'green',
  office_in_use: 'blue',
  rented: 'cyan',
};

export function StateTag({ state, since }: { state: OccupancyState | null | undefined; since?: string | null }) {
  const { t } = useTranslation();
  if (!state) return <Tag data-testid="state-tag">{t('enum.state.unknown')}</Tag>;
  return (
    <span>
      <Tag color={STATE_COLORS[state]} data-testid="state-tag" data-state={state}>
        {t(`enum.state.${state}`)}
      </Tag>
      {since ? <span style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{t('unit.since', { date: formatDate(since) })}</span> : null}
    </span>
  );
}

const RELATION_COLORS: Record<Relation, string> = {
  owner: 'geekblue',
  co_owner: 'blue',
  family: 'green',
  tenant: 'orange',
  company: 'purple',
};

export function RelationTag({ relation }: { relation: Relation }) {
  const { t } = useTranslation();
  return (
    <Tag color={RELATION_COLORS[relation]} data-relation={relation}>
      {t(`enum.relation.${relation}`)}
    </Tag>
  );
}

const ROLE_COLORS: Record<Role, string> = { clerk: 'default', cashier: 'gold', supervisor: 'blue', manager: 'purple' };

export function RoleTag({ role }: { role: Role }) {
  const { t } = useTranslation();
  return <Tag color={ROLE_COLORS[role]}>{t(`enum.role.${role}`)}</Tag>;
}
