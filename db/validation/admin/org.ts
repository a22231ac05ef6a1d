/**
 * Training providers and places (机构与场地): the schemas the admin forms check in the browser and
 * the server actions check again. Neither record has a publication state, so there is one level
 * of checking: what is saved is what residents see on the course and fair pages.
 *
 * Coordinates are optional: left empty (both), the place takes its street's centre (the writer
 * fills that in and says so). Given, they must lie in a box around Beijing — practice bases may
 * be outside Fengtai (顺义), but not outside the city.
 */
import { z } from 'zod';
import { PLACE_KINDS } from '../../enums';
import { optionalId, optionalText, oneOf, phone, recordId, text, version } from './fields';
import { orgText } from '@/components/admin/orgs/strings';

const v = orgText.validation;

/** The box the coordinates must lie in (Beijing municipality, with a small margin). */
export const BEIJING_BOX = { latMin: 39.4, latMax: 41.1, lngMin: 115.4, lngMax: 117.6 } as const;

// ---------------------------------------------------------------------------
// Providers
// ---------------------------------------------------------------------------

const providerFields = {
  name: text('机构全称', 100),
  shortName: text('简称', 30),
  intro: optionalText('机构介绍', 2000),
  phone: phone('联系电话'),
  address: text('地址', 200),
};

export const providerCreateSchema = z.object(providerFields);
export const providerUpdateSchema = z.object({ id: recordId, version, ...providerFields });

export type ProviderInput = z.output<typeof providerCreateSchema>;
export type ProviderUpdateInput = z.output<typeof providerUpdateSchema>;

// ---------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------

/** An optional decimal from a form field: '' → null; anything else must be a finite number. */
function coordinate(notNumber: string) {
  return z.preprocess(
    (x) => (x === undefined || x === null || (typeof x === 'string' && x.trim() === '') ? null : typeof x === 'string' ? Number(x.trim()) : x),
    z.number({ error: notNumber }).refine(Number.isFinite, notNumber).nullable(),
  );
}

const placeFields = {
  name: text('场地名称', 100),
  kind: oneOf(PLACE_KINDS, '场地类型'),
  providerId: optionalId('所属培训机构'),
  streetId: optionalId('所在街镇'),
  address: text('地址', 200),
  lat: coordinate(v.latNumber),
  lng: coordinate(v.lngNumber),
  note: optionalText('备注', 500),
};

type PlaceShape = { kind: string; providerId: number | null; streetId: number | null; lat: number | null; lng: number | null };

function placeRules(p: PlaceShape, ctx: z.RefinementCtx) {
  if (p.lat !== null && (p.lat < BEIJING_BOX.latMin || p.lat > BEIJING_BOX.latMax)) ctx.addIssue({ code: 'custom', path: ['lat'], message: v.latRange });
  if (p.lng !== null && (p.lng < BEIJING_BOX.lngMin || p.lng > BEIJING_BOX.lngMax)) ctx.addIssue({ code: 'custom', path: ['lng'], message: v.lngRange });
  if (p.lat === null && p.lng !== null) ctx.addIssue({ code: 'custom', path: ['lat'], message: v.latMissing });
  if (p.lng === null && p.lat !== null) ctx.addIssue({ code: 'custom', path: ['lng'], message: v.lngMissing });
  if (p.lat === null && p.lng === null && p.streetId === null) ctx.addIssue({ code: 'custom', path: ['lat'], message: v.coordsNeeded });
  if (p.kind === 'classroom' && p.providerId === null) ctx.addIssue({ code: 'custom', path: ['providerId'], message: v.classroomProvider });
}

export const placeCreateSchema = z.object(placeFields).superRefine(placeRules);
export const placeUpdateSchema = z.object({ id: recordId, version, ...placeFields }).superRefine(placeRules);

export type PlaceInput = z.output<typeof placeCreateSchema>;
export type PlaceUpdateInput = z.output<typeof placeUpdateSchema>;

/** Deleting either kind of record: which one, and the version the editor saw. */
export const orgDeleteSchema = z.object({ id: recordId, version });
