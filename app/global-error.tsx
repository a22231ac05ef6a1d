'use client';

/** Last resort when even the layout fails: plain HTML, no dependencies. */
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'sans-serif', fontSize: 18, padding: 24, lineHeight: 1.6 }}>
        <h1>抱歉，网站暂时出了问题</h1>
        <p>请稍后再试，或拨打 12333（人社）、12393（医保）咨询。</p>
        <button type="button" onClick={() => reset()} style={{ fontSize: 18, padding: '10px 20px' }}>
          重新加载
        </button>
      </body>
    </html>
  );
}
