'use server';
/**
 * Server actions of the admin station pages. Each one checks the session itself, then the
 * data layer (db/admin/stations.ts) loads the station, authorises on it (ownership for 驿站
 * accounts), validates, checks the version, writes, audits and reindexes in one transaction.
 */
import { getDb } from '@/db';
import { requireActor } from '@/db/auth/guard';
import { guarded, type ActionResult } from '@/db/admin/action';
import {
  closeStationToday,
  createStation,
  deleteStationException,
  markVerifiedToday,
  reopenStationToday,
  saveStationException,
  saveStationHours,
  saveStationServices,
  transitionStation,
  updateStationDetails,
} from '@/db/admin/stations';
import type { Publication } from '@/db/enums';
import { stationAdmin as t } from '@/components/admin/stations/strings';

export async function createStationAction(input: unknown): Promise<ActionResult<{ id: number; version: number }>> {
  return guarded('station.create', async () => {
    const actor = await requireActor();
    return { ok: true, message: t.details.created, ...createStation(getDb(), actor, input) };
  });
}

export async function updateStationDetailsAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return guarded('station.update', async () => {
    const actor = await requireActor();
    return { ok: true, ...updateStationDetails(getDb(), actor, input) };
  });
}

export async function markStationVerifiedAction(input: unknown): Promise<ActionResult<{ version: number; lastVerifiedOn: string }>> {
  return guarded('station.verify', async () => {
    const actor = await requireActor();
    return { ok: true, message: t.overview.verifiedDone, ...markVerifiedToday(getDb(), actor, input) };
  });
}

export async function saveStationHoursAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return guarded('station.hours', async () => {
    const actor = await requireActor();
    return { ok: true, ...saveStationHours(getDb(), actor, input) };
  });
}

export async function saveStationExceptionAction(input: unknown): Promise<ActionResult<{ version: number; exceptionId: number }>> {
  return guarded('station.exception.save', async () => {
    const actor = await requireActor();
    return { ok: true, ...saveStationException(getDb(), actor, input) };
  });
}

export async function deleteStationExceptionAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return guarded('station.exception.delete', async () => {
    const actor = await requireActor();
    return { ok: true, message: t.exceptions.deleted, ...deleteStationException(getDb(), actor, input) };
  });
}

export async function saveStationServicesAction(input: unknown): Promise<ActionResult<{ version: number; count: number }>> {
  return guarded('station.services', async () => {
    const actor = await requireActor();
    return { ok: true, ...saveStationServices(getDb(), actor, input) };
  });
}

export async function closeStationTodayAction(input: unknown): Promise<ActionResult<{ version: number; exceptionId: number }>> {
  return guarded('station.closeToday', async () => {
    const actor = await requireActor();
    return { ok: true, message: t.today.closedDone, ...closeStationToday(getDb(), actor, input) };
  });
}

export async function reopenStationTodayAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return guarded('station.reopenToday', async () => {
    const actor = await requireActor();
    return { ok: true, message: t.today.reopened, ...reopenStationToday(getDb(), actor, input) };
  });
}

export async function transitionStationAction(input: unknown): Promise<ActionResult<{ version: number; publication: Publication }>> {
  return guarded('station.transition', async () => {
    const actor = await requireActor();
    return { ok: true, ...transitionStation(getDb(), actor, input) };
  });
}
