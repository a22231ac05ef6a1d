import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { can, requirePageActor } from '@/db/auth/guard';
import { publishedCourseOptions, venueOptions } from '@/db/admin/fairs/options';
import { formatInstant } from '@/db/domain/time';
import { Refused } from '@/components/admin/refused';
import { StatusBadge } from '@/components/admin/status-badge';
import { LifecycleButtons } from '@/components/admin/lifecycle-buttons';
import { fieldAnchor as fieldId } from '@/components/admin/fairs/ids';
import { FairForm } from '@/components/admin/fairs/fair-form';
import { EmployersEditor } from '@/components/admin/fairs/employers';
import { FAIR_FIELD_LABELS, fairAdmin } from '@/components/admin/fairs/strings';
import { buttonStyles } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import {
  deleteEmployerAction,
  deletePositionAction,
  saveEmployerAction,
  savePositionAction,
  transitionFairAction,
  updateFairAction,
} from '../actions';
import { loadFairPage } from './load';
import { HistoryLink } from '@/components/admin/audit/history-link';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `${fairAdmin.listTitle} ${id}` };
}

export default async function EditFairPage({ params }: Props) {
  const { id: raw } = await params;
  const actor = await requirePageActor(`/admin/fairs/${encodeURIComponent(raw)}`);
  if (!can(actor, 'view', { kind: 'fair' })) return <Refused />;
  const fair = await loadFairPage(actor, raw);
  if (!fair) notFound();
  const db = getDb();
  const published = fair.publication === 'published';
  const problems = Object.entries(fair.problems);
  const editable = can(actor, 'edit', { kind: 'fair' });

  return (
    <>
      <p className="mb-2">
        <Link href="/admin/fairs" className="inline-flex min-h-12 items-center">
          ← {fairAdmin.backToList}
        </Link>
      </p>
      <div className="mb-5">
        <h1 className="text-2xl sm:text-3xl">{fairAdmin.editTitle(fair.title)}</h1>
        <HistoryLink actor={actor} entity="fair" id={fair.id} />
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <StatusBadge publication={fair.publication} />
          <span className="text-base text-muted">{fairAdmin.versionLine(fair.version, formatInstant(fair.updatedAt))}</span>
        </div>
        <div className="mt-3 flex flex-wrap gap-3">
          <Link href={`/admin/fairs/${fair.id}/preview`} className={buttonStyles.secondary}>
            {fairAdmin.preview}
          </Link>
          {published && (
            <a href={`/fairs/${fair.id}`} className={buttonStyles.secondary}>
              {fairAdmin.viewPublic}
            </a>
          )}
          {can(actor, 'create', { kind: 'fair' }) && (
            <Link href={`/admin/fairs/${fair.id}/clone`} className={buttonStyles.secondary}>
              {fairAdmin.clone}
            </Link>
          )}
        </div>
      </div>

      <section aria-labelledby="fair-lifecycle" className="mb-6 rounded-xl border border-line bg-white p-4 sm:p-5">
        <h2 id="fair-lifecycle" className="mb-3 text-xl">
          {fairAdmin.lifecycleHeading}
        </h2>
        {!published && fair.publication !== 'archived' && (
          <div className="mb-3">
            {problems.length > 0 ? (
              <Notice tone="warn" title={fairAdmin.publishProblemsTitle}>
                <ul className="list-disc pl-6">
                  {problems.map(([field, message]) => (
                    <li key={field}>
                      <a href={`#${fieldId(field)}`}>
                        {FAIR_FIELD_LABELS[field] ? `${FAIR_FIELD_LABELS[field]}：` : ''}
                        {message}
                      </a>
                    </li>
                  ))}
                </ul>
              </Notice>
            ) : (
              <Notice title={fairAdmin.readyToPublish} />
            )}
          </div>
        )}
        <LifecycleButtons entity="fair" id={fair.id} version={fair.version} moves={fair.moves} action={transitionFairAction} labels={FAIR_FIELD_LABELS} />
      </section>

      {editable && (
        <>
          <FairForm
            key={`fair-${fair.id}`}
            mode="edit"
            id={fair.id}
            version={fair.version}
            published={published}
            venues={await venueOptions(db, fair.placeId)}
            action={updateFairAction}
            initial={{
              title: fair.title,
              type: fair.type,
              organiser: fair.organiser,
              placeId: fair.placeId === null ? '' : String(fair.placeId),
              onlineUrl: fair.onlineUrl ?? '',
              startsAt: fair.startsAt,
              endsAt: fair.endsAt,
              weekdays: (fair.recurrence?.weekdays ?? []).map(String),
              opens: fair.recurrence?.opens ?? '',
              closes: fair.recurrence?.closes ?? '',
              status: fair.status,
              statusNote: fair.statusNote ?? '',
              description: fair.description,
              howToAttend: fair.howToAttend,
              contactPhone: fair.contactPhone,
            }}
          />

          <section aria-labelledby="fair-employers-heading" className="mt-8">
            <h2 id="fair-employers-heading" className="text-2xl">
              <span id={fieldId('employers')} tabIndex={-1}>
                {fairAdmin.employers.heading}
              </span>
            </h2>
            <p className="mb-4 text-muted">{fairAdmin.employers.lead}</p>
            <EmployersEditor
              fairId={fair.id}
              version={fair.version}
              published={published}
              employers={fair.employers}
              courses={await publishedCourseOptions(db)}
              actions={{
                saveEmployer: saveEmployerAction,
                deleteEmployer: deleteEmployerAction,
                savePosition: savePositionAction,
                deletePosition: deletePositionAction,
              }}
            />
          </section>
        </>
      )}
    </>
  );
}
