'use client';
/**
 * The version of a record that every save and lifecycle move on an admin page names, so two
 * people cannot silently overwrite each other. One page often has several writers of the same
 * record (a course's form and its 提交审核 button; a station's details, hours, exceptions and
 * 核对 button). A save's answer carries the new version and every writer of that record moves on
 * at once — before the refreshed page arrives, so a move pressed right after a save is not
 * refused as somebody else's change. The refreshed page's version counts too (another person's
 * save). Versions only grow, so the larger one is current.
 *
 * One provider in the console layout holds the versions seen on the page; it starts afresh on
 * every page, so an id used again after a delete never inherits an old version.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { usePathname } from 'next/navigation';
import type { AdminAction } from '@/db/admin/result';

type Seen = { versions: Readonly<Record<string, number>>; saw: (key: string, version: number) => void };

const PageVersions = createContext<Seen | null>(null);

function SeenOnThisPage({ children }: { children: ReactNode }) {
  const [versions, setVersions] = useState<Readonly<Record<string, number>>>({});
  const saw = useCallback(
    (key: string, version: number) => setVersions((v) => ((v[key] ?? 0) >= version ? v : { ...v, [key]: version })),
    [],
  );
  const value = useMemo(() => ({ versions, saw }), [versions, saw]);
  return <PageVersions.Provider value={value}>{children}</PageVersions.Provider>;
}

/** Wraps the console: the versions seen, kept per page. */
export function RecordVersions({ children }: { children: ReactNode }) {
  return <SeenOnThisPage key={usePathname()}>{children}</SeenOnThisPage>;
}

/**
 * The version to send for one record (`entity` and `id` name it, e.g. 'course', 12), and the
 * function a writer calls with the version its save returned.
 */
export function useRecordVersion(entity: string, id: number, fromServer: number) {
  const page = useContext(PageVersions);
  const [own, setOwn] = useState(fromServer);
  const key = `${entity}:${id}`;
  const seen = page ? (page.versions[key] ?? 0) : own;
  const saw = page?.saw;
  const keep = useCallback((v: number) => (saw ? saw(key, v) : setOwn((o) => Math.max(o, v))), [saw, key]);
  return [Math.max(fromServer, seen), keep] as const;
}

/** The same action, telling `saw` the record's version that each accepted call returns. */
export function keepingVersion<T extends { version: number }, I>(action: AdminAction<T, I>, saw: (version: number) => void): AdminAction<T, I> {
  return async (input) => {
    const r = await action(input);
    if (r.ok) saw(r.version);
    return r;
  };
}
