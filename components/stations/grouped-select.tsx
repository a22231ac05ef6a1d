import type { Ref } from 'react';

export type SelectGroup = { label: string; options: { value: string; label: string; count?: number }[] };

/**
 * A labelled drop-down whose options sit in <optgroup>s (the service catalogue by category,
 * places by kind). Same look as the shared SelectFilter.
 */
export function GroupedSelect({
  id,
  name,
  label,
  groups,
  value,
  anyLabel,
  hint,
  selectRef,
  onChange,
}: {
  id: string;
  name: string;
  label: string;
  groups: SelectGroup[];
  value: string;
  anyLabel: string;
  hint?: string;
  selectRef?: Ref<HTMLSelectElement>;
  onChange?: () => void;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mb-1 text-base text-muted">
          {hint}
        </p>
      )}
      <select
        id={id}
        name={name}
        defaultValue={value}
        ref={selectRef}
        onChange={onChange}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="block min-h-12 w-full rounded-lg border-2 border-muted bg-white px-3 text-lg text-ink focus:border-brand"
      >
        <option value="">{anyLabel}</option>
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.count === undefined ? o.label : `${o.label}（${o.count}）`}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
