import type { MetadataRoute } from 'next';
import { appColours, appText } from '@/components/pwa/strings';

/**
 * 添加到主屏幕: the web app manifest (/manifest.webmanifest, linked from every page by Next).
 * The icons are drawn from app/icon.svg by app/_server/icons/render-icons.tsx.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: appText.name,
    short_name: appText.shortName,
    description: appText.description,
    lang: 'zh-CN',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: appColours.theme,
    background_color: appColours.background,
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
