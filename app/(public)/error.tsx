'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { Button } from '@/components/ui/button';

/** Shown when a page fails unexpectedly: no technical details, a way to retry, a way out. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="space-y-4 py-6" role="alert">
      <h1 className="text-2xl sm:text-3xl">抱歉，页面暂时出了问题</h1>
      <p>请稍后再试。如果一直打不开，可以拨打 <a href="tel:12333">12333</a>（人社）或 <a href="tel:12393">12393</a>（医保）咨询。</p>
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => reset()}>重新加载</Button>
        <Link href="/" className="inline-flex min-h-12 items-center px-2">回到首页</Link>
      </div>
      {error.digest && <p className="text-base text-muted">错误编号：{error.digest}</p>}
    </div>
  );
}
