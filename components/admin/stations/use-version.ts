'use client';
import { useEffect, useState } from 'react';

/**
 * The station version a form saves against. It moves on after this form's own save (from the
 * action's answer) and after a sibling form's save (the refreshed page passes the new one).
 */
export function useStationVersion(fromServer: number) {
  const [version, setVersion] = useState(fromServer);
  useEffect(() => setVersion(fromServer), [fromServer]);
  return [version, setVersion] as const;
}
