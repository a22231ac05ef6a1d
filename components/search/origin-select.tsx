import type { CourseOrigins } from '@/db/queries/courses/origins';

/** The words of one list's «我在哪里» select (each list says what the distance is for). */
export type OriginWords = { label: string; hint: string; none: string; landmarks: string; streets: string };

/**
 * «我在哪里»: 街镇 centres and landmarks, in the one origin encoding (near=s12 / p7). The same
 * select on every list that measures distances (courses, jobs); a plain GET field.
 */
export function OriginSelect({ origins, value, words }: { origins: CourseOrigins; value: string; words: OriginWords }) {
  return (
    <div>
      <label htmlFor="f-near" className="mb-1 block font-bold">
        {words.label}
      </label>
      <p id="f-near-hint" className="mb-1 text-base text-muted">
        {words.hint}
      </p>
      <select
        id="f-near"
        name="near"
        defaultValue={value}
        aria-describedby="f-near-hint"
        className="block min-h-12 w-full rounded-lg border-2 border-muted bg-white px-3 text-lg text-ink focus:border-brand"
      >
        <option value="">{words.none}</option>
        <optgroup label={words.landmarks}>
          {origins.landmarks.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </optgroup>
        <optgroup label={words.streets}>
          {origins.streets.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}
