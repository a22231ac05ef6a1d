'use client';
/**
 * The lifecycle moves an actor may make on a record (提交审核, 发布, 退回修改, 撤回提交, 撤下, 归档,
 * 恢复为草稿), each confirmed before it is sent. A page may say more about a move (`asks`): what
 * else happens (a course's runs go live with it, live runs disappear), a note the move needs
 * (退回修改's 意见, 撤下's 原因), or a checklist of what is missing — then the move is not sent
 * and each item links to the field to fix. The server decides again; these are only the buttons.
 */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { ActionResult, Refusal } from '@/db/admin/result';
import { TRANSITION_LABELS, type Transition } from '@/db/auth/permissions';
import { Button } from '@/components/ui/button';
import { inputClass, RefusalNotice, SavedNotice } from './form';
import { admin } from './strings';
import { useRecordVersion } from './record-version';

const HELP: Partial<Record<Transition, string>> = {
  publish: admin.lifecycle.publishHelp,
  withdraw: admin.lifecycle.withdrawHelp,
  archive: admin.lifecycle.archiveHelp,
  recall: admin.lifecycle.recallHelp,
  submit: admin.lifecycle.submitHelp,
  return: admin.lifecycle.returnHelp,
  restore: admin.lifecycle.restoreHelp,
};

/** What a page says about one move beyond its name. */
export type MoveAsk = {
  /** Replaces the general help line. */
  help?: string;
  /** What else the move does, each said before it is confirmed. */
  warnings?: string[];
  /** The move needs a note: its label, and what to say when it is empty. */
  note?: { label: string; hint?: string; missing: string };
  /** What must be fixed first; when there is any, the move is not offered, only the list. */
  blockers?: { href: string; text: string }[];
  blockersTitle?: string;
};

type MoveInput = { id: number; version: number; move: Transition; note?: string };

export function LifecycleButtons({
  entity,
  id,
  version: fromServer,
  moves,
  action,
  labels,
  asks = {},
}: {
  /** Which kind of record, for the version the page's saves share (./record-version.tsx). */
  entity: string;
  id: number;
  version: number;
  moves: Transition[];
  action: (input: MoveInput) => Promise<ActionResult<{ version: number }>>;
  labels?: Record<string, string>;
  asks?: Partial<Record<Transition, MoveAsk>>;
}) {
  const router = useRouter();
  // A save on the page just now moved the version on: a move pressed before the page refreshes uses it.
  const [version, sawVersion] = useRecordVersion(entity, id, fromServer);
  const [asking, setAsking] = useState<Transition | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (moves.length === 0 && !refusal && !done) return null;

  function open(move: Transition) {
    setAsking(move);
    setNote('');
    setNoteError(null);
  }

  function run(move: Transition) {
    const ask = asks[move];
    if (ask?.note && !note.trim()) {
      setNoteError(ask.note.missing);
      return;
    }
    start(async () => {
      const r = await action(ask?.note ? { id, version, move, note } : { id, version, move }).catch(
        (): ActionResult<{ version: number }> => ({ ok: false, code: 'error', message: admin.form.networkFailure }),
      );
      if (r.ok) {
        sawVersion(r.version);
        setAsking(null);
        setRefusal(null);
        setDone(admin.lifecycle.done(TRANSITION_LABELS[move]));
        router.refresh();
      } else if (r.code === 'invalid' && r.fieldErrors?.note) {
        setNoteError(r.fieldErrors.note);
      } else {
        setAsking(null);
        setDone(null);
        setRefusal(r);
      }
    });
  }

  const ask = asking ? asks[asking] : undefined;
  const blocked = (ask?.blockers?.length ?? 0) > 0;
  const noteId = `lifecycle-note-${id}`;
  return (
    <div>
      <SavedNotice message={done} />
      <RefusalNotice refusal={refusal} labels={labels} />
      {asking ? (
        <div role="alertdialog" aria-labelledby={`lifecycle-confirm-${id}`} className="rounded-lg border-2 border-brand bg-brand-soft p-4">
          <p id={`lifecycle-confirm-${id}`} className="font-bold">
            {blocked ? (ask?.blockersTitle ?? admin.lifecycle.blocked(TRANSITION_LABELS[asking], ask!.blockers!.length)) : admin.lifecycle.confirm(TRANSITION_LABELS[asking])}
          </p>
          {blocked ? (
            <ul className="mt-2 list-disc pl-6" data-testid="lifecycle-checklist">
              {ask!.blockers!.map((b) => (
                <li key={b.href + b.text}>
                  <a href={b.href} className="inline-flex min-h-12 items-center">
                    {b.text}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <>
              {(ask?.help ?? HELP[asking]) && <p>{ask?.help ?? HELP[asking]}</p>}
              {ask?.warnings?.map((w) => (
                <p key={w} className="mt-2 font-medium text-warn">
                  {w}
                </p>
              ))}
              {ask?.note && (
                <div className="mt-3">
                  <label htmlFor={noteId} className="block font-medium">
                    {ask.note.label}
                  </label>
                  {ask.note.hint && (
                    <p id={`${noteId}-hint`} className="text-base text-muted">
                      {ask.note.hint}
                    </p>
                  )}
                  {noteError && (
                    <p id={`${noteId}-error`} className="font-medium text-bad">
                      {noteError}
                    </p>
                  )}
                  <textarea
                    id={noteId}
                    value={note}
                    rows={3}
                    maxLength={500}
                    required
                    aria-invalid={noteError ? true : undefined}
                    aria-describedby={[ask.note.hint ? `${noteId}-hint` : '', noteError ? `${noteId}-error` : ''].filter(Boolean).join(' ') || undefined}
                    onChange={(e) => setNote(e.target.value)}
                    className={inputClass}
                  />
                </div>
              )}
            </>
          )}
          <div className="mt-3 flex flex-wrap gap-3">
            {!blocked && (
              <Button type="button" onClick={() => run(asking)} disabled={pending}>
                {TRANSITION_LABELS[asking]}
              </Button>
            )}
            <Button type="button" variant="secondary" onClick={() => setAsking(null)}>
              {blocked ? admin.lifecycle.close : admin.form.cancel}
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-3">
          {moves.map((m) => (
            <Button key={m} type="button" variant={m === 'publish' ? 'primary' : 'secondary'} disabled={pending} onClick={() => open(m)}>
              {TRANSITION_LABELS[m]}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
