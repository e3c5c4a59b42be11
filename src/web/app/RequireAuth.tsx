import { Center } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageLoader } from '../components/LoadingState.tsx';
import { useSession } from '../features/auth/session.ts';

/** Pages behind login: wait for the session, or send the person to /login and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) {
    return (
      <Center mih="60vh" component="main">
        <PageLoader />
      </Center>
    );
  }
  if (session.error) {
    return (
      <Center mih="60vh" p="md" component="main">
        <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />
      </Center>
    );
  }
  if (!session.data)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}
