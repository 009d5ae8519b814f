import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18next from 'i18next';

interface Props {
  children: ReactNode;
  /** 'page': inside the layout (the menu stays usable); 'app': the whole window. */
  scope?: 'app' | 'page';
}
interface State {
  error: Error | null;
}

function tr(key: string, fallback: string): string {
  try {
    const v = i18next.t(key);
    return v && v !== key ? v : fallback;
  } catch {
    return fallback;
  }
}

/**
 * Never a blank window: a render error shows what happened and a reload button.
 * Plain markup on purpose, so it still works when the UI library is what failed.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('FrontDesk UI error', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const page = this.props.scope === 'page';
    return (
      <div
        role="alert"
        data-testid="error-boundary"
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          minHeight: page ? 320 : '100vh',
          padding: 24,
          boxSizing: 'border-box',
        }}
      >
        <div style={{ maxWidth: 560, background: '#fff', border: '1px solid #f0f0f0', borderRadius: 8, padding: 24, boxShadow: '0 2px 8px rgba(0,0,0,0.06)' }}>
          <h2 style={{ margin: '0 0 8px', fontSize: 18, color: '#cf1322' }}>{tr('crash.title', 'Something went wrong / 出现错误')}</h2>
          <p style={{ margin: '0 0 12px', color: 'rgba(0,0,0,0.65)' }}>
            {tr('crash.body', 'This screen could not be shown. Your saved data is safe. Reload to continue. / 此页面无法显示，已保存的数据不受影响，请重新加载。')}
          </p>
          <pre
            style={{
              whiteSpace: 'pre-wrap',
              wordBreak: 'break-word',
              background: '#fafafa',
              padding: 12,
              borderRadius: 4,
              fontSize: 12,
              maxHeight: 160,
              overflow: 'auto',
              margin: '0 0 16px',
            }}
          >
            {error.message}
          </pre>
          <div style={{ display: 'flex', gap: 8 }}>
            <button
              type="button"
              data-testid="error-reload"
              onClick={() => window.location.reload()}
              style={{ background: '#1677ff', color: '#fff', border: 0, borderRadius: 6, padding: '6px 16px', cursor: 'pointer', fontSize: 14 }}
            >
              {tr('crash.reload', 'Reload / 重新加载')}
            </button>
            {page ? (
              <button
                type="button"
                onClick={() => this.setState({ error: null })}
                style={{ background: '#fff', border: '1px solid #d9d9d9', borderRadius: 6, padding: '6px 16px', cursor: 'pointer', fontSize: 14 }}
              >
                {tr('common.retry', 'Try again / 重试')}
              </button>
            ) : null}
          </div>
        </div>
      </div>
    );
  }
}
