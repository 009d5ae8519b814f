import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Avatar, Button, Dropdown, Layout, Menu, Result, Spin, Tooltip } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FormatPainterOutlined,
  HomeOutlined,
  KeyOutlined,
  LockOutlined,
  LoginOutlined,
  LogoutOutlined,
  PhoneOutlined,
  QuestionCircleOutlined,
  SafetyCertificateOutlined,
  ScanOutlined,
  SettingOutlined,
  TeamOutlined,
  ToolOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link, Route, Routes, useBlocker, type BlockerFunction, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../shared/kernel/permissions';
import { formatDateTime } from '../components/format';
import { isSubmitChord } from '../components/form';
import { releaseLeaveGuards, unsavedChanges, useConfirmDiscard } from '../components/leave-guard';
import { useCan } from '../components/permissions';
import { RoleTag } from '../components/tags';
import { useSessionStore } from '../stores/use-session-store';
import { useUiStore } from '../stores/use-ui-store';
import { ErrorBoundary } from './ErrorBoundary';
import { GlobalSearch } from './GlobalSearch';
import { LanguageSwitch } from './LanguageSwitch';
import { lockNow, signOut } from './session';
import { PAGE_SHORTCUTS, pageDigit, shortcutOf, ShortcutHelp } from './shortcuts';
import { useIdleLock } from './use-idle-lock';

const TodayPage = lazy(() => import('../features/today/TodayPage'));
const BuildingsPage = lazy(() => import('../features/buildings/BuildingsPage'));
const UnitsPage = lazy(() => import('../features/units/UnitsPage'));
const UnitPage = lazy(() => import('../features/units/UnitPage'));
const PeoplePage = lazy(() => import('../features/people/PeoplePage'));
const PersonPage = lazy(() => import('../features/people/PersonPage'));
const ImportPage = lazy(() => import('../features/import/ImportPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const BackupPage = lazy(() => import('../features/backup/BackupPage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));
const SlipsPage = lazy(() => import('../features/slips/SlipsPage'));
const SlipPage = lazy(() => import('../features/slips/SlipPage'));
const SlipFormPage = lazy(() => import('../features/slips/SlipForm'));
const RepairsPage = lazy(() => import('../features/repairs/RepairsPage'));
const RepairPage = lazy(() => import('../features/repairs/RepairPage'));
const RepairFormPage = lazy(() => import('../features/repairs/RepairForm'));
const EndOfDayPage = lazy(() => import('../features/repairs/EndOfDayPage'));
const CallbacksPage = lazy(() => import('../features/callbacks/CallbacksPage'));
const CallbackPage = lazy(() => import('../features/callbacks/CallbackPage'));
const GatePage = lazy(() => import('../features/gate/GatePage'));
const OccupancyReportPage = lazy(() => import('../features/occupancy-report/OccupancyReportPage'));
const RepairStatsPage = lazy(() => import('../features/repairs-stats/RepairStatsPage'));
const DecorationsPage = lazy(() => import('../features/decoration/DecorationsPage'));
const DecorationFormPage = lazy(() => import('../features/decoration/DecorationForm'));
const DecorationPage = lazy(() => import('../features/decoration/DecorationPage'));
const DepositLedgerPage = lazy(() => import('../features/decoration/LedgerPage'));
const NoticesPage = lazy(() => import('../features/move-in-lists/NoticesPage'));
const RectificationsPage = lazy(() => import('../features/move-in-lists/RectificationsPage'));
const RegisterPage = lazy(() => import('../features/move-in-lists/RegisterPage'));
const MovingInsPage = lazy(() => import('../features/moving-in/MovingInsPage'));
const MovingInFormPage = lazy(() => import('../features/moving-in/MovingInForm'));
const MovingInPage = lazy(() => import('../features/moving-in/MovingInPage'));
const MoveInsPage = lazy(() => import('../features/move-in/MoveInsPage'));
const MoveInFormPage = lazy(() => import('../features/move-in/MoveInForm'));
const MoveInPage = lazy(() => import('../features/move-in/MoveInPage'));

interface NavItem {
  key: string;
  path: string;
  label: string;
  icon: ReactNode;
  permission?: Permission;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

/** A modal or drawer is open (one fading out after its answer does not count): no shortcut acts underneath it. */
function overlayOpen(): boolean {
  return !!document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal:not([class*="-leave"]), .ant-drawer-open');
}

/** Where focus goes on a page a shortcut opened: its own main field, else the page itself (Tab then starts there, not in the menu). */
const PAGE_FOCUS = '[data-page-focus]';

/**
 * Asks before a navigation would throw typed work away (sidebar, a link, Back, a shortcut, sign-out).
 * One blocker for the whole app — react-router allows one — reading which forms are dirty at that moment.
 */
function useLeavePrompt() {
  const confirm = useConfirmDiscard();
  const blocker = useBlocker(useCallback<BlockerFunction>(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && unsavedChanges().any, []));

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    // Leaving was confirmed: the forms' work is given up, so nothing may stop this navigation a second time
    // while it completes (a lazy page keeps the old one mounted, still dirty, until its code has loaded).
    confirm(
      'leave',
      () => {
        releaseLeaveGuards();
        blocker.proceed();
      },
      () => blocker.reset(),
    );
  }, [blocker, confirm]);

  /** Runs `fn` now, or once the clerk confirms leaving their unsaved work. */
  return useCallback((fn: () => void) => confirm('leave', fn), [confirm]);
}

/** Carries out a focus request (useUiStore) once its page is shown: waits for the element while the page loads. */
function useFocusRequests(pathname: string) {
  const request = useUiStore((s) => s.focusRequest);
  useEffect(() => {
    if (!request || request.path !== pathname) return;
    const started = Date.now();
    const timer = window.setInterval(() => {
      const content = document.getElementById('main-content');
      const wanted = request.selector ? document.querySelector<HTMLElement>(request.selector) : null;
      const own = content?.querySelector<HTMLElement>(PAGE_FOCUS) ?? null;
      const late = Date.now() - started > (request.selector ? 3000 : 1000);
      const el = wanted ?? (request.selector ? null : own) ?? (late ? (own ?? content) : null);
      if (el || late) {
        window.clearInterval(timer);
        el?.focus();
        useUiStore.getState().requestFocus(null);
      }
    }, 50);
    return () => window.clearInterval(timer);
  }, [request, pathname]);
}

function Forbidden() {
  const { t } = useTranslation();
  return <Result status="403" title={t('app.forbiddenTitle')} subTitle={t('app.forbidden')} data-testid="forbidden" />;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('app.notFoundTitle')}
      subTitle={t('app.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('nav.today')}</Button>
        </Link>
      }
    />
  );
}

/**
 * Told once to the manager who signs in first after FrontDesk stopped without closing its data file
 * (power cut, crash). Not blocking; closed, it stays gone for this page load, across navigation.
 */
function SessionNotice() {
  const { t } = useTranslation();
  const notice = useSessionStore((s) => s.app?.notice ?? null);
  const dismissed = useUiStore((s) => s.dismissedNotice);
  const dismiss = useUiStore((s) => s.dismissNotice);
  if (!notice) return null;
  const id = `${notice.kind}:${notice.lastActiveAt}`;
  if (dismissed === id) return null;
  const time = formatDateTime(notice.lastActiveAt);
  return (
    <Alert
      type="warning"
      showIcon
      closable={{ onClose: () => dismiss(id), 'aria-label': t('common.close') }}
      title={notice.intact ? t('app.uncleanStop', { time }) : t('app.uncleanStopUnchecked', { time })}
      style={{ marginBottom: 16 }}
      data-testid="unclean-stop-notice"
    />
  );
}

function Guard({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const can = useCan();
  if (permission && !can(permission)) return <Forbidden />;
  return <>{children}</>;
}

export default function Shell() {
  const { t } = useTranslation();
  const can = useCan();
  const location = useLocation();
  const navigate = useNavigate();
  const user = useSessionStore((s) => s.user);
  const status = useSessionStore((s) => s.status);
  const siteName = useSessionStore((s) => s.app?.siteName);
  const idleMinutes = useSessionStore((s) => s.idleLockMinutes);
  const [collapsed, setCollapsed] = useState(false);
  const [help, setHelp] = useState(false);
  const guarded = useLeavePrompt();

  useIdleLock(idleMinutes, status === 'signed-in');
  useFocusRequests(location.pathname);

  const nav: NavItem[] = useMemo(
    () =>
      (
        [
          { key: 'today', path: '/', label: t('nav.today'), icon: <DashboardOutlined />, permission: 'masterdata.read' },
          { key: 'units', path: '/units', label: t('nav.units'), icon: <HomeOutlined />, permission: 'masterdata.read' },
          { key: 'slips', path: '/slips', label: t('nav.slips'), icon: <FileDoneOutlined />, permission: 'slips.read' },
          { key: 'repairs', path: '/repairs', label: t('nav.repairs'), icon: <ToolOutlined />, permission: 'repairs.read' },
          { key: 'decoration', path: '/decoration', label: t('nav.decoration'), icon: <FormatPainterOutlined />, permission: 'decoration.read' },
          { key: 'moveIn', path: '/move-in', label: t('nav.moveIn'), icon: <KeyOutlined />, permission: 'move-in.read' },
          { key: 'callbacks', path: '/callbacks', label: t('nav.callbacks'), icon: <PhoneOutlined />, permission: 'callbacks.read' },
          { key: 'movingIn', path: '/moving-in', label: t('nav.movingIn'), icon: <LoginOutlined />, permission: 'move-in.read' },
          { key: 'gate', path: '/gate', label: t('nav.gate'), icon: <ScanOutlined />, permission: 'gate.exit' },
          { key: 'people', path: '/people', label: t('nav.people'), icon: <TeamOutlined />, permission: 'masterdata.read' },
          { key: 'buildings', path: '/buildings', label: t('nav.buildings'), icon: <ApartmentOutlined />, permission: 'masterdata.read' },
          { key: 'reports', path: '/reports/occupancy', label: t('nav.reports'), icon: <BarChartOutlined />, permission: 'occupancyReport.read' },
          { key: 'import', path: '/import', label: t('nav.import'), icon: <UploadOutlined />, permission: 'import.run' },
          { key: 'users', path: '/users', label: t('nav.users'), icon: <SafetyCertificateOutlined />, permission: 'users.manage' },
          { key: 'audit', path: '/audit', label: t('nav.audit'), icon: <AuditOutlined />, permission: 'audit.read' },
          { key: 'backup', path: '/backup', label: t('nav.backup'), icon: <CloudUploadOutlined />, permission: 'backup.create' },
          { key: 'settings', path: '/settings', label: t('nav.settings'), icon: <SettingOutlined /> },
        ] as NavItem[]
      ).filter((n) => !n.permission || can(n.permission)),
    [t, can],
  );

  /** Opens a page by its shortcut, focus in its main field (the Gate: the number box). */
  const openPage = useCallback(
    (path: string) => {
      const current = window.location.hash.replace(/^#/, '').split('?')[0] || '/';
      useUiStore.getState().requestFocus({ path });
      if (current !== path) navigate(path);
    },
    [navigate],
  );

  // Keyboard: Ctrl+K or '/' → search; Ctrl+N or Alt+N → new record on this list page; Alt+1…5 → a page;
  // '?' → the shortcut list; Ctrl+Enter outside any form → the page's one form.
  const navRef = useRef(nav);
  navRef.current = nav;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (useSessionStore.getState().status !== 'signed-in') return;
      const ctrl = e.ctrlKey || e.metaKey;
      const digit = pageDigit(e);
      if (digit !== null) {
        const target = PAGE_SHORTCUTS.find((p) => p.digit === digit);
        const item = target && navRef.current.find((n) => n.key === target.key);
        if (item && !overlayOpen()) {
          e.preventDefault();
          openPage(item.path);
        }
      } else if (ctrl && !e.altKey && !e.shiftKey && e.code === 'KeyK') {
        e.preventDefault();
        useUiStore.getState().focusSearch();
      } else if (e.key === '/' && !ctrl && !e.altKey && !isTyping(e.target)) {
        e.preventDefault();
        useUiStore.getState().focusSearch();
      } else if (e.key === '?' && !ctrl && !e.altKey && !isTyping(e.target)) {
        e.preventDefault();
        setHelp(true);
      } else if (isSubmitChord(e) && !(e.target instanceof Element && e.target.closest('form')) && !overlayOpen()) {
        const forms = [...document.querySelectorAll<HTMLFormElement>('#main-content form[data-form-shell]')].filter((f) => f.getClientRects().length > 0);
        if (forms.length === 1) {
          e.preventDefault();
          forms[0].requestSubmit();
        }
      } else if (e.code === 'KeyN' && !e.shiftKey && ((ctrl && !e.altKey) || (e.altKey && !ctrl))) {
        const fn = useUiStore.getState().newRecord;
        if (fn && !overlayOpen()) {
          e.preventDefault();
          fn();
        }
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [openPage]);

  const first = location.pathname.split('/')[1] ?? '';
  const selected = first === '' ? 'today' : first;

  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="app-shell">
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={200}
        theme="light"
        style={{ borderRight: '1px solid #f0f0f0', position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <div
          style={{ height: 56, display: 'flex', alignItems: 'center', padding: collapsed ? '0 8px' : '0 20px', borderBottom: '1px solid #f0f0f0', overflow: 'hidden' }}
          title={siteName ?? undefined}
        >
          <Avatar shape="square" size={28} style={{ background: '#1668dc', flex: 'none' }}>
            {(siteName ?? 'F').slice(0, 1)}
          </Avatar>
          {!collapsed ? (
            <span style={{ marginLeft: 10, fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }} data-testid="site-name">
              {siteName ?? 'FrontDesk'}
            </span>
          ) : null}
        </div>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          style={{ borderInlineEnd: 0 }}
          items={nav.map((n) => ({
            key: n.key,
            icon: n.icon,
            label: (
              <Link
                to={n.path}
                data-testid={`nav-${n.key}`}
                className={shortcutOf(n.key) ? 'nav-shortcut' : undefined}
                data-shortcut={shortcutOf(n.key) ?? undefined}
                title={shortcutOf(n.key) ? `${n.label} (${shortcutOf(n.key)})` : undefined}
              >
                {n.label}
              </Link>
            ),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 20px',
            height: 56,
            lineHeight: 'normal',
            display: 'flex',
            alignItems: 'center',
            gap: 16,
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <div style={{ flex: 1, minWidth: 200, display: 'flex', alignItems: 'center' }}>
            {can('masterdata.read') ? <GlobalSearch /> : null}
          </div>
          <LanguageSwitch size="small" />
          <Tooltip title={t('shortcut.helpButton')}>
            <Button type="text" icon={<QuestionCircleOutlined />} onClick={() => setHelp(true)} aria-label={t('shortcut.helpTitle')} data-testid="shortcut-help-open" />
          </Tooltip>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'settings', icon: <SettingOutlined />, label: t('nav.myAccount'), onClick: () => navigate('/settings') },
                { key: 'lock', icon: <LockOutlined />, label: t('app.lockNow'), onClick: () => void lockNow() },
                { type: 'divider' },
                { key: 'signout', icon: <LogoutOutlined />, label: t('app.signOut'), onClick: () => guarded(() => void signOut()) },
              ],
            }}
          >
            <Button type="text" style={{ height: 40, display: 'flex', alignItems: 'center', gap: 8 }} data-testid="user-menu">
              <Avatar size={28} icon={<UserOutlined />} style={{ background: '#e6f0ff', color: '#1668dc' }} />
              <span style={{ lineHeight: 1.2, textAlign: 'left' }}>
                <span style={{ display: 'block', fontWeight: 500 }} data-testid="user-name">
                  {user?.displayName}
                </span>
              </span>
              {user ? <RoleTag role={user.role} /> : null}
            </Button>
          </Dropdown>
          <Button type="text" icon={<LogoutOutlined />} onClick={() => guarded(() => void signOut())} data-testid="sign-out">
            {t('app.signOut')}
          </Button>
        </Layout.Header>
        <Layout.Content id="main-content" tabIndex={-1} style={{ padding: 20, minWidth: 0, outline: 'none' }}>
          <SessionNotice />
          <ErrorBoundary scope="page" key={location.pathname}>
            <Suspense
              fallback={
                <div style={{ padding: 80, textAlign: 'center' }}>
                  <Spin />
                </div>
              }
            >
              <Routes>
                <Route path="/" element={<Guard permission="masterdata.read"><TodayPage /></Guard>} />
                <Route path="/units" element={<Guard permission="masterdata.read"><UnitsPage /></Guard>} />
                <Route path="/units/:id" element={<Guard permission="masterdata.read"><UnitPage /></Guard>} />
                <Route path="/slips" element={<Guard permission="slips.read"><SlipsPage /></Guard>} />
                <Route path="/slips/new" element={<Guard permission="slips.write"><SlipFormPage /></Guard>} />
                <Route path="/slips/:id" element={<Guard permission="slips.read"><SlipPage /></Guard>} />
                <Route path="/slips/:id/edit" element={<Guard permission="slips.write"><SlipFormPage /></Guard>} />
                <Route path="/repairs" element={<Guard permission="repairs.read"><RepairsPage /></Guard>} />
                <Route path="/repairs/new" element={<Guard permission="repairs.write"><RepairFormPage /></Guard>} />
                <Route path="/repairs/end-of-day" element={<Guard permission="repairs.read"><EndOfDayPage /></Guard>} />
                <Route path="/repairs/:id" element={<Guard permission="repairs.read"><RepairPage /></Guard>} />
                <Route path="/decoration" element={<Guard permission="decoration.read"><DecorationsPage /></Guard>} />
                <Route path="/decoration/new" element={<Guard permission="decoration.write"><DecorationFormPage /></Guard>} />
                <Route path="/decoration/ledger" element={<Guard permission="decoration.ledger"><DepositLedgerPage /></Guard>} />
                <Route path="/decoration/:id" element={<Guard permission="decoration.read"><DecorationPage /></Guard>} />
                <Route path="/move-in/notices" element={<Guard permission="move-in.read"><NoticesPage /></Guard>} />
                <Route path="/move-in/rectifications" element={<Guard permission="move-in.read"><RectificationsPage /></Guard>} />
                <Route path="/move-in/register" element={<Guard permission="move-in.read"><RegisterPage /></Guard>} />
                <Route path="/moving-in" element={<Guard permission="move-in.read"><MovingInsPage /></Guard>} />
                <Route path="/moving-in/new" element={<Guard permission="move-in.write"><MovingInFormPage /></Guard>} />
                <Route path="/moving-in/:id" element={<Guard permission="move-in.read"><MovingInPage /></Guard>} />
                <Route path="/move-in" element={<Guard permission="move-in.read"><MoveInsPage /></Guard>} />
                <Route path="/move-in/new" element={<Guard permission="move-in.write"><MoveInFormPage /></Guard>} />
                <Route path="/move-in/:id" element={<Guard permission="move-in.read"><MoveInPage /></Guard>} />
                <Route path="/callbacks" element={<Guard permission="callbacks.read"><CallbacksPage /></Guard>} />
                <Route path="/callbacks/:id" element={<Guard permission="callbacks.read"><CallbackPage /></Guard>} />
                <Route path="/gate" element={<Guard permission="gate.exit"><GatePage /></Guard>} />
                <Route path="/reports/occupancy" element={<Guard permission="occupancyReport.read"><OccupancyReportPage /></Guard>} />
                <Route path="/repairs/stats" element={<Guard permission="repairs.read"><RepairStatsPage /></Guard>} />
                <Route path="/people" element={<Guard permission="masterdata.read"><PeoplePage /></Guard>} />
                <Route path="/people/:id" element={<Guard permission="masterdata.read"><PersonPage /></Guard>} />
                <Route path="/buildings" element={<Guard permission="masterdata.read"><BuildingsPage /></Guard>} />
                <Route path="/import" element={<Guard permission="import.run"><ImportPage /></Guard>} />
                <Route path="/users" element={<Guard permission="users.manage"><UsersPage /></Guard>} />
                <Route path="/audit" element={<Guard permission="audit.read"><AuditPage /></Guard>} />
                <Route path="/backup" element={<Guard permission="backup.create"><BackupPage /></Guard>} />
                <Route path="/settings" element={<SettingsPage />} />
                <Route path="*" element={<NotFound />} />
              </Routes>
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
      <ShortcutHelp open={help} onClose={() => setHelp(false)} pages={nav} />
    </Layout>
  );
}
