import type { CSSProperties, ReactNode } from 'react';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The centred card used before sign-in: sign-in, lock, first-run setup and recovery. */
export function AuthLayout({
  children,
  title,
  subtitle,
  width = 400,
  overlay,
  testId,
}: {
  children: ReactNode;
  title: ReactNode;
  subtitle?: ReactNode;
  width?: number;
  overlay?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const style: CSSProperties = {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    padding: '48px 16px',
    boxSizing: 'border-box',
    background: 'linear-gradient(160deg, #eef3fb 0%, #f5f6f8 55%, #eef1f5 100%)',
  };
  if (overlay) Object.assign(style, { position: 'fixed', inset: 0, zIndex: 2000, overflow: 'auto' });
  return (
    <div style={style} data-testid={testId}>
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch size="small" />
      </div>
      <div style={{ marginBottom: 20, textAlign: 'center' }}>
        <div style={{ fontSize: 13, letterSpacing: 2, color: '#1668dc', fontWeight: 600 }}>FRONTDESK</div>
        <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{t('app.tagline')}</div>
      </div>
      <Card style={{ width: '100%', maxWidth: width, boxShadow: '0 6px 24px rgba(20,40,80,0.08)' }}>
        <div style={{ marginBottom: 20 }}>
          <h1 style={{ fontSize: 20, margin: 0, fontWeight: 600 }}>{title}</h1>
          {subtitle ? <div style={{ color: 'rgba(0,0,0,0.5)', marginTop: 4 }}>{subtitle}</div> : null}
        </div>
        {children}
      </Card>
    </div>
  );
}
