import { Suspense, type ReactNode } from 'react';
import type { NavSection } from '../../domain/permissions.ts';
import { useSignedIn } from '../api/me.ts';
import { ForbiddenPage, PageLoader } from '../components/StatusPages.tsx';

/** A registered feature's page, for roles whose navigation includes its section. */
export function FeatureGate({ section, children }: { section: NavSection; children: ReactNode }) {
  const me = useSignedIn();
  if (!me.navigation.includes(section)) return <ForbiddenPage />;
  return <Suspense fallback={<PageLoader />}>{children}</Suspense>;
}
