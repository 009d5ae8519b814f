import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { createHashRouter, RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../stores/use-session-store';
import { ErrorBoundary } from './ErrorBoundary';
import { loadStatus } from './session';
import { SignIn } from './SignIn';
import { LockScreen } from './LockScreen';

const Shell = lazy(() => import('./Shell'));
const Setup = lazy(() => import('./Setup'));
const Recovery = lazy(() => import('./Recovery'));

function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  return (
    <ConfigProvider
      locale={zh ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1668dc', borderRadius: 6 } }}
      componentSize="middle"
      button={{ autoInsertSpace: false }}
    >
      <AntApp style={{ height: '100%' }}>{children}</AntApp>
    </ConfigProvider>
  );
}

export function FullPageSpin({ tip }: { tip?: string }) {
  return (
    <div style={{ display: 'flex', height: '100vh', alignItems: 'center', justifyContent: 'center', flexDirection: 'column', gap: 12 }} data-testid="loading">
      <Spin size="large" />
      {tip ? <div style={{ color: 'rgba(0,0,0,0.55)' }}>{tip}</div> : null}
    </div>
  );
}

function Screens() {
  const { t } = useTranslation();
  const status = useSessionStore((s) => s.status);
  const bootError = useSessionStore((s) => s.bootError);
  const app = useSessionStore((s) => s.app);
  const hasUser = useSessionStore((s) => !!s.user);

  useEffect(() => {
    void loadStatus();
  }, []);

  switch (status) {
    case 'loading':
      return <FullPageSpin />;
    case 'token-lost':
      return (
        <Result
          status="warning"
          data-testid="token-lost"
          title={t('error.tokenLostTitle')}
          subTitle={t('error.tokenLost')}
          style={{ paddingTop: 120 }}
        />
      );
    case 'unavailable':
      return (
        <Result
          status="error"
          data-testid="db-unavailable"
          title={t('boot.unavailableTitle')}
          subTitle={
            <div>
              <div>{t('boot.unavailableBody')}</div>
              {bootError || app?.dbMessage ? <div style={{ marginTop: 8, fontSize: 12 }}>{bootError ?? app?.dbMessage}</div> : null}
            </div>
          }
          extra={
            <Button type="primary" onClick={() => void loadStatus()} data-testid="boot-retry">
              {t('common.retry')}
            </Button>
          }
          style={{ paddingTop: 120 }}
        />
      );
    case 'recovery':
      return <Recovery />;
    case 'setup':
      return <Setup />;
    case 'signed-out':
      return <SignIn />;
    case 'locked':
    case 'signed-in':
      // The layout stays mounted under the lock screen so half-typed work is not lost.
      return (
        <>
          {hasUser ? (
            <div hidden={status === 'locked'} aria-hidden={status === 'locked'} style={{ height: '100%' }}>
              <Shell />
            </div>
          ) : null}
          {status === 'locked' ? <LockScreen /> : null}
        </>
      );
  }
}

/**
 * A data router (hash history, for the custom protocol and the browser shell) rather than <HashRouter>:
 * only a data router offers useBlocker, with which the Shell asks before leaving a form with unsaved
 * changes — sidebar, links and Back alike. The one route hands every path to the screens' own <Routes>.
 */
function makeRouter() {
  return createHashRouter([
    {
      path: '*',
      element: (
        <Suspense fallback={<FullPageSpin />}>
          <Screens />
        </Suspense>
      ),
    },
  ]);
}

export function App() {
  const [router] = useState(makeRouter);
  return (
    <ErrorBoundary scope="app">
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </ErrorBoundary>
  );
}
