import { NotFoundContent } from '@/components/layout/not-found-content';

export const metadata = { title: '页面没有找到' };

/** For notFound() inside resident pages: already inside the site layout. */
export default function PublicNotFound() {
  return <NotFoundContent />;
}
