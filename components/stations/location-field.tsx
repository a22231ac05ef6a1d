'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { OriginOption } from '@/db/queries/stations';
import { insideArea } from '@/db/domain/area';
import { GroupedSelect } from './grouped-select';
import { stationSearchLabels, stationStrings as t } from './strings';

/**
 * "Near me": with JavaScript a button asks the browser for the position and submits it in
 * hidden lat/lng fields; without it (or instead) a select of 街镇 centres and landmarks.
 * Choosing one clears the other, so the form never sends both.
 */
export function LocationField({
  origins,
  near,
  lat,
  lng,
}: {
  origins: { streets: OriginOption[]; places: OriginOption[] };
  near: string | null;
  lat: number | null;
  lng: number | null;
}) {
  const [canLocate, setCanLocate] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const latRef = useRef<HTMLInputElement>(null);
  const lngRef = useRef<HTMLInputElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);

  // Rendered only after hydration: without JavaScript the button could do nothing.
  useEffect(() => setCanLocate(typeof navigator !== 'undefined' && 'geolocation' in navigator), []);

  const locate = () => {
    setMessage(null);
    if (!navigator.geolocation) {
      setMessage(t.locationUnavailable);
      return;
    }
    setBusy(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setBusy(false);
        const la = pos.coords.latitude.toFixed(4);
        const ln = pos.coords.longitude.toFixed(4);
        if (!insideArea(Number(la), Number(ln))) {
          setMessage(t.locationOutside);
          return;
        }
        if (!latRef.current || !lngRef.current) return;
        latRef.current.value = la;
        lngRef.current.value = ln;
        if (selectRef.current) selectRef.current.value = '';
        latRef.current.form?.requestSubmit();
      },
      (err) => {
        setBusy(false);
        setMessage(err.code === err.PERMISSION_DENIED ? t.locationDenied : t.locationUnavailable);
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  };

  const usingDevice = near === null && lat !== null && lng !== null;

  return (
    <fieldset className="space-y-3">
      <legend className="mb-1 font-bold">{t.locationLegend}</legend>
      {canLocate && (
        <Button type="button" variant="secondary" className="w-full" onClick={locate} disabled={busy} aria-describedby="f-near-privacy">
          {busy ? t.locating : t.useMyLocation}
        </Button>
      )}
      {canLocate && (
        <p id="f-near-privacy" className="text-base text-muted">
          {t.locationPrivacy}
        </p>
      )}
      {usingDevice && <p className="text-base font-medium">{t.usingMyLocation}</p>}
      <div role="status" className="empty:hidden">
        {message && <p className="rounded-lg bg-warn-soft px-3 py-2 text-base text-warn">{message}</p>}
      </div>
      <GroupedSelect
        id="f-near"
        name="near"
        label={t.whereAmI}
        value={near ?? ''}
        anyLabel={t.whereAmIAny}
        selectRef={selectRef}
        onChange={() => {
          // Runs before the form's change handler reads the fields: drop the device position.
          if (latRef.current) latRef.current.value = '';
          if (lngRef.current) lngRef.current.value = '';
        }}
        groups={[
          { label: stationSearchLabels.originStreetGroup, options: origins.streets },
          { label: stationSearchLabels.originPlaceGroup, options: origins.places },
        ]}
      />
      <input type="hidden" name="lat" ref={latRef} defaultValue={usingDevice && lat !== null ? lat.toFixed(4) : ''} />
      <input type="hidden" name="lng" ref={lngRef} defaultValue={usingDevice && lng !== null ? lng.toFixed(4) : ''} />
    </fieldset>
  );
}
