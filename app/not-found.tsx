import { NotFoundContent } from '@/components/layout/not-found-content';
import PublicLayout from './(public)/layout';

export const metadata = { title: '页面没有找到' };

/** For addresses that match no route: rendered by the root layout alone, so it adds the site chrome. */
export default function NotFound() {
  return (
    <PublicLayout>
      <NotFoundContent />
    </PublicLayout>
  );
}
