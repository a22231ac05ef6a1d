'use client';
/**
 * What a save from an older version shows when both people changed the same fields
 * (db/admin/conflict.ts): per field, the other person's value beside the editor's, with a choice.
 * Choosing puts that value into the form's field; choosing «您的» puts back exactly what the
 * editor had typed, so nothing is lost either way. The next save sends the decisions with the
 * version they were made against (useAdminForm), and the rest merges as before.
 */
import type { ConflictInfo } from '@/db/admin/result';
import { admin } from './strings';

export type Side = 'theirs' | 'mine';

/** The form's side of a conflict: what was typed, what was chosen, and how to show a value. */
export type ConflictResolver = {
  choice: Readonly<Record<string, Side | undefined>>;
  typed: Readonly<Record<string, unknown>>;
  choose: (field: string, side: Side) => void;
  /** A value in words (an id as its name); undefined falls back to the plain reading. */
  describe?: (field: string, value: unknown) => string | undefined;
  /** A field left without a choice when the editor pressed save. */
  missing: readonly string[];
};

/** A value as plain text: lists joined, yes/no in words, empty said so. */
export function plainValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return admin.form.conflictEmpty;
  if (typeof v === 'boolean') return v ? admin.form.yes : admin.form.no;
  if (Array.isArray(v)) return v.length ? v.map(plainValue).join('、') : admin.form.conflictEmpty;
  if (typeof v === 'object') return Object.values(v as Record<string, unknown>).filter((x) => x !== '' && x !== null).map(plainValue).join(' ');
  return String(v);
}

/** A value from the data layer (numbers, null, lists) as form controls hold it (strings). */
export function asFormValue(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(asFormValue);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, asFormValue(x)]));
  return v;
}

export function ConflictChoices({ conflict, resolver, labels }: { conflict: ConflictInfo; resolver: ConflictResolver; labels?: Record<string, string> }) {
  const who = [...new Set(conflict.changes.map((c) => c.by))].join('、');
  const show = (field: string, v: unknown) => resolver.describe?.(field, v) ?? plainValue(v);
  return (
    <div className="mt-3">
      <p>{admin.form.conflictFieldsHelp}</p>
      {(conflict.fields ?? []).map(({ field, theirs }) => {
        const label = labels?.[field] ?? field;
        const name = `conflict-${field.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
        const missing = resolver.missing.includes(field);
        return (
          <fieldset key={field} className="mt-3 rounded-lg border-2 border-line bg-white p-3" aria-describedby={missing ? `${name}-error` : undefined}>
            <legend className="px-1 font-bold">{label}</legend>
            {missing && (
              <p id={`${name}-error`} className="font-medium text-bad">
                {admin.form.conflictChoose(label)}
              </p>
            )}
            {(
              [
                ['theirs', admin.form.conflictTheirs(who), theirs],
                ['mine', admin.form.conflictMine, resolver.typed[field]],
              ] as const
            ).map(([side, whose, value]) => (
              <label key={side} className="mt-2 flex min-h-12 cursor-pointer items-start gap-3">
                <input
                  type="radio"
                  name={name}
                  value={side}
                  checked={resolver.choice[field] === side}
                  onChange={() => resolver.choose(field, side)}
                  className="mt-1 size-6 shrink-0 accent-[var(--color-brand)]"
                />
                <span>
                  <span className="font-medium">{whose}：</span>
                  <span className="whitespace-pre-wrap break-words" data-testid={`conflict-${side}-${field}`}>
                    {show(field, value)}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}
