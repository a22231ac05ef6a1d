'use client';

import type { ComponentProps, ReactNode } from 'react';
import type { Chip, FacetOption } from '@/db/queries/search-page';
import { common } from '@/components/ui/strings';
import { buttonStyles } from '@/components/ui/button';
import { formQuery, hrefOf, withPage, withoutParam } from './url';
import { useDebounced } from './use-live-search';
import { useLiveResults } from './live-results';

export type Go = (qs: string, opts?: { replace?: boolean; fromForm?: boolean }) => void;

/**
 * The filter form: a plain GET form (works without JavaScript); with JavaScript, each change
 * updates the results in place. Text fields wait for a pause in typing.
 */
export function LiveForm({
  path,
  go,
  children,
  label,
  className = '',
}: {
  path: string;
  go: Go;
  children: ReactNode;
  label: string;
  className?: string;
}) {
  const typed = useDebounced((form: HTMLFormElement) => go(formQuery(form), { replace: true, fromForm: true }), 400);
  return (
    <form
      method="get"
      action={path}
      role="search"
      aria-label={label}
      className={className}
      onSubmit={(e) => {
        e.preventDefault();
        go(formQuery(e.currentTarget), { fromForm: true });
      }}
      onChange={(e) => {
        const t = e.target as unknown as HTMLInputElement;
        if (t.type === 'search' || t.type === 'text') typed(e.currentTarget);
        else go(formQuery(e.currentTarget), { fromForm: true });
      }}
    >
      {children}
    </form>
  );
}

/**
 * A link that, with JavaScript, changes the search in place instead of reloading. Without a
 * `go` of its own it uses the one around the server-rendered results (./live-results.tsx).
 */
export function LiveLink({
  path,
  qs,
  go: own,
  ...rest
}: { path: string; qs: string; go?: Go } & Omit<ComponentProps<'a'>, 'href'>) {
  const live = useLiveResults();
  const go = own ?? live.go;
  return (
    <a
      href={hrefOf(path, qs)}
      onClick={(e) => {
        if (!go || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
        e.preventDefault();
        go(qs);
      }}
      {...rest}
    />
  );
}

const fieldLabel = 'mb-1 block font-bold';
const control =
  'block min-h-12 w-full rounded-lg border-2 border-muted bg-white px-3 text-lg text-ink focus:border-brand';

function optionText(o: FacetOption) {
  return `${o.label}（${o.count}）`;
}

/** A labelled drop-down; each option shows how many results it would give. */
export function SelectFilter({
  name,
  label,
  options,
  value,
  anyLabel = common.any,
  showCounts = true,
}: {
  name: string;
  label: string;
  options: FacetOption[] | { value: string; label: string }[];
  value: string;
  anyLabel?: string;
  showCounts?: boolean;
}) {
  const id = `f-${name}`;
  return (
    <div>
      <label htmlFor={id} className={fieldLabel}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={control}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {showCounts && 'count' in o ? optionText(o) : o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A group of checkboxes for a repeatable filter, each with its count. */
export function CheckboxFilter({
  name,
  label,
  options,
  values,
}: {
  name: string;
  label: string;
  options: FacetOption[];
  values: string[];
}) {
  return (
    <fieldset>
      <legend className={fieldLabel}>{label}</legend>
      <div className="flex flex-wrap gap-2">
        {options.map((o) => (
          <label
            key={o.value}
            className="flex min-h-12 cursor-pointer items-center gap-2 rounded-lg border-2 border-line bg-white px-3 has-[:checked]:border-brand has-[:checked]:bg-brand-soft"
          >
            <input type="checkbox" name={name} value={o.value} defaultChecked={values.includes(o.value)} className="size-5 shrink-0 accent-brand" />
            <span>{optionText(o)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A single yes/no filter. */
export function ToggleFilter({
  name,
  label,
  checked,
  count,
  hint,
}: {
  name: string;
  label: string;
  checked: boolean;
  count?: number;
  hint?: string;
}) {
  return (
    <label className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border-2 border-line bg-white px-3 py-2 has-[:checked]:border-brand has-[:checked]:bg-brand-soft">
      <input type="checkbox" name={name} value="1" defaultChecked={checked} className="size-5 shrink-0 accent-brand" />
      <span>
        {label}
        {count !== undefined && `（${count}）`}
        {hint && <span className="block text-base text-muted">{hint}</span>}
      </span>
    </label>
  );
}

/** The keyword box with its search button. */
export function KeywordField({ label, value, placeholder, hint }: { label: string; value: string; placeholder?: string; hint?: string }) {
  return (
    <div>
      <label htmlFor="f-q" className={fieldLabel}>
        {label}
      </label>
      {hint && (
        <p id="f-q-hint" className="mb-1 text-base text-muted">
          {hint}
        </p>
      )}
      {/* The button moves under the box before the box gets too narrow for its placeholder (长辈版 on a phone). */}
      <div className="flex flex-wrap gap-2">
        <input
          id="f-q"
          type="search"
          name="q"
          defaultValue={value}
          placeholder={placeholder}
          maxLength={40}
          aria-describedby={hint ? 'f-q-hint' : undefined}
          className={`${control} min-w-[10em] flex-1 basis-0`}
        />
        <button type="submit" className={buttonStyles.primary}>
          {common.search}
        </button>
      </div>
    </div>
  );
}

/** Active filters as removable chips, with "clear all". */
export function ActiveFilters({ chips, path, qs, go }: { chips: Chip[]; path: string; qs: string; go?: Go }) {
  if (chips.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" aria-label={common.activeFilters} role="group">
      <span className="font-bold">{common.activeFilters}：</span>
      {chips.map((c) => (
        <LiveLink
          key={`${c.key}=${c.value ?? ''}`}
          path={path}
          go={go}
          qs={withoutParam(qs, c.key, c.value)}
          aria-label={common.remove(c.label)}
          className="inline-flex min-h-11 items-center gap-1 rounded-full border-2 border-brand bg-brand-soft px-3 text-base text-brand-dark no-underline"
        >
          {c.label}
          <span aria-hidden="true" className="text-lg">
            ×
          </span>
        </LiveLink>
      ))}
      <LiveLink path={path} go={go} qs="" className="min-h-11 px-2 text-base">
        {common.clearAll}
      </LiveLink>
    </div>
  );
}

/** Previous/next with the page number: simple to hit on a phone. */
export function Pagination({
  page,
  pageCount,
  path,
  qs,
  go,
}: {
  page: number;
  pageCount: number;
  path: string;
  qs: string;
  go?: Go;
}) {
  if (pageCount <= 1) return null;
  const cls = `${buttonStyles.secondary} min-w-28`;
  return (
    <nav aria-label={common.pagination} className="mt-6 flex items-center justify-between gap-2">
      {page > 1 ? (
        <LiveLink path={path} go={go} qs={withPage(qs, page - 1)} className={cls} rel="prev">
          {common.prev}
        </LiveLink>
      ) : (
        <span />
      )}
      <span className="text-muted">{common.page(page, pageCount)}</span>
      {page < pageCount ? (
        <LiveLink path={path} go={go} qs={withPage(qs, page + 1)} className={cls} rel="next">
          {common.next}
        </LiveLink>
      ) : (
        <span />
      )}
    </nav>
  );
}

/**
 * "共 N 条" announced politely when it changes, plus a busy hint while fetching (`busy`, or
 * else that of the live results around it).
 */
export function ResultsSummary({ total, busy: own, children }: { total: number; busy?: boolean; children?: ReactNode }) {
  const live = useLiveResults();
  const busy = own ?? live.busy;
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2" aria-live="polite" aria-busy={busy}>
      <p className="text-lg font-bold" data-testid="result-count">
        {common.results(total)}
        {busy && <span className="ml-2 text-base font-normal text-muted">{common.loading}</span>}
      </p>
      {children}
    </div>
  );
}
