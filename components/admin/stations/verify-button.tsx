'use client';
import { RefusalNotice, SavedNotice, useAdminForm } from '@/components/admin/form';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/db/admin/result';
import { STATION_FIELD_LABELS, stationAdmin as t } from './strings';
import { useRecordVersion } from '../record-version';

/** 今天已核实: one press records today as the day the details were checked. */
export function VerifyButton({
  id,
  version: fromServer,
  action,
}: {
  id: number;
  version: number;
  action: (input: { id: number; version: number }) => Promise<ActionResult<{ version: number; lastVerifiedOn: string }>>;
}) {
  const [version, setVersion] = useRecordVersion('station', id, fromServer);
  const f = useAdminForm<{ version: number; lastVerifiedOn: string }, { id: number; version: number }>({
    initial: { id, version },
    action,
    onSuccess: (r) => setVersion(r.version),
  });
  return (
    <div>
      <SavedNotice message={f.saved} />
      <RefusalNotice refusal={f.refusal} labels={STATION_FIELD_LABELS} />
      <Button type="button" variant="secondary" disabled={f.pending} onClick={() => f.submit({ version })}>
        {t.overview.verifyToday}
      </Button>
    </div>
  );
}
