import { stationStrings as t } from './strings';

/**
 * «办理需带» under a service: one short line in lists (the station page's 79 services, a result card),
 * or a checklist with large ticks where the resident's own service is shown first.
 */
export function ServiceMaterials({ materials, variant = 'line' }: { materials: readonly string[]; variant?: 'line' | 'checklist' }) {
  if (materials.length === 0) return null;
  if (variant === 'checklist') {
    return (
      <div className="mt-2" data-testid="service-materials">
        <p className="font-bold">{t.materialsLabel}</p>
        <ul className="mt-1 space-y-1">
          {materials.map((m) => (
            <li key={m} className="flex gap-2">
              <span aria-hidden="true" className="font-bold text-brand">
                ✓
              </span>
              <span>{m}</span>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <p className="text-base" data-testid="service-materials">
      <span className="font-bold">{t.materialsLabel}：</span>
      {materials.join('、')}
    </p>
  );
}
