/**
 * The live queue in the browser: one EventSource per tab on `/api/v1/referrals/stream`, shared by every
 * screen that wants it. An event says only that a referral moved; the referral queries refetch. The
 * browser reconnects a dropped stream by itself; a refused one (signed out, server down) is retried here
 * with a growing pause. Screens also refetch on focus, so nothing is missed while offline.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { queryClient } from '../../app/queryClient.ts';
import { referralKeys } from './api.ts';

export type LiveState = 'connecting' | 'live' | 'offline';

const URL = '/api/v1/referrals/stream';
/** Events in a burst refresh once. */
const REFRESH_DELAY_MS = 300;
const MAX_RETRY_MS = 60_000;

let source: EventSource | null = null;
let users = 0;
let attempts = 0;
let retry: ReturnType<typeof setTimeout> | null = null;
let pending: ReturnType<typeof setTimeout> | null = null;
let state: LiveState = 'offline';
const watchers = new Set<() => void>();

function setState(next: LiveState) {
  if (state === next) return;
  state = next;
  for (const w of watchers) w();
}

function refresh() {
  if (pending) return;
  pending = setTimeout(() => {
    pending = null;
    void queryClient.invalidateQueries({ queryKey: referralKeys.all });
  }, REFRESH_DELAY_MS);
}

function connect() {
  if (source || typeof EventSource === 'undefined') return;
  setState('connecting');
  const es = new EventSource(URL);
  source = es;
  es.onopen = () => {
    attempts = 0;
    setState('live');
    // Whatever happened while the stream was down is in the lists now.
    refresh();
  };
  es.addEventListener('referral', refresh);
  es.onerror = () => {
    if (es.readyState !== EventSource.CLOSED) {
      setState('connecting');
      return;
    }
    es.close();
    source = null;
    setState('offline');
    if (users > 0 && !retry) {
      const wait = Math.min(MAX_RETRY_MS, 2_000 * 2 ** attempts++);
      retry = setTimeout(() => {
        retry = null;
        if (users > 0) connect();
      }, wait);
    }
  };
}

function disconnect() {
  if (retry) clearTimeout(retry);
  retry = null;
  source?.close();
  source = null;
  attempts = 0;
  setState('offline');
}

/** Keeps the stream open while the calling component is mounted (and `enabled`); returns its state. */
export function useReferralLive(enabled = true): LiveState {
  useEffect(() => {
    if (!enabled) return;
    users++;
    connect();
    return () => {
      users--;
      if (users === 0) disconnect();
    };
  }, [enabled]);
  return useSyncExternalStore(
    (notify) => {
      watchers.add(notify);
      return () => watchers.delete(notify);
    },
    () => state,
    () => 'offline',
  );
}
