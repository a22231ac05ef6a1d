import type { PosterData } from './poster-data';
import { posterText as t } from './strings';

export const POSTER_WIDTH = 1080;
export const POSTER_HEIGHT = 1440;

/** The words every poster draws besides the record's own (for the font subset). */
export const POSTER_FIXED_WORDS = [t.scan, t.site, t.phone, '：'];

const BRAND = '#0b4ea2';
const INK = '#1a1a1a';
const MUTED = '#4a4f57';

/**
 * The share poster as satori draws it (next/og): a blue band with the kind, the name, then
 * when and where in large type, and the QR code of the page with its caption. Satori lays out
 * with flexbox only and needs inline styles; every box with several children says display:flex.
 */
export function PosterImage({ data, qr, fontFamily }: { data: PosterData; qr: string; fontFamily: string }) {
  return (
    <div style={{ width: POSTER_WIDTH, height: POSTER_HEIGHT, display: 'flex', flexDirection: 'column', background: '#ffffff', color: INK, fontFamily }}>
      <div style={{ display: 'flex', flexDirection: 'column', background: BRAND, color: '#ffffff', padding: '56px 72px 48px' }}>
        <div style={{ fontSize: 36, fontWeight: 400 }}>{data.kind}</div>
        <div style={{ fontSize: data.title.length > 18 ? 60 : 72, fontWeight: 700, lineHeight: 1.25, marginTop: 12 }}>{data.title}</div>
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', padding: '40px 72px 0', flexGrow: 1 }}>
        {data.rows.map((row) => (
          <div key={row.label} style={{ display: 'flex', flexDirection: 'column', marginBottom: 28 }}>
            <div style={{ fontSize: 32, color: MUTED, fontWeight: 700 }}>{row.label}</div>
            {row.lines.map((line, i) => (
              <div key={i} style={{ fontSize: row.lines.length > 3 ? 36 : 42, lineHeight: 1.35 }}>
                {line}
              </div>
            ))}
          </div>
        ))}
        {data.phone && (
          <div style={{ display: 'flex', fontSize: 36 }}>
            <span style={{ color: MUTED, fontWeight: 700 }}>{`${t.phone}：`}</span>
            <span>{data.phone}</span>
          </div>
        )}
      </div>
      <div style={{ display: 'flex', alignItems: 'center', padding: '0 72px 56px', gap: 40 }}>
        {/* eslint-disable-next-line @next/next/no-img-element -- satori draws <img>, not next/image */}
        <img src={qr} width={340} height={340} alt="" style={{ border: `4px solid ${INK}` }} />
        <div style={{ display: 'flex', flexDirection: 'column', flexShrink: 1 }}>
          <div style={{ fontSize: 44, fontWeight: 700, color: BRAND }}>{t.scan}</div>
          <div style={{ fontSize: 26, color: MUTED, marginTop: 12, wordBreak: 'break-all' }}>{data.url}</div>
          <div style={{ fontSize: 30, marginTop: 20 }}>{t.site}</div>
        </div>
      </div>
    </div>
  );
}
