import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Radio } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import SignaturePad from 'signature_pad';
import { useTranslation } from 'react-i18next';

/** The host refuses signatures over 300,000 characters; stay well under it. */
const MAX_CHARS = 280_000;
const HEIGHT = 120;

/** Exports the strokes as a PNG data URL, scaled down until it fits. */
function exportPng(canvas: HTMLCanvasElement): string {
  let url = canvas.toDataURL('image/png');
  let scale = 0.75;
  while (url.length > MAX_CHARS && scale > 0.1) {
    const small = document.createElement('canvas');
    small.width = Math.max(1, Math.round(canvas.width * scale));
    small.height = Math.max(1, Math.round(canvas.height * scale));
    small.getContext('2d')?.drawImage(canvas, 0, 0, small.width, small.height);
    url = small.toDataURL('image/png');
    scale *= 0.75;
  }
  return url;
}

/**
 * One signature on screen (pen, touch or mouse) with signature_pad. `onChange` gets a PNG data URL after
 * each stroke, or null when the box is empty. The signer's name and how they sign are shown above it by the
 * caller (`label` names the canvas for assistive tech); `error` says what is wrong below the box.
 */
export function SignatureBox({
  who,
  label,
  error,
  onChange,
  disabled,
}: {
  /** Names the box in test ids (sig-${who}): a slip's signer, a repair's technician or requester. */
  who: string;
  label: string;
  error?: string | null;
  onChange: (dataUrl: string | null) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const wrapRef = useRef<HTMLDivElement | null>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const changeRef = useRef(onChange);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    changeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const wrap = wrapRef.current;
    if (!canvas || !wrap) return;
    const pad = new SignaturePad(canvas, { minWidth: 1.2, maxWidth: 3.2, penColor: '#1f1f1f', throttle: 16 });
    padRef.current = pad;
    const emit = () => {
      const isEmpty = pad.isEmpty();
      setEmpty(isEmpty);
      changeRef.current(isEmpty ? null : exportPng(canvas));
    };
    pad.addEventListener('endStroke', emit);

    // The canvas follows its box; the strokes are kept across a resize (a resize clears a canvas).
    const fit = () => {
      const ratio = Math.min(Math.max(window.devicePixelRatio || 1, 1), 2);
      const w = wrap.clientWidth;
      if (!w || (canvas.width === Math.round(w * ratio) && canvas.height === Math.round(HEIGHT * ratio))) return;
      const data = pad.toData();
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round(HEIGHT * ratio);
      canvas.style.width = `${w}px`;
      canvas.style.height = `${HEIGHT}px`;
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.clear();
      if (data.length) pad.fromData(data);
    };
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(wrap);
    return () => {
      ro.disconnect();
      pad.removeEventListener('endStroke', emit);
      pad.off();
      padRef.current = null;
    };
  }, []);

  useEffect(() => {
    const pad = padRef.current;
    if (!pad) return;
    if (disabled) pad.off();
    else pad.on();
  }, [disabled]);

  const clear = () => {
    padRef.current?.clear();
    setEmpty(true);
    onChange(null);
  };

  return (
    <div data-testid={`sig-box-${who}`}>
      <div
        ref={wrapRef}
        style={{
          position: 'relative',
          height: HEIGHT,
          border: `1px ${empty ? 'dashed' : 'solid'} ${error ? '#ff4d4f' : empty ? '#bfbfbf' : '#1668dc'}`,
          borderRadius: 6,
          background: '#fff',
          overflow: 'hidden',
        }}
      >
        {empty ? (
          <div
            style={{ position: 'absolute', left: 12, right: 12, bottom: 28, borderBottom: '1px solid #e5e5e5', color: 'rgba(0,0,0,0.3)', fontSize: 12, pointerEvents: 'none' }}
          >
            ✕ {t('slip.sig.here')}
          </div>
        ) : null}
        <canvas
          ref={canvasRef}
          data-testid={`sig-${who}`}
          data-empty={String(empty)}
          aria-label={label}
          style={{ position: 'absolute', inset: 0, touchAction: 'none', cursor: disabled ? 'not-allowed' : 'crosshair' }}
        />
      </div>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginTop: 2 }}>
        <span style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }} data-testid={`sig-status-${who}`}>
          {empty ? t('slip.sig.notYet') : t('slip.sig.signed')}
        </span>
        <Button size="small" type="text" icon={<ClearOutlined />} onClick={clear} disabled={empty || disabled} data-testid={`sig-clear-${who}`}>
          {t('slip.sig.clear')}
        </Button>
      </div>
      {error ? (
        <div style={{ color: '#ff4d4f', fontSize: 13 }} role="alert" data-testid={`error-sig-${who}`}>
          {error}
        </div>
      ) : null}
    </div>
  );
}

/**
 * One signer: how they sign (buttons for `modes`: on screen, on the printed paper, …), then the box on screen
 * or the note of where else the signature is. `error` is shown translated; `children` follow (a slip's owner
 * who does not sign gives a recording reference there). Release slips and repair orders use it alike.
 */
export function SignerChoice<M extends string>({
  who,
  label,
  modes,
  mode,
  note,
  error,
  disabled,
  onMode,
  onImage,
  children,
}: {
  who: string;
  label: string;
  modes: readonly M[];
  mode: M;
  /** What the box says when the signature is not drawn on screen (mode ≠ 'screen'). */
  note: (mode: M) => string;
  error: string | null;
  disabled?: boolean;
  onMode: (m: M) => void;
  onImage: (v: string | null) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={`signer-${who}`} data-mode={mode} style={{ marginBottom: 12 }}>
      <div style={{ fontWeight: 500, marginBottom: 4 }}>{label}</div>
      <Radio.Group
        size="small"
        optionType="button"
        buttonStyle="solid"
        value={mode}
        disabled={disabled}
        onChange={(e) => onMode(e.target.value as M)}
        aria-label={`${label} · ${t('slip.sig.how')}`}
        style={{ marginBottom: 8 }}
        data-testid={`sig-mode-${who}`}
      >
        {modes.map((m) => (
          <Radio.Button key={m} value={m}>
            <span data-testid={`sig-mode-${who}-${m}`}>{t(`slip.sig.choice.${m}`)}</span>
          </Radio.Button>
        ))}
      </Radio.Group>
      {mode === 'screen' ? (
        <SignatureBox who={who} label={label} error={error} onChange={onImage} disabled={disabled} />
      ) : (
        <>
          <div
            style={{ height: HEIGHT, border: '1px dashed #d9d9d9', borderRadius: 6, background: '#fafafa', display: 'flex', alignItems: 'flex-end', padding: '0 12px 16px', color: 'rgba(0,0,0,0.55)' }}
            data-testid={`sig-${mode}-${who}`}
          >
            <div style={{ width: '100%', borderTop: mode === 'paper' ? '1px solid #bfbfbf' : undefined, paddingTop: 4, fontSize: 12 }}>{note(mode)}</div>
          </div>
          {error ? (
            <div style={{ color: '#ff4d4f', fontSize: 13 }} role="alert" data-testid={`error-sig-${who}`}>
              {error}
            </div>
          ) : null}
        </>
      )}
      {children}
    </div>
  );
}
