import Link from 'next/link';
import { admin } from './strings';

/** Shown instead of a page when a scoped account reaches for someone else's record. */
export function Refused() {
  return (
    <div className="rounded-lg border-l-4 border-bad bg-white p-6" data-testid="refused">
      <h1 className="text-2xl">{admin.refused.title}</h1>
      <p className="mt-2">{admin.refused.body}</p>
      <p className="mt-4">
        <Link href="/admin">{admin.refused.back}</Link>
      </p>
    </div>
  );
}
