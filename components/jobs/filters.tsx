import type { FacetOption } from '@/db/queries/search-page';
import type { CourseOrigins } from '@/db/queries/courses/origins';
import { jobText } from './strings';

const pill =
  'flex min-h-12 cursor-pointer items-center gap-2 rounded-lg border-2 border-line bg-white px-3 has-[:checked]:border-brand has-[:checked]:bg-brand-soft has-[:checked]:font-bold';
const fieldLabel = 'mb-1 block font-bold';
const control = 'block min-h-12 w-full rounded-lg border-2 border-muted bg-white px-3 text-lg text-ink focus:border-brand';

/**
 * One choice among options as radio buttons with counts (pay, date): one tap, and still a plain
 * GET form field without JavaScript.
 */
export function RadioFilter({ name, legend, hint, anyLabel, options, value }: { name: string; legend: string; hint?: string; anyLabel: string; options: FacetOption[]; value: string }) {
  return (
    <fieldset aria-describedby={hint ? `f-${name}-hint` : undefined}>
      <legend className={fieldLabel}>{legend}</legend>
      {hint && (
        <p id={`f-${name}-hint`} className="mb-1 text-base text-muted">
          {hint}
        </p>
      )}
      <div className="flex flex-wrap gap-2 lg:flex-col">
        <label className={pill}>
          <input type="radio" name={name} value="" defaultChecked={value === ''} className="size-5 accent-brand" />
          <span>{anyLabel}</span>
        </label>
        {options.map((o) => (
          <label key={o.value} className={pill}>
            <input type="radio" name={name} value={o.value} defaultChecked={value === o.value} className="size-5 accent-brand" />
            <span>
              {o.label}（{o.count}）
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** «离我多远»: counts only once a place is chosen (without one the distance is not applied). */
export function DistanceSelect({ options, value, hasOrigin }: { options: FacetOption[]; value: string; hasOrigin: boolean }) {
  return (
    <div>
      <label htmlFor="f-dist" className={fieldLabel}>
        {jobText.distanceLabel}
      </label>
      {!hasOrigin && (
        <p id="f-dist-hint" className="mb-1 text-base text-muted">
          {jobText.distanceHint}
        </p>
      )}
      <select id="f-dist" name="dist" defaultValue={value} aria-describedby={hasOrigin ? undefined : 'f-dist-hint'} className={control}>
        <option value="">{jobText.anyDistance}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {hasOrigin ? `${o.label}（${o.count}）` : o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
