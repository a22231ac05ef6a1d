import type { ReactNode } from 'react';

export function Card({ children, className = '', as: Tag = 'div' }: { children: ReactNode; className?: string; as?: 'div' | 'li' | 'article' | 'section' }) {
  return <Tag className={`rounded-xl border border-line bg-white p-4 shadow-sm ${className}`}>{children}</Tag>;
}
