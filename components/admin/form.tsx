'use client';
/**
 * The admin form kit: one hook that checks input with the same zod schema the server action
 * uses, sends it, and keeps what was typed whatever happens; plus the pieces every form shows
 * (error summary linking to fields, field with its message, conflict and refusal notices,
 * the "修改将立即对公众生效" confirmation).
 */
import { useEffect, useRef, useState, useTransition, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import type { z } from 'zod';
import type { ActionResult, ConflictInfo, MergeNotice, Refusal } from '@/db/admin/result';
import { zodFieldErrors } from '@/db/admin/zod-errors';
import { Button } from '@/components/ui/button';
import { admin } from './strings';
import { fieldMessages, type EntityWords } from './field-words';
import { asFormValue, ConflictChoices, type ConflictResolver, type Side } from './conflict-choice';

export type Values = Record<string, unknown>;

import { fieldId } from './field-id';
export { fieldId };

/**
 * `E` is what a submit adds to the values (an edit's id and version, a fair's reference); the
 * action is typed with what it is really sent.
 */
export function useAdminForm<T extends object, V extends Values, E extends Values = Record<never, never>>(opts: {
  initial: V;
  schema?: z.ZodType;
  action: (input: V & Partial<E>) => Promise<ActionResult<T>>;
  onSuccess?: (result: T & { ok: true; message?: string }, values: V) => void;
  /** Refresh the server-rendered page after a successful save (default true). */
  refresh?: boolean;
  /** The entity's words, for a schema that answers in codes (./field-words.ts); the server's answers come worded from the action. */
  words?: EntityWords;
  /** A stored value (as the data layer holds it) in words, for the conflict choices (an id as its name). */
  describe?: (field: string, value: unknown) => string | undefined;
  /** A stored value as this form's control holds it, where that is not the plain reading (./conflict-choice.ts asFormValue). */
  toFormValue?: (field: string, value: unknown) => unknown;
}) {
  const router = useRouter();
  const [values, setValues] = useState<V>(opts.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // Fields both people changed, against the version they were shown at: what was typed, what was chosen.
  const [clash, setClash] = useState<{ against: number; fields: string[]; typed: Values; choice: Record<string, Side>; missing: string[] } | null>(null);
  const formValue = (field: string, v: unknown) => opts.toFormValue?.(field, v) ?? asFormValue(v);

  function set<K extends keyof V>(name: K, value: V[K]) {
    setValues((v) => ({ ...v, [name]: value }));
    setSaved(null);
  }

  /** Props for a text-like control bound to values[name]. */
  function bind(name: keyof V & string) {
    const err = errors[name];
    return {
      id: fieldId(name),
      name,
      value: (values[name] ?? '') as string,
      onChange: (e: { target: { value: string } }) => set(name, e.target.value as V[typeof name]),
      'aria-invalid': err ? (true as const) : undefined,
      'aria-describedby': err ? `${fieldId(name)}-error` : undefined,
    };
  }

  /** Puts the other person's value, or back what the editor typed, into a field both changed. */
  function choose(field: string, side: Side) {
    if (!clash) return;
    const theirs = refusal?.conflict?.fields?.find((f) => f.field === field)?.theirs;
    setClash({ ...clash, choice: { ...clash.choice, [field]: side }, missing: clash.missing.filter((f) => f !== field) });
    setValues((v) => ({ ...v, [field]: side === 'theirs' ? formValue(field, theirs) : clash.typed[field] }));
    setSaved(null);
  }

  /** Sends the values, plus what the page knows and the form does not show (the record's id and version). */
  function submit(extra?: E) {
    // TypeScript cannot spread two generic objects into their intersection; this is exactly that.
    const input = { ...values, ...extra } as V & Partial<E>;
    setSaved(null);
    if (clash) {
      // Nothing is saved over the other person's value until the editor has chosen, field by field.
      const missing = clash.fields.filter((f) => !clash.choice[f]);
      if (missing.length) {
        setClash({ ...clash, missing });
        return;
      }
      Object.assign(input, { resolved: { against: clash.against, fields: clash.fields } });
    }
    if (opts.schema) {
      const r = opts.schema.safeParse(input);
      if (!r.success) {
        const found = zodFieldErrors(r.error);
        setErrors(opts.words ? fieldMessages(found, opts.words) : found);
        setRefusal({ ok: false, code: 'invalid', message: admin.form.errorSummary });
        return;
      }
    }
    startTransition(async () => {
      let result: ActionResult<T>;
      try {
        result = await opts.action(input);
      } catch {
        result = { ok: false, code: 'error', message: admin.form.networkFailure };
      }
      if (result.ok) {
        setErrors({});
        setRefusal(null);
        setClash(null);
        const merged = result.merged;
        if (merged) {
          // The other person's changes are in the record now: the form shows them, so the next save keeps them.
          setValues((v) => ({ ...v, ...Object.fromEntries(Object.entries(merged.values).map(([k, x]) => [k, formValue(k, x)])) }));
        }
        setSaved([merged ? mergedSentence(merged, opts.words) : '', result.message ?? admin.form.saved].filter(Boolean).join(' '));
        opts.onSuccess?.(result as T & { ok: true; message?: string }, input);
        if (opts.refresh !== false) router.refresh();
      } else {
        setErrors(result.fieldErrors ?? {});
        setRefusal(result);
        const fields = result.code === 'conflict' ? (result.conflict?.fields ?? []) : [];
        if (result.conflict && fields.length) {
          // Keep exactly what was typed in each contested field, whichever value the editor then picks.
          const typed = Object.fromEntries(fields.map((f) => [f.field, input[f.field as keyof typeof input]]));
          setClash({ against: result.conflict.currentVersion, fields: fields.map((f) => f.field), typed, choice: {}, missing: [] });
        } else if (result.code === 'conflict') setClash(null);
      }
    });
  }

  const resolver: ConflictResolver | undefined = clash
    ? { choice: clash.choice, typed: clash.typed, choose, describe: opts.describe, missing: clash.missing }
    : undefined;
  // A conflict refusal carries its resolver, so every form's <RefusalNotice> offers the choices.
  const shown: ShownRefusal | null = refusal && refusal.code === 'conflict' && resolver ? { ...refusal, resolver } : refusal;
  return { values, setValues, set, bind, errors, setErrors, refusal: shown, saved, pending, submit };
}

/** A refusal as the form shows it: a conflict over fields both people changed comes with the choices. */
export type ShownRefusal = Refusal & { resolver?: ConflictResolver };

/** «已与 编辑小王 12:03 的修改合并：对方改了 课程名称，您改了 一句话简介。» */
function mergedSentence(m: MergeNotice, words?: EntityWords): string {
  const say = (fs: string[]) => fs.map((f) => words?.labels[f] ?? f).join('、');
  // Today's changes by the time alone (as people say it), older ones with their date.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const at = m.at.startsWith(today) ? m.at.slice(11) : m.at;
  return admin.form.merged(m.by.join('、'), at, say(m.theirs), say(m.mine));
}

/** The list of problems at the top of a form; each links to its field. Takes focus when shown. */
export function ErrorSummary({ errors, labels, title }: { errors: Record<string, string>; labels?: Record<string, string>; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const key = entries.map(([k, v]) => k + v).join('|');
  useEffect(() => {
    if (entries.length > 0) ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (entries.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="mb-5 rounded-lg border-l-4 border-bad bg-bad-soft px-4 py-3">
      <p className="font-bold">{title ?? admin.form.errorSummary}</p>
      <ul className="mt-1 list-disc pl-6">
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>
              {labels?.[name] ? `${labels[name]}：` : ''}
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled control with its hint and error message. */
export function Field({
  name,
  label,
  hint,
  error,
  required,
  children,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: ReactNode;
}) {
  const id = fieldId(name);
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block font-medium">
        {label}
        <span className="text-base font-normal text-muted">{required ? admin.form.required : ''}</span>
      </label>
      {hint && <p className="text-base text-muted">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="font-medium text-bad">
          {error}
        </p>
      )}
      <div className="mt-1">{children}</div>
    </div>
  );
}

export const inputClass =
  'block min-h-12 w-full rounded-lg border-2 border-line bg-white px-3 py-2 text-lg aria-[invalid=true]:border-bad';

/**
 * `labels` words the changed fields when the writer named them by code (stations do). With a
 * resolver (the save was compared field by field) the fields both changed are offered side by
 * side instead of a reload, which would lose what was typed.
 */
export function ConflictNotice({
  conflict,
  onReload,
  labels,
  resolver,
}: {
  conflict: ConflictInfo;
  onReload?: () => void;
  labels?: Record<string, string>;
  resolver?: ConflictResolver;
}) {
  const choices = resolver && conflict.fields?.length ? resolver : undefined;
  return (
    <div className="mb-5 rounded-lg border-l-4 border-warn bg-warn-soft px-4 py-3">
      <div role="alert">
        <p className="font-bold">{admin.form.conflictTitle}</p>
        <ul className="mt-1 list-disc pl-6">
          {conflict.changes.map((c, i) => (
            <li key={i}>{admin.form.conflictBy(c.by, c.at, c.fields.map((f) => labels?.[f] ?? f).join('、'))}</li>
          ))}
        </ul>
        {!choices && <p className="mt-1">{admin.form.conflictHelp}</p>}
      </div>
      {choices && <ConflictChoices conflict={conflict} resolver={choices} labels={labels} />}
      {!choices && onReload && (
        <Button type="button" variant="secondary" className="mt-2" onClick={onReload}>
          {admin.form.reload}
        </Button>
      )}
    </div>
  );
}

/** What a refused save says: field errors go to the summary, a conflict to its own notice. */
export function RefusalNotice({
  refusal,
  labels,
  onReload,
}: {
  refusal: ShownRefusal | null;
  labels?: Record<string, string>;
  onReload?: () => void;
}) {
  if (!refusal) return null;
  if (refusal.code === 'conflict' && refusal.conflict)
    return <ConflictNotice conflict={refusal.conflict} labels={labels} resolver={refusal.resolver} onReload={onReload ?? (() => window.location.reload())} />;
  if (refusal.code === 'invalid' && refusal.fieldErrors && Object.keys(refusal.fieldErrors).length > 0)
    return <ErrorSummary errors={refusal.fieldErrors} labels={labels} title={refusal.message} />;
  return (
    <div role="alert" className="mb-5 rounded-lg border-l-4 border-bad bg-bad-soft px-4 py-3">
      <p className="font-bold">{refusal.message}</p>
      {refusal.code === 'unauthenticated' && (
        <p>
          <a href={`/admin/login?next=${encodeURIComponent(typeof window === 'undefined' ? '/admin' : window.location.pathname)}`}>
            {admin.form.signInAgain}
          </a>
        </p>
      )}
    </div>
  );
}

/**
 * What a save or move did. It sits above the form, and the save button is often at the bottom
 * of a long one: a new message scrolls into view and takes focus, as the error summary does, so
 * nobody presses 保存 again wondering whether it worked.
 */
export function SavedNotice({ message }: { message: string | null }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  return (
    <div role="status" aria-live="polite">
      {message && (
        <p ref={ref} tabIndex={-1} className="mb-4 scroll-mt-24 rounded-lg border-l-4 border-ok bg-ok-soft px-4 py-3 font-medium">
          {message}
        </p>
      )}
    </div>
  );
}

/**
 * The save button. For a published record the first press asks for confirmation, because the
 * change reaches residents at once.
 */
export function SaveBar({
  published,
  pending,
  onSave,
  label = admin.form.save,
  children,
}: {
  published: boolean;
  pending: boolean;
  onSave: () => void;
  label?: string;
  children?: ReactNode;
}) {
  const [confirming, setConfirming] = useState(false);
  if (published && confirming) {
    return (
      <div role="alertdialog" aria-labelledby="live-warning" className="rounded-lg border-2 border-warn bg-warn-soft p-4">
        <p id="live-warning" className="font-bold">
          {admin.form.liveWarning}
        </p>
        <div className="mt-3 flex flex-wrap gap-3">
          <Button
            type="button"
            disabled={pending}
            onClick={() => {
              setConfirming(false);
              onSave();
            }}
          >
            {admin.form.confirmLive}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
            {admin.form.cancel}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      {published && <p className="w-full text-base text-warn">{admin.form.liveWarning}</p>}
      <Button type="button" disabled={pending} onClick={() => (published ? setConfirming(true) : onSave())}>
        {pending ? admin.form.saving : label}
      </Button>
      {children}
    </div>
  );
}
