import type { PickOption } from '@/db/domain/pick-match';
import { Combobox } from './combobox';

/**
 * The drop-downs of the admin list filters (a plain GET form, so lists filter without
 * JavaScript too). `any`, when given, is the first option and means "no filter".
 */
export const filterLabelClass = 'mb-1 block font-bold';
export const filterControlClass = 'block min-h-12 w-full rounded-lg border-2 border-muted bg-white px-3 text-lg text-ink';

export function FilterSelect({
  name,
  label,
  value,
  options,
  any,
}: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  any?: string;
}) {
  return (
    <div>
      <label htmlFor={`f-${name}`} className={filterLabelClass}>
        {label}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={value} className={filterControlClass}>
        {any !== undefined && <option value="">{any}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A filter over a long list (providers): the searchable picker, a plain select without JavaScript. */
export function FilterCombobox({ name, label, value, options, any }: { name: string; label: string; value: string; options: readonly PickOption[]; any: string }) {
  return (
    <div>
      <label htmlFor={`f-${name}`} className={filterLabelClass}>
        {label}
      </label>
      <Combobox id={`f-${name}`} name={name} defaultValue={value} options={options} empty={any} className={filterControlClass} />
    </div>
  );
}
