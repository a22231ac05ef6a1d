import type { FacetOption } from '@/db/queries/search-page';
import { fairText } from './strings';

const pill =
  'flex min-h-12 cursor-pointer items-center gap-2 rounded-lg border-2 border-line bg-white px-3 has-[:checked]:border-brand has-[:checked]:bg-brand-soft has-[:checked]:font-bold';

/**
 * 今天 / 明天 / 7天内 / 30天内 as radio buttons, so the shortcut is one tap and still a plain GET
 * form field without JavaScript.
 */
export function DateFilter({ options, value }: { options: FacetOption[]; value: string }) {
  return (
    <fieldset>
      <legend className="mb-1 block font-bold">{fairText.dateLegend}</legend>
      <div className="flex flex-wrap gap-2 lg:flex-col">
        <label className={pill}>
          <input type="radio" name="date" value="" defaultChecked={value === ''} className="size-5 accent-brand" />
          <span>{fairText.anyDate}</span>
        </label>
        {options.map((o) => (
          <label key={o.value} className={pill}>
            <input type="radio" name="date" value={o.value} defaultChecked={value === o.value} className="size-5 accent-brand" />
            <span>
              {o.label}（{o.count}）
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** «只看往期招聘会»: sends when=past; unticked means the default, upcoming fairs. */
export function PastToggle({ checked, count }: { checked: boolean; count: number }) {
  return (
    <label className={`${pill} py-2`}>
      <input type="checkbox" name="when" value="past" defaultChecked={checked} className="size-5 shrink-0 accent-brand" />
      <span>
        {fairText.pastToggle}（{count}）
        <span className="block text-base font-normal text-muted">{fairText.pastToggleHint}</span>
      </span>
    </label>
  );
}
