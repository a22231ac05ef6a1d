import 'server-only';
import QRCode from 'qrcode';

/**
 * A QR code as inline SVG markup (drawn on the server, so it prints without JavaScript):
 * error correction M (survives a crease or a smudge on a printed card), a 4-module quiet zone.
 * The markup comes from the library and encodes only our own URL — no resident text.
 */
export async function qrSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
  // Let CSS size it: drop the fixed width/height the library may add, keep the viewBox.
  return svg.replace(/<svg([^>]*?)\s(width|height)="[^"]*"/g, '<svg$1').replace('<svg', '<svg role="presentation" focusable="false"');
}
