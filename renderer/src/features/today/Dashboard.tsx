import type { CSSProperties, ReactNode } from 'react';
import { Card, Col, Row } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BreakdownTile, StatTile, StatusTile, Text, Tile, Tone, TrendTile } from '../../../../shared/kernel/dashboard';
import { formatDateTime } from '../../components/format';
import { formatChange, formatFigure } from './figures';
import { TrendChart } from './trend-chart';

const TONE: Record<Tone, string> = { ok: '#389e0d', warn: '#d46b08', bad: '#cf1322', neutral: 'rgba(0,0,0,0.45)' };
const muted: CSSProperties = { color: 'rgba(0,0,0,0.55)', fontSize: 12 };
const big: CSSProperties = { fontSize: 26, fontWeight: 600, lineHeight: 1.2, color: 'rgba(0,0,0,0.88)' };
// A tile reads as a card; its link fills it, so the whole card opens the list and takes keyboard focus.
const tileLink: CSSProperties = { display: 'block', height: '100%', color: 'inherit', borderRadius: 8 };

function useText() {
  const { t } = useTranslation();
  return (x: Text | undefined) => (x ? String(t(x.key, x.params)) : '');
}

function Frame({ tile, children, header }: { tile: Tile; children: ReactNode; header?: ReactNode }) {
  const { t } = useTranslation();
  const title = t(tile.title);
  return (
    <Card
      size="small"
      data-testid={`tile-${tile.id}`}
      data-tone={tile.tone ?? ''}
      style={{ height: '100%', borderTop: tile.tone && tile.tone !== 'neutral' ? `3px solid ${TONE[tile.tone]}` : undefined }}
      styles={{ body: { padding: '10px 14px 12px' } }}
    >
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 8, marginBottom: 6 }}>
        {header ?? <span style={{ fontWeight: 600, flex: 1, minWidth: 0 }}>{title}</span>}
      </div>
      {children}
    </Card>
  );
}

/** A tile that opens its list as a whole (stat, trend, status). */
function Linked({ tile, children }: { tile: Tile; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Link to={tile.link} style={tileLink} className="dashboard-tile-link" aria-label={String(t('dashboard.openList', { title: t(tile.title) }))} data-testid={`tile-link-${tile.id}`}>
      {children}
    </Link>
  );
}

/** A message with its dates and months kept on one line (a narrow tile would break 2026-12-03 at a hyphen). */
function Unbroken({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\d{4}-\d{2}(?:-\d{2})?)/).map((part, i) => (i % 2 ? <span key={i} style={{ whiteSpace: 'nowrap' }}>{part}</span> : part))}
    </>
  );
}

function StatView({ tile }: { tile: StatTile }) {
  const tx = useText();
  return (
    <Linked tile={tile}>
      <Frame tile={tile}>
        <div style={big} data-testid="tile-value">
          {formatFigure(tile.value, tile.format)}
        </div>
        {tile.previous !== undefined && tile.previous !== null && tile.value !== null ? (
          <div style={muted}>
            {formatChange(tile.value - tile.previous, tile.format)} {tx(tile.previousLabel)}
          </div>
        ) : null}
        {tile.note ? <div style={muted}>{tx(tile.note)}</div> : null}
      </Frame>
    </Linked>
  );
}

function StatusView({ tile }: { tile: StatusTile }) {
  const tx = useText();
  return (
    <Linked tile={tile}>
      <Frame tile={tile}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <span aria-hidden style={{ width: 10, height: 10, borderRadius: 5, background: TONE[tile.tone], flex: 'none' }} />
          <span style={{ fontSize: 14, fontWeight: 500, color: tile.tone === 'neutral' ? 'rgba(0,0,0,0.75)' : TONE[tile.tone] }} data-testid="tile-message">
            <Unbroken text={tx(tile.message)} />
          </span>
        </div>
        {tile.at ? <div style={{ ...muted, marginTop: 4, marginLeft: 18 }}>{formatDateTime(tile.at)}</div> : null}
      </Frame>
    </Linked>
  );
}

function TrendView({ tile }: { tile: TrendTile }) {
  const { t } = useTranslation();
  const tx = useText();
  const known = tile.points.filter((p) => p.value !== null);
  const last = tile.points.at(-1);
  const before = tile.points.length > 1 ? tile.points[tile.points.length - 2] : undefined;
  return (
    <Linked tile={tile}>
      <Frame tile={tile}>
        <div style={{ display: known.length ? 'flex' : 'none', alignItems: 'baseline', gap: 10 }}>
          <span style={big} data-testid="tile-value">
            {formatFigure(last?.value, tile.format)}
          </span>
          {last?.value !== null && last?.value !== undefined && before && before.value !== null ? (
            <span style={muted}>{t('dashboard.vsPrevious', { change: formatChange(last.value - before.value, tile.format), period: before.period })}</span>
          ) : null}
        </div>
        {known.length ? <TrendChart points={tile.points} format={tile.format} label={t(tile.title)} /> : <div style={{ ...muted, padding: '24px 0', textAlign: 'center' }}>{t('dashboard.noFigure')}</div>}
        {tile.note ? <div style={muted}>{tx(tile.note)}</div> : null}
      </Frame>
    </Linked>
  );
}

function BreakdownView({ tile }: { tile: BreakdownTile }) {
  const { t } = useTranslation();
  const tx = useText();
  const max = Math.max(1, ...tile.parts.map((p) => p.value));
  const empty = !!tile.empty && tile.parts.every((p) => p.value === 0 && !p.change);
  // The change column only where the tile has changes; a small tile's long labels wrap rather than being cut.
  const changes = tile.parts.some((p) => p.change !== undefined);
  const columns = changes ? 'minmax(0, 1fr) minmax(40px, auto) 44px' : 'minmax(0, 1fr) minmax(32px, auto)';
  const header = (
    <Link to={tile.link} style={{ fontWeight: 600, flex: 1, minWidth: 0, color: 'rgba(0,0,0,0.88)' }} data-testid={`tile-link-${tile.id}`}>
      {t(tile.title)} <RightOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.35)' }} />
    </Link>
  );
  return (
    <Frame tile={tile} header={header}>
      {tile.changeLabel ? <div style={{ ...muted, textAlign: 'right', marginTop: -24, marginBottom: 6 }}>{tx(tile.changeLabel)}</div> : null}
      {/* Nothing counted at all (a new site): one line saying so, not a column of zeros. */}
      {empty ? <div style={{ ...muted, padding: '12px 0' }}>{tx(tile.empty)}</div> : null}
      <div role="list" hidden={empty}>
        {tile.parts.map((p) => {
          const row = (
            <span style={{ display: 'grid', gridTemplateColumns: columns, alignItems: 'center', gap: 8, padding: '3px 4px' }}>
              <span style={{ minWidth: 0 }}>
                <span style={{ display: 'block', overflowWrap: 'anywhere', lineHeight: 1.35, color: p.tone ? TONE[p.tone] : 'rgba(0,0,0,0.75)' }}>{tx(p.label)}</span>
                <span aria-hidden style={{ display: 'block', height: 4, borderRadius: 2, marginTop: 2, background: '#f0f0f0' }}>
                  <span style={{ display: 'block', height: 4, borderRadius: 2, width: `${(100 * p.value) / max}%`, background: p.tone ? TONE[p.tone] : '#1668dc' }} />
                </span>
              </span>
              <span style={{ textAlign: 'right', fontWeight: 600, fontSize: 15, color: 'rgba(0,0,0,0.88)' }} data-testid="part-value">
                {formatFigure(p.value, 'int')}
              </span>
              {changes ? (
                <span style={{ textAlign: 'right', fontSize: 12, color: !p.change ? 'rgba(0,0,0,0.35)' : 'rgba(0,0,0,0.65)' }} data-testid="part-change">
                  {p.change === null || p.change === undefined ? '' : formatChange(p.change, 'int')}
                </span>
              ) : null}
            </span>
          );
          return (
            <div role="listitem" key={p.key} data-testid={`part-${tile.id}-${p.key}`}>
              {p.link ? (
                <Link to={p.link} style={{ display: 'block', color: 'inherit', borderRadius: 4 }} className="dashboard-part-link">
                  {row}
                </Link>
              ) : (
                row
              )}
            </div>
          );
        })}
      </div>
      {tile.note ? <div style={muted}>{tx(tile.note)}</div> : null}
    </Frame>
  );
}

function TileView({ tile }: { tile: Tile }) {
  switch (tile.kind) {
    case 'stat':
      return <StatView tile={tile} />;
    case 'status':
      return <StatusView tile={tile} />;
    case 'trend':
      return <TrendView tile={tile} />;
    case 'breakdown':
      return <BreakdownView tile={tile} />;
  }
}

/** How wide a tile is drawn, from its kind and size alone: charts and long breakdowns take half a row, the rest share a row. */
const wide = (tile: Tile) => tile.kind === 'trend' || (tile.kind === 'breakdown' && tile.parts.length > 4);

/**
 * The manager's dashboard: the tiles from today.summary, each drawn by its kind, in the host's order. Loaded
 * lazily by TodayPage (with echarts), so Today for everyone else never downloads it.
 */
export default function Dashboard({ tiles }: { tiles: Tile[] }) {
  const { t } = useTranslation();
  return (
    <section aria-label={String(t('dashboard.title'))} data-testid="dashboard" style={{ marginBottom: 16 }}>
      <style>{`.dashboard-tile-link:focus-visible, .dashboard-part-link:focus-visible { outline: 2px solid #1668dc; outline-offset: 2px; }
.dashboard-tile-link:hover .ant-card { border-color: #91caff; } .dashboard-part-link:hover { background: #f5f9ff; }`}</style>
      <Row gutter={[16, 16]}>
        {tiles.map((tile) =>
          wide(tile) ? (
            <Col key={tile.id} xs={24} xl={12}>
              <TileView tile={tile} />
            </Col>
          ) : (
            // The small tiles share their rows: as many as fit (a number needs less room than words), grown to fill the row.
            <Col key={tile.id} flex={tile.kind === 'stat' ? '1 1 150px' : '1 1 220px'} style={{ minWidth: 0 }}>
              <TileView tile={tile} />
            </Col>
          ),
        )}
      </Row>
    </section>
  );
}
