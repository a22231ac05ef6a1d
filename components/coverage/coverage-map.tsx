import type { CoverageResult, CoverageSet } from '@/db/domain/coverage';
import { coverageText as t } from './strings';

/** Short label for the map: '右安门街道' → '右安门'; towns keep '镇'. */
function shortName(name: string): string {
  return name.endsWith('街道') ? name.slice(0, -2) : name;
}

/**
 * The grid drawn as an inline SVG: no tiles, no script, works offline. One path per state,
 * built from horizontal runs of cells, keeps the markup small (a few hundred runs instead of
 * thousands of squares). Uncovered cells are hatched, so the map does not rely on colour.
 */
export function CoverageMap({ result, set, setLabel }: { result: CoverageResult; set: CoverageSet; setLabel: string }) {
  const { grid, pointStreet } = result;
  const covered = result.covered[set];
  const inSet = new Set(result.stationIds[set]);
  const yOf = (row: number) => grid.rows - 1 - row;

  let coveredPath = '';
  let uncoveredPath = '';
  let borders = '';
  const sums = result.streets.map(() => ({ x: 0, y: 0, n: 0 }));

  for (let row = 0; row < grid.rows; row++) {
    let col = 0;
    while (col < grid.cols) {
      const i = row * grid.cols + col;
      const street = pointStreet[i]!;
      if (street < 0) {
        col++;
        continue;
      }
      const state = covered[i];
      let end = col + 1;
      while (end < grid.cols && pointStreet[row * grid.cols + end]! >= 0 && covered[row * grid.cols + end] === state) end++;
      const d = `M${col - 0.5} ${yOf(row) - 0.5}h${end - col}v1h${col - end}z`;
      if (state) coveredPath += d;
      else uncoveredPath += d;
      col = end;
    }
    for (let c = 0; c < grid.cols; c++) {
      const i = row * grid.cols + c;
      const s = pointStreet[i]!;
      if (s >= 0) {
        const sum = sums[s]!;
        sum.x += c;
        sum.y += yOf(row);
        sum.n++;
      }
      // A line between two cells of different 街镇 (or a 街镇 and the outside).
      const east = c + 1 < grid.cols ? pointStreet[i + 1]! : -1;
      if (s !== east && (s >= 0 || east >= 0)) borders += `M${c + 0.5} ${yOf(row) - 0.5}v1`;
      const north = row + 1 < grid.rows ? pointStreet[i + grid.cols]! : -1;
      if (s !== north && (s >= 0 || north >= 0)) borders += `M${c - 0.5} ${yOf(row) - 0.5}h1`;
    }
  }

  const x = (lng: number) => (lng - grid.west) / grid.dLng;
  const y = (lat: number) => grid.rows - 1 - (lat - grid.south) / grid.dLat;

  return (
    <figure className="rounded-xl border border-line bg-white p-3">
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t.mapScrollLabel}>
        <svg
          viewBox={`-1 -1 ${grid.cols + 1} ${grid.rows + 1}`}
          className="block h-auto w-full min-w-[40rem]"
          role="img"
          aria-labelledby="coverage-map-title coverage-map-desc"
          data-testid="coverage-map"
        >
          <title id="coverage-map-title">{t.mapTitle(setLabel)}</title>
          <desc id="coverage-map-desc">{t.mapDesc}</desc>
          <defs>
            <pattern id="coverage-hatch" width="1" height="1" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="1" height="1" fill="#fde8e8" />
              <line x1="0" y1="0" x2="0" y2="1" stroke="#a4161a" strokeWidth="0.35" />
            </pattern>
          </defs>
          <path d={coveredPath} fill="#7cc49a" data-testid="coverage-covered" />
          <path d={uncoveredPath} fill="url(#coverage-hatch)" data-testid="coverage-uncovered" />
          <path d={borders} stroke="#4a4f57" strokeWidth="0.15" fill="none" />
          {result.stations.map((s) => (
            <circle
              key={s.id}
              cx={x(s.lng)}
              cy={y(s.lat)}
              r={0.9}
              fill={inSet.has(s.id) ? '#083a78' : '#ffffff'}
              stroke="#083a78"
              strokeWidth={0.35}
            />
          ))}
          {result.streets.map((s, i) => {
            const sum = sums[i]!;
            if (sum.n === 0) return null;
            return (
              <text
                key={s.id}
                x={sum.x / sum.n}
                y={sum.y / sum.n}
                textAnchor="middle"
                dominantBaseline="middle"
                fontSize="2.2"
                fill="#1a1a1a"
                stroke="#ffffff"
                strokeWidth="0.5"
                paintOrder="stroke"
              >
                {shortName(s.name)}
              </text>
            );
          })}
        </svg>
      </div>
      <figcaption className="mt-3 flex flex-wrap gap-x-5 gap-y-2 text-base">
        <span className="inline-flex items-center gap-2">
          <svg width="20" height="20" aria-hidden="true">
            <rect width="20" height="20" fill="#7cc49a" stroke="#4a4f57" />
          </svg>
          {t.legendCovered}
        </span>
        <span className="inline-flex items-center gap-2">
          <svg width="20" height="20" aria-hidden="true">
            <rect width="20" height="20" fill="#fde8e8" stroke="#4a4f57" />
            <path d="M0 8L8 0M0 16L16 0M4 20L20 4M12 20L20 12" stroke="#a4161a" strokeWidth="2" />
          </svg>
          {t.legendUncovered}
        </span>
        <span className="inline-flex items-center gap-2">
          <svg width="20" height="20" aria-hidden="true">
            <circle cx="10" cy="10" r="6" fill="#083a78" />
          </svg>
          {t.legendStationIn}
        </span>
        {set !== 'all' && (
          <span className="inline-flex items-center gap-2">
            <svg width="20" height="20" aria-hidden="true">
              <circle cx="10" cy="10" r="6" fill="#fff" stroke="#083a78" strokeWidth="2.5" />
            </svg>
            {t.legendStationOut}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
