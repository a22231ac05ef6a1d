import type { Metadata } from 'next';
import { fairText } from '@/components/fairs/strings';
import { LinkButton } from '@/components/ui/button';

export const metadata: Metadata = { title: fairText.notFoundTitle };

/**
 * 404 for an unknown, unpublished or malformed fair (and its calendar file's page). It sits in
 * the fairs segment so it renders inside the site layout once; the root not-found page wraps
 * itself in that layout for URLs outside every section.
 */
export default function FairNotFound() {
  return (
    <div className="space-y-4 py-6">
      <h1 className="text-2xl sm:text-3xl">{fairText.notFoundTitle}</h1>
      <p>{fairText.notFoundLead}</p>
      <ul className="grid gap-2 sm:grid-cols-2">
        <li>
          <LinkButton href="/fairs" variant="secondary" className="w-full">
            {fairText.notFoundUpcoming}
          </LinkButton>
        </li>
        <li>
          <LinkButton href="/fairs?when=past" variant="secondary" className="w-full">
            {fairText.notFoundPast}
          </LinkButton>
        </li>
      </ul>
      <p>
        {fairText.notFoundCall}{' '}
        <a href="tel:12333" className="font-bold">
          {fairText.notFoundHotline}
        </a>
      </p>
    </div>
  );
}
