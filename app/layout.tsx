import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import { site } from '@/components/ui/strings';
import { readMode } from '@/components/elder/read-mode';

export const metadata: Metadata = {
  title: { default: site.fullName, template: `%s · ${site.name}` },
  description: site.description,
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#0b4ea2',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // 长辈版: the page varies by the mode cookie (components/elder).
  const mode = await readMode();
  return (
    <html lang="zh-CN" data-mode={mode}>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-3"
        >
          {site.skipToContent}
        </a>
        {children}
      </body>
    </html>
  );
}
